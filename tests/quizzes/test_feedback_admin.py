"""The editor's side of the feedback rule: the safe default, the warning, and the move of existing quizzes."""

import importlib
import re

import pytest
from django.apps import apps

from courses.signals import sync_course_trainers
from quizzes.enums import QuestionKind
from quizzes.models import QuizPage
from tests.factories import UserFactory
from tests.factories.quizzes import build_quiz

pytestmark = pytest.mark.django_db

RETRY_WARNING = "learners can copy the correction into their next attempt"
NEVER_WARNING = "learners will never see the correction"


@pytest.fixture
def trainer(client, course):
    user = UserFactory(groups=["Trainers"], preferred_language="en")
    course.trainers.add(user)
    course.save_revision().publish()
    sync_course_trainers(course)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    client.force_login(user)
    return user


def quiz_form(bank, **changes):
    data = {
        "title": "Final quiz",
        "slug": "final-quiz",
        "pass_mark": "60",
        "attempts_allowed": "2",
        "grace_seconds": "30",
        "feedback": "last_attempt",
        "score_rule": "best",
        "required": "on",
        "items-TOTAL_FORMS": "1",
        "items-INITIAL_FORMS": "0",
        "items-MIN_NUM_FORMS": "1",
        "items-MAX_NUM_FORMS": "1000",
        "items-0-question": str(bank[1][QuestionKind.SINGLE].pk),
        "items-0-draw": "1",
        "items-0-ORDER": "1",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_a_new_quiz_gets_the_safe_default(client, trainer, course):
    assert QuizPage().feedback == "last_attempt"
    form = client.get(f"/admin/pages/add/quizzes/quizpage/{course.pk}/").content.decode()
    assert re.search(r'<option value="last_attempt"[^>]*selected', form)


@pytest.mark.parametrize(
    ("changes", "warning"),
    [
        ({"feedback": "immediate"}, RETRY_WARNING),
        ({"feedback": "immediate", "attempts_allowed": "0"}, RETRY_WARNING),
        ({"attempts_allowed": "0"}, NEVER_WARNING),
        ({}, None),
        ({"feedback": "immediate", "attempts_allowed": "1"}, None),
        ({"attempts_allowed": "0", "closes_at": "2099-06-30 18:00"}, None),
    ],
)
def test_saving_a_quiz_warns_when_its_feedback_rule_defeats_the_retry(client, trainer, course, bank, changes, warning):
    response = client.post(f"/admin/pages/add/quizzes/quizpage/{course.pk}/", quiz_form(bank, **changes), follow=True)
    assert response.status_code == 200
    # A warning, not a refusal: a practice quiz may show the answers on purpose.
    quiz = QuizPage.objects.get(slug="final-quiz")
    assert response.redirect_chain[-1][0] == f"/admin/pages/{quiz.pk}/edit/"
    html = response.content.decode()
    for text in (RETRY_WARNING, NEVER_WARNING):
        assert (text in html) is (text == warning), text
    if warning:
        assert "Final quiz" in html.split(warning)[0][-400:]  # the warning names the quiz


def test_publishing_warns_on_the_page_it_lands_on_and_autosave_queues_no_message(client, course, bank):
    quiz = build_quiz(course, [bank[1][QuestionKind.SINGLE]], slug="final-quiz", title="Final quiz")
    client.force_login(UserFactory(groups=["Observatory admins"], preferred_language="en"))
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    url = f"/admin/pages/{quiz.pk}/edit/"
    data = quiz_form(bank, feedback="immediate")
    saved = client.post(url, data, HTTP_ACCEPT="application/json")  # what the editor's autosave sends
    assert saved.status_code == 200 and saved.json()["success"] is True
    assert RETRY_WARNING not in client.get(url).content.decode()
    response = client.post(url, {**data, "action-publish": "publish"}, follow=True)
    assert response.redirect_chain[-1][0] == f"/admin/pages/{course.pk}/"  # back to the course's pages
    assert RETRY_WARNING in response.content.decode()
    quiz.refresh_from_db()
    assert quiz.feedback == "immediate"


def test_existing_quizzes_with_retries_and_immediate_feedback_move_to_after_the_last_attempt(course, bank):
    question = bank[1][QuestionKind.SINGLE]
    cases = {
        "two-attempts": ({"feedback": "immediate", "attempts_allowed": 2}, "last_attempt"),
        "unlimited": ({"feedback": "immediate", "attempts_allowed": 0}, "last_attempt"),
        "one-attempt": ({"feedback": "immediate", "attempts_allowed": 1}, "immediate"),
        "never": ({"feedback": "never", "attempts_allowed": 3}, "never"),
        "after-close": ({"feedback": "after_close", "attempts_allowed": 3}, "after_close"),
    }
    quizzes = {slug: build_quiz(course, [question], slug=slug, **values) for slug, (values, _) in cases.items()}
    for quiz in quizzes.values():
        quiz.save_revision().publish()
    draft = quizzes["one-attempt"]
    draft.attempts_allowed = 3  # an unpublished draft adds retries to an immediate-feedback quiz
    draft.save_revision()
    migration = importlib.import_module("quizzes.migrations.0003_feedback_after_last_attempt")
    migration.move_retried_quizzes_to_after_the_last_attempt(apps, None)
    for slug, (_values, expected) in cases.items():
        quiz = QuizPage.objects.get(slug=slug)
        assert quiz.feedback == expected, slug
        assert quiz.live_revision.content["feedback"] == expected, slug  # republishing keeps the safe rule
    assert QuizPage.objects.get(slug="one-attempt").get_latest_revision().content["feedback"] == "last_attempt"
