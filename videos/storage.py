"""Moving files between the worker's scratch folder and the media storage (disk or S3)."""

import contextlib
import os
import shutil
from pathlib import Path

from django.core.files import File
from django.core.files.storage import FileSystemStorage, default_storage

COPY_BLOCK = 1024 * 1024


@contextlib.contextmanager
def local_copy(field_file, folder, on_progress=lambda: None):
    """A path on this machine for the original: the file itself on disk, a copy from S3 streamed into folder (the
    attempt's scratch folder, which the sweeper finds if the worker dies). on_progress() is called as it goes."""
    if isinstance(default_storage, FileSystemStorage):
        if not Path(field_file.path).is_file():  # as S3 answers: missing, not "not a video"
            raise FileNotFoundError(field_file.name)
        yield field_file.path
        return
    path = Path(folder) / f"original{Path(field_file.name).suffix}"
    try:
        with default_storage.open(field_file.name, "rb") as source, path.open("wb") as copy:
            while block := source.read(COPY_BLOCK):
                copy.write(block)
                on_progress()
        yield str(path)
    finally:
        path.unlink(missing_ok=True)


def upload_folder(folder, prefix, on_progress=lambda: None, only=None):
    """Store every file of folder under prefix (or only the named ones), under exactly their names."""
    folder = Path(folder)
    for path in sorted(folder.rglob("*")):
        if path.is_file() and (only is None or path.relative_to(folder).as_posix() in only):
            name = f"{prefix}/{path.relative_to(folder).as_posix()}"
            with path.open("rb") as handle:
                saved = default_storage.save(name, File(handle))
            if saved != name:  # never silently renamed: the playlists refer to these exact names
                raise OSError(f"storage renamed {name} to {saved}")
            on_progress()


def delete_prefix(prefix):
    """Delete every file stored under prefix (a video's outputs of one attempt)."""
    if not prefix:
        return
    if isinstance(default_storage, FileSystemStorage):
        shutil.rmtree(os.path.join(default_storage.location, prefix), ignore_errors=True)
        return
    bucket = default_storage.bucket
    location = default_storage.location
    key_prefix = f"{location}/{prefix}/" if location else f"{prefix}/"
    bucket.objects.filter(Prefix=key_prefix).delete()


def list_prefixes(video_id):
    """The output folders that exist for a video (one per attempt)."""
    root = f"videos/{video_id}"
    try:
        folders, _files = default_storage.listdir(root)
    except FileNotFoundError:
        return []
    return [f"{root}/{folder}" for folder in folders]


def s3_key(name):
    """The bucket key of a storage name (S3 profile), with the storage's location prefix."""
    location = default_storage.location.strip("/")
    return f"{location}/{name}" if location else name
