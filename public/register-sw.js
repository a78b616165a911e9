// Registers the service worker that keeps the Atlas usable offline. A separate file because the
// Content-Security-Policy allows only the inline scripts it names by hash (Trunk's loader, the
// early ECharts fetch and the shell's), whose hashes scripts/post-build.mjs computes at build time.
// After the page has loaded and then once the browser is idle (within 5 s): installing it fetches
// every asset again to precache it, which must not compete with the page's own start-up (issue 26).
if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  addEventListener('load', () => {
    const register = () => navigator.serviceWorker.register('sw.js').catch(() => {});
    if ('requestIdleCallback' in window) requestIdleCallback(register, { timeout: 5000 });
    else setTimeout(register, 1000);
  });
}
