"""The data saver's sound file for videos converted before it existed, made from the original beside the outputs
the video already plays. New conversions make it with the rest (ladder.py)."""

import logging
import tempfile
from pathlib import Path

import ffmpeg
from django.core.files.storage import default_storage
from django.db import transaction

from . import debris, ladder, runner, storage, transcode
from .enums import RenditionKind, VideoStatus
from .models import Rendition, Video
from .probe import RejectedVideo, probe

logger = logging.getLogger(__name__)


def missing():
    """Ready videos with sound and no sound file: the ones add_sound_file would work on."""
    return (
        Video.objects.filter(status=VideoStatus.READY)
        .exclude(audio_codec="")
        .exclude(renditions__kind=RenditionKind.SOUND)
    )


def add_sound_file(video_id):
    """A django-q task, safe to run twice: nothing happens once the file exists or the video changed meanwhile."""
    video = missing().filter(pk=video_id).first()
    if video is None:
        return False
    prefix = video.output_prefix
    debris.scratch_root().mkdir(parents=True, exist_ok=True)
    try:
        with (
            tempfile.TemporaryDirectory(dir=debris.scratch_root(), prefix=f"sound{video_id}-") as scratch,
            storage.local_copy(video.original, scratch) as source,
        ):
            probed = probe(source)
            destination = f"{scratch}/{ladder.SOUND_FILE}"
            sound = ffmpeg.input(
                f"file:{source}", f=probed.demuxer, protocol_whitelist="file", format_whitelist="mov,matroska"
            ).audio
            graph = ladder.sound_file_output(sound, destination).global_args("-nostdin", "-hide_banner", "-v", "error")
            result = runner.run(graph.compile(cmd=runner.binary("ffmpeg")), timeout=runner.timeout_for(probed.duration))
            if result.returncode != 0:
                logger.warning("video %s: no sound file (%s): %s", video_id, result.returncode, result.stderr[-500:])
                return False
            output = transcode.sound_file(Path(destination), probed.duration)
            default_storage.delete(f"{prefix}/{ladder.SOUND_FILE}")  # left by a run that died before its row
            storage.upload_folder(Path(scratch), prefix, only=[ladder.SOUND_FILE])
    except (RejectedVideo, OSError):
        logger.exception("video %s: the sound file could not be made", video_id)
        return False
    with transaction.atomic():
        video = Video.objects.select_for_update().get(pk=video_id)
        if video.status != VideoStatus.READY or video.output_prefix != prefix:
            return False  # a new upload replaced the outputs (and deletes this prefix with them)
        Rendition.objects.get_or_create(
            video=video,
            kind=RenditionKind.SOUND,
            defaults={
                "declared_bitrate": output.declared_bitrate,
                "average_bitrate": output.average_bitrate,
                "codecs": output.codecs,
                "bytes": output.bytes,
                "path": f"{prefix}/{output.path}",
            },
        )
    return True
