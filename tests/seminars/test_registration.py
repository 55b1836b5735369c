from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from seminars import services
from seminars.enums import RegistrationStatus, SeminarKind, SeminarStatus
from seminars.models import Registration, Seats
from tests.factories import UserFactory
from tests.factories.seminars import build_seminar

pytestmark = pytest.mark.django_db


def test_seats_then_waiting_list_then_promotion_by_order_with_an_email(calendars, django_capture_on_commit_callbacks):
    seminar = build_seminar(calendars["fr"], capacity=2)
    people = [UserFactory(preferred_language="fr") for _ in range(4)]
    with django_capture_on_commit_callbacks(execute=True):
        statuses = [services.register(person, seminar).status for person in people]
    assert statuses == ["registered", "registered", "waitlisted", "waitlisted"]
    assert Seats.objects.get(seminar=seminar).taken == 2
    assert len(mail.outbox) == 4 and "liste d'attente" in mail.outbox[2].body
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel(people[0], seminar)
    statuses = dict(Registration.objects.values_list("user_id", "status"))
    assert statuses[people[0].pk] == "cancelled" and statuses[people[2].pk] == "registered"
    assert statuses[people[3].pk] == "waitlisted"
    assert [message.to for message in mail.outbox] == [[people[2].email]]
    assert "Une place s'est libérée" in mail.outbox[0].body or "place" in mail.outbox[0].subject
    # Leaving the waiting list frees no seat.
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel(people[3], seminar)
    assert Seats.objects.get(seminar=seminar).taken == 2


def test_registering_twice_is_one_registration_and_coming_back_queues_again(calendars):
    seminar = build_seminar(calendars["fr"], capacity=1)
    first, second = UserFactory(), UserFactory()
    assert services.register(first, seminar).pk == services.register(first, seminar).pk
    services.register(second, seminar)
    services.cancel(first, seminar)
    assert Registration.objects.get(user=second).status == RegistrationStatus.REGISTERED
    again = services.register(first, seminar)
    assert again.status == RegistrationStatus.WAITLISTED and Registration.objects.filter(user=first).count() == 1


@pytest.mark.parametrize(
    "fields",
    [
        {"status": SeminarStatus.CANCELLED},
        {"status": SeminarStatus.POSTPONED},
        {"registration_opens": timezone.now() + timedelta(days=1)},
        {"registration_closes": timezone.now() - timedelta(minutes=1)},
        {"starts_at": timezone.now() - timedelta(hours=1)},
    ],
)
def test_registration_only_while_open(calendars, fields):
    seminar = build_seminar(calendars["fr"], **fields)
    with pytest.raises(services.RegistrationError):
        services.register(UserFactory(), seminar)


def test_raising_the_capacity_promotes_the_waiting_list(calendars, django_capture_on_commit_callbacks):
    seminar = build_seminar(calendars["fr"], capacity=1)
    people = [UserFactory() for _ in range(3)]
    for person in people:
        services.register(person, seminar)
    seminar.capacity = 2
    with django_capture_on_commit_callbacks(execute=True):
        seminar.save_revision().publish()
    assert [Registration.objects.get(user=p).status for p in people] == ["registered", "registered", "waitlisted"]


def test_pages_show_the_online_link_only_to_registered_people(calendars, client):
    seminar = build_seminar(
        calendars["fr"], kind=SeminarKind.ONLINE, wilaya=None, online_url="https://meet.example.dz/secret-room"
    )
    assert "secret-room" not in client.get(seminar.url).content.decode()
    member = UserFactory()
    client.force_login(member)
    assert "secret-room" not in client.get(seminar.url).content.decode()
    assert client.post(f"/fr/seminar/{seminar.pk}/register/").status_code == 302
    assert "secret-room" in client.get(seminar.url).content.decode()
    ics = client.get(f"/fr/seminar/{seminar.pk}/event.ics").content.decode()
    assert "secret-room" in ics
    client.logout()
    assert "secret-room" not in client.get(f"/fr/seminar/{seminar.pk}/event.ics").content.decode()


def test_organiser_questions_are_required_and_stored(calendars, client):
    from seminars.models import SeminarQuestion

    seminar = build_seminar(calendars["fr"])
    question = SeminarQuestion.objects.create(seminar=seminar, label="Association", required=True, sort_order=0)
    member = UserFactory()
    client.force_login(member)
    client.post(f"/fr/seminar/{seminar.pk}/register/", {f"question_{question.pk}": ""})
    assert not Registration.objects.exists()
    client.post(f"/fr/seminar/{seminar.pk}/register/", {f"question_{question.pk}": "Nour El Djanoub"})
    assert Registration.objects.get().answers == {"Association": "Nour El Djanoub"}


def test_only_organisers_see_attendance_and_registrations(calendars, client):
    trainer = UserFactory(groups=["Trainers"])
    seminar = build_seminar(calendars["fr"])
    seminar.trainers.add(trainer)
    seminar.save_revision().publish()
    other = build_seminar(calendars["fr"])
    member = UserFactory(full_name_latin="=cmd|calc")
    services.register(member, seminar)
    client.force_login(trainer)
    assert client.get(f"/fr/seminar/{seminar.pk}/attendance/").status_code == 200
    export = client.get(f"/fr/seminar/{seminar.pk}/registrations.csv").content.decode("utf-8-sig")
    assert member.email in export and "'=cmd|calc" in export
    assert client.get(f"/fr/seminar/{other.pk}/attendance/").status_code == 403
    assert client.get(f"/fr/seminar/{other.pk}/registrations.csv").status_code == 403
    client.force_login(member)
    assert client.get(f"/fr/seminar/{seminar.pk}/attendance/").status_code == 403


def test_attendance_by_checklist_and_by_qr_code(calendars, client, django_capture_on_commit_callbacks):
    trainer = UserFactory(groups=["Trainers"])
    seminar = build_seminar(calendars["fr"], starts_at=timezone.now() + timedelta(minutes=30))  # at the door
    seminar.trainers.add(trainer)
    seminar.save_revision().publish()
    first, second = UserFactory(), UserFactory()
    one, two = services.register(first, seminar), services.register(second, seminar)
    recorded = []
    services.attendance_recorded.connect(lambda registration, **kwargs: recorded.append(registration.pk), weak=False)
    client.force_login(first)
    page = client.get(seminar.url).content.decode()
    assert "<svg" in page  # the member's check-in code
    client.force_login(trainer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/fr/seminar/{seminar.pk}/attendance/", {"present": [one.pk]})
    assert [r.status for r in Registration.objects.order_by("pk")] == ["attended", "registered"]
    assert client.get(f"/fr/seminar/check-in/{two.checkin_token}/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/fr/seminar/check-in/{two.checkin_token}/")
    assert list(services.attendees(seminar).values_list("user_id", flat=True)) == [first.pk, second.pk]
    assert recorded == [one.pk, two.pk]
    assert client.post(f"/fr/seminar/{seminar.pk}/attendance/", {"present": ["999999"]}).status_code == 200
    client.force_login(first)  # a participant cannot check someone in
    assert client.post(f"/fr/seminar/check-in/{two.checkin_token}/").status_code == 403


def test_confirmations_carry_the_check_in_code_and_changes_reach_everyone_waiting_or_registered(
    calendars, django_capture_on_commit_callbacks, mailoutbox
):
    seminar = build_seminar(calendars["fr"], capacity=1)
    seated, waiting, gone = (UserFactory(preferred_language="en") for _ in range(3))
    with django_capture_on_commit_callbacks(execute=True):
        for person in (seated, waiting, gone):
            services.register(person, seminar)
        services.cancel(gone, seminar)
    assert [name for name, _content, _type in mailoutbox[0].attachments] == ["check-in.png"]
    assert mailoutbox[0].attachments[0][1].startswith(b"\x89PNG")
    assert mailoutbox[1].attachments == []  # on the waiting list: no seat, no code
    mailoutbox.clear()
    seminar.starts_at += timedelta(days=2)
    seminar.ends_at += timedelta(days=2)
    with django_capture_on_commit_callbacks(execute=True):
        seminar.save_revision().publish()
    assert sorted(message.to[0] for message in mailoutbox) == sorted([seated.email, waiting.email])
    mailoutbox.clear()
    seminar.status = SeminarStatus.CANCELLED
    with django_capture_on_commit_callbacks(execute=True):
        seminar.save_revision().publish()
    assert len(mailoutbox) == 2 and all(message.subject.startswith("Cancelled") for message in mailoutbox)


def test_the_scanner_posts_codes_and_gets_answers_in_words(calendars, client):
    import uuid

    trainer = UserFactory(groups=["Trainers"], preferred_language="en")
    seminar = build_seminar(calendars["fr"], capacity=1, starts_at=timezone.now() + timedelta(minutes=30))
    seminar.trainers.add(trainer)
    seminar.save_revision().publish()
    seated, waiting = UserFactory(full_name_latin="Nadia Saidi"), UserFactory(full_name_latin="Omar Kaci")
    first, second = services.register(seated, seminar), services.register(waiting, seminar)
    client.force_login(trainer)
    assert client.get(f"/en/seminar/{seminar.pk}/scan/").status_code == 200
    json = {"HTTP_ACCEPT": "application/json"}
    answer = client.post(f"/en/seminar/check-in/{first.checkin_token}/", **json).json()
    assert answer == {"ok": True, "message": "Nadia Saidi is marked present.", "seminar": seminar.title}
    again = client.post(f"/en/seminar/check-in/{first.checkin_token}/", **json).json()
    assert again["ok"] and "already" in again["message"]
    refused = client.post(f"/en/seminar/check-in/{second.checkin_token}/", **json).json()
    assert not refused["ok"] and "holds no seat" in refused["message"]
    assert client.post(f"/en/seminar/check-in/{uuid.uuid4()}/", **json).status_code == 404
    client.force_login(seated)
    assert client.post(f"/en/seminar/check-in/{second.checkin_token}/", **json).status_code == 403
    assert client.get(f"/en/seminar/{seminar.pk}/scan/").status_code == 403
