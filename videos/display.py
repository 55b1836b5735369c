"""How a video's facts read in the admin."""

from django.utils import formats
from django.utils.translation import gettext as _


def minutes(seconds):
    """The duration as "2.5 min" (localised decimal separator); "" when it is unknown."""
    if not seconds:
        return ""
    return _("%(minutes)s min") % {"minutes": formats.number_format(max(round(seconds / 60, 1), 0.1), 1)}
