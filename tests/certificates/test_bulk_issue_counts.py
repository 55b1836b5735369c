"""The admin's message after a bulk issue counts the attendees as Arabic and French count them."""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.utils import timezone

from seminars import services as seminars
from tests.factories import UserFactory
from tests.factories.seminars import SeminarIndexPageFactory, build_seminar

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "attendees", "message"),
    [
        ("ar", 1, "يجري إصدار شهادة لحاضر واحد."),
        ("ar", 2, "يجري إصدار شهادتين لحاضرَين."),
        ("ar", 3, "يجري إصدار الشهادات لـ 3 حاضرين."),
        ("ar", 11, "يجري إصدار الشهادات لـ 11 حاضرًا."),
        ("fr", 1, "Émission des certificats lancée pour 1 participant présent."),
        ("fr", 2, "Émission des certificats lancée pour 2 participants présents."),
        ("en", 1, "A certificate is being issued to 1 attendee."),
        ("en", 2, "Certificates are being issued to 2 attendees."),
    ],
)
def test_the_bulk_issue_message_counts_the_attendees(homes, client, monkeypatch, language, attendees, message):
    queued = []
    monkeypatch.setattr("django_q.tasks.async_task", lambda *args, **kwargs: queued.append(args))
    index = SeminarIndexPageFactory(parent=homes["fr"], locale=homes["fr"].locale)
    seminar = build_seminar(index, starts_at=timezone.now() + timedelta(minutes=30), capacity=0)
    for _number in range(attendees):
        seminars.mark_attended(seminars.register(UserFactory(), seminar))
    client.force_login(UserFactory(groups=["Observatory admins"]))
    response = client.post(f"/admin/certificates/seminar/{seminar.pk}/issue/", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 302
    assert [str(shown) for shown in get_messages(response.wsgi_request)] == [message]
    assert sum(len(batch) for _name, batch in queued) == attendees
