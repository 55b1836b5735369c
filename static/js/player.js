// Lesson video player: adaptive HLS through hls.js (loaded only when the learner presses play),
// a quality menu with each quality's data cost, and a data saver (sound only) remembered on this device.
// Without JavaScript, or where HLS cannot play, the <video> plays the small MP4.
(function () {
  "use strict";
  var SAVER_KEY = "tadrib-data-saver";

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  document.querySelectorAll("[data-player]").forEach(function (figure) {
    var video = figure.querySelector("video");
    var controls = figure.querySelector(".player__controls");
    var quality = figure.querySelector("[data-quality]");
    var saver = figure.querySelector("[data-saver]");
    var master = figure.dataset.master;
    var audio = figure.dataset.audio;
    var hls = null;
    var started = false;

    function source() {
      return saver && saver.checked && audio ? audio : master;
    }

    function attach(position) {
      var url = source();
      if (hls) {
        hls.loadSource(url);
      } else if (video.canPlayType("application/vnd.apple.mpegurl")) {
        video.src = url;
      } else {
        return;
      }
      video.addEventListener("loadedmetadata", function () {
        if (position > 0) video.currentTime = position;
        video.play().catch(function () {});
      }, { once: true });
    }

    function start() {
      if (started) return;
      started = true;
      var position = video.currentTime || parseFloat(figure.dataset.start) || 0;
      var script = figure.dataset.hlsScript;
      var ready = window.Hls || !script ? Promise.resolve() : loadScript(script).catch(function () {});
      ready.then(function () {
        if (window.Hls && window.Hls.isSupported()) {
          hls = new window.Hls({ capLevelToPlayerSize: true, startLevel: -1 });
          hls.attachMedia(video);
          hls.on(window.Hls.Events.MANIFEST_PARSED, function () {
            if (controls) controls.hidden = false;
          });
        }
        if (hls || video.canPlayType("application/vnd.apple.mpegurl")) {
          video.pause();
          attach(position);
        }
      });
    }

    if (saver) {
      saver.checked = window.localStorage && localStorage.getItem(SAVER_KEY) === "1";
      figure.classList.toggle("player--saver", saver.checked);
      saver.addEventListener("change", function () {
        if (window.localStorage) localStorage.setItem(SAVER_KEY, saver.checked ? "1" : "0");
        figure.classList.toggle("player--saver", saver.checked);
        if (started) attach(video.currentTime);
      });
    }
    if (quality) {
      quality.addEventListener("change", function () {
        if (!hls) return;
        var height = parseInt((quality.selectedOptions[0] || {}).dataset ? quality.selectedOptions[0].dataset.height : "", 10);
        var index = -1;
        hls.levels.forEach(function (level, i) { if (level.height === height) index = i; });
        hls.currentLevel = index;
      });
    }
    video.addEventListener("play", start);
  });
})();
