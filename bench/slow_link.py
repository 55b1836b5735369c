"""`make bench` (slow link): a learner on Chrome's "Slow 3G" opens a 60-second video lesson and presses play.

Playwright drives Debian's Chromium with CDP network emulation (2,000 ms latency, 50,000 bytes/s down and up), a
360x640 viewport and a cold cache (a new browser context per run). Per run: first contentful paint, the page's
bytes, time from pressing play to the first frame (to the first sound with the data saver), stalls, sources
dropped after the first frame (a black gap) and jumps back, and the bytes spent in the 60 s after play. The app
runs under gunicorn with production settings on a throw-away demo database.
"""

import json
import os
import re
import shutil
import subprocess
import time
import urllib.request

from bench.run import BASE_DIR, PY, free_port, wait_until_up

WORK = BASE_DIR / "var" / "bench-slow"
WINDOW_SECONDS = int(os.environ.get("BENCH_SLOW_WINDOW", "60"))
SLOW_3G = {"offline": False, "latency": 2000, "downloadThroughput": 50_000, "uploadThroughput": 50_000}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--autoplay-policy=no-user-gesture-required", "--mute-audio"]
# Records what the learner would see, from the page's first instant: the first frame presented (or, for sound
# only, the first second heard), stalls, emptied sources and the clock's jumps.
PROBE = """
window.__probe = {events: [], firstFrame: null, firstSound: null, lastTime: 0, jumpsBack: 0};
document.addEventListener("DOMContentLoaded", function () {
  var video = document.querySelector("[data-player] video");
  if (!video) return;
  var probe = window.__probe;
  ["play", "playing", "waiting", "emptied", "loadstart", "seeking", "seeked", "stalled"].forEach(function (name) {
    video.addEventListener(name, function () { probe.events.push([name, performance.now(), video.currentTime]); });
  });
  video.addEventListener("timeupdate", function () {
    if (probe.firstSound === null && video.currentTime > 0 && !video.paused) probe.firstSound = performance.now();
    if (video.currentTime < probe.lastTime - 0.5 && !video.seeking) probe.jumpsBack += 1;
    probe.lastTime = video.currentTime;
  });
  function frame(now) {
    if (probe.firstFrame === null) probe.firstFrame = now;
  }
  if (video.requestVideoFrameCallback) video.requestVideoFrameCallback(frame);
});
"""


def environment():
    env = {key: value for key, value in os.environ.items() if not key.startswith(("AWS_", "REDIS_URL", "DATABASE_URL"))}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "SECRET_KEY": "bench-slow-link-" + "x" * 40,
            "WAGTAILADMIN_BASE_URL": "http://127.0.0.1",
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": f"sqlite:///{WORK}/db.sqlite3",
            "MEDIA_ROOT": str(WORK / "media"),
            "VIDEO_SCRATCH_DIR": str(WORK / "scratch"),
            "SECURE_SSL_REDIRECT": "false",  # plain http on 127.0.0.1, which Chromium treats as a secure origin
            "LOG_LEVEL": "WARNING",
        }
    )
    return env


def prepare(env):
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    for args in (["migrate", "--noinput"], ["seed_demo"], ["collectstatic", "--noinput"]):
        subprocess.run([PY, "manage.py", *args], cwd=BASE_DIR, env=env, check=True, stdout=subprocess.DEVNULL)
    made = subprocess.run(
        [PY, "-m", "bench.slow_fixtures"], cwd=BASE_DIR, env=env, capture_output=True, text=True, check=True
    )
    return json.loads(made.stdout.strip().splitlines()[-1])


def one_run(browser, base, path, session, saver=False, link=None):
    """One cold visit. link=None keeps what the emulation reports (2g); "4g" makes the page believe in a fast link,
    to measure adaptive streaming on the same throttled wire."""
    context = browser.new_context(viewport={"width": 360, "height": 640}, locale="ar-DZ")
    context.add_cookies([{"name": "sessionid", "value": session, "url": base}])
    script = PROBE
    if saver:
        script += "\ntry { localStorage.setItem('tadrib-data-saver', '1'); } catch (e) {}"
    if link:
        connection = f"{{effectiveType: '{link}', downlink: 10}}"
        script += f"\nObject.defineProperty(navigator, 'connection', {{value: {connection}}});"
    context.add_init_script(script)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW_3G)
    received = []  # (monotonic time, bytes on the wire)
    urls = {}
    cdp.on("Network.requestWillBeSent", lambda event: urls.__setitem__(event["requestId"], event["request"]["url"]))
    cdp.on("Network.dataReceived", lambda event: received.append((time.monotonic(), event["encodedDataLength"])))
    cdp.on(
        "Network.responseReceived",
        lambda event: received.append((time.monotonic(), event["response"].get("encodedDataLength", 0))),
    )
    page.goto(base + path, wait_until="load", timeout=120_000)
    loaded_bytes = sum(size for _at, size in received)
    fcp = page.evaluate("(performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime || null")
    pressed_at = time.monotonic()
    pressed = page.evaluate("performance.now()")
    page.evaluate("document.querySelector('[data-player] video').play().catch(() => {})")
    page.wait_for_timeout(WINDOW_SECONDS * 1000)  # the measured window: a minute of a learner's time
    probe = page.evaluate("window.__probe")
    source = page.evaluate("document.querySelector('[data-player]').dataset.source || ''")
    after_play = sum(size for at, size in received if pressed_at <= at <= pressed_at + WINDOW_SECONDS)
    hls_js = any("hls" in url and url.endswith(".js") for url in urls.values())
    context.close()
    started = probe["firstSound"] if saver else probe["firstFrame"]
    events = probe["events"]
    first = started or float("inf")
    return {
        "fcp_s": fcp / 1000 if fcp else None,
        "page_kb": loaded_bytes / 1000,
        "first_frame_s": (started - pressed) / 1000 if started else None,
        "stalls": sum(1 for name, at, _t in events if name == "waiting" and at > first),
        "black_gaps": sum(1 for name, at, _t in events if name == "emptied" and at > first),
        "jumps_back": probe["jumpsBack"],
        "reached_s": probe["lastTime"],
        "after_play_kb": after_play / 1000,
        "source": source,
        "hls_js_loaded": hls_js,
    }


def offline_reopen(browser, base, path, session):
    """A lesson visited on Slow 3G, reopened with no link at all: the service worker's copy, with its banner."""
    context = browser.new_context(viewport={"width": 360, "height": 640}, locale="ar-DZ")
    context.add_cookies([{"name": "sessionid", "value": session, "url": base}])
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW_3G)
    page.goto(base + path, wait_until="load", timeout=120_000)
    deadline = time.monotonic() + 120
    saved = False
    while not saved and time.monotonic() < deadline:  # the worker installs, takes the page, then keeps it
        page.wait_for_timeout(500)
        if page.evaluate("Boolean(navigator.serviceWorker && navigator.serviceWorker.controller)"):
            page.reload(wait_until="load", timeout=120_000)  # a visit the worker sees, so it keeps a copy
            saved = page.evaluate("caches.keys().then(names => names.some(name => name.startsWith('tadrib-pages-')))")
    context.set_offline(True)
    started = time.monotonic()
    page.reload(wait_until="load", timeout=30_000)
    seconds = time.monotonic() - started
    works = bool(page.evaluate("document.documentElement.dataset.tadribSaved")) and page.locator("h1").count() == 1
    context.close()
    outcome = "works" if works else "FAILS"
    return f"{'visited lesson reopened offline':<30} {outcome} ({seconds:.2f} s, from the worker's copy)"


def compressed_hls_js(base, path, session):
    """hls.js as production serves it (WhiteNoise's precompressed .br/.gz): what adaptive playback costs to start."""
    request = urllib.request.Request(base + path, headers={"Cookie": f"sessionid={session}"})
    with urllib.request.urlopen(request, timeout=30) as response:
        script = re.search(r'data-hls-script="([^"]+)"', response.read().decode()).group(1)
    sizes = {}
    for encoding in ("br", "gzip", "identity"):
        request = urllib.request.Request(base + script, headers={"Accept-Encoding": encoding})
        with urllib.request.urlopen(request, timeout=30) as response:
            sizes[encoding] = (response.headers.get("Content-Encoding", "identity"), len(response.read()))
    return "hls.js served as " + ", ".join(f"{got} {size / 1000:.0f} KB" for got, size in sizes.values())


def report(name, result):
    first = result["first_frame_s"]
    print(
        f"{name:<30} FCP {result['fcp_s'] or 0:5.2f} s · page {result['page_kb']:5.0f} KB · "
        f"first {'sound' if name == 'saver on' else 'frame'} {first if first is not None else float('nan'):5.2f} s · "
        f"stalls {result['stalls']} · black gaps {result['black_gaps']} · jumps back {result['jumps_back']} · "
        f"at {result['reached_s']:4.1f} s · {result['after_play_kb']:6.0f} KB in {WINDOW_SECONDS} s "
        f"({result['source']}{', hls.js' if result['hls_js_loaded'] else ''})"
    )


def main():
    from playwright.sync_api import sync_playwright

    env = environment()
    print("Preparing a demo database and two 60 s lessons for the slow-link benchmark ...")
    extra = prepare(env)
    port = free_port()
    server = subprocess.Popen(
        [PY, "-m", "gunicorn", "bench.wsgi", "--workers", "4", "--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
        cwd=BASE_DIR,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base + "/ar/")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            print(
                f"\nSlow 3G (2 s RTT, 50 kB/s), 360x640, cold cache, a {extra['seconds']} s lesson; goals: "
                "first frame <= 6 s, saver <= 150 KB in 60 s, FCP <= 3 s"
            )
            runs = [
                ("saver off (decision: 2g)", extra["lesson"], {}),
                ("saver on", extra["lesson"], {"saver": True}),
                ("adaptive HLS, 4 s segments", extra["lesson"], {"link": "4g"}),
                ("adaptive HLS, 2 s segments", extra["lesson_2s"], {"link": "4g"}),
            ]
            for (name, path, options), session in zip(runs, extra["sessions"], strict=False):
                report(name, one_run(browser, base, path, session, **options))
            print(offline_reopen(browser, base, extra["lesson"], extra["sessions"][len(runs)]))
            print(compressed_hls_js(base, extra["lesson"], extra["sessions"][len(runs)]))
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
