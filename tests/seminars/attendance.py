"""What the attendance correction tests share: signed-in clients, the checklist as a browser sends it, the public
verification status of a certificate."""

from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from django.test import Client

from seminars import services
from seminars.models import Registration
from tests.factories import UserFactory

JSON = {"HTTP_ACCEPT": "application/json"}
CORRECTED = "Attendance corrected: the holder was not recorded present."


def client(user):
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


def checklist(seminar):
    return f"/en/seminar/{seminar.pk}/attendance/"


def form_as_sent(html, form_selector="main form"):
    """What the browser sends from this page when the user changes nothing: hidden fields and the boxes it can send
    (ticked and not disabled)."""
    form = BeautifulSoup(html, "html.parser").select_one(form_selector)
    data = {}
    for field in form.select("input[name]"):
        kind = field.get("type", "text")
        if field.has_attr("disabled") or (kind == "checkbox" and not field.has_attr("checked")):
            continue
        data.setdefault(field["name"], []).append(field.get("value", "on"))
    return data


def check_in(user, registration, capture):
    with capture(execute=True):
        response = client(user).post(f"/en/seminar/check-in/{registration.checkin_token}/", **JSON)
    assert response.status_code == 200 and response.json()["ok"] is True


def status(registration):
    return Registration.objects.get(pk=registration.pk).status


def verification(certificate):
    html = Client().get(f"/en/verify/{certificate.public_id}/").content.decode()
    return BeautifulSoup(html, "html.parser").select_one("[data-certificate-status]")["data-certificate-status"]


def message(response):
    """The message this response added (earlier ones wait for a page to show them)."""
    return str(list(get_messages(response.wsgi_request))[-1])


def second_person(seminar, name="Karim Hadj"):
    return services.register(UserFactory(full_name_latin=name, preferred_language="fr"), seminar)


def correct(registration, admin, capture):
    with capture(execute=True):
        assert services.withdraw_attendance(Registration.objects.get(pk=registration.pk), admin)
