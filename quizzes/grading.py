"""Scoring one response against the question as it stands now (so a corrected question can be regraded).

Multiple choice earns partial credit: (correct choices ticked − wrong choices ticked) ÷ correct choices, never
below zero, times the question's points; it counts as correct only when exactly the correct choices are ticked.
"""

from decimal import ROUND_HALF_UP, Decimal

from .enums import QuestionKind
from .normalise import normalise_text

CENT = Decimal("0.01")


def grade(question, response):
    """(score, correct) for a Response (None: the learner left the question unanswered)."""
    if response is None:
        return Decimal(0), False
    kind, points = question.kind, question.points
    if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        correct_ids = {choice.pk for choice in question.choices.all() if choice.correct}
        chosen = set(response.choices)
        if kind == QuestionKind.SINGLE:
            right = len(chosen) == 1 and chosen <= correct_ids
            return (points if right else Decimal(0)), right
        if not correct_ids:
            return Decimal(0), False
        fraction = max(Decimal(0), Decimal(len(chosen & correct_ids) - len(chosen - correct_ids)) / len(correct_ids))
        return (points * fraction).quantize(CENT, ROUND_HALF_UP), chosen == correct_ids
    if kind == QuestionKind.TRUE_FALSE:
        right = response.text in ("true", "false") and (response.text == "true") == question.true_false_answer
        return (points if right else Decimal(0)), right
    if kind == QuestionKind.SHORT_TEXT:
        given = normalise_text(response.text)
        right = bool(given) and any(normalise_text(answer.text) == given for answer in question.accepted_answers.all())
        return (points if right else Decimal(0)), right
    if kind == QuestionKind.NUMERIC:
        right = (
            response.number is not None
            and question.numeric_answer is not None
            and abs(response.number - question.numeric_answer) <= question.tolerance
        )
        return (points if right else Decimal(0)), right
    return Decimal(0), False
