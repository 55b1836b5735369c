"""What a trainer sees of a quiz: learners' scores and attempts, and how each question fared (item analysis).

The trainer already sees each of their learners by name, so the item analysis shows small counts as they are. Any
figure from it that leaves the course's trainers (public or cross-course statistics) must hide groups under 5 people.
"""

import csv
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from core.spreadsheets import spreadsheet_cell

from .enums import AttemptStatus, QuestionKind
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
    shown: int = 0  # graded attempts that drew it
    answered: int = 0  # of those, the ones where the learner gave an answer
    correct: int = 0
    answers: list = field(default_factory=list)  # [(answer as shown, times given, is the right one)]

    @property
    def percent_correct(self):
        """Of the answers given: a question left blank is counted in `shown`, not as a wrong answer."""
        if not self.answered:
            return None
        return int((Decimal(100 * self.correct) / self.answered).quantize(Decimal(1), ROUND_HALF_UP))


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
    shown = Counter(question_id for attempt in graded for question_id in attempt.question_ids())
    questions = Question.objects.filter(pk__in=shown).prefetch_related("choices").order_by("pk")
    correct, answered, given = Counter(), Counter(), defaultdict(Counter)
    for attempt in graded:
        for response in attempt.responses.all():
            if not (response.choices or response.text.strip()):
                continue  # the question was on the page and left blank (or its answer cleared)
            answered[response.question_id] += 1
            correct[response.question_id] += bool(response.correct)
            given[response.question_id].update(response.choices or [response.text])
    return [
        QuestionRow(
            question=question,
            shown=shown[question.pk],
            answered=answered[question.pk],
            correct=correct[question.pk],
            answers=_answers(question, given[question.pk]),
        )
        for question in questions
    ]


def _answers(question, given):
    """How often each possible answer was given, for the questions whose answers can be listed."""
    if question.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        return [(choice.text, given[choice.pk], choice.correct) for choice in question.choices.all()]
    if question.kind == QuestionKind.TRUE_FALSE:
        return [
            (_("True"), given["true"], question.true_false_answer is True),
            (_("False"), given["false"], question.true_false_answer is False),
        ]
    return []


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
