"""Messages that count (changed results, characters) read as Arabic and French count."""

import pytest
from django.contrib.messages import get_messages
from django.http import QueryDict
from django.utils import translation

from courses.signals import sync_course_trainers
from quizzes import answers, services
from quizzes.enums import QuestionKind
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "changed", "message"),
    [
        ("ar", 0, "أُعيد تصحيح كل المحاولات؛ لم تتغير أي نتيجة."),
        ("ar", 1, "أُعيد تصحيح كل المحاولات؛ تغيّرت نتيجة واحدة."),
        ("ar", 2, "أُعيد تصحيح كل المحاولات؛ تغيّرت نتيجتان."),
        ("ar", 11, "أُعيد تصحيح كل المحاولات؛ تغيّرت 11 نتيجة."),
        ("fr", 1, "Toutes les tentatives ont été recorrigées ; 1 résultat a changé."),
        ("fr", 2, "Toutes les tentatives ont été recorrigées ; 2 résultats ont changé."),
        ("en", 1, "Every attempt was graded again; 1 result changed."),
        ("en", 2, "Every attempt was graded again; 2 results changed."),
    ],
)
def test_the_regrade_message_counts_the_changed_results(client, course, quiz, monkeypatch, language, changed, message):
    trainer = UserFactory(groups=["Trainers"])
    course.trainers.add(trainer)
    course.save_revision().publish()
    sync_course_trainers(course)
    monkeypatch.setattr(services, "regrade", lambda regraded: changed if regraded.pk == quiz.pk else None)
    client.force_login(trainer)
    response = client.post(f"/admin/quizzes/{quiz.pk}/regrade/", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 302
    assert [str(shown) for shown in get_messages(response.wsgi_request)] == [message]


@pytest.mark.parametrize(
    ("language", "limit", "message"),
    [
        ("ar", 1, "لا يمكن أن تتجاوز الإجابة حرفًا واحدًا."),
        ("ar", 2, "لا يمكن أن تتجاوز الإجابة حرفين."),
        ("ar", 3, "لا يمكن أن تتجاوز الإجابة 3 أحرف."),
        ("ar", 11, "لا يمكن أن تتجاوز الإجابة 11 حرفًا."),
        ("ar", 500, "لا يمكن أن تتجاوز الإجابة 500 حرف."),
        ("fr", 1, "Une réponse ne peut dépasser 1 caractère."),
        ("fr", 500, "Une réponse ne peut dépasser 500 caractères."),
    ],
)
def test_the_answer_length_refusal_counts_the_characters(quiz, bank, learner, monkeypatch, language, limit, message):
    monkeypatch.setattr(answers, "MAX_TEXT", limit)
    attempt = services.start(learner, quiz)
    question = bank[1][QuestionKind.SHORT_TEXT].pk
    data = QueryDict(mutable=True)
    data[f"q{question}"] = "ب" * (limit + 1)
    with translation.override(language), pytest.raises(services.QuizError) as refused:
        services.parse_answers(attempt, data)
    assert str(refused.value) == message
