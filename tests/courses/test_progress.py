import pytest
from django.test import Client

from courses import services
from courses.enums import EnrolmentStatus
from courses.models import Enrolment, LessonProgress
from courses.signals import course_completed
from tests.factories import UserFactory, build_course


@pytest.fixture
def enrolled(client, catalogues):
    user = UserFactory()
    course, lessons = build_course(catalogues["en"], lessons=3, modules=1)
    Enrolment.objects.create(user=user, course=course)
    client.force_login(user)
    return user, course, lessons


def position_url(lesson):
    return f"/en/learning/lessons/{lesson.pk}/position/"


@pytest.mark.django_db
def test_mark_done_moves_on_and_counts(client, enrolled):
    user, course, lessons = enrolled
    response = client.post(f"/en/learning/lessons/{lessons[0].pk}/done/")
    assert response["Location"] == lessons[1].url
    assert LessonProgress.objects.get(user=user, lesson=lessons[0]).completed_at is not None
    html = client.get(course.url).content.decode()
    assert "1/3 done (33%)" in html


@pytest.mark.django_db
def test_the_last_requirement_completes_the_course_exactly_once(client, enrolled, django_capture_on_commit_callbacks):
    user, course, lessons = enrolled
    received = []

    def listener(sender, **kwargs):
        received.append((kwargs["user"], kwargs["course"]))

    course_completed.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            for lesson in lessons:
                client.post(f"/en/learning/lessons/{lesson.pk}/done/")
            client.post(f"/en/learning/lessons/{lessons[-1].pk}/done/")  # again
            services.evaluate_completion(user, course)  # and once more, as a regrade would
    finally:
        course_completed.disconnect(listener)
    assert received == [(user, course)]
    enrolment = Enrolment.objects.get(user=user, course=course)
    assert enrolment.status == EnrolmentStatus.COMPLETED and enrolment.completed_at is not None


@pytest.mark.django_db
def test_cannot_record_progress_without_enrolment(client, catalogues):
    course, lessons = build_course(catalogues["en"], lessons=1, access="open")
    client.force_login(UserFactory())
    response = client.post(f"/en/learning/lessons/{lessons[0].pk}/done/", follow=True)
    assert "Enrol in the course to record your progress." in response.content.decode()
    assert not LessonProgress.objects.exists()
    response = client.post(position_url(lessons[0]), {"position": "10"})
    assert response.status_code == 400
    assert not LessonProgress.objects.exists()


@pytest.mark.django_db
def test_position_is_saved_and_regressions_from_stale_tabs_are_ignored(client, enrolled):
    user, _course, lessons = enrolled
    assert client.post(position_url(lessons[0]), {"position": "120"}).json() == {"saved": True, "position": 120.0}
    assert client.post(position_url(lessons[0]), {"position": "45"}).json() == {"saved": False, "position": 120.0}
    assert client.post(position_url(lessons[0]), {"position": "45", "seek": "true"}).json()["saved"] is True
    assert LessonProgress.objects.get(user=user, lesson=lessons[0]).position_seconds == 45


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["-1", "NaN", "nan", "inf", "-inf", "1e309", "86401", "abc", "", "0x10", "1" * 400])
def test_hostile_positions_are_refused(client, enrolled, value):
    _user, _course, lessons = enrolled
    response = client.post(position_url(lessons[0]), {"position": value})
    assert response.status_code == 400
    assert "error" in response.json()
    assert not LessonProgress.objects.filter(position_seconds__gt=0).exists()


@pytest.mark.django_db
def test_position_endpoint_needs_login_post_and_csrf(client, enrolled):
    user, _course, lessons = enrolled
    assert Client().post(position_url(lessons[0]), {"position": "5"}).status_code == 401
    assert client.get(position_url(lessons[0])).status_code == 405
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(user)
    assert strict.post(position_url(lessons[0]), {"position": "5"}).status_code == 403


@pytest.mark.django_db
def test_position_updates_are_throttled(client, enrolled):
    _user, _course, lessons = enrolled
    codes = [client.post(position_url(lessons[0]), {"position": str(n)}).status_code for n in range(1, 33)]
    assert codes[:30] == [200] * 30
    assert codes[30:] == [429, 429]


@pytest.mark.django_db
def test_progress_of_one_learner_never_touches_another(client, enrolled):
    _user, course, lessons = enrolled
    other = UserFactory()
    Enrolment.objects.create(user=other, course=course)
    client.post(f"/en/learning/lessons/{lessons[0].pk}/done/")
    client.post(position_url(lessons[1]), {"position": "30"})
    assert not LessonProgress.objects.filter(user=other).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("lesson_id", ["999999", "0"])
def test_unknown_lessons_are_404(client, enrolled, lesson_id):
    assert client.post(f"/en/learning/lessons/{lesson_id}/done/").status_code == 404
    assert client.post(f"/en/learning/lessons/{lesson_id}/position/", {"position": "3"}).status_code == 404


@pytest.mark.django_db
def test_lessons_of_an_unpublished_course_take_no_progress(client, enrolled):
    _user, course, lessons = enrolled
    course.unpublish()
    assert client.post(f"/en/learning/lessons/{lessons[0].pk}/done/").status_code == 404
    assert not LessonProgress.objects.exists()
