"""Real processes on the test database: web servers (gunicorn) and plain Django scripts.

In the embedded profile the test database lives in this process's memory, so it is copied to a file the
other processes open (SQLite's online backup, cache table included); on PostgreSQL they open the test
database itself. Either way, what the test wrote before starting them is what they see, and the cache is
the one the profile configures (its table in that database, or Redis).
"""

import os
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import requests
from django.conf import settings
from django.db import connection
from django.test import Client

BASE_DIR = Path(__file__).resolve().parents[2]
READY_WITHIN = 90  # seconds; two cores shared with colleagues' test runs


def shared_environment(folder):
    """The environment of a process that works on the test database and media."""
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "SECRET_KEY": settings.SECRET_KEY,  # sessions made here stay valid there
            "MEDIA_ROOT": str(settings.MEDIA_ROOT),
            "PYTHONUNBUFFERED": "1",
        }
    )
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        copy = Path(folder) / "shared.sqlite3"
        if not copy.exists():
            connection.ensure_connection()
            target = sqlite3.connect(copy)
            with target:
                connection.connection.backup(target)
            target.close()
        env["DATABASE_URL"] = f"sqlite:///{copy}"
    else:
        credentials = quote(db["USER"], safe="") + (f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else "")
        env["DATABASE_URL"] = f"postgres://{credentials}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{db['NAME']}"
    return env


def signed_in(user):
    """A browser holding the user's session cookie (sessions live in the database, so every server knows it)."""
    client = Client()
    client.force_login(user)
    browser = requests.Session()
    browser.cookies.set("sessionid", client.cookies["sessionid"].value, domain="127.0.0.1")
    return browser


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class WebServer:
    """`gunicorn config.wsgi` with one worker, as the Procfile runs it (one process, so a test knows which)."""

    def __init__(self, env, log):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log
        self.log = open(log, "w")  # noqa: SIM115 (closed in stop())
        command = [sys.executable, "-m", "gunicorn", "config.wsgi", "--workers", "1", "--bind", self.url[7:]]
        self.process = subprocess.Popen(command, cwd=BASE_DIR, env=env, stdout=self.log, stderr=subprocess.STDOUT)

    def wait_until_ready(self):
        deadline = time.monotonic() + READY_WITHIN
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server stopped ({self.process.returncode}):\n{self.output()}")
            try:
                # The socket listens before the worker has loaded Django: the first answer may take a while.
                answer = requests.get(f"{self.url}/robots.txt", timeout=(2, max(deadline - time.monotonic(), 1)))
            except requests.ConnectionError:
                pass
            else:
                if answer.status_code == 200:
                    return
                raise RuntimeError(f"the server answered {answer.status_code}:\n{self.output()}")
            time.sleep(0.1)  # between two connection attempts, not instead of one
        raise RuntimeError(f"the server did not answer within {READY_WITHIN}s:\n{self.output()}")

    def output(self):
        self.log.flush()
        return self.log_path.read_text()

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


def run_together(env, script, args_per_process):
    """Start one `python -c script` per args, let them all begin at the same moment, return their outputs.

    Each process prints "ready" once Django is set up, then waits for a line on its standard input.
    """
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", script, *map(str, args)],
            cwd=BASE_DIR,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for args in args_per_process
    ]
    try:
        for process in processes:
            line = process.stdout.readline()
            if line.strip() != "ready":
                process.wait(timeout=READY_WITHIN)
                raise RuntimeError(f"a process did not start: {line}{process.stderr.read()}")
        for process in processes:
            process.stdin.write("go\n")
            process.stdin.flush()
        outputs = []
        for process in processes:
            out, err = process.communicate(timeout=READY_WITHIN)
            if process.returncode != 0:
                raise RuntimeError(f"a process failed ({process.returncode}):\n{err}")
            outputs.append(out)
        return outputs
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.wait()
