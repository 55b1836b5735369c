"""When a learner sees the correction of a graded attempt (the quiz's feedback rule), and what its editor is warned of.

Once an attempt is graded its learner always sees the total score (points and %), whether it passed, and whether
the time ran out. The correction is everything said per question: the learner's answer marked right or wrong, the
points it earned, the correct choices, the true/false answer, the accepted answers or number, and the explanation.
It comes whole or not at all, because a per-question verdict is already an answer ("wrong" on a true/false question).

- last_attempt (the default): once the learner can start no other attempt and has none open, that is every attempt
  used or the quiz closed for good. With one attempt allowed this is right after it.
- immediate: right after each graded attempt; with retries, only for practice quizzes (the editor is warned).
- after_close: once the quiz is closed for good.
- never.

"Closed for good" means the closing date plus the grace period, since answers saved within it still count.
"""

from datetime import timedelta

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from .enums import AttemptStatus, FeedbackPolicy
from .models import Attempt


def closed_for_good(quiz, now=None):
    if quiz.closes_at is None:
        return False
    return (now or timezone.now()) >= quiz.closes_at + timedelta(seconds=quiz.grace_seconds)


def correction_visible(attempt, now=None):
    quiz = attempt.quiz
    if attempt.is_open or quiz.feedback == FeedbackPolicy.NEVER:
        return False
    if quiz.feedback == FeedbackPolicy.IMMEDIATE or closed_for_good(quiz, now):
        return True
    if quiz.feedback != FeedbackPolicy.LAST_ATTEMPT or quiz.unlimited():
        return False
    mine = Attempt.objects.filter(quiz=quiz, user_id=attempt.user_id).aggregate(
        used=Count("pk"), open=Count("pk", filter=Q(status=AttemptStatus.IN_PROGRESS))
    )
    return mine["open"] == 0 and mine["used"] >= quiz.attempts_allowed


def correction_later(quiz):
    """While the correction is hidden, when it will come: "last_attempt", "close" or "never"."""
    if quiz.feedback == FeedbackPolicy.LAST_ATTEMPT and not quiz.unlimited():
        return "last_attempt"
    if quiz.feedback in (FeedbackPolicy.LAST_ATTEMPT, FeedbackPolicy.AFTER_CLOSE) and quiz.closes_at:
        return "close"
    return "never"


def editor_warnings(quiz):
    """What to tell whoever saves this quiz about its feedback rule; a warning, never a refusal."""
    warnings = []
    if quiz.feedback == FeedbackPolicy.IMMEDIATE and quiz.attempts_allowed != 1:
        warnings.append(
            _(
                "“%(title)s” shows the correct answers right after each attempt and allows more than one attempt: "
                "learners can copy the correction into their next attempt. Unless it is a practice quiz, choose "
                "“%(safe)s”."
            )
            % {"title": quiz.title, "safe": FeedbackPolicy.LAST_ATTEMPT.label}
        )
    if quiz.feedback == FeedbackPolicy.LAST_ATTEMPT and quiz.unlimited() and not quiz.closes_at:
        warnings.append(
            _(
                "“%(title)s” allows unlimited attempts and has no closing date, so learners will never see the "
                "correction. Set a number of attempts or a closing date."
            )
            % {"title": quiz.title}
        )
    return warnings
