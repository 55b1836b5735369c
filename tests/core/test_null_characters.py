"""A NUL character (which no database text column takes: PostgreSQL refuses it) in any part of a request:
the path names nothing (404), a query string is cleaned (filters ignore junk), a bad cookie is ignored, and a
body or header that carries one is refused with a clear 400, in the request's language, before any view runs."""

import json

import pytest
from django.contrib.sessions.models import Session
from django.http import HttpResponse

from core.null_characters import NullCharacterMiddleware
from courses.models import Enrolment, LessonProgress
from quizzes import services as quizzes
from quizzes.enums import QuestionKind
from quizzes.models import Response
from tests.factories import UserFactory, build_course
from tests.factories.quizzes import build_bank, build_quiz
from videos.models import Upload

pytestmark = pytest.mark.django_db
REFUSED = {
    "en": "The request contains a NUL character, which is not allowed in any text.",
    "fr": "La requête contient un caractère NUL, interdit dans tout texte.",
    "ar": "يحتوي الطلب على محرف NUL، وهو غير مسموح به في أي نص.",
}


@pytest.fixture
def trainer(client):
    user = UserFactory(groups=["Trainers"])
    client.force_login(user)
    return user


@pytest.fixture
def learning(catalogues, client):
    """A learner enrolled in a course with one lesson and a quiz holding every kind of question."""
    course, lessons = build_course(catalogues["fr"], lessons=1)
    questions = build_bank(course)[1]
    learner = UserFactory()
    Enrolment.objects.create(user=learner, course=course)
    client.force_login(learner)
    attempt = quizzes.start(learner, build_quiz(course, list(questions.values())))
    return lessons[0], attempt, questions[QuestionKind.SHORT_TEXT]


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ({"name": "leçon\x00.mp4", "size": 10}, "en"),
        ({"name": "a.mp4", "size": 10, "n\x00te": "x"}, "fr"),
        ({"name": "a.mp4", "size": 10, "tags": [{"deep": ["\x00"]}]}, "ar"),
    ],
)
def test_json_bodies_with_a_nul_are_refused_in_json(client, trainer, body, language):
    response = client.post(
        "/admin/videos/uploads/", json.dumps(body), content_type="application/json", HTTP_ACCEPT_LANGUAGE=language
    )
    assert (response.status_code, response.json()) == (400, {"error": REFUSED[language]})
    assert not Upload.objects.exists()


def test_an_escaped_backslash_is_not_a_nul(client, trainer):
    body = '{"name": "a.mp4", "size": 10, "note": "C:\\\\u0000"}'
    assert "\\u0000" in json.loads(body)["note"]
    response = client.post("/admin/videos/uploads/", body, content_type="application/json")
    assert response.status_code == 200 and Upload.objects.count() == 1


def test_quiz_answers_with_a_nul_are_refused_and_nothing_is_saved(client, learning):
    _lesson, attempt, short = learning
    answer = {"shown": str(short.pk), f"q{short.pk}": "القانون\x00 الأساسي"}
    saved = client.post(f"/fr/quizzes/attempts/{attempt.pk}/save/", answer, HTTP_X_REQUESTED_WITH="fetch")
    assert (saved.status_code, saved.json()) == (400, {"error": REFUSED["fr"]})
    submitted = client.post(f"/fr/quizzes/attempts/{attempt.pk}/", answer)
    assert submitted.status_code == 400 and submitted.content.decode() == REFUSED["fr"]
    assert submitted["Content-Type"] == "text/plain; charset=utf-8"
    attempt.refresh_from_db()
    assert attempt.is_open and not Response.objects.filter(attempt=attempt).exists()


def test_a_video_position_with_a_nul_is_refused(client, learning):
    lesson, _attempt, _short = learning
    response = client.post(f"/fr/learning/lessons/{lesson.pk}/position/", {"position": "12\x00"})
    assert response.status_code == 400 and response.content.decode() == REFUSED["fr"]
    assert not LessonProgress.objects.filter(position_seconds__gt=0).exists()


def test_a_form_field_with_a_nul_is_refused_before_the_form(client):
    response = client.post("/ar/accounts/login/", {"login": "a\x00@example.dz", "password": "x"})
    assert response.status_code == 400 and response.content.decode() == REFUSED["ar"]


@pytest.mark.parametrize(
    "path",
    [
        "/fr/verify/ABCD%00EFGH12345678/",  # certificate numbers
        "/fr/seminar/feed/abcdef%00ghijkl.ics",  # private calendar feeds
        "/fr/accounts/confirm-email/abc%00def/",  # allauth's e-mail keys
        "/fr/accounts/password/reset/key/1-abc%00def/",
        "/fr/%00/",  # Wagtail's page tree
        "/admin/pages/%00/",
        "/static/css/%00.css",
    ],
)
def test_a_path_with_a_nul_names_nothing(client, news_indexes, path):
    assert client.get(path).status_code == 404


def test_a_page_path_with_a_nul_names_nothing_in_the_visitors_language(client, news_indexes):
    response = client.get(news_indexes["fr"].url + "a%00b/")
    assert response.status_code == 404 and 'lang="fr"' in response.content.decode()


def test_a_query_string_with_a_nul_is_cleaned(rf):
    seen = {}

    def view(request):
        seen.update(request.GET.lists())
        return HttpResponse("ok")

    request = rf.get("/fr/seminars/", {"wilaya": "1\x006", "kind\x00": ["a", "b\x00"], "page": "2"})
    assert NullCharacterMiddleware(view)(request).status_code == 200
    assert seen == {"wilaya": ["16"], "kind": ["a", "b"], "page": ["2"]}
    assert request.get_full_path() == "/fr/seminars/?wilaya=16&kind=a&kind=b&page=2"


def test_a_session_cookie_with_a_nul_is_ignored(client, news_indexes):
    client.cookies["sessionid"] = "abcdefgh\x00ijkl"
    response = client.get(news_indexes["fr"].url)
    assert response.status_code == 200 and not Session.objects.exists()


@pytest.mark.parametrize(
    "header", [{"HTTP_ACCEPT_LANGUAGE": "fr\x00"}, {"HTTP_X_FORWARDED_FOR": "10.0.0.1\x00"}, {"HTTP_REFERER": "\x00"}]
)
def test_a_header_with_a_nul_is_refused(client, news_indexes, header):
    response = client.get(news_indexes["fr"].url, **header)
    assert response.status_code == 400
