"""Helpers of the pipeline tests: a video converted for real, and its outputs read back from the storage."""

import json
import subprocess

from django.core.files import File
from django.core.files.storage import default_storage

from videos import services
from videos.models import Video


def make_video(path, name="../../étrange vidéo.mp4"):
    with open(path, "rb") as handle:
        return Video.objects.create(title="Leçon", original=File(handle, name=name))


def convert(video, capture):
    with capture(execute=True):
        services.submit(video)
    video.refresh_from_db()
    return video


def ffprobe_json(*args):
    result = subprocess.run(
        ["ffprobe", "-v", "error", "-print_format", "json", *args], capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def local(name, folder):
    """A path to a stored output (downloaded when the storage is S3)."""
    path = folder / name.replace("/", "_")
    with default_storage.open(name, "rb") as source:
        path.write_bytes(source.read())
    return str(path)
