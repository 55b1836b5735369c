// Quiz attempt: saves the answers as they change (kept on the device while the connection is lost), and
// counts down the time left, submitting when it runs out. The server decides everything; this only helps.
(function () {
  "use strict";

  var form = document.querySelector("[data-quiz-form]");
  if (!form || !window.fetch || !window.FormData) return;
  var status = form.querySelector("[data-save-status]");
  var key = "tadrib-quiz:" + form.dataset.saveUrl;
  var timer = null;
  var retryDelay = 2000;

  function snapshot() {
    var values = [];
    new FormData(form).forEach(function (value, name) {
      if (name !== "csrfmiddlewaretoken") values.push([name, value]);
    });
    return values;
  }

  function remember() {
    try { window.localStorage.setItem(key, JSON.stringify(snapshot())); } catch (error) { /* private mode */ }
  }

  function forget() {
    try { window.localStorage.removeItem(key); } catch (error) { /* private mode */ }
  }

  function restore() {
    var saved;
    try { saved = JSON.parse(window.localStorage.getItem(key) || "null"); } catch (error) { saved = null; }
    if (!saved) return false;
    var byName = {};
    saved.forEach(function (pair) { (byName[pair[0]] = byName[pair[0]] || []).push(pair[1]); });
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || field.name.charAt(0) !== "q") return;
      var values = byName[field.name] || [];
      if (field.type === "radio" || field.type === "checkbox") field.checked = values.indexOf(field.value) !== -1;
      else if (values.length) field.value = values[0];
    });
    return true;
  }

  // Without a link the answers wait in the offline queue (static/js/queue.js), sent when it returns; once one is
  // queued, later ones go the same way, so an older state can never arrive after a newer one.
  var queue = window.TadribQueue && window.TadribQueue.person ? window.TadribQueue : null;
  var queued = false;

  function keep() {
    queued = true;
    var body = new URLSearchParams(new FormData(form));
    body.delete("csrfmiddlewaretoken");
    queue.save({
      slot: "answers:" + form.dataset.saveUrl, url: form.dataset.saveUrl, body: body.toString(),
      csrf: form.querySelector("[name=csrfmiddlewaretoken]").value,
    });
    if (!navigator.onLine) status.textContent = form.dataset.textOffline;
  }

  function send() {
    timer = null;
    if (queue && (queued || !navigator.onLine)) { keep(); return; }
    var body = new FormData(form);
    fetch(form.dataset.saveUrl, { method: "POST", body: body, credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (data) {
          if (response.ok) {
            forget();
            retryDelay = 2000;
            status.textContent = form.dataset.textSaved + " · " + new Date().toLocaleTimeString();
          } else if (response.status === 409 || response.status === 403) {
            forget();
            window.location.reload(); // submitted elsewhere or time is up: the server shows the result
          } else {
            status.textContent = data.error || response.statusText;
          }
        });
      })
      .catch(function () {
        if (queue) { keep(); return; }
        status.textContent = form.dataset.textOffline;
        timer = window.setTimeout(send, retryDelay);
        retryDelay = Math.min(retryDelay * 2, 30000);
      });
  }

  function changed() {
    remember();
    if (timer) window.clearTimeout(timer);
    timer = window.setTimeout(send, 700);
  }

  form.addEventListener("change", changed);
  form.addEventListener("input", changed);
  form.addEventListener("submit", function () {
    forget();
    var button = form.querySelector("[data-submit]");
    if (button) window.setTimeout(function () { button.disabled = true; }, 0); // one submission per click
  });
  window.addEventListener("online", function () { if (timer) { window.clearTimeout(timer); send(); } });
  if (restore()) send(); // answers typed while offline, before a reload

  var clock = document.querySelector("[data-seconds-left]");
  if (clock) {
    var deadline = Date.now() + 1000 * parseInt(clock.dataset.secondsLeft, 10);
    var text = clock.querySelector("[data-timer-text]");
    var tick = function () {
      var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
      var minutes = Math.floor(left / 60);
      var seconds = left % 60;
      text.textContent = minutes + ":" + (seconds < 10 ? "0" : "") + seconds;
      if (left === 0) {
        status.textContent = form.dataset.textTimeUp;
        forget();
        form.submit();
        return;
      }
      window.setTimeout(tick, 1000);
    };
    tick();
  }
})();
