// Lessons saved for offline use. On a lesson page, "Save this lesson for offline" stores the page, its poster and
// captions, and the small MP4 (or, with the data saver on, the sound file) in the person's lessons cache; each file
// is stored only if the server let it through its access check. The service worker (templates/offline/sw/lessons.js)
// answers from that cache. On "My offline lessons" the saved ones are listed with their size, and can be deleted.
(function () {
  "use strict";
  var script = document.currentScript;
  var person = window.TadribQueue && window.TadribQueue.person;
  var list = document.querySelector("[data-saved-lessons]");
  if (!script || (!person && !list) || !window.caches || !("serviceWorker" in navigator)) return;
  var text = script.dataset;
  var CACHE = "tadrib-lessons-" + person;
  var CATALOGUE = "/offline/saved-lessons/"; // one JSON entry per saved lesson, in the same cache

  function megabytes(bytes) {
    var value = Math.max(bytes / 1e6, 0.1);
    var language = document.documentElement.lang === "ar" ? "ar-DZ-u-nu-latn" : document.documentElement.lang;
    var number = value.toLocaleString(language, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
    return text.megabytes.replace("{size}", number);
  }

  function told() {
    if (navigator.serviceWorker.controller) navigator.serviceWorker.controller.postMessage({ type: "LESSONS_CHANGED" });
  }

  function saved() {
    return caches.has(CACHE).then(function (exists) { return exists ? caches.open(CACHE) : null; }).then(function (cache) {
      if (!cache) return [];
      return cache.keys().then(function (requests) {
        var entries = requests.filter(function (request) { return new URL(request.url).pathname.indexOf(CATALOGUE) === 0; });
        return Promise.all(entries.map(function (request) {
          return cache.match(request).then(function (response) { return response.json(); });
        }));
      });
    });
  }

  function forget(lesson) {
    return caches.open(CACHE).then(function (cache) {
      return Promise.all(lesson.files.concat([CATALOGUE + lesson.id]).map(function (url) { return cache.delete(url); }));
    }).then(told);
  }

  // "My offline lessons" is kept with the lessons, so that it opens offline too (templates/offline/sw/pages.js).
  function keepListPage() {
    return fetch(text.listUrl, { credentials: "same-origin" }).then(function (response) {
      if (response.ok && !response.redirected) return caches.open(CACHE).then(function (cache) { return cache.put(text.listUrl, response); });
      return null;
    }).catch(function () { /* offline: the copy kept before stays */ });
  }

  // ---- A lesson page: save it ------------------------------------------------------------------------------------
  var button = document.querySelector("[data-save-lesson]");
  if (button) {
    var status = document.createElement("span");
    status.setAttribute("role", "status");
    status.className = "player__save-status";
    var listLink = document.createElement("a");
    listLink.href = text.listUrl;
    listLink.textContent = text.listLabel;
    button.after(status, " ", listLink);
    var lessonId = location.pathname;
    var soundOnly = function () {
      try { return Boolean(button.dataset.sound) && localStorage.getItem("tadrib-data-saver") === "1"; } catch (e) { return false; }
    };
    var label = function () { button.textContent = soundOnly() ? button.dataset.labelSound : button.dataset.labelVideo; };
    label();
    document.addEventListener("change", function (event) { if (event.target.matches("[data-saver]")) label(); });
    button.hidden = false;
    saved().then(function (lessons) {
      if (lessons.some(function (lesson) { return lesson.id === lessonId; })) status.textContent = text.alreadySaved;
    });

    button.addEventListener("click", function () {
      var media = soundOnly() ? button.dataset.sound : button.dataset.video;
      var files = [location.pathname, media].concat(button.dataset.files.split(" "));
      button.disabled = true;
      status.textContent = text.saving;
      var total = 0;
      var check = navigator.storage && navigator.storage.estimate ? navigator.storage.estimate() : Promise.resolve(null);
      var needed = parseInt(soundOnly() ? button.dataset.soundBytes : button.dataset.videoBytes, 10) || 0;
      check.then(function (estimate) {
        // Room for the media and the rest (page, poster, captions) first: a full disk is said before any download.
        if (estimate && estimate.quota && estimate.quota - estimate.usage < needed + 1e6) {
          throw new DOMException("", "QuotaExceededError");
        }
        return caches.open(CACHE).then(function (cache) {
          return files.reduce(function (chain, url, index) {
            return chain.then(function () {
              return fetch(url, { credentials: "same-origin", headers: { "X-Tadrib-Offline-Save": "1" } }).then(function (response) {
                if (!response.ok) throw new Error(String(response.status)); // refused: nothing of it is stored
                return response.blob().then(function (body) {
                  total += body.size;
                  status.textContent = text.saving + " " + Math.round(100 * (index + 1) / files.length) + " %";
                  return cache.put(url, new Response(body, { status: 200, headers: response.headers }));
                });
              });
            });
          }, Promise.resolve()).then(function () {
            var entry = {
              id: lessonId, url: location.pathname, title: document.title.split(" · ")[0], bytes: total,
              files: files, savedAt: new Date().toISOString(),
            };
            return cache.put(CATALOGUE + lessonId, new Response(JSON.stringify(entry), { headers: { "Content-Type": "application/json" } }));
          });
        });
      }).then(function () {
        told();
        keepListPage();
        status.textContent = text.saved.replace("{size}", megabytes(total));
        button.disabled = false;
      }, function (error) {
        // Nothing half-saved is left behind, or reported as saved.
        caches.open(CACHE).then(function (cache) {
          return Promise.all(files.concat([CATALOGUE + lessonId]).map(function (url) { return cache.delete(url); }));
        }).then(told);
        status.textContent = error && error.name === "QuotaExceededError" ? text.noSpace : text.failed;
        button.disabled = false;
      });
    });
  }

  // ---- "My offline lessons" --------------------------------------------------------------------------------------
  // The page is the same for everyone (precached), so it finds the person's cache: the worker keeps only the lessons
  // of the person last signed in on this device (templates/offline/sw/people.js).
  if (!list) return;
  if (navigator.onLine && person) keepListPage();
  var totalLine = document.querySelector("[data-saved-total]");
  function show() {
    caches.keys().then(function (names) {
      CACHE = names.filter(function (name) { return name.indexOf("tadrib-lessons-") === 0; })[0] || CACHE;
      return saved();
    }).then(function (lessons) {
      list.textContent = "";
      var sum = 0;
      lessons.sort(function (a, b) { return a.savedAt < b.savedAt ? 1 : -1; }).forEach(function (lesson) {
        sum += lesson.bytes;
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = lesson.url;
        link.textContent = lesson.title;
        var size = document.createElement("span");
        size.textContent = " · " + megabytes(lesson.bytes) + " ";
        var remove = document.createElement("button");
        remove.type = "button";
        remove.className = "button button--small button--secondary";
        remove.textContent = text.delete;
        remove.addEventListener("click", function () { forget(lesson).then(show); });
        item.append(link, size, remove);
        list.append(item);
      });
      var used = navigator.storage && navigator.storage.estimate ? navigator.storage.estimate() : Promise.resolve(null);
      used.then(function (estimate) {
        var line = lessons.length ? text.total.replace("{size}", megabytes(sum)) : text.none;
        if (estimate && estimate.quota) line += " " + text.free.replace("{size}", megabytes(estimate.quota - estimate.usage));
        totalLine.textContent = line;
      });
    });
  }
  show();
})();
