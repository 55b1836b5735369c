"""Who may receive a video's media: its owner, people who may edit it, and the learners who may read a
lesson showing it. The answer is cached briefly, since a player asks for a segment every few seconds;
a change to the learner's enrolments starts a fresh cache for them."""

import uuid

from django.core.cache import cache
from wagtail.models import ReferenceIndex

from .permissions import video_policy

CACHE_SECONDS = 300


def visible_videos(user):
    """The videos a user may choose for a lesson: their own; all of them for whoever may change any video."""
    return video_policy.instances_user_has_permission_for(user, "choose")


def can_manage(user, video):
    return video_policy.user_has_permission_for_instance(user, "change", video)


def lessons_showing(video):
    from courses.models import LessonPage

    references = ReferenceIndex.get_references_to(video).filter(
        base_content_type__app_label="wagtailcore", base_content_type__model="page"
    )
    ids = {int(object_id) for object_id in references.values_list("object_id", flat=True)}
    return LessonPage.objects.live().public().filter(pk__in=ids)


def can_watch(user, video):
    if can_manage(user, video):
        return True
    who = user.pk if user.is_authenticated else "anonymous"
    key = f"video-access:{who}:{_version(who)}:{video.pk}"
    allowed = cache.get(key)
    if allowed is None:
        allowed = _any_readable_lesson(user, video)
        cache.set(key, allowed, CACHE_SECONDS)
    return allowed


def _any_readable_lesson(user, video):
    from courses.services import can_read_lessons, current_enrolment

    for lesson in lessons_showing(video):
        course = lesson.course
        enrolment = current_enrolment(user, course) if course is not None else None
        if course is not None and course.live and can_read_lessons(user, course, enrolment):
            return True
    return False


def _version_key(who):
    return f"video-access-version:{who}"


def _version(who):
    """The generation of a person's cached answers. A missing one (never set, or dropped by the cache) starts a new
    generation: falling back to a fixed value could bring back answers given before a revocation."""
    version = cache.get(_version_key(who))
    if version is None:
        cache.add(_version_key(who), uuid.uuid4().hex, CACHE_SECONDS)
        version = cache.get(_version_key(who))
    return version


def forget_access(user_id):
    """A learner's enrolments changed: their cached answers no longer count (leaving a course cuts the video)."""
    cache.set(_version_key(user_id), uuid.uuid4().hex, CACHE_SECONDS)
