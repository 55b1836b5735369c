"""The learner's answer form, read and checked against the attempt's layout before anything is stored."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .enums import QuestionKind
from .models import Question
from .normalise import parse_number

MAX_TEXT = 500


class QuizError(Exception):
    """A refusal with a message for the learner; status is the HTTP status an API answers with."""

    def __init__(self, message, status=400):
        super().__init__(message)
        self.status = status


def parse_answers(attempt, data):
    """{question id: (choice ids, text, number)} from the attempt form, checked against the attempt's layout.

    Keys: `q<question id>` (choice positions for choice questions, "true"/"false", or the typed answer) and one
    `shown=<question id>` per question on the page, so a question whose boxes were all unticked is cleared.
    """
    slots = {slot["question"]: slot for slot in attempt.layout}
    kinds = dict(Question.objects.filter(pk__in=slots).values_list("pk", "kind"))
    answers = {}
    for question_id in _ids(data.getlist("shown")):
        answers[question_id] = ([], "", None)
    for key in data:
        if not key.startswith("q"):
            continue
        question_id = _ids([key[1:]])[0]
        if question_id not in slots or question_id not in kinds:
            raise QuizError(_("This answer is for a question that is not in your attempt."))
        values = data.getlist(key)
        kind = kinds[question_id]
        if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
            choices = slots[question_id]["choices"]
            positions = _ids(values)
            if any(position >= len(choices) for position in positions) or len(set(positions)) != len(positions):
                raise QuizError(_("This choice does not belong to the question."))
            if kind == QuestionKind.SINGLE and len(positions) > 1:
                raise QuizError(_("Choose only one answer."))
            answers[question_id] = ([choices[position] for position in positions], "", None)
            continue
        if len(values) != 1:
            raise QuizError(_("Give one answer per question."))
        text = values[0].strip()
        if len(text) > MAX_TEXT:
            too_long = ngettext(
                "An answer may have at most %(count)s character.",
                "An answer may have at most %(count)s characters.",
                MAX_TEXT,
            )
            raise QuizError(too_long % {"count": MAX_TEXT})
        if kind == QuestionKind.TRUE_FALSE and text not in ("", "true", "false"):
            raise QuizError(_("Answer true or false."))
        answers[question_id] = ([], text, parse_number(text) if kind == QuestionKind.NUMERIC else None)
    return answers


def _ids(values):
    try:
        ids = [int(value) for value in values]
    except (TypeError, ValueError):
        raise QuizError(_("The answer form was altered; reload the page.")) from None
    if any(value < 0 or value > 2**31 for value in ids):
        raise QuizError(_("The answer form was altered; reload the page."))
    return ids
