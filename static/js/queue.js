// The offline queue: changes a learner makes without a link (a video's position, a lesson marked done, a quiz's
// answers) wait in IndexedDB and are sent when the link returns: by Background Sync where the browser has it (the
// service worker imports this file), else when a page sees the link come back, or at the next visit.
// Each change carries an idempotency key, so sending it twice applies it once (offline/replays.py), and the person
// who made it, so another account never applies it. The server's rules decide (a quiz answer sent after the deadline
// is refused); what it refuses is kept, with its reason, until a page has shown it.
(function (scope) {
  "use strict";
  var DATABASE = "tadrib-offline";
  var STORE = "queue";
  var SYNC_TAG = "tadrib-queue";
  var MAX_AGE_DAYS = 25; // under the 30 days the server keeps keys (offline/replays.py KEPT_FOR)

  function request(operation) {
    return new Promise(function (resolve, reject) {
      operation.onsuccess = function () { resolve(operation.result); };
      operation.onerror = function () { reject(operation.error); };
    });
  }

  function withStore(mode, work) {
    var opening = indexedDB.open(DATABASE, 1);
    opening.onupgradeneeded = function () { opening.result.createObjectStore(STORE, { keyPath: "slot" }); };
    return request(opening).then(function (database) {
      return new Promise(function (resolve, reject) {
        var transaction = database.transaction(STORE, mode);
        var result;
        Promise.resolve(work(transaction.objectStore(STORE))).then(function (value) { result = value; }, reject);
        transaction.oncomplete = function () { database.close(); resolve(result); };
        transaction.onerror = transaction.onabort = function () { database.close(); reject(transaction.error); };
      });
    });
  }

  function newKey() {
    if (scope.crypto && scope.crypto.randomUUID) return scope.crypto.randomUUID();
    var bytes = scope.crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 0x100).toString(16).slice(1); }).join("");
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join("-");
  }

  // One waiting change per slot ("position:<url>", "done:<url>", "answers:<url>"): the pages send their whole state,
  // so a newer change replaces the one still waiting and a replay never takes the learner back in time.
  function put(change) {
    var entry = {
      slot: change.slot, url: change.url, body: change.body, csrf: change.csrf, user: change.user,
      key: newKey(), queuedAt: Date.now(), refused: null,
    };
    return withStore("readwrite", function (store) { return request(store.put(entry)); }).then(function () {
      if (scope.registration && scope.registration.sync) return scope.registration.sync.register(SYNC_TAG);
      if (scope.navigator && navigator.serviceWorker && navigator.serviceWorker.getRegistration) {
        return navigator.serviceWorker.getRegistration().then(function (registration) {
          return registration && registration.sync ? registration.sync.register(SYNC_TAG) : null;
        }).catch(function () { return null; });
      }
      return null;
    }).then(function () { return entry; });
  }

  function entries() {
    return withStore("readonly", function (store) { return request(store.getAll()); });
  }

  // Removes or updates an entry only if it is still the one that was sent (a newer change may have replaced it).
  function settle(entry, refused) {
    return withStore("readwrite", function (store) {
      return request(store.get(entry.slot)).then(function (current) {
        if (!current || current.key !== entry.key) return null;
        if (refused === undefined) return request(store.delete(entry.slot));
        current.refused = refused;
        return request(store.put(current));
      });
    });
  }

  // In a page the current CSRF cookie is sent (a new login renews it); the worker has only the one saved with the
  // change, and a refusal of it waits for a page.
  function csrfToken(entry) {
    var cookie = scope.document && /(?:^|;\s*)csrftoken=([^;]+)/.exec(scope.document.cookie);
    return cookie ? decodeURIComponent(cookie[1]) : entry.csrf;
  }

  function send(entry) {
    return fetch(entry.url, {
      method: "POST",
      body: entry.body,
      credentials: "same-origin",
      redirect: "manual",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        "Accept": "application/json",
        "X-CSRFToken": csrfToken(entry),
        "Idempotency-Key": entry.key,
        "X-Tadrib-Made-By": entry.user,
      },
    }).then(function (response) {
      if (response.ok) return settle(entry).then(function () { return "sent"; });
      // Not now (busy, logged out: the person logs in again), or a refusal that is not the server's rule (an
      // expired CSRF token answers HTML): kept for a later try. A JSON error is the server's rule: said, then dropped.
      if (response.status === 429 || response.status === 401 || response.status >= 500) return "later";
      return response.json().catch(function () { return {}; }).then(function (answer) {
        if (!answer.error) return "later";
        return settle(entry, answer.error).then(function () { return "refused"; });
      });
    });
  }

  var flushing = null;
  // Sends the person's waiting changes, oldest first, and stops at the first that must wait (no link, server busy).
  // Changes of another account on this device are dropped: nobody signed in here may apply them. One flush at a
  // time; a change queued during one is sent by another right after it.
  function flush(user) {
    if (flushing) return flushing.then(function () { return flush(user); }, function () { return flush(user); });
    flushing = entries().then(function (all) {
      var tooOld = Date.now() - MAX_AGE_DAYS * 24 * 3600 * 1000;
      var sent = 0;
      var chain = Promise.resolve(true);
      all.sort(function (a, b) { return a.queuedAt - b.queuedAt; }).forEach(function (entry) {
        chain = chain.then(function (going) {
          if (!going) return false;
          // Another account's changes (even refused ones) and those older than the server remembers keys: dropped.
          if (entry.user !== user || entry.queuedAt < tooOld) return settle(entry).then(function () { return true; });
          if (entry.refused) return true;
          return send(entry).then(function (outcome) {
            if (outcome === "sent") sent += 1;
            return true; // a change that must wait does not hold back the others
          }, function () { return false; }); // no link: the rest waits too
        });
      });
      return chain.then(function () { return sent; });
    }).then(function (sent) {
      flushing = null;
      return sent;
    }, function (error) {
      flushing = null;
      throw error;
    });
    return flushing;
  }

  // What the server refused, for a page to say once; it is then forgotten.
  function takeRefusals(user) {
    return entries().then(function (all) {
      var refused = all.filter(function (entry) { return entry.refused && entry.user === user; });
      return Promise.all(refused.map(function (entry) { return settle(entry); })).then(function () { return refused; });
    });
  }

  function clear() {
    return withStore("readwrite", function (store) { return request(store.clear()); });
  }

  var queue = {
    SYNC_TAG: SYNC_TAG, put: put, entries: entries, flush: flush, takeRefusals: takeRefusals, clear: clear,
    person: null,
  };
  scope.TadribQueue = queue;
  if (!scope.document || !scope.indexedDB) return; // the service worker uses the functions above only

  // ---- In a page: the person's queue is sent when the page opens and when the link returns -----------------------
  var script = scope.document.currentScript;
  var text = script ? script.dataset : {};
  queue.person = text.person || null;
  var notice = null;
  var noticeTimer = null;

  function say(message) {
    if (!notice) {
      notice = document.createElement("p");
      notice.className = "app-banner queue-banner";
      notice.setAttribute("role", "status");
      (document.querySelector(".app-banners") || document.body).append(notice);
    }
    notice.textContent = message;
    notice.hidden = !message;
    window.clearTimeout(noticeTimer);
    noticeTimer = window.setTimeout(function () { notice.hidden = true; }, 12000);
  }

  // Changes made while offline: saved here, and said so; sent at once if the link is there after all.
  queue.save = function (change) {
    change.user = queue.person;
    return put(change).then(function () {
      say(text.saved);
      if (navigator.onLine) sendWaiting();
    });
  };

  // One sender per device: the worker, where one controls the page (it also answers Background Sync, and sends
  // one change at a time), else this page.
  function byWorker(controller) {
    return new Promise(function (resolve, reject) {
      var channel = new MessageChannel();
      var timer = window.setTimeout(function () { reject(new Error("the worker did not answer")); }, 60000);
      channel.port1.onmessage = function (event) {
        window.clearTimeout(timer);
        if (event.data && typeof event.data.sent === "number") resolve(event.data.sent);
        else reject(new Error("the worker could not send"));
      };
      controller.postMessage({ type: "SEND_QUEUE", person: queue.person }, [channel.port2]);
    });
  }

  function sendWaiting() {
    if (!queue.person) return Promise.resolve();
    var controller = navigator.serviceWorker && navigator.serviceWorker.controller;
    return (controller ? byWorker(controller) : flush(queue.person)).then(function (sent) {
      if (sent) say(text.sent);
      return takeRefusals(queue.person);
    }).then(function (refused) {
      if (refused.length) say(refused.map(function (entry) { return text.refused.replace("{reason}", entry.refused); }).join(" "));
    }).catch(function () { /* the link dropped again: the next chance sends them */ });
  }

  // Actions that need the server now (starting a timed quiz): refused offline with a clear reason.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form instanceof HTMLFormElement && form.hasAttribute("data-online-only") && !navigator.onLine) {
      event.preventDefault();
      event.stopImmediatePropagation(); // before quiz.js forgets the answers and disables the button
      say(form.dataset.onlineOnly);
    }
  }, true);
  scope.addEventListener("online", sendWaiting);
  if (navigator.onLine) sendWaiting();
})(self);
