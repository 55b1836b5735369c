"""Certificates revoked by an attendance correction before the cause had its own field become reversible too."""

import importlib

import pytest
from django.apps import apps
from django.utils import timezone

from certificates.models import Certificate
from certificates.status_list import new_status_index
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
migration = importlib.import_module("certificates.migrations.0008_revoked_by_correction")


@pytest.mark.parametrize(
    ("kind", "reason", "reversible"),
    [
        ("seminar", "Attendance corrected: the holder was not recorded present.", True),
        ("seminar", "Présence corrigée : le titulaire n'a pas été noté présent.", True),
        ("seminar", "تصحيح الحضور: لم يُسجَّل حضور صاحب الشهادة.", True),
        ("seminar", "Identité usurpée", False),
        ("course", "Attendance corrected: the holder was not recorded present.", False),
    ],
)
def test_earlier_corrections_are_recognised_by_their_reason(kind, reason, reversible):
    certificate = Certificate.objects.create(
        recipient=UserFactory(),
        kind=kind,
        source_key=f"{kind}:1",
        issued_at=timezone.now(),
        status_index=new_status_index(),
        revoked_at=timezone.now(),
        revoked_reason=reason,
    )
    migration.mark_earlier_corrections(apps, None)
    certificate.refresh_from_db()
    assert certificate.revoked_by_correction is reversible
