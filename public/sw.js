// The Atlas's service worker: after one visit the page and any deep link open with the network
// off. scripts/post-build.mjs fills in this build's version and its list of hashed assets.
const VERSION = '__VERSION__';
const ASSETS = ['__ASSETS__'];
// Caches are named by the worker's scope, so two deployments on one origin (/atlas/ and
// /atlas-staging/) never touch each other's.
const PREFIX = `atlas ${self.registration.scope} `;
const CACHE = `${PREFIX}${VERSION}`;

// No skipWaiting(): a new build's worker waits until no tab of the previous build is open, so an
// open tab keeps the worker and the cache of its own build (its lazily fetched texts among them)
// and is never handed to a worker whose cache lacks them. The next visit gets the new build.
self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ASSETS)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      // Only this scope's older caches (and those of the builds before scope-named caches).
      .then((keys) => Promise.all(keys
        .filter((key) => key !== CACHE && (key.startsWith(PREFIX) || /^atlas-[0-9a-f]+$/.test(key)))
        .map((key) => caches.delete(key))))
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
  // Assets: this build's cache first. A new build has a new VERSION (from the files' contents) and cache.
  event.respondWith(caches.open(CACHE)
    .then((cache) => cache.match(request, { ignoreSearch: true }))
    .then((hit) => hit || fetch(request)));
});
