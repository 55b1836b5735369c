"""The trainer's item analysis: how often each question was shown and answered, and how often answered right."""

import pytest
from bs4 import BeautifulSoup
from django.http import QueryDict

from courses.models import Enrolment
from courses.signals import sync_course_trainers
from quizzes import services
from quizzes.enums import QuestionKind
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def trainer(client, course):
    user = UserFactory(groups=["Trainers"], preferred_language="en")
    course.trainers.add(user)
    course.save_revision().publish()
    sync_course_trainers(course)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return user


def sit(quiz, answers):
    """One learner's graded attempt; answers: {question: choice position or typed value, or "" for left blank}.

    Every question of the page is sent as shown, as the browser does, so a blank one is saved as a blank response.
    """
    learner = UserFactory()
    Enrolment.objects.create(user=learner, course=quiz.course)
    attempt = services.start(learner, quiz)
    data = QueryDict(mutable=True)
    for question, value in answers.items():
        data.appendlist("shown", str(question.pk))
        if value != "":
            data[f"q{question.pk}"] = value
    services.save_answers(attempt, data)
    return services.submit(attempt)


def question_table(html):
    """{question text: {column heading: cell text, or its list items}} from the results page's Questions table."""
    soup = BeautifulSoup(html, "html.parser")
    table = soup.find("h2", string="Questions").find_next("table")
    headings = [cell.get_text(" ", strip=True) for cell in table.select("thead th")]
    rows = {}
    for row in table.select("tbody tr"):
        cells = [
            [" ".join(item.get_text().split()) for item in cell.select("li")] or cell.get_text(" ", strip=True)
            for cell in row.select("td")
        ]
        rows[cells[0]] = dict(zip(headings, cells, strict=True))
    return rows


def test_correct_percent_counts_only_answered_and_true_false_shows_its_answers(quiz, bank, trainer, client):
    questions = bank[1]
    single, true_false = questions[QuestionKind.SINGLE], questions[QuestionKind.TRUE_FALSE]
    # Choices are not shuffled: position 0 is the right one. Five learners were shown both questions.
    for choice, truth in [("0", "true"), ("0", "true"), ("1", "false"), ("", "true"), ("", "")]:
        sit(quiz, {single: choice, true_false: truth})
    client.force_login(trainer)
    response = client.get(f"/admin/quizzes/{quiz.pk}/results/")
    assert response.status_code == 200
    table = question_table(response.content.decode())

    row = table[str(single)]
    # 2 right of 3 answered, not of the 5 it was shown to (which read as 40 %).
    assert (row["Shown"], row["Answered"], row["Correct"], row["Correct (% of answered)"]) == ("5", "3", "2", "67")
    assert row["Answers given"] == ["الجمعية العامة (correct): 2", "الرئيس وحده: 1", "أمين المال: 0"]

    row = table[str(true_false)]
    assert (row["Shown"], row["Answered"], row["Correct"], row["Correct (% of answered)"]) == ("5", "4", "3", "75")
    assert row["Answers given"] == ["True (correct): 3", "False: 1"]

    unanswered = table[str(questions[QuestionKind.NUMERIC])]
    assert (unanswered["Shown"], unanswered["Answered"], unanswered["Correct (% of answered)"]) == ("5", "0", "—")
