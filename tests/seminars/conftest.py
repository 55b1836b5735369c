import pytest

from tests.factories.seminars import SeminarIndexPageFactory


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
