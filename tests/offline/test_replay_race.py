"""Two tabs (or a tab and the service worker) replaying the same queued change at once, on two web processes."""

import sqlite3
import threading
import uuid

import pytest
from django.db import connection

from courses.models import Enrolment, LessonProgress
from offline.middleware import cache_key
from offline.models import Replay
from tests.core.processes import signed_in
from tests.factories import UserFactory, build_course

pytestmark = [pytest.mark.slow]


def rows(tmp_path, table, where, value):
    """Rows of the servers' database: the test database itself on PostgreSQL, the servers' copy of it on SQLite."""
    if connection.vendor != "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM {table} WHERE {where} = %s", [value])  # noqa: S608 — test constants
            return cursor.fetchone()[0]
    with sqlite3.connect(tmp_path / "shared.sqlite3") as copy:
        return copy.execute(f"SELECT COUNT(*) FROM {table} WHERE {where} = ?", [value]).fetchone()[0]  # noqa: S608


def test_the_same_change_sent_eight_times_at_once_to_two_servers_is_applied_once(
    restored_db, start_web_servers, tmp_path
):
    from courses.models import CourseIndexPage

    course, lessons = build_course(CourseIndexPage.objects.get(locale__language_code="ar"), lessons=2)
    learner = UserFactory()
    Enrolment.objects.create(user=learner, course=course)
    browser = signed_in(learner)
    browser.cookies.set("csrftoken", "k" * 32, domain="127.0.0.1")
    servers = start_web_servers(2)
    key = str(uuid.uuid4())
    headers = {
        "X-CSRFToken": "k" * 32,
        "Idempotency-Key": key,
        "X-Tadrib-Made-By": cache_key(learner),
        "Accept": "application/json",
    }
    barrier, answers = threading.Barrier(8), []

    def replay(server):
        barrier.wait()
        response = browser.post(f"{server.url}/ar/learning/lessons/{lessons[0].pk}/done/", headers=headers)
        answers.append((response.status_code, response.json(), response.headers.get("Idempotent-Replayed")))

    threads = [threading.Thread(target=replay, args=(servers[number % 2],)) for number in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert (
        sorted(answers, key=lambda answer: answer[2] or "")
        == [(200, {"done": True, "course_complete": False}, None)]
        + [(200, {"done": True, "course_complete": False}, "true")] * 7
    )
    stored_key = key.replace("-", "") if connection.vendor == "sqlite" else key
    assert rows(tmp_path, Replay._meta.db_table, "key", stored_key) == 1
    assert rows(tmp_path, LessonProgress._meta.db_table, "user_id", learner.pk) == 1
