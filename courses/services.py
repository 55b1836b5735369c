"""Business rules of learning: enrolment, lesson progress and course completion.

Rules that must hold under concurrent requests live in the database: unique constraints and
conditional updates whose row count says who won.
"""

import math

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .enums import Access, EnrolmentStatus
from .models import Enrolment, LessonProgress
from .progress import course_progress

CURRENT = (EnrolmentStatus.ACTIVE, EnrolmentStatus.COMPLETED)
MAX_POSITION_SECONDS = 24 * 3600
WATCHED_FOR_DONE = 0.9  # a video lesson is done once 90 % of it has been watched


class LearningError(Exception):
    """A refusal with a message for the learner."""


class PrerequisitesMissing(LearningError):
    def __init__(self, missing):
        self.missing = missing
        titles = ", ".join(f"“{course.title}”" for course in missing)
        super().__init__(_("Complete these courses first: %(titles)s.") % {"titles": titles})


def current_enrolment(user, course):
    if not user.is_authenticated:
        return None
    return Enrolment.objects.filter(user=user, course=course, status__in=CURRENT).first()


def can_edit(user, page):
    return user.is_authenticated and page.permissions_for_user(user).can_edit()


def can_read_lessons(user, course, enrolment=None):
    if course.access == Access.OPEN:
        return True
    enrolment = enrolment if enrolment is not None else current_enrolment(user, course)
    return (enrolment is not None and enrolment.is_current) or can_edit(user, course)


def published_prerequisites(course):
    from .models import CoursePage

    return CoursePage.objects.live().filter(required_by=course).order_by("title")


def missing_prerequisites(user, course):
    """Prerequisites (matched across translations) the learner has not completed."""
    prerequisites = list(published_prerequisites(course))
    if not prerequisites:
        return []
    completed = set(
        Enrolment.objects.filter(user=user, status=EnrolmentStatus.COMPLETED).values_list(
            "course__translation_key", flat=True
        )
    )
    return [course for course in prerequisites if course.translation_key not in completed]


def enrol(user, course):
    """Enrol the learner; enrolling again, even from two tabs at once, returns the same enrolment."""
    if not course.live:
        raise LearningError(_("This course is not open."))
    existing = current_enrolment(user, course)
    if existing:
        return existing
    missing = missing_prerequisites(user, course)
    if missing:
        raise PrerequisitesMissing(missing)
    _announce_enrolment_change(user, course)
    try:
        with transaction.atomic():
            return Enrolment.objects.create(user=user, course=course)
    except IntegrityError:
        # Someone (another tab) created it first, or the learner had withdrawn: reactivate.
        Enrolment.objects.filter(user=user, course=course, status=EnrolmentStatus.WITHDRAWN).update(
            status=EnrolmentStatus.ACTIVE
        )
        return Enrolment.objects.get(user=user, course=course)


def unenrol(user, course):
    """Withdraw from a course in progress; progress is kept if the learner comes back."""
    _announce_enrolment_change(user, course)
    return Enrolment.objects.filter(user=user, course=course, status=EnrolmentStatus.ACTIVE).update(
        status=EnrolmentStatus.WITHDRAWN
    )


def _announce_enrolment_change(user, course):
    from .signals import enrolment_changed

    transaction.on_commit(lambda: enrolment_changed.send(sender=type(course), user=user, course=course))


def _progress_row(user, lesson):
    try:
        with transaction.atomic():
            return LessonProgress.objects.get_or_create(user=user, lesson=lesson)[0]
    except IntegrityError:
        return LessonProgress.objects.get(user=user, lesson=lesson)


def _require_enrolment(user, course):
    enrolment = current_enrolment(user, course)
    if enrolment is None:
        raise LearningError(_("Enrol in the course to record your progress."))
    return enrolment


def mark_done(user, lesson):
    """Record the lesson as done (once) and complete the course if it was the last requirement."""
    course = lesson.course
    _require_enrolment(user, course)
    row = _progress_row(user, lesson)
    LessonProgress.objects.filter(pk=row.pk, completed_at__isnull=True).update(completed_at=timezone.now())
    return evaluate_completion(user, course)


def clean_position(value):
    try:
        position = float(value)
    except (TypeError, ValueError) as exc:
        raise LearningError(_("The position must be a number of seconds.")) from exc
    if not math.isfinite(position) or position < 0 or position > MAX_POSITION_SECONDS:
        raise LearningError(_("The position must be between 0 and 24 hours."))
    return round(position, 1)


def save_position(user, lesson, position, seek=False):
    """Save where the learner is in a lesson's video.

    A smaller position than the stored one is ignored unless the learner deliberately went back
    (seek): late beacons from a stale tab cannot pull the learner back.
    """
    position = clean_position(position)
    _require_enrolment(user, lesson.course)
    row = _progress_row(user, lesson)
    rows = LessonProgress.objects.filter(pk=row.pk)
    if not seek:
        rows = rows.filter(position_seconds__lt=position)
    saved = rows.update(position_seconds=position, updated=timezone.now()) == 1
    duration = _video_duration(lesson)
    if duration and position >= WATCHED_FOR_DONE * duration:
        mark_done(user, lesson)
    return saved, position if saved else LessonProgress.objects.get(pk=row.pk).position_seconds


def _video_duration(lesson):
    """The longest ready video of the lesson, in seconds (None without one)."""
    durations = [
        block.value["video"].duration
        for block in lesson.body
        if block.block_type == "video" and block.value.get("video") and block.value["video"].is_ready
    ]
    return max(durations, default=None)


def evaluate_completion(user, course):
    """Mark the enrolment completed when every requirement is met; course_completed is sent exactly once."""
    from .signals import course_completed

    progress = course_progress(user, course)
    if progress.is_complete:
        now = timezone.now()
        won = Enrolment.objects.filter(user=user, course=course, status=EnrolmentStatus.ACTIVE).update(
            status=EnrolmentStatus.COMPLETED, completed_at=now
        )
        if won:
            enrolment = Enrolment.objects.get(user=user, course=course)
            transaction.on_commit(
                lambda: course_completed.send(sender=type(course), user=user, course=course, enrolment=enrolment)
            )
    return progress
