// Registers the service worker that keeps the Atlas usable offline. A separate file because the
// Content-Security-Policy allows only the inline scripts it names by hash (Trunk's loader, the
// early ECharts fetch and the shell's), each checked at build time by scripts/post-build.mjs.
if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  addEventListener('load', () => navigator.serviceWorker.register('sw.js').catch(() => {}));
}
