// Registers the service worker that keeps the Atlas usable offline. A separate file because the
// Content-Security-Policy allows no inline script but Trunk's own loader.
if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  addEventListener('load', () => navigator.serviceWorker.register('sw.js').catch(() => {}));
}
