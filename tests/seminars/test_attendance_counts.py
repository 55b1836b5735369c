"""The checklist's count reads as each language counts people (Arabic: one, two, 3–10, 11–99…; French: 0 and 1
singular)."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation

from seminars.enums import RegistrationStatus
from seminars.models import Registration
from tests.factories import UserFactory
from tests.factories.seminars import build_seminar, reschedule

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "registered", "sentence"),
    [
        ("ar", 1, "الحضور: 1 من أصل مسجَّل واحد."),
        ("ar", 2, "الحضور: 1 من أصل مسجَّلَين."),
        ("ar", 3, "الحضور: 1 من أصل 3 مسجَّلين."),
        ("ar", 11, "الحضور: 1 من أصل 11 مسجَّلًا."),
        ("fr", 1, "Présents : 1 sur 1 inscrit."),
        ("fr", 2, "Présents : 1 sur 2 inscrits."),
        ("en", 1, "Present: 1 of 1 registered person."),
        ("en", 2, "Present: 1 of 2 registered people."),
    ],
)
def test_the_checklist_counts_the_people_in_the_readers_language(client, calendars, language, registered, sentence):
    seminar = build_seminar(calendars[language], capacity=0)
    reschedule(seminar, timedelta(hours=-1))
    for number in range(registered):
        Registration.objects.create(
            seminar=seminar,
            user=UserFactory(),
            status=RegistrationStatus.ATTENDED if number == 0 else RegistrationStatus.REGISTERED,
        )
    client.force_login(UserFactory(groups=["Observatory admins"]))
    with translation.override(language):
        url = reverse("seminar_attendance", args=[seminar.pk])
    response = client.get(url)
    assert response.status_code == 200
    count = BeautifulSoup(response.content, "html.parser").select_one("main h1 ~ p").get_text(" ", strip=True)
    assert count.startswith(sentence + " ")
