"""How a video's facts read in the admin: the uploaded file's name, minutes, and data per minute."""

import os
import unicodedata

from django.template.defaultfilters import filesizeformat
from django.utils import formats
from django.utils.translation import gettext as _

MAX_NAME = 255


def file_name(name):
    """The uploader's file name made harmless to show and to offer as a download name.

    Only the last path component is kept; control and format characters (NUL, bidirectional overrides and
    isolates, zero-width characters) are dropped so a name cannot hide its real extension or break a header;
    other spaces become plain spaces; a long name keeps its extension. Returns "" when nothing is left.
    """
    name = unicodedata.normalize("NFC", str(name or ""))
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    kept = []
    for char in name:
        category = unicodedata.category(char)
        if category.startswith("Z"):
            kept.append(" ")
        elif not category.startswith("C"):
            kept.append(char)
    name = " ".join("".join(kept).split())
    if name in {".", ".."}:
        return ""
    if len(name) > MAX_NAME:  # as Django shortens an uploaded file's name, so both upload paths agree
        stem, extension = os.path.splitext(name)
        extension = extension[:MAX_NAME]
        name = stem[: MAX_NAME - len(extension)] + extension
    return name


def download_name(video):
    """The name a browser saves the original under: the uploader's, or a plain one when nothing usable is left."""
    name = file_name(video.original_name)
    if name.rsplit(".", 1)[0].strip(" ."):
        return name
    extension = os.path.splitext(video.original.name)[1]
    return f"video-{video.pk}{extension}"


def minutes(seconds):
    """The duration as "2.5 min" (localised decimal separator); "" when it is unknown."""
    if not seconds:
        return ""
    return _("%(minutes)s min") % {"minutes": formats.number_format(max(round(seconds / 60, 1), 0.1), 1)}


def size_per_minute(size, seconds):
    """What a minute of a rendition costs a learner's data plan, as "2.6 MB/min"."""
    if not seconds or not size:
        return ""
    return _("%(size)s/min") % {"size": filesizeformat(size * 60 / seconds)}
