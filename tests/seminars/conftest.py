from datetime import timedelta

import pytest

from seminars import services
from seminars.models import Registration
from tests.factories import UserFactory
from tests.factories.seminars import SeminarIndexPageFactory, build_seminar, reschedule


@pytest.fixture
def calendars(homes):
    from wagtail.models import Page

    first = SeminarIndexPageFactory(parent=homes["ar"], locale=homes["ar"].locale)
    indexes = {"ar": first}
    for code in ("fr", "en"):
        indexes[code] = SeminarIndexPageFactory(
            parent=homes[code],
            locale=homes[code].locale,
            title=f"Seminars {code}",
            translation_key=first.translation_key,
        )
    assert Page.objects.type(type(first)).count() == 3
    return indexes


@pytest.fixture
def people(calendars):
    """A seminar starting in ten days, its trainer, and a registered member."""
    seminar = build_seminar(calendars["fr"], title="Journée d'étude à Tamanrasset")
    trainer = UserFactory(groups=["Trainers"], preferred_language="en")
    seminar.trainers.add(trainer)
    seminar.save_revision().publish()
    member = UserFactory(full_name_latin="Nadia Saidi", preferred_language="fr")
    registration = services.register(member, seminar)
    return seminar, trainer, member, registration


@pytest.fixture
def started(people):
    """The seminar started an hour ago: attendance can be taken."""
    seminar, trainer, member, registration = people
    reschedule(seminar, timedelta(hours=-1))
    return seminar, trainer, member, Registration.objects.get(pk=registration.pk)


@pytest.fixture
def admin():
    return UserFactory(groups=["Observatory admins"], preferred_language="en")
