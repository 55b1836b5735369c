// Tadrib as an installable app (offline/): registers the service worker (/sw.js), tells the reader when a page
// comes from this device's copy or when the link drops, offers a new version, and forgets the person's saved pages
// at logout. Progressive enhancement: without it, or without service workers, the site works as before.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) return;
  var text = script.dataset;
  var root = document.documentElement;
  var PERSONAL_CACHES = /^tadrib-(pages-|lessons-|people$)/; // templates/offline/sw/people.js

  // ---- Banners -----------------------------------------------------------------------------------------------
  var banners = document.createElement("div");
  banners.className = "app-banners";
  var status = document.createElement("div"); // no default margins: empty, it takes no room
  status.className = "app-banner";
  status.setAttribute("role", "status");
  var update = document.createElement("div");
  update.className = "app-banner app-banner--update";
  update.setAttribute("role", "status");
  banners.append(status, update);
  // At the bottom of the screen, over the page: a banner above the page would push it down, and Chromium's scroll
  // restoration would then scroll a reloaded page by the banner's height. The body's end gets room for it instead.
  document.body.append(banners);
  function makeRoom() {
    document.body.classList.toggle("has-app-banner", Boolean(status.textContent || update.textContent));
  }

  var onlineTimer = null;
  function say(message, kind) {
    window.clearTimeout(onlineTimer);
    status.textContent = message;
    status.dataset.kind = kind;
    makeRoom();
  }

  function formatDate(iso) {
    var date = new Date(iso);
    if (!iso || isNaN(date.getTime())) return "";
    // Algeria writes Arabic dates with Latin digits and its own month names (ar-DZ).
    var locale = root.lang === "ar" ? "ar-DZ" : root.lang;
    try {
      return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short" }).format(date);
    } catch (error) {
      return date.toLocaleString();
    }
  }

  // The service worker marks a page it shows from this device's copy (templates/offline/sw/pages.js explains why
  // the mark is in the document): say so, with the date of the copy.
  var saved = root.dataset.tadribSaved;
  var isOfflinePage = root.hasAttribute("data-tadrib-offline-page");
  if (saved !== undefined) {
    var date = formatDate(saved);
    say(date ? text.offlineSaved.replace("{date}", date) : text.offline, "offline");
  } else if (!navigator.onLine && !isOfflinePage) {
    say(text.offline, "offline");
  }
  window.addEventListener("offline", function () {
    if (status.dataset.kind !== "offline") say(text.offline, "offline");
  });
  window.addEventListener("online", function () {
    say(text.online, "online");
    onlineTimer = window.setTimeout(function () { say("", ""); }, 10000);
  });

  // ---- Logout: forget this person's saved pages --------------------------------------------------------------
  // The logout answer also carries Clear-Site-Data (offline/middleware.py); this covers browsers that ignore it.
  function forgetSavedPages() {
    if (!window.caches) return Promise.resolve();
    return caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) { return PERSONAL_CACHES.test(name); })
        .map(function (name) { return caches.delete(name); }));
    });
  }
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || new URL(form.action, location.href).pathname !== text.logout) return;
    event.preventDefault();
    var sent = false;
    function send() {
      if (!sent) { sent = true; form.submit(); }
    }
    var queue = window.TadribQueue ? window.TadribQueue.clear().catch(function () {}) : Promise.resolve();
    Promise.all([forgetSavedPages(), queue]).then(send, send); // and what the person did offline (queue.js)
    window.setTimeout(send, 3000); // never hold a logout back
  });

  // ---- Service worker and new versions -----------------------------------------------------------------------
  if (!("serviceWorker" in navigator) || !window.workbox) return;
  var wb = new window.workbox.Workbox(text.worker, { scope: "/" });
  // A new version waits (templates/offline/sw/lifecycle.js): offer it, and reload once it controls this page, so the
  // page then runs with the new assets only.
  wb.addEventListener("waiting", function () {
    update.textContent = "";
    var message = document.createElement("span");
    message.textContent = text.update;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button button--small";
    button.textContent = text.reload;
    button.addEventListener("click", function () {
      button.disabled = true;
      wb.addEventListener("controlling", function () { window.location.reload(); });
      wb.messageSkipWaiting();
    });
    update.append(message, " ", button);
    makeRoom();
  });
  window.addEventListener("online", function () { wb.update(); });
  wb.register();
})();
