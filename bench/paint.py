"""First contentful paint and transferred bytes of the Arabic learner pages on Slow 3G, in Chromium.

    .venv/bin/python -m bench.paint [--source DIR] [--runs N]

The site runs as in production (DEBUG off, collectstatic into a temporary STATIC_ROOT, WhiteNoise's compressed
manifest storage, gunicorn) on a throw-away SQLite database filled by seed_demo, its videos converted. Chromium
(/usr/bin/chromium, 360x640 phone viewport, a fresh context each time so the cache is cold) loads the home page,
a course page and a lesson page with a video, as the demo trainee enrolled in the course, through DevTools'
network emulation: 2 s of latency per request, 50 kB/s each way. Bytes are what came over the network (headers
included) until the page's load event and network idle; nothing plays, so no video segment is counted.
"Above the fold" compares the viewport painted with the inlined critical CSS alone (tadrib.css blocked) to the
finished page, unthrottled: the share of pixels that change when tadrib.css arrives.

`--source DIR` serves another checkout of the code with this script, for a "before" figure, e.g.
`mkdir /tmp/main && git archive main | tar -x -C /tmp/main && ln -s $PWD/node_modules /tmp/main/`.
"""

import argparse
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PY = sys.executable
CHROMIUM = "/usr/bin/chromium"
SLOW_3G = {"offline": False, "latency": 2000, "downloadThroughput": 50_000, "uploadThroughput": 50_000}
VIEWPORT = {"width": 360, "height": 640}
GOAL_FCP_MS, GOAL_BYTES = 3000, 150_000  # issue 13: first paint in one round trip; a learner page before video
COURSE_SLUG, LESSON_SLUG = "managing-an-association", "lesson-1-2"  # the Arabic demo course; this lesson has a video
FCP_SCRIPT = """() => new Promise(resolve => {
    const seen = performance.getEntriesByName('first-contentful-paint')[0];
    if (seen) { resolve(seen.startTime); return; }
    new PerformanceObserver(list => {
        const entry = list.getEntriesByName('first-contentful-paint')[0];
        if (entry) resolve(entry.startTime);
    }).observe({type: 'paint', buffered: true});
})"""
# When the last stylesheet has arrived: the page has all its styles from then on.
STYLED_SCRIPT = """() => Math.max(0, ...performance.getEntriesByType('resource')
    .filter(entry => entry.initiatorType === 'link' && new URL(entry.name).pathname.endsWith('.css'))
    .map(entry => entry.responseEnd))"""
SETTINGS = """from bench.settings import *  # noqa: F403
import os
STATIC_ROOT = {static_root!r}
SILENCED_SYSTEM_CHECKS = ["certificates.W001"]  # no credential is signed here
if os.environ.get("PAINT_SYNC_TASKS"):  # seed_demo converts its videos in the same process
    Q_CLUSTER = {{**Q_CLUSTER, "sync": True}}  # noqa: F405
"""


def prepare():
    """Enrol the demo trainee in the Arabic demo course; print its pages' paths and a session key."""
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.contrib.sessions.backends.db import SessionStore

    from courses.models import CoursePage, LessonPage
    from courses.services import enrol

    course = CoursePage.objects.get(slug=COURSE_SLUG, locale__language_code="ar")
    lesson = LessonPage.objects.descendant_of(course).get(slug=LESSON_SLUG)
    trainee = get_user_model().objects.get(email="trainee@tadrib.dz")
    enrol(trainee, course)
    session = SessionStore()
    session[SESSION_KEY] = str(trainee.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = trainee.get_session_auth_hash()
    session.create()
    print(json.dumps({"course": course.url, "lesson": lesson.url, "session": session.session_key}))


def start_site(source, work):
    from bench.run import environment, free_port, wait_until_up

    (work / "paint_settings.py").write_text(SETTINGS.format(static_root=str(work / "static")))
    env = environment()
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "paint_settings",
            "PYTHONPATH": os.pathsep.join([str(source), str(work)]),
            "DATABASE_URL": f"sqlite:///{work}/db.sqlite3",
            "MEDIA_ROOT": str(work / "media"),
        }
    )

    def manage(*args, **extra):
        command = [PY, "manage.py", *args]
        subprocess.run(command, cwd=source, env={**env, **extra}, check=True, stdout=subprocess.DEVNULL)

    print(f"Preparing the demo site from {source} in {work} ...", flush=True)
    manage("migrate", "--noinput")
    manage("seed_demo", PAINT_SYNC_TASKS="1")
    manage("collectstatic", "--noinput")
    # Run from the served checkout (not from bench/, whose modules would shadow the apps of the same names).
    script = f"import runpy, sys; sys.argv = ['paint', '--prepare']; runpy.run_path({__file__!r}, run_name='__main__')"
    output = subprocess.run([PY, "-c", script], cwd=source, env=env, capture_output=True, text=True)
    if output.returncode:
        raise SystemExit(output.stderr)
    pages = json.loads(output.stdout.strip().splitlines()[-1])
    port = free_port()
    server = subprocess.Popen(
        [PY, "-m", "gunicorn", "config.wsgi", "-w", "2", "--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
        cwd=source,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base + "/ar/")
    except BaseException:
        server.terminate()
        raise
    return server, base, pages


def new_context(browser, base, session):
    context = browser.new_context(
        viewport=VIEWPORT, device_scale_factor=2, is_mobile=True, has_touch=True, locale="ar-DZ",
        extra_http_headers={"X-Forwarded-Proto": "https"},  # what the TLS proxy in front of production says
    )  # fmt: skip
    if session:
        context.add_cookies([{"name": "sessionid", "value": session, "url": base}])
    return context


def load_on_slow_3g(browser, base, path, session):
    """Return FCP and the end of the last stylesheet (ms), bytes by resource type, whether the CSS is inlined."""
    context = new_context(browser, base, session)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW_3G)
    kinds, sizes = {}, {}
    cdp.on("Network.responseReceived", lambda event: kinds.__setitem__(event["requestId"], event["type"]))
    cdp.on("Network.loadingFinished", lambda event: sizes.__setitem__(event["requestId"], event["encodedDataLength"]))
    response = page.goto(base + path, wait_until="load", timeout=120_000)
    if response.status != 200:
        raise SystemExit(f"{path} answered {response.status}")
    inlined = "<style" in response.text()
    page.wait_for_load_state("networkidle", timeout=120_000)
    fcp = page.evaluate(FCP_SCRIPT)
    styled = page.evaluate(STYLED_SCRIPT)
    by_kind = {}
    for request, size in sizes.items():
        kind = kinds.get(request, "Other")
        by_kind[kind] = by_kind.get(kind, 0) + size
    context.close()
    return fcp, styled, by_kind, inlined


def above_the_fold_change(browser, base, path, session):
    """Share of the viewport's pixels that tadrib.css changes once the critical CSS has painted."""
    from PIL import Image, ImageChops

    shots = []
    for block in (True, False):
        context = new_context(browser, base, session)
        page = context.new_page()
        if block:
            page.route("**/css/tadrib*.css", lambda route: route.abort())
        page.goto(base + path, wait_until="networkidle")
        shots.append(Image.open(io.BytesIO(page.screenshot())).convert("RGB"))
        context.close()
    difference = ImageChops.difference(*shots).convert("L").point(lambda value: 255 if value else 0)
    return difference.histogram()[255] / (difference.width * difference.height)


def measure(source, runs):
    from playwright.sync_api import sync_playwright

    work, server, rows = Path(tempfile.mkdtemp(prefix="tadrib-paint-")), None, []
    try:
        server, base, paths = start_site(source, work)
        pages = [("home", "/ar/", None), ("course", paths["course"], paths["session"])]
        pages.append(("lesson", paths["lesson"], paths["session"]))
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            for name, path, session in pages:
                loads = [load_on_slow_3g(browser, base, path, session) for _ in range(runs)]
                fcp = statistics.median(load[0] for load in loads)
                styled = statistics.median(load[1] for load in loads)
                inlined = loads[0][3]
                change = above_the_fold_change(browser, base, path, session) if inlined else None
                rows.append((name, path, fcp, styled, loads[-1][2], change))
            browser.close()
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)
    report(rows, runs)


def report(rows, runs):
    print(f"\nSlow 3G (2 s latency, 50 kB/s), 360x640, cold cache; times are medians of {runs} loads")
    print("FCP: first contentful paint; CSS: the last stylesheet in; KB: transferred, headers included")
    print(f"{'page':<7} {'path':<58} {'FCP ms':>7} {'CSS ms':>7} {'KB':>6}  {'above the fold':>14}  KB by type")
    for name, path, fcp, styled, by_kind, change in rows:
        total = sum(by_kind.values())
        kinds = ", ".join(f"{kind} {size / 1000:.1f}" for kind, size in sorted(by_kind.items(), key=lambda i: -i[1]))
        fold = "blocking CSS" if change is None else f"{change:.2%} changes"
        print(f"{name:<7} {path:<58} {fcp:>7.0f} {styled:>7.0f} {total / 1000:>6.1f}  {fold:>14}  {kinds}")
    slowest = max(row[2] for row in rows)
    heaviest = max(sum(row[4].values()) for row in rows)
    met = slowest <= GOAL_FCP_MS and heaviest <= GOAL_BYTES
    print(f"goal FCP <= {GOAL_FCP_MS} ms and <= {GOAL_BYTES // 1000} KB a page: {'met' if met else 'NOT met'}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--source", type=Path, default=BASE_DIR, help="the checkout to serve (default: this one)")
    parser.add_argument("--runs", type=int, default=3, help="loads per page (default: 3)")
    parser.add_argument("--prepare", action="store_true", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.prepare:
        prepare()
    else:
        measure(arguments.source.resolve(), arguments.runs)


if __name__ == "__main__":
    main()
