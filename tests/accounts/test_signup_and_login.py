import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail

from accounts.models import User
from tests.factories import UserFactory
from tests.factories.accounts import PASSWORD


def link_in_last_mail():
    return re.search(r"https?://[^\s]+", mail.outbox[-1].body).group(0).replace("http://testserver", "")


@pytest.mark.django_db
def test_signup_verify_then_login(client):
    response = client.post(
        "/fr/accounts/signup/",
        {
            "email": "Nour.Amrani@Example.dz",
            "full_name_latin": "Nour Amrani",
            "full_name_arabic": "نور عمراني",
            "association": "Association Ahaggar",
            "wilaya": "11",
            "password1": "une phrase de passe longue",
            "password2": "une phrase de passe longue",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    user = User.objects.get(email__iexact="nour.amrani@example.dz")
    assert user.full_name_arabic == "نور عمراني" and user.wilaya.code == 11
    assert (user.preferred_language, user.last_language) == ("", "fr")  # used, not chosen
    assert list(user.groups.values_list("name", flat=True)) == ["Trainees"]
    assert len(mail.outbox) == 1

    # Unverified accounts cannot log in yet: they are sent to the verification page.
    client.post("/fr/accounts/login/", {"login": user.email, "password": "une phrase de passe longue"})
    assert "_auth_user_id" not in client.session

    confirm_url = link_in_last_mail()
    assert confirm_url.startswith("/fr/accounts/confirm-email/")
    assert client.post(confirm_url).status_code == 302
    response = client.post("/fr/accounts/login/", {"login": user.email, "password": "une phrase de passe longue"})
    assert response.status_code == 302 and response["Location"] == "/fr/"
    assert client.session["_auth_user_id"] == str(user.pk)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"email": "not-an-email"}, "email", ""),
        ({"password2": "something else entirely"}, "password2", ""),
        ({"password1": "short", "password2": "short"}, "password1", ""),
        ({"full_name_latin": "", "full_name_arabic": ""}, "full_name_latin", "Latin letters, in Arabic letters"),
        ({"full_name_arabic": "Nour Amrani"}, "full_name_arabic", "Arabic letters"),
        ({"full_name_latin": "نور"}, "full_name_latin", "Latin letters"),
        ({"full_name_latin": "<script>alert(1)</script>"}, "full_name_latin", "Latin letters"),
        ({"wilaya": "999"}, "wilaya", ""),
        ({"full_name_latin": "x" * 500}, "full_name_latin", ""),
    ],
)
def test_signup_rejects_bad_input_field_by_field(client, changes, field, message):
    data = {
        "email": "a@example.dz",
        "full_name_latin": "Nour Amrani",
        "password1": "une phrase de passe longue",
        "password2": "une phrase de passe longue",
    }
    data.update(changes)
    response = client.post("/en/accounts/signup/", data)
    assert response.status_code == 200
    form = response.context["form"]
    assert field in form.errors
    assert message in " ".join(form.errors[field])
    assert not User.objects.filter(email="a@example.dz").exists()


@pytest.mark.django_db
def test_signup_errors_are_translated(client):
    response = client.post(
        "/ar/accounts/signup/",
        {"email": "a@example.dz", "full_name_arabic": "Nour", "password1": "x", "password2": "x"},
    )
    errors = " ".join(response.context["form"].errors["full_name_arabic"])
    assert "بالحروف العربية" in errors


@pytest.mark.django_db
def test_duplicate_email_makes_no_account_and_does_not_reveal_it(client):
    UserFactory(email="taken@example.dz")
    response = client.post(
        "/en/accounts/signup/",
        {
            "email": "TAKEN@example.dz",
            "full_name_latin": "Someone",
            "password1": "une phrase de passe longue",
            "password2": "une phrase de passe longue",
        },
    )
    # The same answer as a fresh signup (no account enumeration); the owner is told by e-mail instead.
    assert response.status_code == 302
    assert User.objects.filter(email__iexact="taken@example.dz").count() == 1
    assert mail.outbox[-1].to == ["taken@example.dz"]


@pytest.mark.django_db
def test_password_reset(client):
    user = UserFactory(email="reset@example.dz")
    client.post("/en/accounts/password/reset/", {"email": "reset@example.dz"})
    assert len(mail.outbox) == 1
    response = client.get(link_in_last_mail())
    set_password_url = response["Location"]
    response = client.post(
        set_password_url, {"password1": "a brand new passphrase", "password2": "a brand new passphrase"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("a brand new passphrase")


@pytest.mark.django_db
def test_password_reset_answers_the_same_for_unknown_addresses(client):
    UserFactory(email="known@example.dz")
    known = client.post("/en/accounts/password/reset/", {"email": "known@example.dz"})
    unknown = client.post("/en/accounts/password/reset/", {"email": "nobody@example.dz"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]


@pytest.mark.django_db
def test_repeated_failed_logins_lock_the_account_for_a_while(client):
    user = UserFactory(email="target@example.dz")
    for _ in range(5):
        client.post("/en/accounts/login/", {"login": user.email, "password": "wrong guess"})
    response = client.post("/en/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    # allauth counts failed logins in the form: the page comes back with the reason, even for the right password.
    assert response.status_code == 200
    assert "Too many failed login attempts. Try again later." in response.content.decode()


@pytest.mark.django_db
def test_admin_login_goes_through_the_throttled_login(client):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response["Location"] == "/ar/accounts/login/?next=/admin/pages/"
    assert client.get("/admin/login/?next=https://evil.example/")["Location"].endswith("next=/admin/")


@pytest.mark.django_db
def test_roles_exist_as_groups():
    assert set(Group.objects.values_list("name", flat=True)) >= {
        "Trainees",
        "Trainers",
        "Editors",
        "Observatory admins",
    }
