from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from quizzes.enums import AttemptStatus


class Attempt(models.Model):
    """One sitting of a quiz. The questions drawn, their order and each question's choice order are fixed at
    the start (`layout`); the browser only ever sees positions in that layout, never answer ids."""

    quiz = models.ForeignKey("quizzes.QuizPage", on_delete=models.CASCADE, related_name="attempts")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts")
    number = models.PositiveSmallIntegerField(_("attempt"))
    status = models.CharField(
        _("status"), max_length=12, choices=AttemptStatus.choices, default=AttemptStatus.IN_PROGRESS
    )
    started = models.DateTimeField(_("started"))
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    submitted = models.DateTimeField(_("submitted"), null=True, blank=True)
    closed_by_timeout = models.BooleanField(_("closed when time ran out"), default=False)
    layout = models.JSONField(default=list)  # [{"question": id, "choices": [choice ids in shown order]}]
    score = models.DecimalField(_("score"), max_digits=8, decimal_places=2, null=True, blank=True)
    max_score = models.DecimalField(_("out of"), max_digits=8, decimal_places=2, default=0)
    percent = models.DecimalField(_("score (%)"), max_digits=5, decimal_places=2, null=True, blank=True)
    passed = models.BooleanField(_("passed"), null=True)

    class Meta:
        ordering = ["quiz", "user", "number"]
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")
        constraints = [
            models.UniqueConstraint(fields=["quiz", "user", "number"], name="one_attempt_per_number"),
            models.UniqueConstraint(
                fields=["quiz", "user"],
                condition=Q(status=AttemptStatus.IN_PROGRESS),
                name="one_open_attempt_per_learner",
            ),
        ]

    def __str__(self):
        return f"{self.quiz_id} · {self.user_id} · {self.number}"

    @property
    def is_open(self):
        return self.status == AttemptStatus.IN_PROGRESS

    def question_ids(self):
        return [slot["question"] for slot in self.layout]


class Response(models.Model):
    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="responses")
    question = models.ForeignKey("quizzes.Question", null=True, on_delete=models.SET_NULL, related_name="responses")
    choices = models.JSONField(default=list)  # choice ids
    text = models.CharField(max_length=500, blank=True)
    number = models.DecimalField(max_digits=20, decimal_places=6, null=True, blank=True)
    saved = models.DateTimeField()
    score = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    correct = models.BooleanField(null=True)

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        constraints = [models.UniqueConstraint(fields=["attempt", "question"], name="one_response_per_question")]

    def __str__(self):
        return f"{self.attempt_id} · {self.question_id}"


class Outcome(models.Model):
    """Where a learner stands on a quiz under its score rule; what course progress and results read."""

    quiz = models.ForeignKey("quizzes.QuizPage", on_delete=models.CASCADE, related_name="outcomes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_outcomes")
    percent = models.DecimalField(_("score (%)"), max_digits=5, decimal_places=2)
    passed = models.BooleanField(_("passed"))
    updated = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("quiz outcome")
        verbose_name_plural = _("quiz outcomes")
        constraints = [models.UniqueConstraint(fields=["quiz", "user"], name="one_outcome_per_learner")]

    def __str__(self):
        return f"{self.quiz_id} · {self.user_id} · {self.percent}"
