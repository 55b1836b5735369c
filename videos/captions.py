"""Captions: WebVTT files per language, checked on upload; SRT files are converted to WebVTT."""

import re

from django.utils.translation import gettext as _

MAX_BYTES = 1024 * 1024
_TIMING = r"(?:\d{1,2}:)?\d{2}:\d{2}[.,]\d{3}"
_CUE_TIMING = re.compile(rf"^\s*({_TIMING})\s*-->\s*({_TIMING})(.*)$")


class InvalidCaptions(ValueError):
    pass


def _decode(data):
    if isinstance(data, str):
        data = data.encode()
    if len(data) > MAX_BYTES:
        raise InvalidCaptions(_("The captions file is larger than 1 MB."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidCaptions(_("Save the captions file as UTF-8 text.")) from exc
    if "\x00" in text:
        raise InvalidCaptions(_("This is not a text file."))
    return text.replace("\r\n", "\n").replace("\r", "\n")


def to_webvtt(data):
    """Validated WebVTT text from the bytes of a .vtt or .srt file."""
    text = _decode(data)
    lines = text.split("\n")
    is_vtt = lines[0].startswith("WEBVTT")
    out = ["WEBVTT", ""] if not is_vtt else []
    cues = 0
    for line in lines:
        match = _CUE_TIMING.match(line)
        if match:
            start, end, settings = match.groups()
            if not is_vtt:
                start, end, settings = start.replace(",", "."), end.replace(",", "."), ""
            if _seconds(end) <= _seconds(start):
                raise InvalidCaptions(
                    _("A caption ends before it starts (%(start)s --> %(end)s).") % {"start": start, "end": end}
                )
            cues += 1
            out.append(f"{start} --> {end}{settings}")
        elif not is_vtt and line.strip().isdigit() and (not out or out[-1] == ""):
            continue  # SRT cue numbers are not needed in WebVTT
        else:
            out.append(line)
    if not cues:
        raise InvalidCaptions(_("No caption timings were found: upload a WebVTT (.vtt) or SubRip (.srt) file."))
    return "\n".join(out).rstrip("\n") + "\n"


def _seconds(timing):
    parts = timing.replace(",", ".").split(":")
    seconds = float(parts[-1]) + 60 * int(parts[-2])
    return seconds + (3600 * int(parts[0]) if len(parts) == 3 else 0)
