"""Small project-wide guards shared by several apps."""

from django.core.cache import cache


def over_limit(key, per_minute):
    """Count one more event under key in the shared cache; True once there were more than per_minute in a minute."""
    cache.add(key, 0, 60)
    try:
        return cache.incr(key) > per_minute
    except ValueError:  # the counter expired between add and incr
        return False


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value):
    """A CSV cell a spreadsheet will not run as a formula (names like "=HYPERLINK(…)" start with a quote)."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_START) else text
