"""What the benchmark adds to the demo: a course of 30 lessons and a trainee signed in to it."""

import json

LESSONS = 30


def prepare():
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.contrib.sessions.backends.db import SessionStore

    from courses.models import CourseIndexPage, CoursePage, LessonPage
    from courses.services import enrol, mark_done

    catalogue = CourseIndexPage.objects.get(locale__language_code="ar")
    course = CoursePage(title="دورة القياس", slug="bench-course", summary="دورة من ثلاثين درسا للقياس.", language="ar")
    catalogue.add_child(instance=course)
    course.save_revision().publish()
    lessons = []
    for number in range(1, LESSONS + 1):
        lesson = LessonPage(
            title=f"الدرس {number}", slug=f"lesson-{number}", body=[("paragraph", f"<p>نص الدرس {number}.</p>")]
        )
        course.add_child(instance=lesson)
        lesson.save_revision().publish()
        lessons.append(lesson)
    trainee = get_user_model().objects.get(email="trainee@tadrib.dz")
    enrol(trainee, course)
    for lesson in lessons[:10]:
        mark_done(trainee, lesson)
    session = SessionStore()
    session[SESSION_KEY] = str(trainee.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = trainee.get_session_auth_hash()
    session.create()
    return {"course": course.url, "lesson": lessons[10].url, "session": session.session_key}


if __name__ == "__main__":
    import django

    django.setup()
    print(json.dumps(prepare()))
