// The Atlas's service worker: after one visit the page and any deep link open with the network
// off. scripts/post-build.mjs fills in this build's version and its list of hashed assets.
const VERSION = '__VERSION__';
const ASSETS = ['__ASSETS__'];
const CACHE = `atlas-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ASSETS)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith('atlas-') && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // Every view is the same page with another query string: try the network, else the cached page.
    event.respondWith(
      fetch(request).catch(() => caches.match('./', { cacheName: CACHE })),
    );
    return;
  }
  // Assets: the cache first. A new build has a new VERSION (from the files' contents) and cache.
  event.respondWith(caches.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request)));
});
