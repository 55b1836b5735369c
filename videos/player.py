"""What the lesson player offers before a byte is spent: each way to watch this video, with what it costs."""

from dataclasses import dataclass

from django.utils import formats
from django.utils.translation import gettext as _

from .enums import RenditionKind
from .ladder import SOUND_FILE


@dataclass(frozen=True)
class Choice:
    key: str  # what the learner's last choice is remembered as: "720p", "240p", "sound"
    label: str
    url: str
    streaming: bool  # an HLS playlist (one fixed rung), not a single file
    bytes: int


def megabytes(size):
    """A cost as "0.5 MB" (one decimal, in the active language's digits and separator; never "0.0")."""
    return _("%(size)s MB") % {"size": formats.number_format(max(size / 1_000_000, 0.1), 1)}


@dataclass(frozen=True)
class Menu:
    qualities: list  # [Choice] from the heaviest down; the small MP4 is the lightest
    sound: Choice | None  # the data saver's file; None for a silent video (or one converted before it existed)
    download: object  # the small MP4's Rendition, offered for download, or None

    def save_labels(self):
        """What "Save this lesson for offline" costs, with the picture and in data saver mode (sound only)."""
        labels = {}
        if self.download:
            labels["video"] = _("Save this lesson for offline (%(size)s)") % {"size": megabytes(self.download.bytes)}
        if self.sound:
            labels["sound"] = _("Save this lesson for offline, sound only (%(size)s)") % {
                "size": megabytes(self.sound.bytes)
            }
        return labels


def choices(video, media_base):
    renditions = list(video.renditions.all())
    download = next((r for r in renditions if r.kind == RenditionKind.DOWNLOAD), None)
    floor = download.height if download else 0
    qualities = [
        Choice(f"{r.height}p", _quality_label(r.height, r.bytes), _playlist_url(media_base, r), True, r.bytes)
        for r in sorted(renditions, key=lambda r: -r.height)
        if r.kind == RenditionKind.HLS and r.height > floor
    ]
    if download:
        qualities.append(
            Choice(
                f"{floor}p", _quality_label(floor, download.bytes), f"{media_base}/download.mp4", False, download.bytes
            )
        )
    sound = next((r for r in renditions if r.kind == RenditionKind.SOUND), None)
    if sound is not None:
        label = _("Data saver: sound only (%(size)s)") % {"size": megabytes(sound.bytes)}
        sound = Choice("sound", label, f"{media_base}/{SOUND_FILE}", False, sound.bytes)
    return Menu(qualities, sound, download)


def _playlist_url(media_base, rendition):
    return f"{media_base}/" + "/".join(rendition.path.split("/")[-2:])  # "<rung>/index.m3u8" in the output folder


def _quality_label(height, size):
    return _("%(height)sp · %(size)s") % {"height": height, "size": megabytes(size)}
