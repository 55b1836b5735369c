"""Capacity under parallel registrations (real transactions on PostgreSQL)."""

import threading

import pytest
from django.db import connection

from seminars import services
from seminars.enums import RegistrationStatus
from seminars.models import Registration, Seats
from tests.factories import UserFactory
from tests.factories.seminars import SeminarIndexPageFactory, build_seminar

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="parallel writers need PostgreSQL (CI runs it)"
)


def in_parallel(actions):
    barrier, errors = threading.Barrier(len(actions)), []

    def run(action):
        try:
            barrier.wait()
            action()
        except Exception as error:  # noqa: BLE001 — collected and asserted below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(action,)) for action in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []


@pytest.fixture
def seminar(restored_db, homes):
    index = SeminarIndexPageFactory(parent=homes["fr"], locale=homes["fr"].locale)
    return build_seminar(index, capacity=10)


def test_fifty_parallel_registrations_for_ten_seats(seminar):
    people = [UserFactory() for _ in range(50)]
    in_parallel([lambda person=person: services.register(person, seminar) for person in people])
    counts = {status: Registration.objects.filter(status=status).count() for status in RegistrationStatus.values}
    assert counts["registered"] == 10 and counts["waitlisted"] == 40
    assert Seats.objects.get(seminar=seminar).taken == 10


def test_parallel_cancellations_promote_each_waiting_person_once(seminar):
    people = [UserFactory() for _ in range(20)]
    for person in people:
        services.register(person, seminar)
    in_parallel([lambda person=person: services.cancel(person, seminar) for person in people[:8]])
    registered = list(Registration.objects.filter(status="registered").values_list("user_id", flat=True))
    assert sorted(registered) == sorted(person.pk for person in people[8:18])  # the first eight waiting, in order
    assert Seats.objects.get(seminar=seminar).taken == 10
