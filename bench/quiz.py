"""`make bench` (quiz load): N learners start the demo quiz at the same moment and answer it with think time.

The learners arrive within BENCH_QUIZ_ARRIVAL seconds (10: a trainer says "start now"); each opens the quiz,
starts an attempt, opens it, autosaves after each of its ten questions (a random
pause of 0.5–1.5 × THINK seconds between answers), submits and reads the result: 15 requests. The server is
gunicorn (production settings, 5 sync workers) on PostgreSQL; the load comes from an asyncio client in this
process, on the same two cores. For each N we report p50/p95/max latency and errors; the answer is the largest N
with p95 < 300 ms and no error.

Environment: BENCH_QUIZ_LEARNERS (default "50,100,200,400"), BENCH_QUIZ_THINK (seconds, default 5),
BENCH_QUIZ_DATABASE (default postgres://postgres@127.0.0.1:5432/tadrib_bench, recreated).
"""

import asyncio
import json
import os
import random
import re
import statistics
import subprocess
import sys
import time
from urllib.parse import urlencode, urlparse

from bench.run import BASE_DIR, PY, WORK, environment, free_port, manage, wait_until_up

LEARNERS = [int(n) for n in os.environ.get("BENCH_QUIZ_LEARNERS", "50,100,200,400").split(",")]
THINK = float(os.environ.get("BENCH_QUIZ_THINK", "5"))
ARRIVAL = float(os.environ.get("BENCH_QUIZ_ARRIVAL", "10"))
DATABASE = os.environ.get("BENCH_QUIZ_DATABASE", "postgres://postgres@127.0.0.1:5432/tadrib_bench")
P95_GOAL = 0.300
WARM_UP = 10
CSRF = "b" * 32
STEPS = {}
SHOWN = re.compile(r'name="shown" value="(\d+)"')


def recreate_database():
    import psycopg

    parsed = urlparse(DATABASE)
    name = parsed.path.lstrip("/")
    admin = DATABASE.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


PREPARE = """
import json, django
django.setup()
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from accounts.models import User
from courses.models import Enrolment
from quizzes.models import QuizPage
quiz = QuizPage.objects.get(slug="final-quiz", locale__language_code="ar")
quiz.time_limit_minutes, quiz.attempts_allowed = None, 0
quiz.save_revision().publish()
users = User.objects.bulk_create([User(email=f"load{{n}}@example.dz", password="!") for n in range({count})])
Enrolment.objects.bulk_create([Enrolment(user=user, course=quiz.course) for user in users])
sessions = []
for user in users:
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    sessions.append(session.session_key)
print(json.dumps({{"quiz": quiz.url, "sessions": sessions}}))
"""


async def request(port, method, path, session, body=None, timings=None, errors=None, expect=(200, 302)):
    """One HTTP/1.1 request on a fresh connection (gunicorn's sync workers close them); returns (status, body)."""
    started = time.perf_counter()
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        payload = urlencode(body, doseq=True).encode() if body is not None else b""
        head = [
            f"{method} {path} HTTP/1.1",
            f"Host: 127.0.0.1:{port}",
            "X-Forwarded-Proto: https",
            f"Cookie: sessionid={session}; csrftoken={CSRF}",
            f"Referer: https://127.0.0.1:{port}{path}",
            "Connection: close",
        ]
        if body is not None:
            head += [
                f"X-CSRFToken: {CSRF}",
                "Content-Type: application/x-www-form-urlencoded",
                f"Content-Length: {len(payload)}",
            ]
        writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + payload)
        await writer.drain()
        raw = await reader.read()
        writer.close()
        status = int(raw.split(b" ", 2)[1])
        text = raw.decode(errors="replace")  # headers and body
    except (OSError, ValueError, IndexError) as error:
        status, text = 0, str(error)
    elapsed = time.perf_counter() - started
    timings.append(elapsed)
    STEPS.setdefault(f"{method} {step_name(path)}", []).append(elapsed)
    if status not in expect:
        errors.append(f"{method} {path}: {status}")
    return status, text


def step_name(path):
    for suffix in ("save", "result", "start"):
        if path.endswith(f"/{suffix}/"):
            return suffix
    return "attempt" if "/attempts/" in path else "quiz page"


def answers_for(html):
    """A random answer for each question of the attempt page (the client sees what a browser sees)."""
    form = {"shown": SHOWN.findall(html)}
    fields = {}
    for kind, name, value in re.findall(
        r'<input type="(radio|checkbox|text)"[^>]*? name="(q\d+)"(?: value="([^"]*)")?', html
    ):
        fields.setdefault(name, []).append((kind, value))
    for name, options in fields.items():
        kind = options[0][0]
        form[name] = [random.choice(options)[1]] if kind in ("radio", "checkbox") else [str(random.randint(1, 20))]
    return form


async def learner(port, quiz, session, think, timings, errors, start_gate, arrival):
    await start_gate.wait()
    await asyncio.sleep(random.uniform(0, arrival))  # "start now": everyone clicks within a few seconds
    _status, overview = await request(port, "GET", quiz, session, timings=timings, errors=errors)
    start = re.search(r'<form method="post" action="([^"]+/start/)"', overview).group(1)
    _status, answer = await request(port, "POST", start, session, {}, timings, errors)
    attempt = re.search(r"\r\nLocation: ([^\r]+)", answer).group(1)
    _status, html = await request(port, "GET", attempt, session, timings=timings, errors=errors)
    form = answers_for(html)
    save = re.search(r'data-save-url="([^"]+)"', html).group(1)
    names = [name for name in form if name.startswith("q")]
    so_far = {"shown": form["shown"]}
    for name in names:
        await asyncio.sleep(random.uniform(0.5 * think, 1.5 * think))
        so_far[name] = form[name]
        await request(port, "POST", save, session, so_far, timings, errors, expect=(200,))
    await asyncio.sleep(random.uniform(0.5 * think, 1.5 * think))
    await request(port, "POST", attempt, session, so_far, timings, errors)
    await request(port, "GET", attempt + "result/", session, timings=timings, errors=errors)


async def run_wave(port, quiz, sessions, think, arrival):
    timings, errors, gate = [], [], asyncio.Event()
    tasks = [
        asyncio.create_task(learner(port, quiz, session, think, timings, errors, gate, arrival)) for session in sessions
    ]
    started = time.perf_counter()
    gate.set()
    await asyncio.gather(*tasks)
    return timings, errors, time.perf_counter() - started


def main():
    try:
        recreate_database()
    except Exception as error:  # noqa: BLE001 — no PostgreSQL here: say so and stop
        raise SystemExit(f"The quiz load test needs PostgreSQL at {DATABASE}: {error}") from error
    WORK.mkdir(parents=True, exist_ok=True)
    env = {**environment(), "DATABASE_URL": DATABASE}
    print("Preparing the quiz database ...")
    manage(env, "migrate", "--noinput")
    manage(env, "seed_demo")
    manage(env, "collectstatic", "--noinput")
    total = sum(LEARNERS) + WARM_UP
    prepared = subprocess.run(
        [PY, "-c", PREPARE.format(count=total)], cwd=BASE_DIR, env=env, capture_output=True, text=True, check=True
    )
    data = json.loads(prepared.stdout.strip().splitlines()[-1])
    quiz, sessions = data["quiz"], data["sessions"]
    port = free_port()
    server = subprocess.Popen(
        [
            PY,
            "-m",
            "gunicorn",
            "bench.wsgi",
            "--workers",
            "5",
            "--bind",
            f"127.0.0.1:{port}",
            "--backlog",
            "2048",
            "--log-level",
            "warning",
        ],
        cwd=BASE_DIR,
        env=env,
    )
    rows, best = [], 0
    try:
        wait_until_up(f"http://127.0.0.1:{port}/bench/bare/")
        # A running site is warm: let every worker load its templates and caches before measuring.
        asyncio.run(run_wave(port, quiz, sessions[:WARM_UP], 0.05, 0))
        STEPS.clear()
        offset = WARM_UP
        for count in LEARNERS:
            wave = sessions[offset : offset + count]
            offset += count
            timings, errors, seconds = asyncio.run(run_wave(port, quiz, wave, THINK, ARRIVAL))
            timings.sort()
            p95 = timings[int(0.95 * (len(timings) - 1))]
            rows.append(
                (count, len(timings), len(timings) / seconds, statistics.median(timings), p95, timings[-1], errors)
            )
            print(f"  {count} learners: p95 {p95 * 1000:.0f} ms, {len(errors)} errors")
            if p95 < P95_GOAL and not errors:
                best = count
            else:
                break
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(
        f"\nQuiz load (PostgreSQL, gunicorn 5 sync workers, arrivals within {ARRIVAL:g} s, think time {THINK:g} s,"
        " 15 requests per learner)"
    )
    print(f"{'learners':>8} {'requests':>9} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7} {'errors':>7}")
    for count, requests, rate, p50, p95, worst, errors in rows:
        print(
            f"{count:>8} {requests:>9} {rate:>7.1f} {p50 * 1000:>7.0f} {p95 * 1000:>7.0f}"
            f" {worst * 1000:>7.0f} {len(errors):>7}"
        )
        for error in sorted(set(errors))[:5]:
            print(f"         {error}")
    for step, values in sorted(STEPS.items()):
        values.sort()
        p95 = values[int(0.95 * (len(values) - 1))]
        print(f"  {step:<28} p50 {statistics.median(values) * 1000:5.0f} ms  p95 {p95 * 1000:5.0f} ms")
    print(f"largest N with p95 < {P95_GOAL * 1000:.0f} ms and no error: {best} learners ({best / 2:.0f} per core)")


if __name__ == "__main__":
    sys.exit(main())
