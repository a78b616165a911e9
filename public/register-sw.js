// The page's one script besides Trunk's loader (the Content-Security-Policy allows no inline script).
//
// A deep link to a view that opens with a chart starts fetching ECharts (and the map's boundaries)
// now, beside the wasm, instead of after the wasm has started; the app's own script element then
// takes the preloaded file. The overview, table and sources views never ask for them.
(() => {
  const view = new URLSearchParams(location.search).get('view');
  const files = { trends: ['echarts.js'], sectors: ['echarts.js'], tour: ['echarts.js'], map: ['echarts.js', 'beijing.json'] }[view] || [];
  for (const file of files) {
    const link = document.createElement('link');
    link.rel = 'preload';
    link.href = file;
    link.as = file.endsWith('.js') ? 'script' : 'fetch';
    if (link.as === 'fetch') link.crossOrigin = 'anonymous';
    document.head.appendChild(link);
  }
})();

// Registers the service worker that keeps the Atlas usable offline.
if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  addEventListener('load', () => navigator.serviceWorker.register('sw.js').catch(() => {}));
}
