// Registers the service worker that keeps the Atlas usable offline. A separate file because the
// Content-Security-Policy allows only the inline scripts it names by hash (Trunk's loader, the
// early ECharts fetch and the shell's), whose hashes scripts/post-build.mjs computes at build time.
if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  addEventListener('load', () => navigator.serviceWorker.register('sw.js').catch(() => {}));
}
