"""The rules of taking a quiz. Everything that must hold under concurrent requests is decided by the database:
attempt numbers are unique per learner and quiz, only one attempt may be open at a time, and an attempt is graded
by whoever flips it from "in progress" to "graded" (a conditional update: one request wins, the others see it done).
"""

import random
from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from .answers import QuizError, parse_answers  # QuizError: the refusal callers catch as services.QuizError
from .enums import AttemptStatus, ScoreRule
from .grading import grade
from .models import Attempt, Outcome, Question, Response

CENT = Decimal("0.01")


def enrolment_for(user, quiz):
    from courses.services import current_enrolment

    course = quiz.course
    if course is None or not course.live or not user.is_authenticated:
        return None
    return current_enrolment(user, course)


def attempts_left(quiz, used):
    return None if quiz.unlimited() else max(0, quiz.attempts_allowed - used)


def open_attempt(user, quiz):
    return Attempt.objects.filter(quiz=quiz, user=user, status=AttemptStatus.IN_PROGRESS).first()


def start(user, quiz, now=None, rng=None):
    """The learner's open attempt, or a new one; refuses when not enrolled, closed or out of attempts."""
    now = now or timezone.now()
    if enrolment_for(user, quiz) is None:
        raise QuizError(_("Enrol in the course to take this quiz."), status=403)
    current = open_attempt(user, quiz)
    if current is not None:
        current = close_if_expired(current, now)
        if current.is_open:
            return current
    if not quiz.is_open(now):
        raise QuizError(_("This quiz is not open."), status=409)
    last = Attempt.objects.filter(quiz=quiz, user=user).aggregate(last=Max("number"))["last"] or 0
    if not quiz.unlimited() and last >= quiz.attempts_allowed:
        raise QuizError(_("You have used all your attempts at this quiz."), status=409)
    layout = draw(quiz, rng or random.SystemRandom())
    if not layout:
        raise QuizError(_("This quiz has no questions yet."), status=409)
    deadlines = [quiz.closes_at] if quiz.closes_at else []
    if quiz.time_limit_minutes:
        deadlines.append(now + timedelta(minutes=quiz.time_limit_minutes))
    try:
        with transaction.atomic():
            return Attempt.objects.create(
                quiz=quiz,
                user=user,
                number=last + 1,
                started=now,
                deadline=min(deadlines) if deadlines else None,
                layout=layout,
                max_score=sum((question.points for question in questions_of(layout).values()), Decimal(0)),
            )
    except IntegrityError:
        # Another request (a double click, a second tab) started one at the same moment: use that one.
        current = open_attempt(user, quiz)
        if current is None:
            raise QuizError(_("You have used all your attempts at this quiz."), status=409) from None
        return current


def draw(quiz, rng):
    """The questions of a new attempt, in the order shown, each with its choices in the order shown."""
    chosen = []
    items = list(quiz.items.select_related("question", "category").order_by("sort_order"))
    fixed = {item.question_id for item in items if item.question_id}
    for item in items:
        if item.question_id:
            if item.question_id not in chosen:
                chosen.append(item.question_id)
            continue
        pool = sorted(
            set(Question.objects.filter(category_id=item.category_id).values_list("pk", flat=True))
            - fixed
            - set(chosen)
        )
        chosen += rng.sample(pool, min(item.draw, len(pool)))
    if quiz.shuffle_questions:
        rng.shuffle(chosen)
    questions = questions_of([{"question": pk} for pk in chosen])
    layout = []
    for pk in chosen:
        question = questions[pk]
        choices = [choice.pk for choice in question.choices.all()]
        if quiz.shuffle_choices:
            rng.shuffle(choices)
        layout.append({"question": pk, "choices": choices})
    return layout


def questions_of(layout):
    """{question id: Question with its choices and accepted answers} for an attempt's layout, in three queries."""
    ids = [slot["question"] for slot in layout]
    found = Question.objects.filter(pk__in=ids).prefetch_related("choices", "accepted_answers")
    return {question.pk: question for question in found}


def accepts_answers_until(attempt):
    if attempt.deadline is None:
        return None
    return attempt.deadline + timedelta(seconds=attempt.quiz.grace_seconds)


def is_expired(attempt, now=None):
    until = accepts_answers_until(attempt)
    return until is not None and (now or timezone.now()) > until


def save_answers(attempt, data, now=None):
    """Autosave: store the answers on the page; refused once the attempt is graded or its time is up."""
    now = now or timezone.now()
    answers = parse_answers(attempt, data)
    with transaction.atomic():
        locked = Attempt.objects.select_for_update().select_related("quiz").get(pk=attempt.pk)
        if not locked.is_open:
            raise QuizError(_("This attempt has been submitted."), status=409)
        if is_expired(locked, now):
            raise QuizError(_("Time is up: answers are no longer saved."), status=409)
        _store(locked, answers, now)
    return len(answers)


def _store(attempt, answers, now):
    """Write the answers that changed (autosave sends the whole page each time) in at most two queries."""
    existing = {response.question_id: response for response in attempt.responses.all()}
    created, changed = [], []
    for question_id, (choices, text, number) in answers.items():
        response = existing.get(question_id)
        if response is None:
            created.append(
                Response(attempt=attempt, question_id=question_id, choices=choices, text=text, number=number, saved=now)
            )
        elif (response.choices, response.text, response.number) != (choices, text, number):
            response.choices, response.text, response.number, response.saved = choices, text, number, now
            changed.append(response)
    if created:
        Response.objects.bulk_create(created)
    if changed:
        Response.objects.bulk_update(changed, ["choices", "text", "number", "saved"])


def submit(attempt, data=None, now=None):
    """Grade the attempt exactly once; answers sent with a late submission are ignored."""
    now = now or timezone.now()
    answers = parse_answers(attempt, data) if data is not None else {}
    with transaction.atomic():
        quiz = attempt.quiz
        late = is_expired(attempt, now)
        claimed = Attempt.objects.filter(pk=attempt.pk, status=AttemptStatus.IN_PROGRESS).update(
            status=AttemptStatus.GRADED, submitted=now, closed_by_timeout=late
        )
        attempt.refresh_from_db()
        if not claimed:
            return attempt  # graded already, by a parallel submission or the sweeper
        if not late:
            _store(attempt, answers, now)
        _grade(attempt, quiz)
        update_outcome(attempt.user, quiz)
    return attempt


def close_if_expired(attempt, now=None):
    if attempt.is_open and is_expired(attempt, now):
        return submit(attempt, None, now)
    return attempt


def close_expired_attempts():
    """Scheduled every minute: grade the open attempts whose time ran out, with the answers saved in time."""
    now = timezone.now()
    open_ones = Attempt.objects.filter(status=AttemptStatus.IN_PROGRESS, deadline__isnull=False).select_related("quiz")
    closed = 0
    for attempt in open_ones.filter(deadline__lt=now):
        if is_expired(attempt, now):
            submit(attempt, None, now)
            closed += 1
    return closed


def _grade(attempt, quiz):
    questions = questions_of(attempt.layout)
    responses = {response.question_id: response for response in attempt.responses.all()}
    total, max_score = Decimal(0), Decimal(0)
    for question_id in attempt.question_ids():
        question = questions.get(question_id)
        if question is None:  # deleted from the bank since: it no longer counts
            continue
        response = responses.get(question_id)
        score, correct = grade(question, response)
        total += score
        max_score += question.points
        if response is not None and (response.score, response.correct) != (score, correct):
            response.score, response.correct = score, correct
            response.save(update_fields=["score", "correct"])
    percent = (100 * total / max_score).quantize(CENT, ROUND_HALF_UP) if max_score else Decimal(0)
    attempt.score, attempt.max_score, attempt.percent = total, max_score, percent
    attempt.passed = percent >= quiz.pass_mark
    attempt.save(update_fields=["score", "max_score", "percent", "passed"])


def update_outcome(user, quiz):
    graded = Attempt.objects.filter(quiz=quiz, user=user, status=AttemptStatus.GRADED)
    if quiz.score_rule == ScoreRule.LAST:
        counted = graded.order_by("-number").first()
    else:
        counted = graded.order_by("-percent", "number").first()
    if counted is None:
        Outcome.objects.filter(quiz=quiz, user=user).delete()
        return None
    outcome, _created = Outcome.objects.update_or_create(
        quiz=quiz, user=user, defaults={"percent": counted.percent, "passed": bool(counted.passed)}
    )
    if outcome.passed and quiz.course is not None:
        from courses.services import evaluate_completion

        evaluate_completion(user, quiz.course)
    return outcome


def regrade(quiz):
    """Grade every submitted attempt again against the questions as they are now (after a correction)."""
    changed = 0
    with transaction.atomic():
        for attempt in Attempt.objects.filter(quiz=quiz, status=AttemptStatus.GRADED).select_related("user"):
            before = (attempt.score, attempt.passed)
            _grade(attempt, quiz)
            changed += before != (attempt.score, attempt.passed)
        users = {attempt.user for attempt in Attempt.objects.filter(quiz=quiz).select_related("user")}
        for user in users:
            update_outcome(user, quiz)
    return changed
