"""What the slow-link benchmark adds to the demo: 60-second lesson videos converted now (4 s segments, as the
ladder makes them, and 2 s segments for comparison) and a trainee signed in and enrolled."""

import json
import tempfile
from pathlib import Path

SECONDS = 60
LEARNERS = 8


def _lesson(course, slug, video):
    from courses.models import LessonPage

    lesson = LessonPage(title=f"درس مصوّر {slug}", slug=slug, body=[("video", {"video": video, "caption": ""})])
    course.add_child(instance=lesson)
    lesson.save_revision().publish()
    return lesson


def _converted(title, owner, segment_seconds):
    from django.core.files import File

    from videos import ladder, tasks
    from videos.models import Video
    from videos.samples import write_test_card

    ladder.SEGMENT_SECONDS = segment_seconds
    with tempfile.TemporaryDirectory() as folder:
        path = write_test_card(Path(folder) / "lesson.mp4", seconds=SECONDS)
        with path.open("rb") as handle:
            video = Video.objects.create(title=title, owner=owner, original=File(handle, name="lesson.mp4"))
    tasks.probe_video(video.pk)  # what the worker does, here and now
    tasks.transcode_video(video.pk)
    video.refresh_from_db()
    if not video.is_ready:
        raise SystemExit(f"the benchmark's video was not converted: {video.failure_reason}")
    return video


def prepare():
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.contrib.sessions.backends.db import SessionStore

    from courses.models import CourseIndexPage, CoursePage
    from courses.services import enrol

    user = get_user_model()
    trainer = user.objects.get(email="trainer@tadrib.dz")
    catalogue = CourseIndexPage.objects.get(locale__language_code="ar")
    course = CoursePage(title="دورة الربط البطيء", slug="slow-link", summary="دروس مصوّرة للقياس.", language="ar")
    catalogue.add_child(instance=course)
    course.save_revision().publish()
    four = _lesson(course, "segments-4s", _converted("bench 4 s", trainer, 4))
    two = _lesson(course, "segments-2s", _converted("bench 2 s", trainer, 2))
    sessions = []
    for number in range(LEARNERS):  # one per run: a run must not resume where the previous one stopped
        learner = user.objects.create_user(email=f"slow-link-{number}@tadrib.dz", password=None)
        enrol(learner, course)
        session = SessionStore()
        session[SESSION_KEY] = str(learner.pk)
        session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
        session[HASH_SESSION_KEY] = learner.get_session_auth_hash()
        session.create()
        sessions.append(session.session_key)
    return {"lesson": four.url, "lesson_2s": two.url, "sessions": sessions, "seconds": SECONDS}


if __name__ == "__main__":
    import django

    django.setup()
    print(json.dumps(prepare()))
