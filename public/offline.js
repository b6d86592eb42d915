// Registers Baan's service worker on handbook pages, keeps a copy of this page (and its
// stylesheet) for offline reading, and runs the "Save the whole handbook" button.
(function () {
  var box = document.querySelector('[data-save-offline]');
  if (!('serviceWorker' in navigator)) {
    // No service worker (plain http, an old browser): nothing to save with.
    if (box) box.style.display = 'none';
    return;
  }
  function assets() {
    var urls = [location.href];
    document.querySelectorAll('link[rel="stylesheet"]').forEach(function (l) {
      urls.push(l.href);
    });
    document.querySelectorAll('script[src]').forEach(function (s) {
      urls.push(s.src);
    });
    return urls;
  }
  function send(urls, onMessage) {
    return navigator.serviceWorker.ready.then(function (registration) {
      var channel = new MessageChannel();
      channel.port1.onmessage = function (event) {
        if (onMessage) onMessage(event.data);
      };
      registration.active.postMessage({ type: 'cache', urls: urls, lang: document.documentElement.lang }, [channel.port2]);
    });
  }
  // The translated page shown for an address never saved, taken from this page's own words.
  var offline = document.querySelector('template[data-offline-page]');
  navigator.serviceWorker
    .register('/sw.js', { scope: '/' })
    .then(function () {
      if (offline) {
        navigator.serviceWorker.ready.then(function (registration) {
          registration.active.postMessage({
            type: 'offline-page',
            html:
              '<!doctype html><html lang="' +
              document.documentElement.lang +
              '"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
              offline.innerHTML +
              '</html>',
          });
        });
      }
      return send(assets());
    })
    .catch(function () {
      /* no offline copy: the page still works online */
    });

  if (!box) return;
  var button = box.querySelector('button');
  var status = box.querySelector('[data-save-status]');
  button.addEventListener('click', function () {
    var urls = JSON.parse(box.getAttribute('data-save-offline') || '[]');
    button.disabled = true;
    var template = box.getAttribute('data-progress') || '{{done}} / {{total}}';
    send(urls.concat(assets()), function (message) {
      status.textContent =
        (message.type === 'done' ? (box.getAttribute('data-done') || '') + ' ' : '') +
        template.replace('{{done}}', String(message.done)).replace('{{total}}', String(message.total));
      if (message.type === 'done') button.disabled = false;
    });
  });
})();
