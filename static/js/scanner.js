// Trainer's check-in scanner: reads QR codes with the phone camera (BarcodeDetector where the browser has it,
// jsQR otherwise) and posts each new Tadrib check-in address; the server decides and answers in words.
(function () {
  "use strict";

  var root = document.querySelector("[data-scanner]");
  if (!root) return;
  var video = root.querySelector("video");
  var status = root.querySelector("[data-scanner-status]");
  var log = root.querySelector("[data-scanner-log]");
  var canvas = document.createElement("canvas");
  var context = canvas.getContext("2d", { willReadFrequently: true });
  var detector = "BarcodeDetector" in window ? new window.BarcodeDetector({ formats: ["qr_code"] }) : null;
  var recent = {};
  var busy = false;

  function say(text) { status.textContent = text; }

  function note(text, ok) {
    var item = document.createElement("li");
    item.textContent = text;
    item.className = ok ? "status--done" : "status--blocked";
    log.insertBefore(item, log.firstChild);
  }

  function checkin(url) {
    var path;
    try { path = new URL(url, window.location.href).pathname; } catch (error) { path = ""; }
    var match = path.match(/^\/[a-z]{2,3}(?:-[a-z]+)?\/seminar\/check-in\/[0-9a-f-]{36}\/$/);
    if (!match) { say(root.dataset.textForeign); return Promise.resolve(); }
    if (recent[path] && Date.now() - recent[path] < 5000) return Promise.resolve();
    recent[path] = Date.now();
    return fetch(path, {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRFToken": root.dataset.csrf, Accept: "application/json" }
    })
      .then(function (response) { return response.json(); })
      .then(function (answer) { say(answer.message); note(answer.message, answer.ok); })
      .catch(function () { delete recent[path]; say(root.dataset.textNetwork); });
  }

  function read() {
    if (video.readyState < 2) return Promise.resolve(null);
    if (detector) {
      return detector.detect(video).then(function (codes) { return codes.length ? codes[0].rawValue : null; });
    }
    if (!window.jsQR) return Promise.resolve(null);
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    var image = context.getImageData(0, 0, canvas.width, canvas.height);
    var code = window.jsQR(image.data, image.width, image.height, { inversionAttempts: "dontInvert" });
    return Promise.resolve(code ? code.data : null);
  }

  function loop() {
    if (!busy) {
      busy = true;
      read()
        .then(function (value) { return value ? checkin(value) : null; })
        .catch(function () { return null; })
        .then(function () { busy = false; });
    }
    window.setTimeout(loop, 250);
  }

  if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    say(root.dataset.textNoCamera);
    return;
  }
  navigator.mediaDevices
    .getUserMedia({ video: { facingMode: "environment" }, audio: false })
    .then(function (stream) {
      video.srcObject = stream;
      video.hidden = false;
      return video.play();
    })
    .then(function () { say(root.dataset.textLooking); loop(); })
    .catch(function () { say(root.dataset.textNoCamera); });
})();
