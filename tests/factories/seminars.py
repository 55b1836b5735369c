from datetime import timedelta

import factory
import wagtail_factories
from django.utils import timezone

from accounts.models import Wilaya
from seminars.models import SeminarIndexPage, SeminarPage


class SeminarIndexPageFactory(wagtail_factories.PageFactory):
    title = "الندوات"
    slug = "seminars"

    class Meta:
        model = SeminarIndexPage


class SeminarPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Séminaire {n}")
    summary = "Une journée pour apprendre ensemble."
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=10))
    ends_at = factory.LazyAttribute(lambda page: page.starts_at + timedelta(hours=6))
    wilaya = factory.LazyFunction(lambda: Wilaya.objects.get(code=11))  # Tamanrasset
    address = "Maison de la culture, Tamanrasset"
    capacity = 10
    language = "fr"

    class Meta:
        model = SeminarPage


def build_seminar(index, **fields):
    """A published seminar (its publish signal runs: seats, calendar sequence)."""
    fields.setdefault("locale", index.locale)
    seminar = SeminarPageFactory(parent=index, **fields)
    seminar.save_revision().publish()
    return SeminarPage.objects.get(pk=seminar.pk)


def reschedule(seminar, starts_in):
    """The seminar now starts `starts_in` from now (negative: it started, or ended, that long ago)."""
    starts = timezone.now() + starts_in
    SeminarPage.objects.filter(pk=seminar.pk).update(starts_at=starts, ends_at=starts + timedelta(hours=6))
