"""What conversions leave behind, and its collection.

A conversion works in a scratch folder on the worker's disk, named after the video and the attempt
(`video<id>-a<attempt>-<random>`, `video<id>-probe-<random>` while probing), and uploads its outputs under
`videos/<id>/a<attempt>-<random>/`. An attempt is live while its video is in that state with that attempt number
and a fresh heartbeat. A worker killed outright (OOM killer, kill -9) cleans nothing up: the sweeper deletes
every scratch folder and output folder that belongs to no live attempt, except the outputs the video plays.
"""

import contextlib
import re
import shutil
import uuid
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from . import storage
from .enums import VideoStatus
from .models import Video

_SCRATCH = re.compile(r"^video(?P<video>\d+)-(?:a(?P<attempt>\d+)|probe)-[0-9a-f]{8}$")
# Output folders are looked at for this long after a conversion's last heartbeat: long enough for a worker that
# was given up for dead to finish writing (a task may run for Q_TIMEOUT), and for the sweeper to have run.
OUTPUTS_WATCHED_FOR = timedelta(days=1)


def scratch_root():
    return Path(settings.VIDEO_SCRATCH_DIR)


@contextlib.contextmanager
def scratch_folder(video_id, attempt=None):
    """A private folder for one attempt (or one probe), deleted when the work ends, whichever way."""
    label = f"a{attempt}" if attempt else "probe"
    scratch_root().mkdir(parents=True, exist_ok=True)
    folder = scratch_root() / f"video{video_id}-{label}-{uuid.uuid4().hex[:8]}"
    folder.mkdir(mode=0o700)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _live(video_ids, stale_after):
    """{(video id, status, attempt)} of the attempts still beating."""
    rows = Video.objects.filter(
        pk__in=video_ids,
        status__in=[VideoStatus.PROBING, VideoStatus.TRANSCODING],
        heartbeat__gte=timezone.now() - stale_after,
    ).values_list("pk", "status", "attempts")
    return {(pk, status, attempts if status == VideoStatus.TRANSCODING else None) for pk, status, attempts in rows}


def sweep_scratch(stale_after):
    """Delete this machine's scratch folders of attempts that are not live."""
    try:
        # Listed before the states are read: a folder made after its attempt was claimed is never taken for dead.
        folders = {folder: _SCRATCH.match(folder.name) for folder in scratch_root().iterdir()}
    except FileNotFoundError:
        return
    folders = {folder: match for folder, match in folders.items() if match}
    live = _live({int(match["video"]) for match in folders.values()}, stale_after)
    for folder, match in folders.items():
        attempt = int(match["attempt"]) if match["attempt"] else None
        status = VideoStatus.TRANSCODING if attempt else VideoStatus.PROBING
        if (int(match["video"]), status, attempt) not in live:
            shutil.rmtree(folder, ignore_errors=True)


def sweep_outputs(stale_after):
    """Delete output folders that the video does not play and no live attempt is writing."""
    recent = Video.objects.filter(heartbeat__gte=timezone.now() - OUTPUTS_WATCHED_FOR)
    for video_id in recent.values_list("pk", flat=True):
        prefixes = storage.list_prefixes(video_id)  # listed before the state is read, as above
        if not prefixes:
            continue
        video = Video.objects.filter(pk=video_id).values("output_prefix", "attempts").first()
        if video is None:
            continue  # deleted: its files go with it (signals.py)
        live = _live([video_id], stale_after)
        writing = f"videos/{video_id}/a{video['attempts']}-"
        for prefix in prefixes:
            if prefix == video["output_prefix"]:
                continue
            if (video_id, VideoStatus.TRANSCODING, video["attempts"]) in live and prefix.startswith(writing):
                continue
            storage.delete_prefix(prefix)
