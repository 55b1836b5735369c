from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.limits import over_limit
from offline.replays import applied_once

from . import services
from .enums import EnrolmentStatus
from .models import CoursePage, Enrolment, LessonPage
from .progress import progress_for

POSITION_UPDATES_PER_MINUTE = 30


def _live_course(course_id):
    return get_object_or_404(CoursePage.objects.live().public(), pk=course_id)


def _live_lesson(lesson_id):
    lesson = get_object_or_404(LessonPage.objects.live().public(), pk=lesson_id)
    if lesson.course is None or not lesson.course.live:
        raise Http404("The lesson's course is not published")
    return lesson


@login_required
@require_POST
def enrol(request, course_id):
    course = _live_course(course_id)
    try:
        services.enrol(request.user, course)
    except services.LearningError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("You are enrolled. Welcome to the course!"))
    return redirect(course.get_url(request))


@login_required
@require_POST
def unenrol(request, course_id):
    course = _live_course(course_id)
    if services.unenrol(request.user, course):
        messages.success(request, _("You have left the course. Your progress is kept if you come back."))
    return redirect(course.get_url(request))


def _wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


@require_POST
@applied_once
@login_required
def mark_done(request, lesson_id):
    """The lesson page's form, or the offline queue replaying it (which asks for JSON: no page, no message)."""
    lesson = _live_lesson(lesson_id)
    try:
        progress = services.mark_done(request.user, lesson)
    except services.LearningError as error:
        if _wants_json(request):
            return JsonResponse({"error": str(error)}, status=400)
        messages.error(request, str(error))
        return redirect(lesson.get_url(request))
    if _wants_json(request):
        return JsonResponse({"done": True, "course_complete": progress.is_complete})
    if progress.is_complete:
        messages.success(request, _("Congratulations, you have completed the course!"))
        return redirect(lesson.course.get_url(request))
    following = progress.next_lesson
    messages.success(request, _("Lesson marked as done."))
    return redirect((following or lesson).get_url(request))


@require_POST
@applied_once
def save_position(request, lesson_id):
    """JSON endpoint for the video player: {"position": seconds, "seek": bool}."""
    if not request.user.is_authenticated:
        return JsonResponse({"error": _("Log in to save your progress.")}, status=401)
    if over_limit(f"position-rate:{request.user.pk}", POSITION_UPDATES_PER_MINUTE):
        return JsonResponse({"error": _("Too many updates, slow down.")}, status=429)
    lesson = _live_lesson(lesson_id)
    try:
        saved, position = services.save_position(
            request.user, lesson, request.POST.get("position"), seek=request.POST.get("seek") == "true"
        )
    except services.LearningError as error:
        return JsonResponse({"error": str(error)}, status=400)
    return JsonResponse({"saved": saved, "position": position})


@login_required
@require_GET
def my_learning(request):
    enrolments = list(
        Enrolment.objects.filter(user=request.user, status__in=services.CURRENT)
        .select_related("course", "course__cover_image")
        .order_by("-created")
    )
    courses = [enrolment.course for enrolment in enrolments]
    progress = progress_for(request.user, courses)
    items = [(enrolment, progress[enrolment.course.pk]) for enrolment in enrolments]
    context = {
        "in_progress": [item for item in items if item[0].status == EnrolmentStatus.ACTIVE],
        "completed": [item for item in items if item[0].status == EnrolmentStatus.COMPLETED],
    }
    return TemplateResponse(request, "courses/my_learning.html", context)


@login_required
@require_GET
def offline_lessons(request):
    """ "My offline lessons": what this device holds is known only to the device, so static/js/offline_lessons.js
    fills the list (it also keeps this page with the lessons, so it opens offline)."""
    return TemplateResponse(request, "courses/offline_lessons.html", {})
