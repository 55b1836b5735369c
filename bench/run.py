"""`make bench`: requests/s of the main pages as ratios to a bare Django view and to a stock Wagtail
page (the plain "About" page), all served by the same gunicorn in the same run.

The app runs under gunicorn (production settings, 5 workers) on a throw-away SQLite database
filled by seed_demo plus a 30-lesson course; wrk loads each URL in turn, the course and lesson
pages as a signed-in trainee. Machines are noisy, so only the ratios matter.
"""

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
WORK = BASE_DIR / "var" / "bench"
PY = sys.executable
DURATION = os.environ.get("BENCH_DURATION", "8s")
CONNECTIONS = os.environ.get("BENCH_CONNECTIONS", "16")
BARE = "/bench/bare/"
STOCK = "/ar/about/"


def environment():
    env = {key: value for key, value in os.environ.items() if not key.startswith(("AWS_", "REDIS_URL", "DATABASE_URL"))}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "WAGTAILADMIN_BASE_URL": "http://127.0.0.1",
            "ALLOWED_HOSTS": "127.0.0.1,testserver",
            "DATABASE_URL": f"sqlite:///{WORK}/db.sqlite3",
            "MEDIA_ROOT": str(WORK / "media"),
            "LOG_LEVEL": "WARNING",
        }
    )
    return env


def manage(env, *args):
    subprocess.run([PY, "manage.py", *args], cwd=BASE_DIR, env=env, check=True, stdout=subprocess.DEVNULL)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url, timeout=30):
    deadline = time.monotonic() + timeout
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(request, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"gunicorn did not answer {url} within {timeout}s")


def requests_per_second(url, session=None):
    headers = ["-H", "X-Forwarded-Proto: https"]
    if session:
        headers += ["-H", f"Cookie: sessionid={session}"]
    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{DURATION}", *headers, url]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    if "Non-2xx" in result.stdout:
        raise SystemExit(f"{url} answered errors under load:\n{result.stdout}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", result.stdout).group(1))


def query_counts(env, pages):
    script = (
        "import django; django.setup()\n"
        "from django.db import connection\nfrom django.test import Client\n"
        "from django.test.utils import CaptureQueriesContext\n"
        f"for path, session in {[(path, session) for _name, path, session in pages]!r}:\n"
        "    client = Client(HTTP_X_FORWARDED_PROTO='https')\n"
        "    if session:\n"
        "        client.cookies['sessionid'] = session\n"
        "    client.get(path)\n"
        "    with CaptureQueriesContext(connection) as queries:\n"
        "        assert client.get(path).status_code == 200, path\n"
        "    print(path, len(queries))\n"
    )
    output = subprocess.run([PY, "-c", script], cwd=BASE_DIR, env=env, capture_output=True, text=True, check=True)
    return dict(line.rsplit(" ", 1) for line in output.stdout.split("\n") if line.strip())


def main():
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk (make bench does it where it can)")
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    env = environment()
    print("Preparing a demo database for the benchmark ...")
    manage(env, "migrate", "--noinput")
    manage(env, "seed_demo")
    manage(env, "collectstatic", "--noinput")
    prepared = subprocess.run(
        [PY, "-m", "bench.fixtures"], cwd=BASE_DIR, env=env, capture_output=True, text=True, check=True
    )
    extra = json.loads(prepared.stdout.strip().splitlines()[-1])
    pages = [
        ("stock page", STOCK, None),
        ("home page", "/ar/", None),
        ("news index", "/ar/news/", None),
        ("news page", "/ar/news/platform-launch/", None),
        ("catalogue", "/ar/courses/", None),
        ("course 30 l.", extra["course"], extra["session"]),
        ("lesson page", extra["lesson"], extra["session"]),
    ]
    port = free_port()
    server = subprocess.Popen(
        [PY, "-m", "gunicorn", "bench.wsgi", "--workers", "5", "--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
        cwd=BASE_DIR,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base + BARE)
        for _name, path, session in pages:
            if session is None:
                wait_until_up(base + path)
        before = requests_per_second(base + BARE)
        results = [(name, path, requests_per_second(base + path, session)) for name, path, session in pages]
        after = requests_per_second(base + BARE)
    finally:
        server.terminate()
        server.wait(timeout=30)
    baseline = (before + after) / 2
    stock = results[0][2]
    queries = query_counts(env, pages)
    print(f"\nbare Django view: {before:.0f} req/s before, {after:.0f} req/s after (baseline {baseline:.0f})")
    print(f"{'page':<13} {'path':<36} {'req/s':>7} {'/bare':>6} {'/stock':>7} {'queries':>8}")
    for name, path, rps in results:
        row = (
            f"{name:<13} {path:<36} {rps:>7.0f} {rps / baseline:>6.3f} {rps / stock:>7.2f} {queries.get(path, '?'):>8}"
        )
        print(row)


if __name__ == "__main__":
    main()
