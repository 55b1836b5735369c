"""Look inside an uploaded file before anything else touches it, and refuse what is not a plain video.

ffprobe reads only the local file (protocol whitelist), a small allowlist of containers and codecs
is accepted, and the demuxer it found is the one forced when transcoding, so a playlist, a concat
script or a subtitle trick (the AVI/GAB2 local-file read) never gets a chance to open other files.
"""

import json
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import runner

# ffprobe's format_name for the containers we accept -> the demuxer forced when transcoding.
CONTAINERS = {
    "mov,mp4,m4a,3gp,3g2,mj2": "mov",  # MP4, MOV, 3GP: phones and cameras
    "matroska,webm": "matroska",  # MKV and WebM: screen recorders, browsers
}
DEMUXERS = "mov,matroska"  # the only demuxers ffmpeg may even try (no HLS, concat, AVI, image2, tty…)
VIDEO_CODECS = {"h264", "hevc", "vp8", "vp9", "av1", "mpeg4", "h263"}
AUDIO_CODECS = {"aac", "mp3", "opus", "vorbis", "ac3", "eac3", "alac", "flac", "pcm_s16le", "pcm_s24le", "amr_nb"}
MIN_DIMENSION = 16
PROBE_TIMEOUT_SECONDS = 30


class RejectedVideo(Exception):
    """The file is not accepted; the message is shown to the trainer."""


@dataclass
class ProbeResult:
    demuxer: str
    container: str
    duration: float
    width: int
    height: int
    frame_rate: float
    video_codec: str
    audio_codec: str  # empty when the file has no audio


def _rate(text):
    try:
        numerator, _slash, denominator = (text or "0/1").partition("/")
        value = float(numerator) / float(denominator or 1)
    except (ValueError, ZeroDivisionError):
        return 0.0
    return value if 0 < value <= 240 else 0.0


def probe(path):
    max_duration = getattr(settings, "VIDEO_MAX_DURATION_SECONDS", 4 * 3600)
    max_dimension = getattr(settings, "VIDEO_MAX_DIMENSION", 4096)
    args = [
        runner.binary("ffprobe"),
        "-v",
        "error",
        "-hide_banner",
        "-protocol_whitelist",
        "file",
        "-format_whitelist",
        DEMUXERS,
        "-print_format",
        "json",
        "-show_format",
        "-show_streams",
        f"file:{path}",
    ]
    try:
        result = runner.run(args, timeout=PROBE_TIMEOUT_SECONDS)
    except OSError as exc:
        raise RejectedVideo(_("The file could not be examined.")) from exc
    except Exception as exc:  # subprocess.TimeoutExpired and friends
        raise RejectedVideo(_("Examining the file took too long.")) from exc
    if result.returncode != 0:
        raise RejectedVideo(_("This file is not an MP4, MOV, 3GP, MKV or WebM video, or it is damaged or incomplete."))
    try:
        info = json.loads(result.stdout or "{}")
    except json.JSONDecodeError as exc:
        raise RejectedVideo(_("The file could not be examined.")) from exc

    container = info.get("format", {}).get("format_name", "")
    if container not in CONTAINERS:
        raise RejectedVideo(
            _("This kind of file (%(format)s) is not accepted. Upload an MP4, MOV, 3GP, MKV or WebM video.")
            % {"format": container or _("unknown")}
        )
    streams = info.get("streams", [])
    videos = [s for s in streams if s.get("codec_type") == "video" and not s.get("disposition", {}).get("attached_pic")]
    audios = [s for s in streams if s.get("codec_type") == "audio"]
    if not videos:
        raise RejectedVideo(_("The file has no video picture."))
    video = videos[0]
    if video.get("codec_name") not in VIDEO_CODECS:
        raise RejectedVideo(_("The video codec %(codec)s is not accepted.") % {"codec": video.get("codec_name", "?")})
    audio = audios[0] if audios else None
    if audio is not None and audio.get("codec_name") not in AUDIO_CODECS:
        raise RejectedVideo(_("The audio codec %(codec)s is not accepted.") % {"codec": audio.get("codec_name", "?")})
    width, height = int(video.get("width") or 0), int(video.get("height") or 0)
    if not (MIN_DIMENSION <= width <= max_dimension and MIN_DIMENSION <= height <= max_dimension):
        too_large = ngettext(
            "The picture size %(width)s×%(height)s is outside what we accept (up to %(max)s pixel a side).",
            "The picture size %(width)s×%(height)s is outside what we accept (up to %(max)s pixels a side).",
            max_dimension,
        )
        raise RejectedVideo(too_large % {"width": width, "height": height, "max": max_dimension})
    try:
        duration = float(info["format"].get("duration") or video.get("duration") or 0)
    except (TypeError, ValueError):
        duration = 0.0
    if duration <= 0:
        raise RejectedVideo(_("The file has no playable duration."))
    if duration > max_duration:
        raise RejectedVideo(
            _("The video is too long: at most %(hours)s hours are accepted.") % {"hours": round(max_duration / 3600, 1)}
        )
    return ProbeResult(
        demuxer=CONTAINERS[container],
        container=container,
        duration=duration,
        width=width,
        height=height,
        frame_rate=_rate(video.get("avg_frame_rate")) or _rate(video.get("r_frame_rate")) or 25.0,
        video_codec=video["codec_name"],
        audio_codec=audio["codec_name"] if audio else "",
    )
