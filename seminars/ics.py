"""iCalendar (RFC 5545) for seminars: one event per seminar, with a stable UID, the SEQUENCE kept in
CalendarChange, STATUS:CANCELLED for cancelled seminars, and times in Africa/Algiers with its VTIMEZONE."""

import datetime as dt
import zoneinfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, vText

from .enums import SeminarStatus

STATUS = {
    SeminarStatus.SCHEDULED: "CONFIRMED",
    SeminarStatus.POSTPONED: "TENTATIVE",
    SeminarStatus.CANCELLED: "CANCELLED",
}


def uid(seminar):
    return f"seminar-{seminar.pk}@{settings.SEMINAR_UID_DOMAIN}"


def _event(seminar, sequences, registration=None, base_url=""):
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    event = Event()
    event.add("uid", uid(seminar))
    event.add("sequence", sequences.get(seminar.pk, 0))
    event.add("dtstamp", timezone.now().astimezone(dt.UTC))
    event.add("last-modified", (seminar.last_published_at or timezone.now()).astimezone(dt.UTC))
    event.add("summary", seminar.title)
    event.add("dtstart", seminar.starts_at.astimezone(zone))
    event.add("dtend", seminar.ends_at.astimezone(zone))
    event.add("status", STATUS.get(seminar.status, "CONFIRMED"))
    description = [seminar.summary]
    if registration is not None and seminar.online_url and registration.holds_a_seat:
        description.append(seminar.online_url)  # only in the participant's own feed
    page_url = f"{base_url}{seminar.url}" if seminar.url else ""
    if page_url:
        description.append(page_url)
        event.add("url", page_url)
    event.add("description", "\n\n".join(part for part in description if part))
    if seminar.is_online:
        private_link = registration is not None and registration.holds_a_seat and seminar.online_url
        event.add("location", vText(private_link or "Online"))
    else:
        place = ", ".join(part for part in [seminar.address.replace("\n", ", "), _wilaya(seminar)] if part)
        if place:
            event.add("location", place)
    return event


def _wilaya(seminar):
    if not seminar.wilaya_id:
        return ""
    wilaya = seminar.wilaya
    return wilaya.name_ar if seminar.language == "ar" else wilaya.name_fr


def calendar(seminars, name, registrations=None, base_url=""):
    """Bytes of a VCALENDAR holding the seminars (registrations: {seminar id: Registration} for a private feed)."""
    from .models import CalendarChange

    seminars = list(seminars)
    sequences = dict(CalendarChange.objects.filter(seminar__in=seminars).values_list("seminar_id", "sequence"))
    cal = Calendar()
    cal.add("prodid", "-//Tadrib//Seminars//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    for seminar in seminars:
        registration = (registrations or {}).get(seminar.pk)
        cal.add_component(_event(seminar, sequences, registration, base_url))
    cal.add_missing_timezones()
    return cal.to_ical()
