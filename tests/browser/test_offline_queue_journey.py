"""A trainee loses the link half-way through a lesson and a quiz: she marks the lesson done and answers two questions
offline, on an Arabic phone; when the link returns the server has the progress and the answers, exactly once."""

import re

import pytest

from courses.enums import Access
from courses.models import CourseIndexPage, Enrolment, LessonProgress
from offline.middleware import cache_key
from offline.models import Replay
from quizzes.models import Attempt, Response
from tests.browser.app_shell import open_phone, poll, wait_until_controlled, wait_until_saved
from tests.browser.conftest import log_in
from tests.factories import UserFactory, build_course
from tests.factories.accounts import PASSWORD
from tests.factories.quizzes import build_bank, build_quiz

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("restored_db")]
QUEUE = "async () => (await TadribQueue.entries()).map((entry) => [entry.slot.split(':')[0], entry.refused])"


@pytest.fixture
def phone(browser, csp_violations):
    yield from open_phone(browser, csp_violations)


@pytest.fixture
def learning():
    course, lessons = build_course(
        CourseIndexPage.objects.get(locale__language_code="ar"), lessons=2, access=Access.ENROLMENT
    )
    _category, questions = build_bank(course)
    quiz = build_quiz(course, list(questions.values()), time_limit_minutes=30)
    learner = UserFactory(preferred_language="ar")
    Enrolment.objects.create(user=learner, course=course)
    return learner, lessons[0], quiz


def answer_first_two(page):
    for index in range(2):
        fieldset = page.locator("fieldset.question").nth(index)
        if fieldset.locator("input[type=radio], input[type=checkbox]").count():
            fieldset.locator("input[type=radio], input[type=checkbox]").first.check()
        else:
            fieldset.locator("input[type=text]").fill("12")


def answered(attempt):
    return sum(1 for response in Response.objects.filter(attempt=attempt) if response.choices or response.text)


def wait_for_server(page, condition, timeout=30):
    for _ in range(timeout * 5):
        if condition():
            return
        page.wait_for_timeout(200)
    raise AssertionError("the server never received the queued changes")


def test_progress_and_answers_made_offline_reach_the_server_once(live_server, phone, learning, csp_violations):
    learner, lesson, quiz = learning
    base = live_server.url
    page = phone
    log_in(page, base, learner.email, PASSWORD, language="ar", landing="/ar/")
    wait_until_controlled(page)
    page.goto(base + lesson.url)
    wait_until_saved(page, f"tadrib-pages-{cache_key(learner)}", base + lesson.url)
    page.goto(base + quiz.url)
    page.locator("form[action$='/start/'] button").click()
    page.wait_for_url(re.compile(r".*/quizzes/attempts/\d+/$"))
    attempt = Attempt.objects.get(user=learner)

    page.context.set_offline(True)
    answer_first_two(page)
    assert poll(page, QUEUE, [["answers", None]]) == [["answers", None]]  # both answers, in one waiting state
    page.locator("[data-quiz-form] [type=submit]").click()  # submitting needs the server: refused, said why
    assert "اتصل بالإنترنت لإرسال المحاولة" in page.locator(".queue-banner").inner_text()
    assert page.url.endswith(f"/quizzes/attempts/{attempt.pk}/")

    page.goto(base + lesson.url)  # from this device's copy
    assert page.locator("html").get_attribute("data-tadrib-saved")
    page.locator("form[data-lesson-done] button").click()
    assert page.locator("form[data-lesson-done] button").inner_text().startswith("أُنجز ✓")
    assert sorted(poll(page, QUEUE, [["answers", None], ["done", None]])) == [["answers", None], ["done", None]]
    assert not LessonProgress.objects.filter(user=learner, completed_at__isnull=False).exists()
    assert not Response.objects.exists()

    page.context.set_offline(False)  # the page sends its queue when the link returns (and the worker's sync may too)
    wait_for_server(page, lambda: answered(attempt) == 2)
    wait_for_server(page, lambda: LessonProgress.objects.filter(user=learner, completed_at__isnull=False).exists())
    assert poll(page, QUEUE, []) == []
    assert page.evaluate(f"TadribQueue.flush({cache_key(learner)!r})") == 0  # nothing left to send again
    assert LessonProgress.objects.filter(user=learner, lesson=lesson, completed_at__isnull=False).count() == 1
    assert answered(attempt) == 2
    assert sorted(Replay.objects.values_list("path", "status")) == [
        (f"/ar/learning/lessons/{lesson.pk}/done/", 200),
        (f"/ar/quizzes/attempts/{attempt.pk}/save/", 200),
    ]
    assert csp_violations == []


def test_a_quiz_cannot_be_started_offline(live_server, phone, learning):
    learner, _lesson, quiz = learning
    base = live_server.url
    page = phone
    log_in(page, base, learner.email, PASSWORD, language="ar", landing="/ar/")
    wait_until_controlled(page)
    page.goto(base + quiz.url)
    wait_until_saved(page, f"tadrib-pages-{cache_key(learner)}", base + quiz.url)
    page.context.set_offline(True)
    page.locator("form[action$='/start/'] button").click()
    assert "لا يمكن بدء الاختبار دون اتصال" in page.locator(".queue-banner").inner_text()
    assert page.url == base + quiz.url and not Attempt.objects.exists()
