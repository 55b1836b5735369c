from django.db import transaction
from django_q.tasks import async_task

from .enums import VideoStatus
from .models import Video


def submit(video):
    """Start the pipeline for a freshly stored original: probe, then transcode."""
    transaction.on_commit(lambda: async_task("videos.tasks.probe_video", video.pk, task_name=f"probe-video-{video.pk}"))
    return video


def retry(video):
    """Send a failed video through the pipeline again (after a fix to ffmpeg, say)."""
    updated = Video.objects.filter(pk=video.pk, status=VideoStatus.FAILED).update(
        status=VideoStatus.UPLOADED, attempts=0, failure_reason="", progress=0
    )
    if updated:
        submit(video)
    return bool(updated)
