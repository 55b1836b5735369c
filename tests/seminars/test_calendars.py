import datetime as dt
import zoneinfo

import icalendar
import pytest
import vobject
from django.utils import timezone

from seminars import services
from seminars.enums import SeminarKind, SeminarStatus
from seminars.models import CalendarFeed
from seminars.tasks import send_reminders
from tests.factories import UserFactory
from tests.factories.seminars import build_seminar

pytestmark = pytest.mark.django_db
ALGIERS = zoneinfo.ZoneInfo("Africa/Algiers")


def parse_both(content):
    """Parse with icalendar and vobject; return the icalendar events."""
    text = content.decode()
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.rstrip().endswith("END:VCALENDAR")
    parsed = vobject.readOne(text)
    assert parsed.name == "VCALENDAR"
    for event in getattr(parsed, "vevent_list", []):
        assert event.uid.value and event.dtstart.value.tzinfo is not None
    calendar = icalendar.Calendar.from_ical(content)
    assert calendar.get("version") == "2.0" and calendar.get("prodid")
    assert any(component.name == "VTIMEZONE" for component in calendar.walk()) or not calendar.walk("VEVENT")
    return calendar.walk("VEVENT")


def test_a_seminar_ics_is_valid_and_keeps_its_uid_while_sequence_and_status_follow_changes(calendars, client):
    starts = dt.datetime(2027, 3, 14, 9, 0, tzinfo=ALGIERS)
    seminar = build_seminar(calendars["fr"], starts_at=starts, ends_at=starts + dt.timedelta(hours=7))
    [event] = parse_both(client.get(f"/fr/seminar/{seminar.pk}/event.ics").content)
    uid = str(event["uid"])
    assert event["sequence"] == 0 and str(event["status"]) == "CONFIRMED"
    assert event.decoded("dtstart") == starts and str(event["dtstart"].params["TZID"]) == "Africa/Algiers"
    assert "Tamanrasset" in str(event["location"])

    seminar.summary = "Nouveau résumé"  # not something a calendar shows as a change of plan
    seminar.save_revision().publish()
    [event] = parse_both(client.get(f"/fr/seminar/{seminar.pk}/event.ics").content)
    assert event["sequence"] == 0

    seminar.starts_at = starts + dt.timedelta(days=1)
    seminar.ends_at = seminar.starts_at + dt.timedelta(hours=7)
    seminar.save_revision().publish()
    seminar.status = SeminarStatus.CANCELLED
    seminar.save_revision().publish()
    [event] = parse_both(client.get(f"/fr/seminar/{seminar.pk}/event.ics").content)
    assert str(event["uid"]) == uid and event["sequence"] == 2 and str(event["status"]) == "CANCELLED"


def test_the_calendar_feed_follows_the_page_filters(calendars, client):
    from accounts.models import Wilaya

    build_seminar(calendars["fr"], title="À Tamanrasset")
    build_seminar(calendars["fr"], title="À Oran", wilaya=Wilaya.objects.get(code=31))
    build_seminar(calendars["fr"], title="En ligne", kind=SeminarKind.ONLINE, wilaya=None, online_url="https://m.dz/x")
    url = f"/fr/seminar/calendars/{calendars['fr'].pk}.ics"
    assert {str(e["summary"]) for e in parse_both(client.get(url).content)} == {"À Tamanrasset", "À Oran", "En ligne"}
    assert [str(e["summary"]) for e in parse_both(client.get(url + "?wilaya=31").content)] == ["À Oran"]
    online = parse_both(client.get(url + "?mode=online").content)
    assert [str(e["summary"]) for e in online] == ["En ligne"] and "m.dz/x" not in client.get(url).content.decode()


def test_the_private_feed_lists_my_seminars_and_a_new_address_revokes_the_old(calendars, client):
    mine, _other = build_seminar(calendars["fr"], title="Le mien"), build_seminar(calendars["fr"], title="Autre")
    member = UserFactory()
    services.register(member, mine)
    client.force_login(member)
    page = client.get("/fr/seminar/my-calendar/").content.decode()
    feed = CalendarFeed.objects.get(user=member)
    assert feed.token in page and "webcal://" in page
    client.logout()
    old_url = f"/fr/seminar/feed/{feed.token}.ics"
    assert [str(e["summary"]) for e in parse_both(client.get(old_url).content)] == ["Le mien"]
    client.force_login(member)
    client.post("/fr/seminar/my-calendar/")
    client.logout()
    assert client.get(old_url).status_code == 404
    assert client.get(f"/fr/seminar/feed/{CalendarFeed.objects.get(user=member).token}.ics").status_code == 200
    assert client.get("/fr/seminar/feed/guess.ics").status_code == 404


def test_month_grid_edges_and_filters(calendars, client):
    # A study day from 31 December 22:00 to 1 January 02:00 (Algiers time) shows on both days and both months.
    start = dt.datetime(2026, 12, 31, 22, 0, tzinfo=ALGIERS)
    build_seminar(calendars["fr"], title="Réveillon studieux", starts_at=start, ends_at=start + dt.timedelta(hours=4))
    december = client.get(calendars["fr"].url + "?month=2026-12").content.decode()
    assert "décembre 2026" in december and "Réveillon studieux" in december
    assert 'href="?month=2027-01"' in december and 'href="?month=2026-11"' in december
    january = client.get(calendars["fr"].url + "?month=2027-01").content.decode()
    assert "janvier 2027" in january and "Réveillon studieux" in january
    assert "Réveillon studieux" not in client.get(calendars["fr"].url + "?month=2027-02").content.decode()
    assert "Réveillon" not in client.get(calendars["fr"].url + "?month=2026-12&wilaya=16").content.decode()
    for junk in ("month=2026-13", "month=abcd", "month=99999-01", "wilaya=x%00", "kind=<script>", "page=-1"):
        response = client.get(calendars["fr"].url + "?" + junk)
        assert response.status_code == 200 and "<script>" not in response.content.decode()
    arabic = client.get(calendars["ar"].url).content.decode()
    assert '<table class="month">' in arabic and "<caption>" in arabic


def test_list_view_upcoming_and_past(calendars, client):
    build_seminar(calendars["fr"], title="Bientôt")
    past_start = timezone.now() - dt.timedelta(days=30)
    build_seminar(calendars["fr"], title="Autrefois", starts_at=past_start, ends_at=past_start + dt.timedelta(hours=3))
    upcoming = client.get(calendars["fr"].url + "?view=list").content.decode()
    assert "Bientôt" in upcoming and "Autrefois" not in upcoming
    past = client.get(calendars["fr"].url + "?view=list&when=past").content.decode()
    assert "Autrefois" in past and "Bientôt" not in past


def test_reminders_go_once_a_week_and_a_day_before(calendars, mailoutbox):
    now = timezone.now()
    seminar = build_seminar(
        calendars["fr"], starts_at=now + dt.timedelta(days=6), ends_at=now + dt.timedelta(days=6, hours=5)
    )
    member, late = UserFactory(preferred_language="fr"), UserFactory(preferred_language="ar")
    from seminars.models import Registration

    services.register(member, seminar)
    services.register(late, seminar)
    Registration.objects.filter(user=member).update(created=now - dt.timedelta(days=3))
    mailoutbox.clear()
    assert send_reminders(now) == 1 and send_reminders(now) == 0  # the week reminder; the late registrant had none
    assert mailoutbox[0].to == [member.email] and "Rappel" in mailoutbox[0].subject
    tomorrow = seminar.starts_at - dt.timedelta(hours=20)
    assert send_reminders(tomorrow) == 2 and send_reminders(tomorrow) == 0
    assert "تذكير" in mailoutbox[-1].subject or "تذكير" in mailoutbox[-2].subject


def test_the_home_page_shows_upcoming_seminars(calendars, homes, client):
    build_seminar(calendars["fr"], title="Journée d’étude à Alger")
    assert "Journée d’étude à Alger" in client.get(homes["fr"].url).content.decode()
