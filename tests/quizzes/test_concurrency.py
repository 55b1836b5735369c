"""Attempt limits and single grading under parallel requests (real transactions on PostgreSQL)."""

import threading

import pytest
from django.db import connection
from django.test import Client

from courses.models import Enrolment
from quizzes.enums import AttemptStatus
from quizzes.models import Attempt, Outcome
from tests.factories import UserFactory, build_course
from tests.factories.quizzes import build_bank, build_quiz

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="parallel writers need PostgreSQL (CI runs it)"
)


def in_parallel(count, action):
    barrier, errors, results = threading.Barrier(count), [], []

    def run(index):
        try:
            client = Client()
            client.force_login(learner_of[0])
            barrier.wait()
            results.append(action(client, index))
        except Exception as error:  # noqa: BLE001 — collected and asserted below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    return results


learner_of = [None]


@pytest.fixture
def setup(restored_db, catalogues):
    course = build_course(catalogues["ar"], lessons=1)[0]
    questions = list(build_bank(course)[1].values())
    learner = UserFactory()
    Enrolment.objects.create(user=learner, course=course)
    learner_of[0] = learner
    return course, questions, learner


def test_twenty_parallel_submits_grade_the_attempt_once(setup, monkeypatch):
    from quizzes import services

    course, questions, learner = setup
    gradings, real_grade = [], services._grade
    monkeypatch.setattr(
        services, "_grade", lambda attempt, quiz: gradings.append(attempt.pk) or real_grade(attempt, quiz)
    )
    quiz = build_quiz(course, questions, attempts_allowed=1)
    client = Client()
    client.force_login(learner)
    client.post(f"/ar/quizzes/{quiz.pk}/start/")
    attempt = Attempt.objects.get()
    true_false = next(question for question in questions if question.kind == "true_false")
    statuses = in_parallel(
        20,
        lambda client, index: (
            client.post(f"/ar/quizzes/attempts/{attempt.pk}/", {f"q{true_false.pk}": "true"}).status_code
        ),
    )
    assert statuses == [302] * 20
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.GRADED and attempt.score == 1
    assert Attempt.objects.count() == 1 and Outcome.objects.count() == 1
    assert attempt.responses.count() == 1
    assert gradings == [attempt.pk]  # graded by exactly one of the twenty requests


def test_parallel_starts_never_exceed_the_attempt_limit(setup):
    course, questions, learner = setup
    quiz = build_quiz(course, questions, attempts_allowed=3)

    def start_and_submit(client, index):
        for _ in range(3):
            client.post(f"/ar/quizzes/{quiz.pk}/start/")
            for attempt in Attempt.objects.filter(status=AttemptStatus.IN_PROGRESS):
                client.post(f"/ar/quizzes/attempts/{attempt.pk}/", {})
        return True

    in_parallel(10, start_and_submit)
    numbers = sorted(Attempt.objects.filter(user=learner).values_list("number", flat=True))
    assert numbers == [1, 2, 3]
    assert Attempt.objects.filter(status=AttemptStatus.IN_PROGRESS).count() <= 1
