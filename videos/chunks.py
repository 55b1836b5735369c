"""The bytes of an upload sent in chunks to the media folder (embedded profile); uploads.py keeps the count.

Each chunk is first received whole into a private file, then hard-linked into the chunk's slot
(`<id>.chunks/<offset>`). A link never replaces an existing name, so the first complete request for an offset
owns that slot for good and a duplicate can never touch its bytes. Only then are the bytes copied into the
partial file and the count moved forward; a slot that is placed and counted is truncated to an empty marker.

Whatever dies when, the count never passes bytes that were not written: a writer killed while receiving leaves
only its private file; one killed after linking leaves a whole slot, which `recover` copies in and counts.
"""

import contextlib
import os
import re
import shutil
import tempfile
import time

from django.core.files.storage import default_storage

COPY_BLOCK = 1024 * 1024
FOLDER = "videos/uploads"
_ENTRY = re.compile(r"^(?P<id>[0-9a-f]{32})\.(part|chunks)$")


class Incomplete(Exception):
    """The request body ended before the announced length."""


def partial_path(upload):
    return default_storage.path(f"{FOLDER}/{upload.id.hex}.part")


def _slots(upload):
    return default_storage.path(f"{FOLDER}/{upload.id.hex}.chunks")


def _slot(upload, offset):
    return os.path.join(_slots(upload), str(offset))


def receive(upload, offset, length, stream):
    """Take [offset, offset + length) from stream. True if this request's bytes are the ones kept for the range,
    False if another request's complete chunk holds it already."""
    os.makedirs(_slots(upload), exist_ok=True)
    descriptor, incoming = tempfile.mkstemp(dir=_slots(upload), prefix=f"{offset}-", suffix=".incoming")
    try:
        with os.fdopen(descriptor, "w+b") as handle:
            remaining = length
            while remaining:
                block = stream.read(min(COPY_BLOCK, remaining))
                if not block:
                    raise Incomplete
                handle.write(block)
                remaining -= len(block)
            handle.flush()
            try:
                os.link(incoming, _slot(upload, offset))
            except FileExistsError:
                return False
            _place(upload, offset, length, handle)
            return True
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.remove(incoming)


def recover(upload, offset, length):
    """Copy a whole chunk left in its slot (its writer died before counting it) into the partial file."""
    try:
        handle = open(_slot(upload, offset), "rb")  # noqa: SIM115 — closed below
    except FileNotFoundError:
        return False
    with handle:
        if os.fstat(handle.fileno()).st_size != length:
            return False  # an empty marker: this chunk was counted already
        _place(upload, offset, length, handle)
    return True


def settle(upload, offset):
    """The chunk is counted: keep its slot as an empty marker, so that a late duplicate still cannot claim it."""
    with contextlib.suppress(FileNotFoundError):
        os.truncate(_slot(upload, offset), 0)


def _place(upload, offset, length, source):
    source.seek(0)
    descriptor = os.open(partial_path(upload), os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        position = 0
        while position < length:
            block = source.read(min(COPY_BLOCK, length - position))
            if not block:
                break  # the slot was emptied while we read: its bytes are in place already
            position += os.pwrite(descriptor, block, offset + position)
    finally:
        os.close(descriptor)


def assemble(upload, target):
    """Move the finished partial file to its stored name; True once the whole file is there (a parallel request
    may have moved it), False if it is gone."""
    os.makedirs(os.path.dirname(target), exist_ok=True)
    try:
        os.replace(partial_path(upload), target)
    except FileNotFoundError:
        with contextlib.suppress(FileNotFoundError):
            return os.path.getsize(target) == upload.size
        return False
    shutil.rmtree(_slots(upload), ignore_errors=True)
    return True


def discard(upload):
    with contextlib.suppress(FileNotFoundError):
        os.remove(partial_path(upload))
    shutil.rmtree(_slots(upload), ignore_errors=True)


def sweep_orphans(known_ids, older_than_seconds):
    """Delete partial files and slot folders whose upload is gone (a request that outlived its cancellation)."""
    folder = default_storage.path(FOLDER)
    try:
        entries = os.listdir(folder)
    except FileNotFoundError:
        return
    cutoff = time.time() - older_than_seconds
    for name in entries:
        match = _ENTRY.match(name)
        path = os.path.join(folder, name)
        if not match or match["id"] in known_ids:
            continue
        with contextlib.suppress(FileNotFoundError):
            if os.lstat(path).st_mtime >= cutoff:
                continue
            if os.path.isdir(path):
                shutil.rmtree(path, ignore_errors=True)
            else:
                os.remove(path)
