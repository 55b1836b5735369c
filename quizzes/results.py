"""What a trainer sees of a quiz: learners' scores and attempts, and how each question fared (item analysis)."""

import csv
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from core.spreadsheets import spreadsheet_cell

from .enums import AttemptStatus
from .models import Attempt, Question


@dataclass
class LearnerRow:
    user: object
    attempts: int = 0
    best: Decimal | None = None
    last: Decimal | None = None
    counted: Decimal | None = None
    passed: bool = False
    last_submitted: object = None


@dataclass
class QuestionRow:
    question: Question
    drawn: int = 0
    correct: int = 0
    answered: int = 0
    choice_counts: list = field(default_factory=list)  # [(choice, count)]

    @property
    def percent_correct(self):
        return round(100 * self.correct / self.drawn) if self.drawn else 0


def learner_rows(quiz):
    rows = {}
    graded = (
        Attempt.objects.filter(quiz=quiz).select_related("user").order_by("user__full_name_latin", "user_id", "number")
    )
    outcomes = {outcome.user_id: outcome for outcome in quiz.outcomes.all()}
    for attempt in graded:
        row = rows.setdefault(attempt.user_id, LearnerRow(attempt.user))
        row.attempts += 1
        if attempt.status != AttemptStatus.GRADED:
            continue
        row.best = attempt.percent if row.best is None else max(row.best, attempt.percent)
        row.last = attempt.percent
        row.last_submitted = attempt.submitted
    for user_id, row in rows.items():
        outcome = outcomes.get(user_id)
        if outcome is not None:
            row.counted, row.passed = outcome.percent, outcome.passed
    return list(rows.values())


def question_rows(quiz):
    graded = list(Attempt.objects.filter(quiz=quiz, status=AttemptStatus.GRADED).prefetch_related("responses"))
    drawn = Counter(question_id for attempt in graded for question_id in attempt.question_ids())
    questions = Question.objects.filter(pk__in=drawn).prefetch_related("choices").order_by("pk")
    correct, answered, chosen = Counter(), Counter(), defaultdict(Counter)
    for attempt in graded:
        for response in attempt.responses.all():
            answered[response.question_id] += 1
            correct[response.question_id] += bool(response.correct)
            chosen[response.question_id].update(response.choices)
    return [
        QuestionRow(
            question=question,
            drawn=drawn[question.pk],
            correct=correct[question.pk],
            answered=answered[question.pk],
            choice_counts=[(choice, chosen[question.pk][choice.pk]) for choice in question.choices.all()],
        )
        for question in questions
    ]


def write_csv(quiz, handle, headers):
    writer = csv.writer(handle)
    writer.writerow(headers)
    for row in learner_rows(quiz):
        writer.writerow(
            [
                spreadsheet_cell(row.user.get_full_name()),
                spreadsheet_cell(row.user.email),
                row.attempts,
                spreadsheet_cell(row.best),
                spreadsheet_cell(row.last),
                spreadsheet_cell(row.counted),
                "1" if row.passed else "0",
                row.last_submitted.isoformat() if row.last_submitted else "",
            ]
        )
