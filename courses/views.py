from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.limits import over_limit

from . import services
from .enums import EnrolmentStatus
from .models import CoursePage, Enrolment, LessonPage, ModulePage
from .progress import Activity, course_progress, progress_for

POSITION_UPDATES_PER_MINUTE = 30


def course_page(request, course):
    user = request.user
    enrolment = services.current_enrolment(user, course)
    progress = course_progress(user, course)
    modules = {module.path: module for module in ModulePage.objects.live().child_of(course).order_by("path")}
    syllabus = _syllabus(course, modules, progress)
    context = course.get_context(request)
    context.update(
        {
            "enrolment": enrolment,
            "progress": progress,
            "syllabus": syllabus,
            "can_read": services.can_read_lessons(user, course, enrolment),
            "prerequisites": list(services.published_prerequisites(course)),
            "missing_prerequisites": services.missing_prerequisites(user, course) if user.is_authenticated else [],
            "trainers": list(course.trainers.all()),
        }
    )
    return TemplateResponse(request, course.get_template(request), context)


@dataclass
class SyllabusEntry:
    page: object
    done: bool
    activity: Activity | None = None  # None: a lesson


def _syllabus(course, modules, progress):
    """[(module or None, [entries])] in tree order; lessons and activities (quizzes) directly under the course
    have no module."""
    entries = [SyllabusEntry(lesson, lesson.pk in progress.completed_ids) for lesson in progress.lessons]
    entries += [SyllabusEntry(activity.page, activity.done, activity) for activity in progress.activities]
    entries.sort(key=lambda entry: entry.page.path)
    sections, current = [], None
    for entry in entries:
        page = entry.page
        module = modules.get(page.path[: (course.depth + 1) * 4]) if page.depth > course.depth + 1 else None
        if not sections or current is not module:
            sections.append((module, []))
            current = module
        sections[-1][1].append(entry)
    listed = {module.pk for module, _entries in sections if module}
    sections += [(module, []) for module in modules.values() if module.pk not in listed]
    return sections


def lesson_page(request, lesson):
    course = lesson.course
    if course is None or not course.live:
        return TemplateResponse(request, "404.html", {}, status=404)
    user = request.user
    enrolment = services.current_enrolment(user, course)
    if not services.can_read_lessons(user, course, enrolment):
        context = {"course": course, "lesson": lesson, "page": lesson}
        return TemplateResponse(request, "courses/enrol_first.html", context, status=403)
    progress = course_progress(user, course)
    lessons = progress.lessons
    index = next((i for i, item in enumerate(lessons) if item.pk == lesson.pk), None)
    context = lesson.get_context(request)
    context.update(
        {
            "course": course,
            "enrolment": enrolment,
            "progress": progress,
            "done": lesson.pk in progress.completed_ids,
            "position": progress.positions.get(lesson.pk, 0),
            "previous_lesson": lessons[index - 1] if index else None,
            "next_lesson": lessons[index + 1] if index is not None and index + 1 < len(lessons) else None,
            "lesson_number": (index or 0) + 1,
        }
    )
    return TemplateResponse(request, lesson.get_template(request), context)


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


@login_required
@require_POST
def mark_done(request, lesson_id):
    lesson = _live_lesson(lesson_id)
    try:
        progress = services.mark_done(request.user, lesson)
    except services.LearningError as error:
        messages.error(request, str(error))
        return redirect(lesson.get_url(request))
    if progress.is_complete:
        messages.success(request, _("Congratulations, you have completed the course!"))
        return redirect(lesson.course.get_url(request))
    following = progress.next_lesson
    messages.success(request, _("Lesson marked as done."))
    return redirect((following or lesson).get_url(request))


@require_POST
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
