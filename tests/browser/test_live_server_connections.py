"""A journey's end waits for the live server to finish every connection the browser opened, kept-alive ones too."""

import socket
from urllib.parse import urlparse

import pytest

pytestmark = pytest.mark.usefixtures("restored_db")


def test_the_end_of_a_journey_waits_for_every_open_connection(live_server, live_server_connections):
    address = urlparse(live_server.url)
    browser_like = socket.create_connection((address.hostname, address.port))
    try:
        browser_like.sendall(b"GET /robots.txt HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n")
        assert browser_like.recv(1024).startswith(b"HTTP/1.1 200")
        # The page is still open: its kept-alive connection holds a server thread, so the end is not reached.
        with pytest.raises(AssertionError, match=r"still has \d+ connection"):
            live_server_connections.wait_until_idle(live_server.url, timeout=1)
    finally:
        browser_like.close()
    live_server_connections.wait_until_idle(live_server.url, timeout=20)
    assert live_server_connections.open == 0
