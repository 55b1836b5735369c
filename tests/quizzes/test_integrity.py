"""Nothing sent to the learner before grading tells which answer is right."""

import re

import pytest

from quizzes.enums import FeedbackPolicy, QuestionKind
from quizzes.models import Attempt, Choice

pytestmark = pytest.mark.django_db


def test_no_response_before_grading_carries_a_correct_answer_or_its_id(quiz, course, bank, learner, client):
    quiz.feedback = FeedbackPolicy.IMMEDIATE  # the most revealing rule (the others: test_feedback.py)
    quiz.save_revision().publish()
    questions = bank[1]
    # Give the correct choices ids that could not appear by chance.
    for offset, choice in enumerate(Choice.objects.filter(correct=True).order_by("pk")):
        Choice.objects.filter(pk=choice.pk).update(id=987_650 + offset)
    secret_ids = [str(987_650 + offset) for offset in range(Choice.objects.filter(correct=True).count())]
    secrets = [
        "القانون الأساسي",  # accepted short answer
        "الجمعية العامة هي صاحبة القرار.",  # explanation
        "numeric_answer",
        "choice--correct",
        "(correct)",
        "true_false_answer",
        *secret_ids,
    ]
    client.force_login(learner)
    bodies = [
        client.get(course.url),
        client.get(quiz.url),
        client.post(f"/ar/quizzes/{quiz.pk}/start/", follow=True),
    ]
    attempt = Attempt.objects.get()
    take = f"/ar/quizzes/attempts/{attempt.pk}/"
    bodies.append(client.get(take))
    html = bodies[-1].content.decode()
    values = re.findall(r'name="q\d+" value="([^"]*)"', html)
    assert values and all(value in {"0", "1", "2", "3", "true", "false", ""} for value in values)
    single = questions[QuestionKind.SINGLE]
    bodies.append(client.post(f"/ar/quizzes/attempts/{attempt.pk}/save/", {"shown": [single.pk], f"q{single.pk}": "1"}))
    bodies.append(client.get(take))  # reload: the saved answer comes back
    assert 'value="1" checked' in bodies[-1].content.decode()
    bodies.append(client.get(take + "result/", follow=True))  # not graded yet: back to the form
    for response in bodies:
        assert response.status_code == 200
        text = response.content.decode()
        for secret in secrets:
            assert secret not in text, (response.request["PATH_INFO"], secret)
    # After grading, the immediate feedback policy reveals them.
    result = client.post(take, {}, follow=True).content.decode()
    assert "القانون الأساسي" in result and "الجمعية العامة هي صاحبة القرار." in result
