"""The reminder says "tomorrow", and counts days the way each language does."""

import pytest

from seminars import notices, services
from tests.factories import UserFactory
from tests.factories.seminars import build_seminar

pytestmark = pytest.mark.django_db

READINGS = {
    "ar": {
        1: "تُقام «Tadrib» غدًا.",
        2: "تُقام «Tadrib» بعد يومين.",
        3: "تُقام «Tadrib» بعد 3 أيام.",
        7: "تُقام «Tadrib» بعد 7 أيام.",
        11: "تُقام «Tadrib» بعد 11 يومًا.",
        100: "تُقام «Tadrib» بعد 100 يوم.",
    },
    "fr": {
        1: "« Tadrib » a lieu demain.",
        2: "« Tadrib » a lieu dans 2 jours.",
        7: "« Tadrib » a lieu dans 7 jours.",
    },
    "en": {
        1: "“Tadrib” takes place tomorrow.",
        2: "“Tadrib” takes place in 2 days.",
        7: "“Tadrib” takes place in 7 days.",
    },
}


@pytest.mark.parametrize(
    ("language", "days"), [(language, days) for language, readings in READINGS.items() for days in readings]
)
def test_reminder_reads_naturally(calendars, mailoutbox, language, days):
    member = UserFactory(preferred_language=language)
    registration = services.register(member, build_seminar(calendars["fr"], title="Tadrib"))
    notices.reminder(registration, days)
    assert READINGS[language][days] in mailoutbox[-1].body.splitlines()
