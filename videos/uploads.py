"""Resumable uploads of large originals, never held in the web process's memory.

Embedded profile (media on disk): the browser sends chunks, which chunks.py turns into a partial file; the server
remembers how many bytes it holds, so after a network cut the browser asks and carries on from there.
S3 profile: the browser sends the parts straight to the bucket with presigned `UploadPart` URLs whose signature
covers the part's exact Content-Length (the size policy); the app lists the parts, checks every size, completes the
multipart upload and checks the stored object's size again.
"""

import contextlib
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Coalesce, Now
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _

from . import chunks, display, storage
from .forms import EXTENSIONS
from .models import Upload, original_path

S3_MIN_PART = 5 * 1024**2
S3_MAX_PARTS = 10_000
PRESIGNED_PART_SECONDS = 15 * 60
ORPHAN_GRACE_SECONDS = 3600


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
    chunk = settings.VIDEO_UPLOAD_CHUNK_BYTES
    if not on_disk():
        chunk = max(chunk, S3_MIN_PART, -(-size // S3_MAX_PARTS))
    upload = Upload(owner=user, name=name, size=size, key=original_path(None, name), chunk_size=chunk)
    if not on_disk():
        upload.s3_upload_id = _client().create_multipart_upload(
            Bucket=_bucket(), Key=storage.s3_key(upload.key), ContentType="application/octet-stream"
        )["UploadId"]
    with transaction.atomic():
        # The uploader's row is locked, so parallel starts are counted one after the other.
        list(get_user_model().objects.select_for_update().filter(pk=user.pk).values_list("pk"))
        # A finished upload holds as much space as an unfinished one until a video takes it.
        held = Upload.objects.filter(owner=user, cancelled__isnull=True).count()
        if held < settings.VIDEO_UPLOADS_OPEN_PER_USER:
            upload.save()
    if upload._state.adding:
        _delete_bytes(upload)
        raise UploadError(
            _(
                "You have too many uploads in progress or waiting to be saved as a video; "
                "finish or cancel one, or try again later."
            ),
            status=429,
        )
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
    elif upload.completed is None:
        state["received"] = _catch_up(upload)
    return state


def write_chunk(upload, offset, length, total, stream):
    """Write bytes [offset, offset + length) from stream; the chunk must start where the server stands."""
    if upload.s3_upload_id:
        raise UploadError(_("This upload goes to the storage directly."))
    if upload.completed is not None:
        raise UploadError(_("This upload is already complete."), status=409, received=upload.received)
    if total != upload.size:
        raise UploadError(_("The file size does not match the upload."))
    if offset != _catch_up(upload):
        raise UploadError(_("The server holds a different part of the file."), status=409, received=upload.received)
    last = offset + length == upload.size
    if length <= 0 or offset + length > upload.size or (length != upload.chunk_size and not last):
        raise UploadError(_("The chunk has the wrong size."))
    try:
        kept = chunks.receive(upload, offset, length, stream)
    except chunks.Incomplete as error:
        raise UploadError(_("The chunk arrived incomplete; send it again."), received=upload.received) from error
    except FileNotFoundError as error:  # the upload was cancelled while the chunk arrived
        raise UploadError(_("This upload was cancelled."), status=410) from error
    if not kept:  # another request sent this chunk first: its bytes stay
        raise UploadError(_("The server holds a different part of the file."), status=409, received=_catch_up(upload))
    return _count(upload, offset, length)


def _count(upload, offset, length):
    """Move the count past a chunk whose bytes are in the partial file (once, whoever gets there first)."""
    Upload.objects.filter(pk=upload.pk, received=offset, completed__isnull=True, cancelled__isnull=True).update(
        received=offset + length
    )
    _refresh(upload)
    if upload.received < offset + length:
        raise UploadError(_("This upload was cancelled."), status=410)
    chunks.settle(upload, offset)
    return upload.received


def _catch_up(upload):
    """Count the chunks whose writers died after keeping them; returns the bytes the server holds."""
    _refresh(upload)
    while upload.completed is None and upload.received < upload.size:
        offset = upload.received
        length = min(upload.chunk_size, upload.size - offset)
        if not chunks.recover(upload, offset, length):
            _refresh(upload)  # the slot may be an empty marker because another request has just counted it
            break
        _count(upload, offset, length)
    return upload.received


def _refresh(upload):
    try:
        upload.refresh_from_db(fields=["received", "completed", "cancelled"])
    except Upload.DoesNotExist as error:
        raise UploadError(_("This upload was cancelled."), status=410) from error
    if upload.cancelled is not None:
        raise UploadError(_("This upload was cancelled."), status=410)


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
    elif _catch_up(upload) != upload.size:
        raise UploadError(_("Part of the file is still missing."), status=409, received=upload.received)
    elif not chunks.assemble(upload, default_storage.path(upload.key)):
        _refresh(upload)
        raise UploadError(_("Part of the file is still missing."), status=409, received=upload.received)
    if not Upload.objects.filter(pk=upload.pk, completed__isnull=True, cancelled__isnull=True).update(
        completed=timezone.now(), received=upload.size
    ):
        try:
            _refresh(upload)  # a parallel request completed it, or ...
        except UploadError:
            _delete_bytes(upload)  # ... it was cancelled meanwhile, maybe before its file was there to delete
            raise
    upload.refresh_from_db()
    return upload


def claim(user, upload_id):
    """Hand a complete upload to one video, once: the Upload row goes, the stored file stays with the video."""
    with transaction.atomic():
        upload = Upload.objects.filter(
            pk=upload_id, owner=user, completed__isnull=False, cancelled__isnull=True
        ).first()
        if upload is None or not Upload.objects.filter(pk=upload.pk, cancelled__isnull=True).delete()[0]:
            return None
    return upload


def abort(upload, only_if=None):
    """Forget an upload and every byte of it, unless a video took it first. The row is marked before the bytes
    go and deleted after, so a crash in between leaves a row that the next sweep finishes."""
    still = Q(pk=upload.pk) if only_if is None else Q(pk=upload.pk) & only_if
    if not Upload.objects.filter(still).update(cancelled=Coalesce("cancelled", Now())):
        return False
    _delete_bytes(upload)
    Upload.objects.filter(pk=upload.pk).delete()
    return True


def _delete_bytes(upload):
    if upload.s3_upload_id:
        with contextlib.suppress(_client().exceptions.NoSuchUpload):
            _client().abort_multipart_upload(
                Bucket=_bucket(), Key=storage.s3_key(upload.key), UploadId=upload.s3_upload_id
            )
    else:
        chunks.discard(upload)
    default_storage.delete(upload.key)


def sweep_expired():
    """Uploads nobody finished within a day, or that no video took within a couple of hours of being finished,
    are deleted with their bytes; so are the leftovers of cancellations that were cut short."""
    now = timezone.now()
    expired = (
        Q(completed__isnull=True, created__lt=now - timedelta(hours=settings.VIDEO_UPLOAD_EXPIRY_HOURS))
        | Q(completed__lt=now - timedelta(hours=settings.VIDEO_UPLOAD_UNCLAIMED_HOURS))
        | Q(cancelled__isnull=False)
    )
    for upload in Upload.objects.filter(expired):
        abort(upload, only_if=expired)  # unless a video took it since
    if on_disk():
        known = {upload_id.hex for upload_id in Upload.objects.values_list("id", flat=True)}
        chunks.sweep_orphans(known, ORPHAN_GRACE_SECONDS)


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
        abort(upload)
        raise UploadError(_("The stored file does not have the announced size; the upload was cancelled."), status=410)
