// Baan service worker: the village handbook stays readable with no network.
// - Handbook and tourism pages (handbook, contacts, news, places, events, the map's data): network
//   first, a copy kept for offline.
// - Static files (/assets/…, small scripts, the offline basemap): cache first. The basemap's names
//   carry no fingerprint: bump STATIC when `scripts/build-offline-map.mjs` regenerates them.
// - "Save the whole handbook": the page sends the list of article addresses; all are fetched.
// Only pages the server marks `Baan-Cache: public` are kept (what any anonymous reader gets);
// a signed-in request's answer never is (staff pages hold guests' names and phones). Saving on
// request fetches without cookies, in the page's language, so a signed-in reader still saves the
// public page. Signing out (POST /logout) empties the kept pages.
// v2: copies kept by v1 (which also kept signed-in pages) are deleted on activation.
// Static v3: offline.js now saves pages without cookies; phones must not keep the old copy.
var PAGES = 'baan-pages-v2';
var STATIC = 'baan-static-v3';
var OFFLINE_PAGE = '/__baan-offline';
var KEEP = /^\/[a-z0-9-]+\/(handbook|contacts|news|tourism|events|places\.geojson)(\/|$|\?)/;

self.addEventListener('install', function () {
  self.skipWaiting();
});

self.addEventListener('activate', function (event) {
  event.waitUntil(
    caches
      .keys()
      .then(function (names) {
        return Promise.all(
          names
            .filter(function (n) {
              return n !== PAGES && n !== STATIC;
            })
            .map(function (n) {
              return caches.delete(n);
            }),
        );
      })
      .then(function () {
        return self.clients.claim();
      }),
  );
});

function isStatic(url) {
  return (
    url.pathname.indexOf('/assets/') === 0 ||
    url.pathname === '/checklist.js' ||
    url.pathname === '/offline.js' ||
    url.pathname === '/favicon.svg' ||
    /^\/map\/(offline-style\.json|land\.geojson|borders\.geojson)$/.test(url.pathname)
  );
}

function isPublic(response) {
  return Boolean(response) && response.status === 200 && response.type === 'basic' && response.headers.get('Baan-Cache') === 'public';
}

function keepPage(request, response) {
  if (!isPublic(response)) return response;
  var copy = response.clone();
  caches.open(PAGES).then(function (cache) {
    cache.put(request, copy);
  });
  return response;
}

self.addEventListener('fetch', function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === 'POST' && (url.pathname === '/logout' || url.pathname === '/logout.data')) {
    // Signing out: nothing kept while signed in may outlive the session on this device.
    event.waitUntil(caches.delete(PAGES));
    return;
  }
  if (request.method !== 'GET') return;

  if (isStatic(url)) {
    event.respondWith(
      caches.open(STATIC).then(function (cache) {
        return cache.match(request).then(function (hit) {
          return (
            hit ||
            fetch(request).then(function (response) {
              if (response.ok) cache.put(request, response.clone());
              return response;
            })
          );
        });
      }),
    );
    return;
  }

  if (request.mode === 'navigate' && KEEP.test(url.pathname + url.search)) {
    event.respondWith(
      fetch(request)
        .then(function (response) {
          return keepPage(request, response);
        })
        .catch(function () {
          return caches.open(PAGES).then(function (cache) {
            return cache.match(request, { ignoreVary: true }).then(function (hit) {
              if (hit) return hit;
              var index = url.pathname.split('/').slice(0, 3).join('/');
              return cache.match(index, { ignoreVary: true }).then(function (fallback) {
                if (fallback) return fallback;
                // The page last seen left its translated "you are offline" page here.
                return cache.match(OFFLINE_PAGE).then(function (page) {
                  return page || new Response('', { status: 503 });
                });
              });
            });
          });
        }),
    );
  }
});

// Messages from pages: cache these addresses now (the page just shown, or the whole handbook).
self.addEventListener('message', function (event) {
  var data = event.data || {};
  if (data.type === 'offline-page' && typeof data.html === 'string') {
    event.waitUntil(
      caches.open(PAGES).then(function (cache) {
        return cache.put(
          OFFLINE_PAGE,
          new Response(data.html, {
            status: 503,
            // A page made here, not by the server: it runs no script and loads only Baan's own styles.
            headers: {
              'Content-Type': 'text/html; charset=utf-8',
              'Content-Security-Policy': "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'",
            },
          }),
        );
      }),
    );
    return;
  }
  if (data.type !== 'cache' || !Array.isArray(data.urls)) return;
  // Anonymous fetches in the page's language: what is saved is the public page, never a signed-in one.
  var language = typeof data.lang === 'string' && /^[a-z]{2}(-[A-Za-z]{2})?$/.test(data.lang) ? data.lang : null;
  var port = event.ports && event.ports[0];
  var done = 0;
  var failed = 0;
  event.waitUntil(
    Promise.all(
      data.urls.slice(0, 500).map(function (href) {
        var url = new URL(href, self.location.origin);
        if (url.origin !== self.location.origin) return null;
        var target = isStatic(url) ? STATIC : PAGES;
        var isPage = target === PAGES;
        var init = isPage ? { credentials: 'omit', headers: language ? { 'Accept-Language': language } : {} } : { credentials: 'same-origin' };
        return fetch(url.href, init)
          .then(function (response) {
            if (!response.ok || (isPage && !isPublic(response))) throw new Error(String(response.status));
            return caches.open(target).then(function (cache) {
              return cache.put(url.href, response);
            });
          })
          .then(function () {
            done++;
            if (port) port.postMessage({ type: 'progress', done: done, failed: failed, total: data.urls.length });
          })
          .catch(function () {
            failed++;
            if (port) port.postMessage({ type: 'progress', done: done, failed: failed, total: data.urls.length });
          });
      }),
    ).then(function () {
      if (port) port.postMessage({ type: 'done', done: done, failed: failed, total: data.urls.length });
    }),
  );
});
