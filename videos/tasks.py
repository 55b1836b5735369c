"""Background work on videos (django-q2). Every task is idempotent and safe to run twice.

State machine: uploaded → probing → queued → transcoding → ready | failed. A transcoding job beats
a heartbeat on its row; the sweeper hands jobs whose heartbeat went stale (a killed worker) back
to the queue, up to MAX_ATTEMPTS, then marks them failed, and deletes what dead attempts left (debris.py).
"""

import logging
import time
import uuid
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext
from django_q.models import Schedule
from django_q.tasks import async_task, schedule

from . import debris, storage, transcode, uploads
from .enums import VideoStatus
from .models import Rendition, Video
from .probe import RejectedVideo, probe

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 3
STALE_AFTER = timedelta(minutes=3)
HEARTBEAT_EVERY_SECONDS = 5


def _claim(video_id, expected, new_status, **fields):
    """Move a video from one state to the next; False if another worker got there first."""
    return Video.objects.filter(pk=video_id, status__in=expected).update(status=new_status, **fields) == 1


def _owner_language(video):
    """Reasons are written in the language of the trainer who uploaded the video."""
    language = getattr(video.owner, "preferred_language", "") if video.owner_id else ""
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


class _Heartbeat:
    """Beats on the video's row at most every few seconds, only while this attempt still owns the video."""

    def __init__(self, video_id, status, **attempt):
        self.rows = Video.objects.filter(pk=video_id, status=status, **attempt)
        self.last = time.monotonic()

    def __call__(self, percent=None):
        if time.monotonic() - self.last >= HEARTBEAT_EVERY_SECONDS:
            self.last = time.monotonic()
            progress = {} if percent is None else {"progress": percent}
            self.rows.update(heartbeat=timezone.now(), **progress)


def probe_video(video_id):
    if not _claim(video_id, [VideoStatus.UPLOADED], VideoStatus.PROBING, heartbeat=timezone.now()):
        return
    video = Video.objects.select_related("owner").get(pk=video_id)
    with translation.override(_owner_language(video)):
        _probe(video)


def _probe(video):
    video_id = video.pk
    beat = _Heartbeat(video_id, VideoStatus.PROBING)
    # What this probe finds is written only if the video still waits for it: not after a new file was uploaded
    # meanwhile (the sweeper may also have handed a stalled probe to another worker, which writes the same).
    probing = Video.objects.filter(pk=video_id, status=VideoStatus.PROBING, original=video.original.name)
    try:
        with (
            debris.scratch_folder(video_id) as scratch,
            storage.local_copy(video.original, scratch, on_progress=beat) as path,
        ):
            probed = probe(path)
    except RejectedVideo as rejection:
        probing.update(status=VideoStatus.FAILED, failure_reason=str(rejection))
        return
    except OSError:
        logger.exception("video %s could not be examined", video_id)
        probing.update(status=VideoStatus.FAILED, failure_reason=gettext("The uploaded file could not be read."))
        return
    queued = probing.update(
        status=VideoStatus.QUEUED,
        duration=probed.duration,
        width=probed.width,
        height=probed.height,
        container=probed.container,
        video_codec=probed.video_codec,
        audio_codec=probed.audio_codec,
    )
    if queued:
        async_task("videos.tasks.transcode_video", video_id, task_name=f"transcode-video-{video_id}")


def transcode_video(video_id):
    video = Video.objects.select_related("owner").filter(pk=video_id).first()
    if video is None or video.status == VideoStatus.READY:
        return
    with translation.override(_owner_language(video)):
        _transcode(video)


def _transcode(video):
    video_id = video.pk
    attempt = video.attempts + 1
    if not _claim(
        video_id, [VideoStatus.QUEUED], VideoStatus.TRANSCODING, attempts=attempt, progress=0, heartbeat=timezone.now()
    ):
        return
    debris.sweep_scratch(STALE_AFTER)  # every worker machine clears what its own dead workers left
    # A fresh folder per attempt: a re-uploaded file starts again at attempt 1 while the old outputs still play.
    prefix = f"videos/{video_id}/a{attempt}-{uuid.uuid4().hex[:8]}"
    beat = _Heartbeat(video_id, VideoStatus.TRANSCODING, attempts=attempt)

    try:
        with (
            debris.scratch_folder(video_id, attempt) as scratch,
            storage.local_copy(video.original, scratch, on_progress=beat) as source,
        ):
            probed = probe(source)  # the original may have changed since it was first probed
            outputs = transcode.run(source, probed, scratch / "out", on_progress=beat)
            storage.upload_folder(scratch / "out", prefix, on_progress=lambda: beat(99))
    except (RejectedVideo, transcode.TranscodeError) as error:
        storage.delete_prefix(prefix)
        _failed_attempt(video_id, attempt, str(error))
        return
    except OSError:
        logger.exception("video %s attempt %s could not read or store its files", video_id, attempt)
        storage.delete_prefix(prefix)
        _failed_attempt(video_id, attempt, gettext("The files could not be read or stored; ask an administrator."))
        return
    with transaction.atomic():
        video = Video.objects.select_for_update().get(pk=video_id)
        if video.status != VideoStatus.TRANSCODING or video.attempts != attempt:
            storage.delete_prefix(prefix)  # a newer attempt owns the video now
            return
        # Outputs of attempts that died half-way go before the video is ready (with the row locked, no other
        # attempt can be live); the outputs it played until now go once it plays the new ones.
        previous = video.output_prefix
        for leftover in storage.list_prefixes(video_id):
            if leftover not in (prefix, previous):
                storage.delete_prefix(leftover)
        video.renditions.all().delete()
        Rendition.objects.bulk_create(
            [
                Rendition(
                    video=video,
                    kind=output.kind,
                    width=output.width,
                    height=output.height,
                    declared_bitrate=output.declared_bitrate,
                    average_bitrate=output.average_bitrate,
                    peak_bitrate=output.peak_bitrate,
                    codecs=output.codecs,
                    bytes=output.bytes,
                    path=f"{prefix}/{output.path}",
                )
                for output in outputs
            ]
        )
        video.status, video.progress, video.failure_reason = VideoStatus.READY, 100, ""
        video.output_prefix, video.poster = prefix, f"{prefix}/poster.jpg"
        video.save(update_fields=["status", "progress", "failure_reason", "output_prefix", "poster"])
    if previous and previous != prefix:
        storage.delete_prefix(previous)  # if the worker dies just before, the sweeper deletes them


def _failed_attempt(video_id, attempt, reason):
    logger.warning("video %s attempt %s failed: %s", video_id, attempt, reason)
    # Only while this attempt still owns the video: a stale one (handed on by the sweeper, or outrun by a new
    # upload, which starts again at attempt 1) changes nothing.
    own = Video.objects.filter(pk=video_id, status=VideoStatus.TRANSCODING, attempts=attempt)
    if attempt >= MAX_ATTEMPTS:
        own.update(status=VideoStatus.FAILED, failure_reason=reason)
        return
    if not own.update(status=VideoStatus.QUEUED, failure_reason=reason):
        return
    # Back off before the next attempt: 1 min, then 2 min.
    schedule(
        "videos.tasks.transcode_video",
        video_id,
        name=f"retry video {video_id} attempt {attempt + 1}",
        schedule_type=Schedule.ONCE,
        next_run=timezone.now() + timedelta(seconds=60 * 2 ** (attempt - 1)),
    )


def sweep_stale_jobs():
    """Scheduled every minute: re-queue jobs whose worker stopped beating (killed, machine lost), delete what dead
    attempts left behind, and delete browser uploads nobody finished or used in time."""
    uploads.sweep_expired()
    stale = Video.objects.filter(
        status__in=[VideoStatus.TRANSCODING, VideoStatus.PROBING], heartbeat__lt=timezone.now() - STALE_AFTER
    ).select_related("owner")
    for video in stale:
        if video.status == VideoStatus.PROBING:
            if _claim(video.pk, [VideoStatus.PROBING], VideoStatus.UPLOADED):
                async_task("videos.tasks.probe_video", video.pk)
        elif video.attempts >= MAX_ATTEMPTS:
            with translation.override(_owner_language(video)):
                reason = gettext("The conversion was interrupted too many times.")
            Video.objects.filter(pk=video.pk, status=VideoStatus.TRANSCODING).update(
                status=VideoStatus.FAILED, failure_reason=reason
            )
        elif _claim(video.pk, [VideoStatus.TRANSCODING], VideoStatus.QUEUED):
            async_task("videos.tasks.transcode_video", video.pk)
    debris.sweep_scratch(STALE_AFTER)
    debris.sweep_outputs(STALE_AFTER)
