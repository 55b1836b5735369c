"""Quizzes for tests: a bank of one question of each type, in Arabic, and a quiz using it."""

from decimal import Decimal

import wagtail_factories

from quizzes.enums import QuestionKind
from quizzes.models import AcceptedAnswer, Choice, Question, QuestionCategory, QuizItem, QuizPage


class QuizPageFactory(wagtail_factories.PageFactory):
    title = "اختبار"

    class Meta:
        model = QuizPage


def question(category, kind, text, points=1, choices=(), accepted=(), **fields):
    """choices: [(text, correct)]; accepted: [text]."""
    item = Question.objects.create(category=category, kind=kind, text=text, points=Decimal(points), **fields)
    for order, (label, correct) in enumerate(choices):
        Choice.objects.create(question=item, text=label, correct=correct, sort_order=order)
    for order, label in enumerate(accepted):
        AcceptedAnswer.objects.create(question=item, text=label, sort_order=order)
    return item


def build_bank(course, name="أساسيات"):
    """One question of each type; returns (category, {kind: question})."""
    category = QuestionCategory.objects.create(name=name, course=course)
    questions = {
        QuestionKind.SINGLE: question(
            category,
            QuestionKind.SINGLE,
            "ما هي الهيئة التي تصادق على الميزانية؟",
            choices=[("الجمعية العامة", True), ("الرئيس وحده", False), ("أمين المال", False)],
            explanation="الجمعية العامة هي صاحبة القرار.",
        ),
        QuestionKind.MULTIPLE: question(
            category,
            QuestionKind.MULTIPLE,
            "Which documents does an association keep?",
            points=2,
            choices=[("Minutes", True), ("Accounts", True), ("Members' passwords", False), ("Statutes", True)],
        ),
        QuestionKind.TRUE_FALSE: question(
            category,
            QuestionKind.TRUE_FALSE,
            "The general assembly meets at least once a year.",
            true_false_answer=True,
        ),
        QuestionKind.SHORT_TEXT: question(
            category, QuestionKind.SHORT_TEXT, "ما اسم الوثيقة الأساسية للجمعية؟", accepted=["القانون الأساسي"]
        ),
        QuestionKind.NUMERIC: question(
            category,
            QuestionKind.NUMERIC,
            "How many members at least found an association?",
            numeric_answer=Decimal("15"),
            tolerance=Decimal("0"),
        ),
    }
    return category, questions


def build_quiz(course, questions, draws=(), **fields):
    """A published quiz under course with the given fixed questions and (category, count) draws."""
    fields.setdefault("locale", course.locale)
    fields.setdefault("shuffle_questions", False)
    fields.setdefault("shuffle_choices", False)
    quiz = QuizPageFactory(parent=course, **fields)
    order = 0
    for item in questions:
        QuizItem.objects.create(quiz=quiz, question=item, sort_order=order)
        order += 1
    for category, count in draws:
        QuizItem.objects.create(quiz=quiz, category=category, draw=count, sort_order=order)
        order += 1
    return QuizPage.objects.get(pk=quiz.pk)
