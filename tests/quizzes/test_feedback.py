"""When the learner sees the correction: never in time to copy it into another attempt (the score always shows)."""

import re
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from quizzes import services
from quizzes.enums import QuestionKind
from quizzes.models import Attempt, QuizPage

pytestmark = pytest.mark.django_db

EXPLANATION = "الجمعية العامة هي صاحبة القرار."
ACCEPTED = "القانون الأساسي"
# Anything on a result page that tells which answer is right (in English: the pages below are read at /en/).
CORRECTION = [EXPLANATION, ACCEPTED, "(correct)", "question__choice--correct", "Correct answer", "question__verdict"]


def wrong_answers(questions):
    return {
        questions[QuestionKind.SINGLE]: ["الرئيس وحده"],
        questions[QuestionKind.MULTIPLE]: ["Members' passwords"],
        questions[QuestionKind.TRUE_FALSE]: "false",
        questions[QuestionKind.SHORT_TEXT]: "النظام الداخلي",
        questions[QuestionKind.NUMERIC]: "3",
    }


def fields(attempt, answers):
    """The attempt form's fields for {question: choice texts or typed value}: choices go as positions."""
    data = {"shown": [str(question.pk) for question in answers]}
    slots = {slot["question"]: slot for slot in attempt.layout}
    for question, value in answers.items():
        if question.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
            ids = [question.choices.get(text=text).pk for text in value]
            data[f"q{question.pk}"] = [str(slots[question.pk]["choices"].index(pk)) for pk in ids]
        else:
            data[f"q{question.pk}"] = value
    return data


def take(client, quiz, answers):
    """Start an attempt through the site, answer and submit it; returns the graded attempt."""
    assert client.post(f"/en/quizzes/{quiz.pk}/start/").status_code == 302
    attempt = Attempt.objects.filter(quiz=quiz).order_by("-number").first()
    assert client.post(f"/en/quizzes/attempts/{attempt.pk}/", fields(attempt, answers)).status_code == 302
    attempt.refresh_from_db()
    assert not attempt.is_open
    return attempt


def copy_the_correction(html, attempt, questions):
    """What a learner can copy from a result page into the next attempt: every answer it shows as right."""
    by_id = {question.pk: question for question in questions.values()}
    copied = {}
    for section in BeautifulSoup(html, "html.parser").select("section.question"):
        number = int(section.select_one(".question__number").get_text(strip=True).rstrip("."))
        question = by_id[attempt.layout[number - 1]["question"]]
        if question.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
            marked = " ".join(item.get_text() for item in section.select(".question__choice--correct"))
            right = [choice.text for choice in question.choices.all() if choice.text in marked]
            if right:
                copied[question] = right
        elif question.kind == QuestionKind.TRUE_FALSE:
            found = re.search(r"Correct answer: (True|False)", section.get_text(" ", strip=True))
            if found:
                copied[question] = found.group(1).lower()
        else:
            shown = section.select("bdi")  # the learner's answer, then the correct or accepted ones
            if len(shown) > 1:
                copied[question] = shown[1].get_text(strip=True)
    return copied


def result_html(client, attempt):
    response = client.get(f"/en/quizzes/attempts/{attempt.pk}/result/")
    assert response.status_code == 200
    return response.content.decode().replace("\u00a0", " ")


def test_with_two_attempts_the_default_keeps_the_correction_until_the_last_one(
    quiz, course, bank, learner, client, mailoutbox
):
    questions = bank[1]
    assert quiz.attempts_allowed == 2  # and the feedback rule is left as a new quiz gets it
    client.force_login(learner)
    first = take(client, quiz, wrong_answers(questions))
    first_result = result_html(client, first)
    assert "Score: 0 / 6 (0 %)" in first_result

    # The learner starts the second attempt with whatever the first result page showed as right.
    copied = copy_the_correction(first_result, first, questions)
    assert client.post(f"/en/quizzes/{quiz.pk}/start/").status_code == 302
    second = Attempt.objects.get(quiz=quiz, number=2)
    single = questions[QuestionKind.SINGLE]
    seen = {
        "first result": first_result,
        "course": client.get(course.url).content.decode(),
        "quiz": client.get(quiz.url).content.decode(),
        "my learning": client.get("/en/learning/").content.decode(),
        "second attempt": client.get(f"/en/quizzes/attempts/{second.pk}/").content.decode(),
        "autosave": client.post(
            f"/en/quizzes/attempts/{second.pk}/save/", {"shown": [single.pk], f"q{single.pk}": "1"}
        ).content.decode(),
        "first result again": result_html(client, first),  # while the last attempt is open
        "e-mails": " ".join(f"{mail.subject} {mail.body}" for mail in mailoutbox),
    }
    assert client.post(f"/en/quizzes/attempts/{second.pk}/", fields(second, copied or {})).status_code == 302
    second.refresh_from_db()
    assert not second.is_open and second.percent < 60 and not second.passed, copied
    assert "The correction will be shown after your last attempt." in first_result
    for name, text in seen.items():
        for secret in CORRECTION:
            assert secret not in text, (name, secret)

    # The last attempt is used: both results now show the correction.
    for attempt in (first, second):
        html = result_html(client, attempt)
        assert EXPLANATION in html and ACCEPTED in html and "question__choice--correct" in html
        assert "Correct answer: True" in html


def test_an_open_last_attempt_keeps_the_correction_of_the_earlier_ones_hidden(quiz, bank, learner, client):
    quiz.feedback = "last_attempt"
    quiz.save_revision().publish()
    client.force_login(learner)
    first = take(client, quiz, wrong_answers(bank[1]))
    assert client.post(f"/en/quizzes/{quiz.pk}/start/").status_code == 302  # the last attempt, still open
    html = result_html(client, first)
    for secret in CORRECTION:
        assert secret not in html, secret


def test_after_the_closing_date_the_correction_waits_for_the_close_and_its_grace_period(quiz, bank, learner, client):
    quiz.feedback, quiz.attempts_allowed, quiz.grace_seconds = "after_close", 1, 600
    quiz.closes_at = timezone.now() + timedelta(days=1)
    quiz.save_revision().publish()
    client.force_login(learner)
    attempt = take(client, quiz, wrong_answers(bank[1]))
    html = result_html(client, attempt)
    assert EXPLANATION not in html and "The correct answers will be shown after the quiz closes" in html
    # Closed ten seconds ago: a learner still inside the 10-minute grace period can save answers.
    QuizPage.objects.filter(pk=quiz.pk).update(closes_at=timezone.now() - timedelta(seconds=10))
    html = result_html(client, attempt)
    for secret in CORRECTION:
        assert secret not in html, secret
    QuizPage.objects.filter(pk=quiz.pk).update(closes_at=timezone.now() - timedelta(seconds=601))
    assert EXPLANATION in result_html(client, attempt)


@pytest.mark.parametrize(
    ("policy", "allowed", "graded", "still_open", "closed", "visible"),
    [
        ("immediate", 2, 1, False, False, True),
        ("last_attempt", 1, 1, False, False, True),
        ("last_attempt", 2, 1, False, False, False),
        ("last_attempt", 2, 1, True, False, False),
        ("last_attempt", 2, 2, False, False, True),
        ("last_attempt", 2, 1, False, True, True),
        ("last_attempt", 0, 3, False, False, False),
        ("last_attempt", 0, 3, False, True, True),
        ("after_close", 1, 1, False, False, False),
        ("after_close", 1, 1, False, True, True),
        ("never", 1, 1, False, True, False),
    ],
)
def test_who_sees_the_correction_under_each_policy(quiz, learner, policy, allowed, graded, still_open, closed, visible):
    from quizzes.feedback import correction_visible

    now = timezone.now()
    quiz.feedback, quiz.attempts_allowed, quiz.closes_at = policy, allowed, now + timedelta(days=1)
    quiz.save_revision().publish()
    started = now - timedelta(hours=1)
    attempts = [services.submit(services.start(learner, quiz, now=started), now=started) for _ in range(graded)]
    if still_open:
        services.start(learner, quiz, now=started)
    if closed:
        QuizPage.objects.filter(pk=quiz.pk).update(closes_at=now - timedelta(seconds=quiz.grace_seconds + 1))
    first = Attempt.objects.select_related("quiz").get(pk=attempts[0].pk)
    assert correction_visible(first, now=now) is visible
    if still_open:
        assert correction_visible(Attempt.objects.get(quiz=quiz, status="in_progress"), now=now) is False
