// Lesson video player. It decides once, before any byte is spent, what pressing play will fetch:
// - with the data saver on, the sound file (one small AAC file; the poster stays on screen);
// - else the quality the learner chose last on this device;
// - else, on a slow or Save-Data link (navigator.connection, where the browser has it), the small MP4, one file;
// - else adaptive HLS: the browser's own where it has it, otherwise hls.js, fetched at the first play and starting
//   at the lightest rung with no bandwidth probe.
// Changing the quality or the saver while watching keeps the position and holds the last picture on screen until
// the new source plays. Without JavaScript the <video> plays the small MP4.
(function () {
  "use strict";
  var SAVER_KEY = "tadrib-data-saver";
  var QUALITY_KEY = "tadrib-quality";
  var SLOW_TYPES = ["slow-2g", "2g", "3g"];
  var SLOW_DOWNLINK_MBPS = 1.5; // 360p needs about 0.7 Mbit/s at its peaks: below twice that, one small file
  var HLS_TYPE = "application/vnd.apple.mpegurl";
  var hlsLoading = null;

  function recalled(key) {
    try { return window.localStorage.getItem(key); } catch (error) { return null; }
  }

  function remember(key, value) {
    try { window.localStorage.setItem(key, value); } catch (error) { /* storage refused: decide again next time */ }
  }

  function weakLink() {
    var link = navigator.connection;
    if (!link) return false;
    return Boolean(link.saveData) || SLOW_TYPES.indexOf(link.effectiveType) !== -1 ||
      (typeof link.downlink === "number" && link.downlink > 0 && link.downlink < SLOW_DOWNLINK_MBPS);
  }

  function loadHls(src) {
    if (window.Hls) return Promise.resolve(window.Hls);
    if (!hlsLoading) {
      hlsLoading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = src;
        script.onload = function () { resolve(window.Hls); };
        script.onerror = function (error) { hlsLoading = null; reject(error); }; // try again at the next choice
        document.head.appendChild(script);
      });
    }
    return hlsLoading;
  }

  function Player(figure) {
    var video = figure.querySelector("video");
    // The browser's own HLS only where there is no MediaSource (iPhone Safari): elsewhere hls.js plays it. Chromium's
    // own HLS (156) did not play segments from the S3 bucket's presigned addresses (measured in CI).
    function nativeHls() {
      return !window.MediaSource && !window.ManagedMediaSource && Boolean(video.canPlayType(HLS_TYPE));
    }
    var still = figure.querySelector(".player__still");
    var quality = figure.querySelector("[data-quality]");
    var saver = figure.querySelector("[data-saver]");
    var hlsSrc = figure.dataset.hlsScript;
    var start = parseFloat(figure.dataset.start) || 0;
    var hls = null;
    var pending = null; // a source waiting for hls.js, attached at the first play
    var started = false;
    var smallest = quality ? quality.options[quality.options.length - 1] : null;

    function option(key) {
      if (!quality) return null;
      for (var i = 0; i < quality.options.length; i += 1) {
        if (quality.options[i].value === key) return quality.options[i];
      }
      return null;
    }

    function fromOption(chosen) {
      return { url: chosen.dataset.src, streaming: chosen.hasAttribute("data-streaming"), name: chosen.value };
    }

    // The one decision: what this learner's press on play should fetch.
    function plan() {
      if (saver && saver.checked) return { url: saver.dataset.src, streaming: false, name: "sound" };
      var chosen = quality && quality.value !== "auto" ? option(quality.value) : null;
      if (chosen) return fromOption(chosen);
      if ((weakLink() || !hlsSrc && !nativeHls()) && smallest && smallest.dataset.src) {
        return fromOption(smallest);
      }
      return { url: figure.dataset.master, streaming: true, name: "auto" };
    }

    function stopHls() {
      if (hls) { hls.destroy(); hls = null; }
    }

    var onReady = null;
    function whenReady(position, play) {
      if (onReady) video.removeEventListener("loadedmetadata", onReady); // only the latest source's position counts
      onReady = function () {
        onReady = null;
        if (position > 0 && Math.abs(video.currentTime - position) > 0.5) video.currentTime = position;
        if (play) video.play().catch(function () {});
      };
      video.addEventListener("loadedmetadata", onReady, { once: true });
    }

    // The one-file fallback: the small MP4. Never a stream: falling back from a stream to a stream could loop.
    function fallback(position, play) {
      if (smallest && !smallest.hasAttribute("data-streaming")) attach(fromOption(smallest), position, play);
      else released();
    }

    var generation = 0; // each attach() starts one; a late hls.js load for an older choice does nothing
    function attachHls(source, position, play, attempt) {
      var Hls = window.Hls;
      if (attempt !== generation) return;
      if (!Hls || !Hls.isSupported()) { fallback(position, play); return; } // no MediaSource here
      stopHls();
      hls = new Hls({
        startLevel: 0, testBandwidth: false, capLevelToPlayerSize: true, abrEwmaDefaultEstimate: 250000,
        startPosition: position > 0 ? position : -1, // no segment from 0 fetched only to be skipped
      });
      hls.on(Hls.Events.ERROR, function (event, data) {
        if (!data.fatal) return;
        var at = video.currentTime || position;
        var playing = !video.paused;
        stopHls();
        fallback(at, playing);
      });
      whenReady(position, play);
      hls.attachMedia(video);
      hls.loadSource(source.url);
    }

    function startHls(source, position, play) {
      var attempt = generation;
      loadHls(hlsSrc).then(function () { attachHls(source, position, play, attempt); }, function () {
        if (attempt === generation) fallback(position, play);
      });
    }

    function attach(source, position, play) {
      generation += 1;
      stopHls();
      pending = null;
      figure.dataset.source = source.name;
      figure.classList.toggle("player--saver", source.name === "sound");
      if (source.streaming && !nativeHls()) {
        video.removeAttribute("src");
        video.load();
        if (window.Hls || play || started) startHls(source, position, play);
        else pending = { source: source, position: position }; // nothing is fetched before the learner presses play
        return;
      }
      video.src = source.url;
      whenReady(position, play);
      if (play) video.play().catch(released);
    }

    function holdStill() {
      if (!still || !video.videoWidth || video.readyState < 2) return;
      still.width = video.videoWidth;
      still.height = video.videoHeight;
      try {
        still.getContext("2d").drawImage(video, 0, 0);
        still.hidden = false;
      } catch (error) { /* nothing to hold: the poster shows */ }
    }

    var switching = null;
    var releaseTimer = null;
    function released() {
      switching = null;
      window.clearTimeout(releaseTimer);
      if (still) still.hidden = true;
      delete figure.dataset.switching;
    }

    // The new source has reached the place: playing again, or showing the picture of the place (paused).
    function arrived(event) {
      if (!switching) return;
      if (event.type === "playing" ? switching.playing : Math.abs(video.currentTime - switching.position) < 0.5) released();
    }
    ["playing", "seeked", "loadeddata"].forEach(function (name) { video.addEventListener(name, arrived); });

    function change() {
      if (quality) quality.disabled = Boolean(saver && saver.checked);
      if (!started) { attach(plan(), start, false); return; }
      // A change during a change: the place and state to reach are still the first one's, not the new source's 0.
      if (!switching) switching = { position: video.currentTime, playing: !video.paused };
      holdStill();
      figure.dataset.switching = "true"; // lesson.js sends no position while the new source starts
      video.addEventListener("error", released, { once: true }); // a source that cannot play leaves nothing held
      window.clearTimeout(releaseTimer);
      releaseTimer = window.setTimeout(released, 20000); // and never a still held for good
      attach(plan(), switching.position, switching.playing);
      if (switching.position <= 0.5 && !switching.playing) released();
    }

    video.addEventListener("play", function () {
      started = true;
      if (pending) {
        var waiting = pending;
        pending = null;
        startHls(waiting.source, waiting.position, true);
      }
    });

    if (saver) {
      saver.checked = recalled(SAVER_KEY) === "1";
      saver.addEventListener("change", function () {
        remember(SAVER_KEY, saver.checked ? "1" : "0");
        change();
      });
    }
    if (quality) {
      var last = recalled(QUALITY_KEY);
      if (last && option(last)) quality.value = last;
      quality.addEventListener("change", function () {
        remember(QUALITY_KEY, quality.value);
        change();
      });
      quality.disabled = Boolean(saver && saver.checked);
    }
    var controls = figure.querySelector(".player__controls");
    if (controls && smallest) controls.hidden = false;
    attach(plan(), start, false);
    if (!navigator.onLine && window.caches) playSavedCopy();

    // Offline, only what was saved on this device can play (static/js/offline_lessons.js): the small MP4, or the
    // sound file of a lesson saved in data saver mode.
    function playSavedCopy() {
      var files = [smallest && fromOption(smallest), saver && { url: saver.dataset.src, streaming: false, name: "sound" }];
      files.filter(Boolean).reduce(function (found, file) {
        return found.then(function (chosen) {
          if (chosen) return chosen;
          return caches.match(new URL(file.url, location.href).href).then(function (hit) { return hit ? file : null; });
        });
      }, Promise.resolve(null)).then(function (file) {
        if (file && !started) attach(file, start, false);
      });
    }
  }

  document.querySelectorAll("[data-player]").forEach(Player);
})();
