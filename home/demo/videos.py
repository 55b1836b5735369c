"""Demo lesson videos, generated with ffmpeg (a test card and a tone) and sent through the real pipeline."""

import shutil
import subprocess
import tempfile
from pathlib import Path

from django.core.files import File

from videos.models import Video
from videos.runner import binary
from videos.services import submit


def demo_video(title, owner, seconds=12):
    """A Video submitted to the pipeline (converted by the worker), or None when ffmpeg is missing."""
    existing = Video.objects.filter(title=title).first()
    if existing or not shutil.which("ffmpeg"):
        return existing
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.mp4"
        source = "testsrc2=size=854x480:rate=25"
        tone = "sine=frequency=330:sample_rate=44100"
        command = f"-y -v error -nostdin -f lavfi -i {source} -f lavfi -i {tone} -t {seconds} -c:v libx264"
        command += " -pix_fmt yuv420p -c:a aac"
        subprocess.run([binary("ffmpeg"), *command.split(), str(path)], check=True)  # noqa: S603 — no shell
        with path.open("rb") as handle:
            video = Video.objects.create(title=title, owner=owner, language="", original=File(handle, name="demo.mp4"))
    return submit(video)
