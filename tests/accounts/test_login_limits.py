"""The failed-login limit counts each account once, however the request names the site."""

import pytest
from django.test import Client

from tests.factories import UserFactory

TOO_MANY_LOGINS = "Too many failed login attempts"

pytestmark = pytest.mark.django_db


def test_the_failed_login_limit_per_account_holds_whatever_host_the_client_names():
    """allauth keys the account's count with the request's host, port included: "localhost:1", "localhost:2"…"""
    member = UserFactory()
    for port in range(1, 6):
        answer = Client(HTTP_HOST=f"localhost:{port}").post(
            "/en/accounts/login/", {"login": member.email, "password": "not-the-password"}
        )
        assert answer.status_code == 200 and TOO_MANY_LOGINS not in answer.content.decode()
    answer = Client(HTTP_HOST="localhost:6").post("/en/accounts/login/", {"login": member.email, "password": "x"})
    assert TOO_MANY_LOGINS in answer.content.decode()
