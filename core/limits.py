"""Rate limits counted in the shared cache (one count for every web process and node)."""

import ipaddress

from django.core.cache import cache

from .addresses import client_address

IPV6_PREFIX = 64  # an IPv6 subscriber holds a whole /64; allauth counts the same way


def over_limit(key, per_minute):
    """Count one more event under key; True once there were more than per_minute in the minute since the first."""
    cache.add(key, 0, 60)
    try:
        return cache.incr(key) > per_minute
    except ValueError:  # the counter expired between add and incr
        return False


def client_over_limit(request, action, per_minute):
    """over_limit for the client behind the request (proxy-aware, see core.addresses)."""
    return over_limit(f"{action}:{_counted_address(client_address(request))}", per_minute)


def _counted_address(address):
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if parsed.version == 6:
        return str(ipaddress.ip_network(f"{parsed}/{IPV6_PREFIX}", strict=False).network_address)
    return address
