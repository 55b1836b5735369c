"""Demo lesson videos, generated with ffmpeg (a test card and a tone) and sent through the real pipeline."""

import shutil
import tempfile
from pathlib import Path

from django.core.files import File

from videos.models import Video
from videos.samples import write_test_card
from videos.services import submit


def demo_video(title, owner, seconds=12):
    """A Video submitted to the pipeline (converted by the worker), or None when ffmpeg is missing."""
    existing = Video.objects.filter(title=title).first()
    if existing or not shutil.which("ffmpeg"):
        return existing
    with tempfile.TemporaryDirectory() as folder:
        path = write_test_card(Path(folder) / "demo.mp4", seconds=seconds)
        with path.open("rb") as handle:
            video = Video.objects.create(title=title, owner=owner, language="", original=File(handle, name="demo.mp4"))
    return submit(video)
