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
// and is never handed to a worker whose cache lacks them. Once those tabs are closed, the next visit
// gets the new build's worker.
self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ASSETS)));
});

self.addEventListener('activate', (event) => {
  // A cache of the builds before scope-named caches (`atlas-<hex>`) is deleted only when it holds
  // this scope's page: another deployment on the origin may still be on such a build.
  const oldStyleOfThisScope = (key) => /^atlas-[0-9a-f]+$/.test(key)
    && caches.open(key).then((cache) => cache.match(new URL('./', self.registration.scope))).then(Boolean);
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.map(async (key) => {
        if (key === CACHE) return;
        if (key.startsWith(PREFIX) || await oldStyleOfThisScope(key)) await caches.delete(key);
      })))
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
  // Assets named by their contents (`-<hex>`, as Trunk and post-build name them, the directory
  // `link-shells-<hex>/` of the prerendered links' chart options among them): this build's cache
  // first. Assets whose name stays the same across builds (echarts.js, beijing.json): the network
  // first, else this build's copy, so a page of a newer build served while this worker still
  // waits never runs against this build's copies of them.
  const cached = () => caches.open(CACHE).then((cache) => cache.match(request, { ignoreSearch: true }));
  if (/-[0-9a-f]{12,16}[._/]/.test(new URL(request.url).pathname)) {
    event.respondWith(cached().then((hit) => hit || fetch(request)));
    return;
  }
  event.respondWith(fetch(request)
    .then((response) => (response.ok ? response : cached().then((hit) => hit || response)))
    .catch(() => cached().then((hit) => hit || Response.error())));
});
