from django.db import models
from django.utils.translation import gettext_lazy as _


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple choice")
    TRUE_FALSE = "true_false", _("True or false")
    SHORT_TEXT = "short_text", _("Short text")
    NUMERIC = "numeric", _("Number")


class FeedbackPolicy(models.TextChoices):
    """When learners see the correction; quizzes/feedback.py says what it holds and when each rule shows it."""

    LAST_ATTEMPT = "last_attempt", _("After the learner's last attempt")
    IMMEDIATE = "immediate", _("Right after each attempt")
    AFTER_CLOSE = "after_close", _("After the closing date")
    NEVER = "never", _("Never show the correct answers")


class ScoreRule(models.TextChoices):
    BEST = "best", _("Best attempt counts")
    LAST = "last", _("Last attempt counts")


class AttemptStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", _("In progress")
    GRADED = "graded", _("Graded")
