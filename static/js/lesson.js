// A lesson's progress: where the learner is in its video (so "Continue" resumes there), and "Mark as done".
// Without a link both wait on this device (static/js/queue.js) and are sent when it returns.
// Progressive enhancement: without this script the video plays and the form posts as before.
(function () {
  "use strict";
  var lesson = document.querySelector(".lesson[data-position-url]");
  if (!lesson) return;
  var url = lesson.dataset.positionUrl;
  var csrf = lesson.dataset.csrf;
  var queue = window.TadribQueue && window.TadribQueue.person ? window.TadribQueue : null;
  var EVERY_SECONDS = 15;

  function keep(slot, target, body) {
    if (queue) queue.save({ slot: slot + ":" + target, url: target, body: body.toString(), csrf: csrf });
  }

  lesson.querySelectorAll("[data-player]").forEach(function (player) {
    var video = player.querySelector("video");
    var lastSent = parseFloat(player.dataset.start) || 0;
    var lastSentAt = 0;
    // Watching a finished video again: the server still holds its end, and keeps the larger position unless told
    // the learner went back on purpose.
    var restarted = player.hasAttribute("data-restart");

    function send(seek) {
      if (player.dataset.switching) return; // another quality is starting: its clock is not yet the learner's
      var position = Math.floor(video.currentTime);
      if (!isFinite(position) || (!seek && position <= lastSent)) return;
      seek = seek || restarted;
      restarted = false;
      lastSent = position;
      lastSentAt = Date.now();
      var body = new URLSearchParams({ position: String(position), seek: seek ? "true" : "false" });
      if (!navigator.onLine) {
        keep("position", url, body);
        return;
      }
      fetch(url, {
        method: "POST",
        body: body,
        keepalive: true,
        credentials: "same-origin",
        headers: { "X-CSRFToken": csrf },
      }).catch(function () { keep("position", url, body); });
    }

    video.addEventListener("timeupdate", function () {
      if (Date.now() - lastSentAt >= EVERY_SECONDS * 1000) send(false);
    });
    video.addEventListener("pause", function () { send(false); });
    video.addEventListener("seeked", function () {
      if (video.currentTime < lastSent) send(true);
    });
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") send(false);
    });
  });

  // "Mark as done" without a link: kept for later, and the button says so (online, the form posts as usual).
  var done = lesson.querySelector("form[data-lesson-done]");
  if (done && queue) {
    done.addEventListener("submit", function (event) {
      if (navigator.onLine) return;
      event.preventDefault();
      keep("done", done.action, new URLSearchParams(new FormData(done)));
      var button = done.querySelector("button");
      button.disabled = true;
      button.textContent = done.dataset.savedText;
    });
  }
})();
