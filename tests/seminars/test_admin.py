import datetime as dt

import pytest

from seminars import services
from seminars.models import SeminarPage
from tests.factories import UserFactory
from tests.factories.seminars import build_seminar

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english_admin(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


def seminar_form(**extra):
    data = {
        "title": "Journée d'étude à Oran",
        "slug": "journee-oran",
        "summary": "Le bénévolat dans les associations.",
        "kind": "study_day",
        "status": "scheduled",
        "starts_at": "2027-02-10 09:00",
        "ends_at": "2027-02-10 16:00",
        "language": "fr",
        "wilaya": "",
        "address": "Palais de la culture, Oran",
        "capacity": "40",
        "questions-TOTAL_FORMS": "0",
        "questions-INITIAL_FORMS": "0",
        "questions-MIN_NUM_FORMS": "0",
        "questions-MAX_NUM_FORMS": "1000",
        "programme-count": "0",
        "action-publish": "publish",
    }
    data.update(extra)
    return data


@pytest.mark.parametrize("group", ["Trainers", "Editors"])
def test_editors_and_trainers_publish_seminars_in_the_calendar(client, calendars, group):
    from accounts.models import Wilaya

    client.force_login(UserFactory(groups=[group]))
    index = calendars["fr"]
    missing_wilaya = client.post(f"/admin/pages/add/seminars/seminarpage/{index.pk}/", seminar_form())
    assert missing_wilaya.status_code == 200 and "Say in which wilaya" in missing_wilaya.content.decode()
    response = client.post(
        f"/admin/pages/add/seminars/seminarpage/{index.pk}/", seminar_form(wilaya=Wilaya.objects.get(code=31).pk)
    )
    assert response.status_code == 302
    seminar = SeminarPage.objects.get(slug="journee-oran")
    assert seminar.starts_at == dt.datetime(2027, 2, 10, 8, 0, tzinfo=dt.UTC)  # entered in Algiers time


def test_the_registrations_admin_page_is_for_organisers(client, calendars):
    trainer, stranger = UserFactory(groups=["Trainers"]), UserFactory(groups=["Trainers"])
    seminar = build_seminar(calendars["fr"])
    seminar.trainers.add(trainer)
    seminar.save_revision().publish()
    member = UserFactory()
    services.register(member, seminar)
    client.force_login(trainer)
    page = client.get(f"/admin/seminars/{seminar.pk}/registrations/")
    assert page.status_code == 200 and member.email in page.content.decode()
    client.force_login(UserFactory(groups=["Observatory admins"]))
    edit = client.get(f"/admin/pages/{seminar.pk}/edit/").content.decode()
    assert f"/admin/seminars/{seminar.pk}/registrations/" in edit  # the header's "Registrations" button
    client.force_login(stranger)
    response = client.get(f"/admin/seminars/{seminar.pk}/registrations/")
    assert (response.status_code, response["Location"]) == (302, "/admin/")  # Wagtail's refusal
