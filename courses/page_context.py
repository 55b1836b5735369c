"""What the course and lesson pages show, for a learner and for an admin's preview.

Wagtail previews a page (live preview, "View draft", moderation) through `get_context`, never `serve`, so the
pages build their context here. A preview shows the page as a learner who has just enrolled sees it: an
enrolment that is never saved, no progress, and the page being previewed (perhaps unsaved, perhaps a draft)
in its place in the syllabus. A preview writes nothing and reads nobody's progress.
"""

from dataclasses import dataclass

from django.template.response import TemplateResponse

from . import services
from .enums import EnrolmentStatus
from .models import Enrolment, LessonPage, ModulePage
from .progress import Activity, course_progress


def is_preview(request):
    return getattr(request, "is_preview", False)


def _new_learner_view(request, course):
    """(enrolment, progress) of a learner who has just enrolled: nothing saved, nothing done."""
    learner = request.user if request.user.is_authenticated else None
    enrolment = Enrolment(user=learner, course=course, status=EnrolmentStatus.ACTIVE)
    return enrolment, course_progress(None, course)


def _put_in_place(pages, page):
    """pages (in tree order) with page in its place, instead of its published version when it has one."""
    others = [item for item in pages if page.pk is None or item.pk != page.pk]
    return sorted([*others, page], key=lambda item: item.path)


def course_context(request, course, previewed=None):
    """previewed: a module or lesson of the course shown in the syllabus instead of its published version."""
    user = request.user
    modules = {module.path: module for module in ModulePage.objects.live().child_of(course).order_by("path")}
    if is_preview(request):
        enrolment, progress = _new_learner_view(request, course)
        if isinstance(previewed, ModulePage):
            modules = {module.path: module for module in _put_in_place(modules.values(), previewed)}
        elif isinstance(previewed, LessonPage):
            progress.lessons = _put_in_place(progress.lessons, previewed)
        prerequisites = sorted((item for item in course.prerequisites.all() if item.live), key=lambda c: c.title)
        missing = []
    else:
        enrolment = services.current_enrolment(user, course)
        progress = course_progress(user, course)
        prerequisites = list(services.published_prerequisites(course))
        missing = services.missing_prerequisites(user, course) if user.is_authenticated else []
    return {
        "enrolment": enrolment,
        "progress": progress,
        "syllabus": _syllabus(course, modules, progress),
        "can_read": is_preview(request) or services.can_read_lessons(user, course, enrolment),
        "prerequisites": prerequisites,
        "missing_prerequisites": missing,
        "trainers": list(course.trainers.all()),
    }


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
    listed = {id(module) for module, _entries in sections if module}
    sections += [(module, []) for module in modules.values() if id(module) not in listed]
    return sections


def lesson_access(request, lesson):
    """(the response to send instead of the lesson or None, the learner's enrolment)."""
    course = lesson.course
    if course is None or not course.live:
        return TemplateResponse(request, "404.html", {}, status=404), None
    enrolment = services.current_enrolment(request.user, course)
    if not services.can_read_lessons(request.user, course, enrolment):
        context = {"course": course, "lesson": lesson, "page": lesson}
        return TemplateResponse(request, "courses/enrol_first.html", context, status=403), enrolment
    return None, enrolment


UNKNOWN = object()


def lesson_context(request, lesson, enrolment=UNKNOWN):
    course = lesson.course
    if is_preview(request):
        enrolment, progress = _new_learner_view(request, course)
        progress.lessons = _put_in_place(progress.lessons, lesson)
    else:
        if enrolment is UNKNOWN:
            enrolment = services.current_enrolment(request.user, course)
        progress = course_progress(request.user, course)
    lessons = progress.lessons
    index = next((i for i, item in enumerate(lessons) if item.path == lesson.path), None)
    return {
        "course": course,
        "enrolment": enrolment,
        "progress": progress,
        "done": lesson.pk in progress.completed_ids,
        "position": progress.positions.get(lesson.pk, 0),
        "previous_lesson": lessons[index - 1] if index else None,
        "next_lesson": lessons[index + 1] if index is not None and index + 1 < len(lessons) else None,
        "lesson_number": (index or 0) + 1,
    }
