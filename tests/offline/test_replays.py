"""Changes sent again by the offline queue: applied once, for the person who made them, under the server's rules."""

import uuid
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from courses.models import Enrolment, LessonProgress
from offline.middleware import cache_key
from offline.models import Replay
from quizzes import services as quizzes
from quizzes.enums import QuestionKind
from quizzes.models import Attempt, Response
from tests.factories import UserFactory, build_course
from tests.factories.quizzes import build_bank, build_quiz

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(catalogues):
    return build_course(catalogues["ar"], lessons=2)


@pytest.fixture
def learner(course):
    user = UserFactory()
    Enrolment.objects.create(user=user, course=course[0])
    return user


def queued(client, url, data, key=None, made_by=None, user=None):
    """A change as static/js/queue.js sends it."""
    headers = {"HTTP_IDEMPOTENCY_KEY": str(key or uuid.uuid4()), "HTTP_ACCEPT": "application/json"}
    if made_by is not None or user is not None:
        headers["HTTP_X_TADRIB_MADE_BY"] = made_by if made_by is not None else cache_key(user)
    return client.post(url, data, **headers)


def done_url(lesson):
    return f"/ar/learning/lessons/{lesson.pk}/done/"


def test_a_lesson_marked_done_offline_and_sent_twice_is_done_once_with_the_same_answer(course, learner):
    lesson = course[1][0]
    client = Client()
    client.force_login(learner)
    key = uuid.uuid4()
    first = queued(client, done_url(lesson), {}, key=key, user=learner)
    again = queued(client, done_url(lesson), {}, key=key, user=learner)
    assert (first.status_code, first.json()) == (200, {"done": True, "course_complete": False})
    assert (again.status_code, again.json(), again["Idempotent-Replayed"]) == (200, first.json(), "true")
    assert "Idempotent-Replayed" not in first
    assert LessonProgress.objects.filter(user=learner, lesson=lesson, completed_at__isnull=False).count() == 1
    assert Replay.objects.filter(key=key, user=learner, status=200).count() == 1
    assert list(client.get("/ar/").context["messages"]) == []  # no "marked as done" waiting on the next page


def test_without_a_key_the_form_works_as_before(course, learner):
    lesson = course[1][0]
    client = Client()
    client.force_login(learner)
    response = client.post(done_url(lesson))
    assert response.status_code == 302 and not Replay.objects.exists()


def test_positions_sent_twice_are_kept_once_and_a_seek_back_is_not_replayed(course, learner):
    lesson = course[1][0]
    url = f"/ar/learning/lessons/{lesson.pk}/position/"
    client = Client()
    client.force_login(learner)
    key = uuid.uuid4()
    assert queued(client, url, {"position": "30", "seek": "true"}, key=key, user=learner).json()["position"] == 30
    assert client.post(url, {"position": "50"}).json()["position"] == 50  # watched on, online
    assert queued(client, url, {"position": "30", "seek": "true"}, key=key, user=learner).json()["position"] == 30
    assert LessonProgress.objects.get(user=learner, lesson=lesson).position_seconds == 50  # not taken back to 30


@pytest.mark.parametrize(
    ("case", "status"),
    [("not a uuid", 400), ("another account made it", 403), ("logged out", 401), ("key used elsewhere", 409)],
)
def test_refused_replays_apply_nothing(course, learner, case, status):
    lesson = course[1][0]
    client = Client()
    client.force_login(learner)
    key = uuid.uuid4()
    if case == "not a uuid":
        response = client.post(done_url(lesson), HTTP_IDEMPOTENCY_KEY="../../1 OR 1=1", HTTP_ACCEPT="application/json")
    elif case == "another account made it":
        response = queued(client, done_url(lesson), {}, made_by=cache_key(UserFactory()))
    elif case == "logged out":
        response = queued(Client(), done_url(lesson), {}, made_by=cache_key(learner))
    else:
        other = UserFactory()
        Enrolment.objects.create(user=other, course=course[0])
        other_client = Client()
        other_client.force_login(other)
        queued(other_client, done_url(course[1][1]), {}, key=key, user=other)
        response = queued(client, done_url(lesson), {}, key=key, user=learner)
    assert response.status_code == status
    assert response.json()["error"]
    assert not LessonProgress.objects.filter(user=learner).exists()


def test_quiz_answers_saved_offline_are_refused_after_the_deadline_with_a_clear_message(course, learner):
    bank = build_bank(course[0])
    quiz = build_quiz(course[0], list(bank[1].values()), time_limit_minutes=5)
    attempt = quizzes.start(learner, quiz)
    single = bank[1][QuestionKind.SINGLE]
    url = f"/ar/quizzes/attempts/{attempt.pk}/save/"
    client = Client()
    client.force_login(learner)
    answer = {"shown": [single.pk], f"q{single.pk}": "0"}
    key = uuid.uuid4()
    assert queued(client, url, answer, key=key, user=learner).json()["saved"] == 1
    assert queued(client, url, answer, key=key, user=learner)["Idempotent-Replayed"] == "true"
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(minutes=10))
    late = queued(client, url, {"shown": [single.pk], f"q{single.pk}": "1"}, user=learner)
    assert (late.status_code, late.json()["error"]) == (409, "انتهى الوقت: لم تعد الإجابات تُحفظ.")
    assert Response.objects.get().choices == [attempt.layout[0]["choices"][0]]  # the answer of before the deadline


def test_old_replay_records_of_a_person_go_when_they_send_a_new_one(course, learner):
    client = Client()
    client.force_login(learner)
    queued(client, done_url(course[1][0]), {}, user=learner)
    Replay.objects.update(created=timezone.now() - timedelta(days=31))
    queued(client, done_url(course[1][1]), {}, user=learner)
    assert [replay.path for replay in Replay.objects.all()] == [done_url(course[1][1])]


def test_a_change_refused_for_now_is_not_remembered_and_goes_through_later(course, learner, settings):
    from django.core.cache import cache

    lesson = course[1][0]
    url = f"/ar/learning/lessons/{lesson.pk}/position/"
    client = Client()
    client.force_login(learner)
    for _ in range(30):
        client.post(url, {"position": "1"})
    key = uuid.uuid4()
    assert queued(client, url, {"position": "40"}, key=key, user=learner).status_code == 429
    assert not Replay.objects.filter(key=key).exists()
    cache.clear()  # a minute later
    again = queued(client, url, {"position": "40"}, key=key, user=learner)
    assert (again.status_code, again.json()["position"]) == (200, 40) and "Idempotent-Replayed" not in again
