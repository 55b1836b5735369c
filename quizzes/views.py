"""Taking a quiz: overview, start, the attempt form (with autosave), submission and the result.

Nothing sent to the browser before grading says which answer is right: the attempt form carries question ids
and choice *positions* in this attempt's shuffled order, never choice ids or flags; after grading, the result
page shows the correction only as the quiz's feedback rule allows (quizzes/feedback.py).
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from offline.replays import applied_once

from . import feedback, services
from .enums import QuestionKind
from .models import Attempt, QuizPage


def _context(request, quiz, **extra):
    """For the attempt and result pages: the quiz page's variables, without its overview."""
    context = Page.get_context(quiz, request)
    context.update({"course": quiz.course, **extra})
    return context


def _guard(request, quiz):
    """None when the learner may use the quiz, else the response to send."""
    course = quiz.course
    if course is None or not course.live:
        raise Http404
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if services.enrolment_for(request.user, quiz) is None:
        context = {"course": course, "lesson": quiz, "page": quiz}
        return TemplateResponse(request, "courses/enrol_first.html", context, status=403)
    return None


def _own_attempt(request, attempt_id):
    """The learner's own attempt of a live quiz, or the response to send instead."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    attempt = Attempt.objects.filter(pk=attempt_id, user=request.user).select_related("quiz").first()
    if attempt is None or not attempt.quiz.live:
        raise Http404
    refusal = _guard(request, attempt.quiz)
    return refusal if refusal is not None else attempt


def overview_context(request, quiz):
    """The quiz page. Its preview in the admin shows it as a learner enrolled in the course who has not tried it
    yet sees it, without reading or closing anyone's attempts."""
    preview = getattr(request, "is_preview", False)
    attempts, outcome = [], None
    if request.user.is_authenticated and not preview:
        current = services.open_attempt(request.user, quiz)
        if current is not None:
            services.close_if_expired(current)
        attempts = list(Attempt.objects.filter(quiz=quiz, user=request.user).order_by("number"))
        outcome = quiz.outcomes.filter(user=request.user).first()
    return {
        "course": quiz.course,
        "attempts": attempts,
        "open_attempt": next((attempt for attempt in attempts if attempt.is_open), None),
        "enrolled": preview or services.enrolment_for(request.user, quiz) is not None,
        "attempts_left": services.attempts_left(quiz, len(attempts)),
        "is_open": quiz.is_open(),
        "not_yet_open": quiz.opens_at is not None and timezone.now() < quiz.opens_at,
        "outcome": outcome,
    }


@require_POST
def start(request, quiz_id):
    quiz = get_object_or_404(QuizPage.objects.live().public(), pk=quiz_id)
    refusal = _guard(request, quiz)
    if refusal is not None:
        return refusal
    try:
        attempt = services.start(request.user, quiz)
    except services.QuizError as error:
        messages.error(request, str(error))
        return redirect(quiz.get_url(request))
    return redirect("quiz_attempt", attempt.pk)


def take(request, attempt_id):
    attempt = _own_attempt(request, attempt_id)
    if not isinstance(attempt, Attempt):
        return attempt
    quiz = attempt.quiz
    attempt = services.close_if_expired(attempt)
    if request.method == "POST":
        try:
            attempt = services.submit(attempt, request.POST)
        except services.QuizError as error:
            messages.error(request, str(error))
            return redirect("quiz_attempt", attempt.pk)
        if attempt.closed_by_timeout:
            messages.warning(request, _("Time was up: only the answers saved before the deadline were counted."))
        return redirect("quiz_result", attempt.pk)
    if not attempt.is_open:
        return redirect("quiz_result", attempt.pk)
    responses = {response.question_id: response for response in attempt.responses.all()}
    context = _context(
        request,
        quiz,
        attempt=attempt,
        slots=_slots(attempt, responses),
        seconds_left=_seconds_left(attempt),
        minutes_left=-(-_seconds_left(attempt) // 60) if attempt.deadline else None,
        save_url=reverse("quiz_autosave", args=[attempt.pk]),
    )
    response = TemplateResponse(request, "quizzes/attempt.html", context)
    response["Cache-Control"] = "no-store"
    return response


@require_POST
@applied_once
def autosave(request, attempt_id):
    """JSON endpoint the attempt page posts its form to as answers change (a plain URL: no page routing)."""
    if not request.user.is_authenticated:
        return JsonResponse({"error": _("Log in again to keep saving your answers.")}, status=403)
    attempt = Attempt.objects.filter(pk=attempt_id, user=request.user).select_related("quiz").first()
    if attempt is None:
        return JsonResponse({"error": _("This attempt does not exist.")}, status=404)
    try:
        saved = services.save_answers(attempt, request.POST)
    except services.QuizError as error:
        return JsonResponse({"error": str(error)}, status=error.status)
    return JsonResponse({"saved": saved, "seconds_left": _seconds_left(attempt)})


def result(request, attempt_id):
    attempt = _own_attempt(request, attempt_id)
    if not isinstance(attempt, Attempt):
        return attempt
    quiz = attempt.quiz
    attempt = services.close_if_expired(attempt)
    if attempt.is_open:
        return redirect("quiz_attempt", attempt.pk)
    show_answers = feedback.correction_visible(attempt)
    responses = {response.question_id: response for response in attempt.responses.all()}
    context = _context(
        request,
        quiz,
        attempt=attempt,
        show_answers=show_answers,
        correction_later=None if show_answers else feedback.correction_later(quiz),
        slots=_slots(attempt, responses, reveal=show_answers) if show_answers else [],
    )
    return TemplateResponse(request, "quizzes/result.html", context)


def _seconds_left(attempt):
    if attempt.deadline is None:
        return None
    return max(0, int((attempt.deadline - timezone.now()).total_seconds()))


def _slots(attempt, responses, reveal=False):
    """Plain data for the templates: what the learner sees of each question, and their saved answer.

    Correctness (`right`, `explanation`, `accepted`) is added only when reveal is true.
    """
    questions = services.questions_of(attempt.layout)
    slots = []
    for position, layout in enumerate(attempt.layout, start=1):
        question = questions.get(layout["question"])
        if question is None:
            continue
        response = responses.get(question.pk)
        by_id = {choice.pk: choice for choice in question.choices.all()}
        chosen = set(response.choices) if response else set()
        slot = {
            "id": question.pk,
            "number": position,
            "kind": question.kind,
            "text": question.text,
            "image": question.image,
            "points": question.points,
            "multiple": question.kind == QuestionKind.MULTIPLE,
            "choices": [],
            "answer": response.text if response else "",
        }
        for index, choice_id in enumerate(layout["choices"]):
            if choice_id in by_id:
                item = {"value": index, "text": by_id[choice_id].text, "checked": choice_id in chosen}
                if reveal:
                    item["correct"] = by_id[choice_id].correct
                slot["choices"].append(item)
        if reveal:
            slot["score"] = response.score if response and response.score is not None else 0
            slot["right"] = bool(response and response.correct)
            slot["explanation"] = question.explanation
            slot["accepted"] = [answer.text for answer in question.accepted_answers.all()]
            slot["numeric_answer"] = question.numeric_answer
            slot["true_false_answer"] = question.true_false_answer
        slots.append(slot)
    return slots
