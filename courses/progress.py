"""How far learners are in their courses, computed for many courses in a fixed number of queries.

Lessons belong to a course by the page tree (their path starts with the course's path), so one
query fetches the lessons of any number of courses. Other apps (quizzes) add activities to the syllabus, and
requirements to completion, with `register_activities`.
"""

from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.db.models import Q

_activity_providers = []


def register_activities(provider):
    """provider(user, courses) -> {course_id: [Activity]}: syllabus entries other than lessons (a quiz).
    Required activities count towards completion like required lessons."""
    _activity_providers.append(provider)
    return provider


@dataclass
class Activity:
    page: object  # a page inside the course, placed in the syllabus by its tree position
    done: bool = False
    required: bool = True
    meta: str = ""  # a short line shown under its title ("Quiz · pass mark 60 %")


@dataclass
class CourseProgress:
    lessons: list = field(default_factory=list)  # LessonPage objects in syllabus order
    completed_ids: set = field(default_factory=set)
    positions: dict = field(default_factory=dict)  # lesson id -> saved position in seconds
    activities: list = field(default_factory=list)
    extra_done: int = 0
    extra_total: int = 0

    @property
    def required_total(self):
        return sum(1 for lesson in self.lessons if lesson.required) + self.extra_total

    @property
    def required_done(self):
        done = sum(1 for lesson in self.lessons if lesson.required and lesson.pk in self.completed_ids)
        return done + self.extra_done

    @property
    def percent(self):
        total = self.required_total
        return round(100 * self.required_done / total) if total else 0

    @property
    def is_complete(self):
        return self.required_total > 0 and self.required_done >= self.required_total

    @property
    def lesson_count(self):
        return len(self.lessons)

    @property
    def minutes(self):
        return sum(lesson.estimated_minutes for lesson in self.lessons)

    @property
    def next_lesson(self):
        """The first lesson not done yet, in syllabus order (None once every lesson is done)."""
        return next((lesson for lesson in self.lessons if lesson.pk not in self.completed_ids), None)

    @property
    def started(self):
        return bool(self.completed_ids) or any(self.positions.values())


def lessons_by_course(courses):
    """{course id: [live lessons in syllabus order]} in one query."""
    from courses.models import LessonPage

    courses = list(courses)
    result = {course.pk: [] for course in courses}
    if not courses:
        return result
    prefixes = {course.path: course.pk for course in courses}
    in_courses = reduce(or_, (Q(path__startswith=path) for path in prefixes))
    lessons = (
        LessonPage.objects.live()
        .filter(in_courses)
        .order_by("path")
        .only("id", "title", "slug", "path", "depth", "url_path", "locale_id", "required", "estimated_minutes", "live")
    )
    depths = sorted({course.depth for course in courses})
    for lesson in lessons:
        for depth in depths:
            course_id = prefixes.get(lesson.path[: depth * 4])
            if course_id is not None:
                result[course_id].append(lesson)
                break
    return result


def progress_for(user, courses):
    """{course id: CourseProgress} for one learner (anonymous users get empty progress)."""
    from courses.models import LessonProgress

    courses = list(courses)
    lessons = lessons_by_course(courses)
    progress = {course.pk: CourseProgress(lessons=lessons[course.pk]) for course in courses}
    if not courses:
        return progress
    for provider in _activity_providers:  # anonymous visitors see the activities too, none done
        for course_id, activities in provider(user, courses).items():
            course_progress = progress[course_id]
            course_progress.activities += activities
            course_progress.extra_total += sum(1 for activity in activities if activity.required)
            course_progress.extra_done += sum(1 for activity in activities if activity.required and activity.done)
    if user is None or not user.is_authenticated:
        return progress
    lesson_course = {lesson.pk: course_id for course_id, items in lessons.items() for lesson in items}
    rows = LessonProgress.objects.filter(user=user, lesson_id__in=lesson_course).values_list(
        "lesson_id", "completed_at", "position_seconds"
    )
    for lesson_id, completed_at, position in rows:
        course_progress = progress[lesson_course[lesson_id]]
        if completed_at is not None:
            course_progress.completed_ids.add(lesson_id)
        course_progress.positions[lesson_id] = position
    return progress


def course_progress(user, course):
    return progress_for(user, [course])[course.pk]
