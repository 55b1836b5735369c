import threading

import pytest
from django.db import connection

from courses import services
from courses.enums import EnrolmentStatus
from courses.models import Enrolment
from tests.factories import UserFactory, build_course


@pytest.fixture
def learner(client, db):
    user = UserFactory()
    client.force_login(user)
    return user


@pytest.mark.django_db
def test_enrol_then_leave_then_come_back(client, learner, catalogues):
    course, _ = build_course(catalogues["fr"], lessons=2)
    response = client.post(f"/fr/learning/courses/{course.pk}/enrol/")
    assert response.status_code == 302 and response["Location"] == course.url
    enrolment = Enrolment.objects.get(user=learner, course=course)
    assert enrolment.status == EnrolmentStatus.ACTIVE
    client.post(f"/fr/learning/courses/{course.pk}/unenrol/")
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.WITHDRAWN
    client.post(f"/fr/learning/courses/{course.pk}/enrol/")
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.ACTIVE
    assert Enrolment.objects.filter(user=learner, course=course).count() == 1


@pytest.mark.django_db
def test_enrolling_twice_is_a_no_op(client, learner, catalogues):
    course, _ = build_course(catalogues["ar"], lessons=1)
    for _ in range(2):
        assert client.post(f"/ar/learning/courses/{course.pk}/enrol/").status_code == 302
    assert Enrolment.objects.filter(user=learner, course=course).count() == 1


@pytest.mark.django_db
def test_enrol_survives_losing_the_race_to_another_tab(learner, catalogues, monkeypatch):
    course, _ = build_course(catalogues["ar"], lessons=1)
    Enrolment.objects.create(user=learner, course=course)
    monkeypatch.setattr(services, "current_enrolment", lambda user, course: None)  # as if the other tab won
    enrolment = services.enrol(learner, course)
    assert enrolment.user == learner and Enrolment.objects.filter(user=learner).count() == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="parallel writers need PostgreSQL (CI runs it)")
def test_parallel_enrolments_make_one_row(restored_db, catalogues):
    course, _ = build_course(catalogues["ar"], lessons=1)
    learner = UserFactory()
    barrier, errors = threading.Barrier(8), []

    def enrol():
        try:
            barrier.wait()
            services.enrol(learner, course)
        except Exception as error:  # noqa: BLE001 — collected and asserted below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=enrol) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert Enrolment.objects.filter(user=learner, course=course).count() == 1


@pytest.mark.django_db
def test_missing_prerequisites_are_named(client, learner, catalogues):
    basics, _ = build_course(catalogues["en"], lessons=1, title="Association basics")
    advanced, _ = build_course(catalogues["en"], lessons=1, title="Advanced funding")
    advanced.prerequisites.add(basics)
    advanced.save_revision().publish()
    response = client.post(f"/en/learning/courses/{advanced.pk}/enrol/", follow=True)
    assert "Complete these courses first: “Association basics”." in response.content.decode()
    assert not Enrolment.objects.filter(user=learner, course=advanced).exists()

    Enrolment.objects.create(user=learner, course=basics, status=EnrolmentStatus.COMPLETED)
    client.post(f"/en/learning/courses/{advanced.pk}/enrol/")
    assert Enrolment.objects.filter(user=learner, course=advanced, status=EnrolmentStatus.ACTIVE).exists()


@pytest.mark.django_db
def test_a_prerequisite_completed_in_another_language_counts(learner, catalogues):
    basics, _ = build_course(catalogues["ar"], lessons=1)
    basics_fr, _ = build_course(catalogues["fr"], lessons=1, translation_key=basics.translation_key)
    advanced, _ = build_course(catalogues["fr"], lessons=1)
    advanced.prerequisites.add(basics_fr)
    advanced.save_revision().publish()
    Enrolment.objects.create(user=learner, course=basics, status=EnrolmentStatus.COMPLETED)
    assert services.enrol(learner, advanced).status == EnrolmentStatus.ACTIVE


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["get", "put"])
def test_enrol_only_by_post(client, learner, catalogues, method):
    course, _ = build_course(catalogues["ar"], lessons=1)
    assert getattr(client, method)(f"/ar/learning/courses/{course.pk}/enrol/").status_code == 405


@pytest.mark.django_db
@pytest.mark.parametrize("course_id", ["999999", "0"])
def test_enrolling_in_unknown_courses_is_404(client, learner, course_id):
    assert client.post(f"/ar/learning/courses/{course_id}/enrol/").status_code == 404


@pytest.mark.django_db
def test_enrolling_in_an_unpublished_course_is_404(client, learner, catalogues):
    course, _ = build_course(catalogues["ar"], lessons=1)
    course.unpublish()
    assert client.post(f"/ar/learning/courses/{course.pk}/enrol/").status_code == 404


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_log_in(client, catalogues):
    course, _ = build_course(catalogues["ar"], lessons=1)
    response = client.post(f"/ar/learning/courses/{course.pk}/enrol/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Enrolment.objects.exists()


@pytest.mark.django_db
def test_enrol_requires_csrf(learner, catalogues):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    course, _ = build_course(catalogues["ar"], lessons=1)
    assert client.post(f"/ar/learning/courses/{course.pk}/enrol/").status_code == 403
