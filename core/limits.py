"""Rate limits counted in the shared cache (one count for every web process and node)."""

from django.core.cache import cache


def over_limit(key, per_minute):
    """Count one more event under key; True once there were more than per_minute in the minute since the first."""
    cache.add(key, 0, 60)
    try:
        return cache.incr(key) > per_minute
    except ValueError:  # the counter expired between add and incr
        return False
