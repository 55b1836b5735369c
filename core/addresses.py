"""The address of the person behind a request, for rate limits.

Without a proxy it is the peer's address (REMOTE_ADDR). Behind TRUSTED_PROXY_COUNT proxies, REMOTE_ADDR is
the nearest proxy, and each proxy appends the address it saw to X-Forwarded-For: the client's is the one
the outermost proxy appended, TRUSTED_PROXY_COUNT entries from the right. Everything left of it was written
by the client and is never read, so a client cannot pick the address it is counted under.
"""

import ipaddress

from django.conf import settings


def client_address(request):
    peer = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return _normalised(peer) or peer
    hops = request.headers.get("X-Forwarded-For", "").split(",")
    if len(hops) < proxies:
        # The request skipped a proxy (or no proxy is there): count it under the peer, never under its header.
        return _normalised(peer) or peer
    return _normalised(hops[-proxies]) or _normalised(peer) or peer


def _normalised(text):
    """The address in text ("203.0.113.7", "203.0.113.7:51234", "[2001:db8::1]:443"…) in one spelling, or None."""
    text = text.strip()
    if text.startswith("[") and "]" in text:
        text = text[1 : text.index("]")]
    elif text.count(":") == 1:
        text = text.split(":")[0]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    # A dual-stack socket reports IPv4 clients as ::ffff:a.b.c.d; counted as IPv6, they would all share one /64.
    return str(getattr(address, "ipv4_mapped", None) or address)
