// Saves where the learner is in a lesson video, so "Continue" resumes there.
// Progressive enhancement: without this script the video still plays.
(function () {
  "use strict";
  var lesson = document.querySelector(".lesson[data-position-url]");
  if (!lesson) return;
  var url = lesson.dataset.positionUrl;
  var csrf = lesson.dataset.csrf;
  var EVERY_SECONDS = 15;

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
      fetch(url, {
        method: "POST",
        body: body,
        keepalive: true,
        credentials: "same-origin",
        headers: { "X-CSRFToken": csrf },
      }).catch(function () { /* offline: the next beacon carries a later position */ });
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
})();
