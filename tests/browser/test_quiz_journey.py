"""A trainee takes the timed Arabic quiz on a phone, reloads half-way, submits and passes the course's quiz; the
correction shows after the second and last attempt."""

import re

import pytest
from django.core.management import call_command

from courses.models import CoursePage
from quizzes.models import Attempt, Question, QuizPage

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("restored_db")]


def answer(fieldset, question):
    if question.kind in ("single", "multiple"):
        for choice in question.choices.filter(correct=True):
            fieldset.locator("label", has_text=re.compile(rf"^{re.escape(choice.text)}$")).click()
    elif question.kind == "true_false":
        fieldset.locator(f"input[value={'true' if question.true_false_answer else 'false'}]").check()
    elif question.kind == "short_text":
        fieldset.locator("input[type=text]").fill(question.accepted_answers.first().text)
    else:
        fieldset.locator("input[type=text]").fill(format(question.numeric_answer.normalize(), "f").replace(".", ","))


def test_trainee_takes_a_timed_quiz_reloads_and_passes(live_server, page, artifacts, csp_violations):
    call_command("seed_demo", verbosity=0)
    course = CoursePage.objects.get(slug="managing-an-association")
    base = live_server.url
    page.goto(f"{base}/ar/accounts/login/")
    page.fill("input[name=login]", "trainee@tadrib.dz")
    page.fill("input[name=password]", "Tadrib-Trainee-2026")
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url(base + "/ar/")
    page.goto(base + course.url)
    page.locator("form[action$='/enrol/'] button").click()
    page.locator(".syllabus__item--activity a").click()
    page.locator("form[action$='/start/'] button").click()
    page.wait_for_url(re.compile(r".*/quizzes/attempts/\d+/$"))
    assert page.locator("[data-seconds-left]").is_visible()  # the 15-minute clock

    fieldsets = page.locator("fieldset.question")
    count = fieldsets.count()
    assert count == 10
    questions = []
    for index in range(count):
        question_id = int(fieldsets.nth(index).locator("input[name=shown]").get_attribute("value"))
        questions.append(Question.objects.get(pk=question_id))
    half = count // 2
    for index in range(half):
        answer(fieldsets.nth(index), questions[index])
    page.locator("[data-save-status]", has_text=":").wait_for()  # "Answers saved · 10:21:05"
    page.reload()
    attempt = Attempt.objects.get()
    assert sum(1 for response in attempt.responses.all() if response.choices or response.text) == half
    first = questions[0]
    if first.kind in ("single", "multiple"):
        checked = fieldsets.nth(0).locator("input:checked").count()
        assert checked == first.choices.filter(correct=True).count()  # the saved answer came back
    for index in range(half, count):
        answer(fieldsets.nth(index), questions[index])
    page.locator("[data-submit]").click()
    page.wait_for_url(re.compile(r".*/quizzes/attempts/\d+/result/$"))
    assert "100" in page.locator("[data-quiz-score]").inner_text()
    # One attempt of two used: the correction waits for the last one, so it cannot be copied into it.
    assert page.locator("section.question").count() == 0
    page.screenshot(path=str(artifacts / "quiz-result.png"), full_page=True)

    # The learner uses the second attempt anyway: now both results show the correction.
    page.goto(base + QuizPage.objects.get(slug="final-quiz", locale=course.locale).url)
    page.locator("form[action$='/start/'] button").click()
    page.wait_for_url(re.compile(r".*/quizzes/attempts/\d+/$"))
    for index in range(fieldsets.count()):
        question_id = int(fieldsets.nth(index).locator("input[name=shown]").get_attribute("value"))
        answer(fieldsets.nth(index), Question.objects.get(pk=question_id))
    page.locator("[data-submit]").click()
    page.wait_for_url(re.compile(r".*/quizzes/attempts/\d+/result/$"))
    assert page.locator(".question--right").count() == count  # every answer right, and shown as such
    page.screenshot(path=str(artifacts / "quiz-correction.png"), full_page=True)

    page.goto(base + course.url)
    assert page.locator(".syllabus__item--activity .syllabus__done").count() == 1
    assert csp_violations == []
