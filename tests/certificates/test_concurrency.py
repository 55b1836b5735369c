"""Idempotent issuance under parallel triggers (real transactions on PostgreSQL)."""

import threading

import pytest
from django.db import connection

from certificates import services
from certificates.models import Certificate
from tests.factories import UserFactory, build_course

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="parallel writers need PostgreSQL (CI runs it)"
)


def test_ten_parallel_triggers_issue_one_certificate(restored_db, catalogues):
    course = build_course(catalogues["fr"], lessons=0)[0]
    learner = UserFactory()
    barrier, errors, ids = threading.Barrier(10), [], []

    def trigger():
        try:
            barrier.wait()
            ids.append(services.issue_for_course(learner, course)[0].public_id)
        except Exception as error:  # noqa: BLE001 — collected and asserted below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=trigger) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and len(set(ids)) == 1 and Certificate.objects.count() == 1


def test_parallel_renderings_of_a_new_certificate_tell_the_holder_once(restored_db, catalogues):
    from django.core import mail

    from certificates import tasks

    course = build_course(catalogues["fr"], lessons=0)[0]
    certificate = services.issue_for_course(UserFactory(), course, render_in_background=False)[0]
    barrier, errors = threading.Barrier(4), []

    def render():
        try:
            barrier.wait()
            tasks.render_and_notify(certificate.pk)
        except Exception as error:  # noqa: BLE001 — collected and asserted below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=render) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and len(mail.outbox) == 1
    kept = Certificate.objects.get().pdf
    stored = kept.storage.listdir("certificates")[1]
    assert [name for name in stored if name.startswith(certificate.public_id)] == [kept.name.split("/")[-1]]
