"""Resumable uploads of large originals, never held in the web process's memory.

Embedded profile (media on disk): the browser sends numbered chunks that are written in place into a partial file;
the server remembers how many bytes it holds, so after a network cut the browser asks and carries on from there.
S3 profile: the browser sends the parts straight to the bucket with presigned `UploadPart` URLs whose signature
covers the part's exact Content-Length (the size policy); the app lists the parts, checks every size, completes the
multipart upload and checks the stored object's size again.
"""

import contextlib
import os
from datetime import timedelta

from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _

from . import display, storage
from .forms import EXTENSIONS
from .models import Upload, original_path

S3_MIN_PART = 5 * 1024**2
S3_MAX_PARTS = 10_000
COPY_BLOCK = 64 * 1024
PRESIGNED_PART_SECONDS = 15 * 60


class UploadError(Exception):
    def __init__(self, message, status=400, **extra):
        super().__init__(message)
        self.status = status
        self.extra = extra


def on_disk():
    return isinstance(default_storage, FileSystemStorage)


def start(user, name, size):
    name = display.file_name(name)
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in EXTENSIONS:
        raise UploadError(_("Upload an MP4, MOV, 3GP, MKV or WebM video."))
    if not isinstance(size, int) or isinstance(size, bool) or size < 0:
        raise UploadError(_("The file size is missing or invalid."))
    if size == 0:
        raise UploadError(_("The file is empty."))
    if size > settings.VIDEO_MAX_UPLOAD_BYTES:
        raise UploadError(
            _("The file is too large (%(size)s); the limit is %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(settings.VIDEO_MAX_UPLOAD_BYTES)}
        )
    if Upload.objects.filter(owner=user, completed__isnull=True).count() >= settings.VIDEO_UPLOADS_OPEN_PER_USER:
        raise UploadError(_("You have too many unfinished uploads; finish or cancel one first."), status=429)
    chunk = settings.VIDEO_UPLOAD_CHUNK_BYTES
    if not on_disk():
        chunk = max(chunk, S3_MIN_PART, -(-size // S3_MAX_PARTS))
    upload = Upload(owner=user, name=name, size=size, key=original_path(None, name), chunk_size=chunk)
    if not on_disk():
        upload.s3_upload_id = _client().create_multipart_upload(
            Bucket=_bucket(), Key=storage.s3_key(upload.key), ContentType="application/octet-stream"
        )["UploadId"]
    upload.save()
    return upload


def describe(upload):
    """What the browser needs to (re)start: the mode, the chunk size and what the server already holds."""
    state = {
        "id": str(upload.id),
        "mode": "s3" if upload.s3_upload_id else "chunks",
        "size": upload.size,
        "chunk_size": upload.chunk_size,
        "complete": upload.completed is not None,
        "received": upload.received,
    }
    if upload.s3_upload_id and upload.completed is None:
        parts = _good_parts(upload)
        state["parts"] = sorted(parts)
        state["received"] = sum(parts.values())
    return state


def write_chunk(upload, offset, length, total, stream):
    """Write bytes [offset, offset + length) from stream; the chunk must start where the server stands."""
    if upload.s3_upload_id:
        raise UploadError(_("This upload goes to the storage directly."))
    if upload.completed is not None:
        raise UploadError(_("This upload is already complete."), status=409, received=upload.received)
    if total != upload.size:
        raise UploadError(_("The file size does not match the upload."))
    if offset != upload.received:
        raise UploadError(_("The server holds a different part of the file."), status=409, received=upload.received)
    last = offset + length == upload.size
    if length <= 0 or offset + length > upload.size or (length != upload.chunk_size and not last):
        raise UploadError(_("The chunk has the wrong size."))
    path = _partial_path(upload)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.seek(offset)
        remaining = length
        while remaining:
            block = stream.read(min(COPY_BLOCK, remaining))
            if not block:
                raise UploadError(_("The chunk arrived incomplete; send it again."), received=upload.received)
            handle.write(block)
            remaining -= len(block)
    if not Upload.objects.filter(pk=upload.pk, received=offset, completed__isnull=True).update(
        received=offset + length
    ):
        upload.refresh_from_db()
        raise UploadError(_("The server holds a different part of the file."), status=409, received=upload.received)
    upload.received = offset + length
    return upload.received


def presign_parts(upload, numbers):
    if not upload.s3_upload_id or upload.completed is not None:
        raise UploadError(_("This upload takes no more parts."))
    urls = {}
    for number in numbers:
        if not isinstance(number, int) or isinstance(number, bool) or not 1 <= number <= upload.part_count:
            raise UploadError(_("There is no such part."))
        urls[number] = _client().generate_presigned_url(
            "upload_part",
            Params={
                "Bucket": _bucket(),
                "Key": storage.s3_key(upload.key),
                "UploadId": upload.s3_upload_id,
                "PartNumber": number,
                "ContentLength": _part_size(upload, number),
            },
            ExpiresIn=PRESIGNED_PART_SECONDS,
        )
    return urls


def complete(upload):
    if upload.completed is not None:
        return upload
    if upload.s3_upload_id:
        _complete_s3(upload)
    else:
        if upload.received != upload.size:
            raise UploadError(_("Part of the file is still missing."), status=409, received=upload.received)
        target = default_storage.path(upload.key)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        os.replace(_partial_path(upload), target)
    Upload.objects.filter(pk=upload.pk).update(completed=timezone.now(), received=upload.size)
    upload.refresh_from_db()
    return upload


def claim(user, upload_id):
    """Hand a complete upload to one video, once: the Upload row goes, the stored file stays with the video."""
    with transaction.atomic():
        upload = Upload.objects.filter(pk=upload_id, owner=user, completed__isnull=False).first()
        if upload is None or not Upload.objects.filter(pk=upload.pk).delete()[0]:
            return None
    return upload


def abort(upload):
    """Forget an upload and every byte of it."""
    if upload.s3_upload_id and upload.completed is None:
        try:
            _client().abort_multipart_upload(
                Bucket=_bucket(), Key=storage.s3_key(upload.key), UploadId=upload.s3_upload_id
            )
        except _client().exceptions.NoSuchUpload:
            pass
    elif upload.completed is None:
        with contextlib.suppress(FileNotFoundError):
            os.remove(_partial_path(upload))
    else:
        default_storage.delete(upload.key)
    upload.delete()


def sweep_expired():
    """Uploads nobody finished or used within the expiry are deleted with their bytes."""
    cutoff = timezone.now() - timedelta(hours=settings.VIDEO_UPLOAD_EXPIRY_HOURS)
    for upload in Upload.objects.filter(created__lt=cutoff):
        abort(upload)


def _partial_path(upload):
    return default_storage.path(f"videos/uploads/{upload.id.hex}.part")


def _client():
    return default_storage.bucket.meta.client


def _bucket():
    return default_storage.bucket.name


def _part_size(upload, number):
    if number < upload.part_count:
        return upload.chunk_size
    return upload.size - upload.chunk_size * (upload.part_count - 1)


def _listed_parts(upload):
    paginator = _client().get_paginator("list_parts")
    pages = paginator.paginate(Bucket=_bucket(), Key=storage.s3_key(upload.key), UploadId=upload.s3_upload_id)
    return [part for page in pages for part in page.get("Parts", [])]


def _good_parts(upload):
    return {
        part["PartNumber"]: part["Size"]
        for part in _listed_parts(upload)
        if 1 <= part["PartNumber"] <= upload.part_count and part["Size"] == _part_size(upload, part["PartNumber"])
    }


def _complete_s3(upload):
    parts = {part["PartNumber"]: part for part in _listed_parts(upload)}
    wanted = range(1, upload.part_count + 1)
    if any(number not in wanted or parts[number]["Size"] != _part_size(upload, number) for number in parts):
        abort(upload)
        raise UploadError(_("A part of the file has the wrong size; the upload was cancelled."), status=410)
    if set(parts) != set(wanted):
        raise UploadError(_("Part of the file is still missing."), status=409, received=upload.received)
    key = storage.s3_key(upload.key)
    _client().complete_multipart_upload(
        Bucket=_bucket(),
        Key=key,
        UploadId=upload.s3_upload_id,
        MultipartUpload={"Parts": [{"PartNumber": n, "ETag": parts[n]["ETag"]} for n in wanted]},
    )
    stored = _client().head_object(Bucket=_bucket(), Key=key)["ContentLength"]
    if stored != upload.size or stored > settings.VIDEO_MAX_UPLOAD_BYTES:
        _client().delete_object(Bucket=_bucket(), Key=key)
        upload.delete()
        raise UploadError(_("The stored file does not have the announced size; the upload was cancelled."), status=410)
