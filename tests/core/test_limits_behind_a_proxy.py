"""Behind a TLS proxy every request comes from the proxy's address: the limits must count each client."""

import pytest
from django.test import Client

from tests.factories import UserFactory

PROXY = "10.0.0.2"
AMINA, KARIM = "203.0.113.7", "198.51.100.9"
UNKNOWN_CERTIFICATE = "/en/verify/AAAAAAAAAAAAAAAAAAAA/"
TOO_MANY_LOGINS = "Too many failed login attempts"

pytestmark = pytest.mark.django_db


def through_proxy(forwarded_for):
    """A visitor whose request reaches the app through one proxy, which appended the address it saw."""
    return Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded_for)


def failed_login(client, email):
    return client.post("/en/accounts/login/", {"login": email, "password": "not-the-password"})


@pytest.fixture
def one_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1


def test_two_clients_behind_one_proxy_have_their_own_verification_budget(one_proxy):
    amina, karim = through_proxy(AMINA), through_proxy(KARIM)
    assert [amina.get(UNKNOWN_CERTIFICATE).status_code for _ in range(30)] == [404] * 30
    assert amina.get(UNKNOWN_CERTIFICATE).status_code == 429
    assert karim.get(UNKNOWN_CERTIFICATE).status_code == 404


def test_two_clients_behind_one_proxy_have_their_own_signup_budget(one_proxy):
    amina, karim = through_proxy(AMINA), through_proxy(KARIM)
    assert [amina.post("/en/accounts/signup/", {}).status_code for _ in range(10)] == [200] * 10  # form errors
    assert amina.post("/en/accounts/signup/", {}).status_code == 429
    assert karim.post("/en/accounts/signup/", {}).status_code == 200


def test_two_clients_behind_one_proxy_have_their_own_failed_login_budget(one_proxy):
    amina, karim = through_proxy(AMINA), through_proxy(KARIM)
    for number in range(20):  # 20 failures per address in 5 minutes, on different accounts
        response = failed_login(amina, f"guess{number}@example.dz")
        assert response.status_code == 200 and TOO_MANY_LOGINS not in response.content.decode()
    assert TOO_MANY_LOGINS in failed_login(amina, "guess20@example.dz").content.decode()
    answer = failed_login(karim, "karim@example.dz").content.decode()
    assert TOO_MANY_LOGINS not in answer and "not correct" in answer


def test_the_failed_login_limit_per_account_still_holds_across_addresses(one_proxy):
    member = UserFactory()
    for number in range(5):
        assert TOO_MANY_LOGINS not in failed_login(through_proxy(f"203.0.113.{number}"), member.email).content.decode()
    assert TOO_MANY_LOGINS in failed_login(through_proxy("203.0.113.99"), member.email).content.decode()


def test_a_forged_forwarded_for_changes_nothing_without_a_trusted_proxy():
    """TRUSTED_PROXY_COUNT=0 (the default): the header is the client's own words, never read."""
    statuses = [
        Client(REMOTE_ADDR=AMINA, HTTP_X_FORWARDED_FOR=f"192.0.2.{number}").get(UNKNOWN_CERTIFICATE).status_code
        for number in range(31)
    ]
    assert statuses == [404] * 30 + [429]
    signups = [
        Client(REMOTE_ADDR=AMINA, HTTP_X_FORWARDED_FOR=f"192.0.2.{number}").post("/en/accounts/signup/", {}).status_code
        for number in range(11)
    ]
    assert signups == [200] * 10 + [429]


def test_addresses_a_client_prepends_are_ignored_behind_one_proxy(one_proxy):
    """The proxy appends the address it saw: whatever the client wrote before it is the client's invention."""
    statuses = [
        through_proxy(f"192.0.2.{number}, 10.1.1.{number}, {AMINA}").get(UNKNOWN_CERTIFICATE).status_code
        for number in range(31)
    ]
    assert statuses == [404] * 30 + [429]
    assert through_proxy(f"{AMINA}, {KARIM}").get(UNKNOWN_CERTIFICATE).status_code == 404  # Karim, not Amina


def test_an_ipv6_client_counts_as_its_whole_slash_64():
    """An IPv6 subscriber holds a /64 (2^64 addresses): counting each address would be no limit at all."""
    statuses = [
        Client(REMOTE_ADDR=f"2001:db8:1:2::{number:x}").get(UNKNOWN_CERTIFICATE).status_code for number in range(31)
    ]
    assert statuses == [404] * 30 + [429]
    assert Client(REMOTE_ADDR="2001:db8:1:3::1").get(UNKNOWN_CERTIFICATE).status_code == 404


def test_ipv4_clients_of_a_dual_stack_server_have_their_own_budget():
    """A server listening on IPv6 names IPv4 clients ::ffff:a.b.c.d; as IPv6 they would all share the /64 ::."""
    amina, karim = Client(REMOTE_ADDR=f"::ffff:{AMINA}"), Client(REMOTE_ADDR=f"::ffff:{KARIM}")
    assert [amina.get(UNKNOWN_CERTIFICATE).status_code for _ in range(31)] == [404] * 30 + [429]
    assert karim.get(UNKNOWN_CERTIFICATE).status_code == 404
