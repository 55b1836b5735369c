"""The client address every limit keys on: REMOTE_ADDR, or the address the outermost trusted proxy saw."""

import pytest
from allauth.account.adapter import get_adapter
from django.test import RequestFactory

from core.addresses import client_address

CASES = [
    # (trusted proxies, REMOTE_ADDR, X-Forwarded-For, the client)
    (0, "203.0.113.7", None, "203.0.113.7"),
    (0, "203.0.113.7", "192.0.2.1", "203.0.113.7"),  # no trusted proxy: the header is the client's invention
    (1, "10.0.0.2", "203.0.113.7", "203.0.113.7"),
    (1, "10.0.0.2", "192.0.2.1, 192.0.2.2,203.0.113.7", "203.0.113.7"),  # prepended addresses are ignored
    (1, "10.0.0.2", " 203.0.113.7 ", "203.0.113.7"),
    (2, "10.0.0.3", "192.0.2.1, 203.0.113.7, 10.0.0.2", "203.0.113.7"),  # CDN then load balancer
    (1, "10.0.0.2", "2001:DB8::1", "2001:db8::1"),
    (1, "10.0.0.2", "203.0.113.7:51234", "203.0.113.7"),  # some proxies append the port
    (1, "10.0.0.2", "[2001:db8::1]:51234", "2001:db8::1"),
    # A dual-stack socket names IPv4 clients as IPv4-mapped IPv6: they are IPv4 clients, each with its own count.
    (0, "::ffff:203.0.113.7", None, "203.0.113.7"),
    (1, "10.0.0.2", "::ffff:203.0.113.8", "203.0.113.8"),
    # A request that did not come through every trusted proxy, or a proxy writing nonsense: the nearest peer,
    # never an address the client chose.
    (1, "10.0.0.2", None, "10.0.0.2"),
    (1, "10.0.0.2", "", "10.0.0.2"),
    (2, "10.0.0.3", "203.0.113.7", "10.0.0.3"),
    (1, "10.0.0.2", "192.0.2.1, not-an-address", "10.0.0.2"),
    (1, "10.0.0.2", "192.0.2.1, ", "10.0.0.2"),
]


def request_from(remote_addr, forwarded_for):
    headers = {"REMOTE_ADDR": remote_addr}
    if forwarded_for is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return RequestFactory().get("/", **headers)


@pytest.mark.parametrize(("proxies", "remote_addr", "forwarded_for", "client"), CASES)
def test_client_address(settings, proxies, remote_addr, forwarded_for, client):
    settings.TRUSTED_PROXY_COUNT = proxies
    assert client_address(request_from(remote_addr, forwarded_for)) == client


@pytest.mark.parametrize(("proxies", "remote_addr", "forwarded_for", "client"), CASES)
def test_allauth_limits_use_the_same_address(settings, proxies, remote_addr, forwarded_for, client):
    """allauth keys its login, sign-up and reset limits on its adapter's answer: ours, from TRUSTED_PROXY_COUNT."""
    settings.TRUSTED_PROXY_COUNT = proxies
    assert get_adapter().get_client_ip(request_from(remote_addr, forwarded_for)) == client


def test_allauth_is_configured_from_the_same_setting_and_trusts_no_header_of_its_own(settings):
    assert settings.ALLAUTH_TRUSTED_PROXY_COUNT == settings.TRUSTED_PROXY_COUNT == 0
    # allauth would read this header as the client's address without counting proxies: a client could write it.
    assert getattr(settings, "ALLAUTH_TRUSTED_CLIENT_IP_HEADER", None) is None
