"""Resumable uploads: chunks to disk in the embedded profile, presigned multipart parts in the S3 profile."""

import http.client
import json
import os
from datetime import timedelta
from urllib.parse import parse_qs, urlparse

import pytest
from django.core.files.storage import default_storage
from django.utils import timezone

from tests.factories import UserFactory
from videos import uploads
from videos.enums import VideoStatus
from videos.models import Upload, Video

pytestmark = pytest.mark.django_db
ON_S3 = bool(os.environ.get("AWS_STORAGE_BUCKET_NAME"))
disk_only = pytest.mark.skipif(ON_S3, reason="the S3 profile uploads parts to the bucket")
s3_only = pytest.mark.skipif(not ON_S3, reason="needs the S3 endpoint (scale-out profile)")
START = "/admin/videos/uploads/"


@pytest.fixture
def trainer(client):
    user = UserFactory(groups=["Trainers"])
    client.force_login(user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return user


def start(client, name, size):
    return client.post(START, json.dumps({"name": name, "size": size}), content_type="application/json")


def put_chunk(client, upload_id, data, offset, total, **headers):
    return client.put(
        f"{START}{upload_id}/chunk/",
        data,
        content_type="application/octet-stream",
        headers={"Content-Range": f"bytes {offset}-{offset + len(data) - 1}/{total}", **headers},
    )


def add_video(client, upload_id, title="Envoyée en morceaux"):
    return client.post(
        "/admin/snippets/videos/video/add/",
        {
            "title": title,
            "language": "fr",
            "upload": upload_id,
            "captions-TOTAL_FORMS": "0",
            "captions-INITIAL_FORMS": "0",
            "captions-MIN_NUM_FORMS": "0",
            "captions-MAX_NUM_FORMS": "1000",
        },
    )


def stored_bytes(name):
    with default_storage.open(name, "rb") as handle:
        return handle.read()


@disk_only
def test_a_cut_connection_resumes_where_it_stopped_and_the_video_is_converted(
    client, trainer, media_files, settings, django_capture_on_commit_callbacks
):
    settings.VIDEO_UPLOAD_CHUNK_BYTES = 8 * 1024
    content = media_files["small"].read_bytes()
    assert len(content) > 3 * settings.VIDEO_UPLOAD_CHUNK_BYTES
    state = start(client, "../../etc/ma leçon.webm", len(content)).json()
    assert (state["mode"], state["received"], state["chunk_size"]) == ("chunks", 0, 8 * 1024)
    upload_id, size = state["id"], state["chunk_size"]

    assert put_chunk(client, upload_id, content[:size], 0, len(content)).json() == {"received": size}
    # The connection drops in the middle of the second chunk: the server keeps only the first one.
    with pytest.raises(uploads.UploadError):
        uploads.write_chunk(Upload.objects.get(pk=upload_id), size, size, len(content), _Truncated(content[size:], 100))
    assert client.get(f"{START}{upload_id}/").json()["received"] == size
    # A chunk sent twice (the answer was lost) is refused with the server's position, and nothing is written twice.
    repeated = put_chunk(client, upload_id, content[:size], 0, len(content))
    assert (repeated.status_code, repeated.json()["received"]) == (409, size)

    offset = size
    while offset < len(content):
        answer = put_chunk(client, upload_id, content[offset : offset + size], offset, len(content))
        assert answer.status_code == 200, answer.json()
        offset = answer.json()["received"]
    done = client.post(f"{START}{upload_id}/complete/").json()
    assert done["complete"] and done["received"] == len(content)

    with django_capture_on_commit_callbacks(execute=True):
        response = add_video(client, upload_id)
    assert response.status_code == 302
    video = Video.objects.get(title="Envoyée en morceaux")
    assert (video.status, video.original_name, video.original_bytes) == (
        VideoStatus.READY,
        "ma leçon.webm",
        len(content),
    )
    assert video.original.name.startswith("videos/originals/") and ".." not in video.original.name
    assert stored_bytes(video.original.name) == content
    assert not Upload.objects.exists()
    # The same upload cannot give its file to a second video.
    again = add_video(client, upload_id, title="Copie")
    assert again.status_code == 200 and "The uploaded file was not found" in again.content.decode()


class _Truncated:
    """A request body that ends early, like a connection cut mid-chunk."""

    def __init__(self, data, keep):
        self.data, self.keep, self.sent = data, keep, False

    def read(self, n):
        if self.sent:
            return b""
        self.sent = True
        return self.data[: min(n, self.keep)]


@disk_only
def test_chunks_that_do_not_fit_are_refused_with_a_clear_error(client, trainer, settings):
    settings.VIDEO_UPLOAD_CHUNK_BYTES = 10
    upload_id = start(client, "a.mp4", 25).json()["id"]
    cases = [
        (put_chunk(client, upload_id, b"x" * 10, 10, 25), 409),  # not where the server stands
        (put_chunk(client, upload_id, b"x" * 10, 0, 26), 400),  # another total size
        (put_chunk(client, upload_id, b"x" * 5, 0, 25), 400),  # a short chunk that is not the last
        (put_chunk(client, upload_id, b"x" * 11, 0, 25), 400),  # longer than a chunk
        (client.put(f"{START}{upload_id}/chunk/", b"x" * 10, content_type="application/octet-stream"), 400),
        (put_chunk(client, upload_id, b"x" * 10, 0, 25, **{"Content-Range": "bytes 0-9999999999999999/25"}), 400),
        (client.post(f"{START}{upload_id}/complete/"), 409),  # nothing received yet
    ]
    for response, status in cases:
        assert response.status_code == status and response.json()["error"]
    assert Upload.objects.get(pk=upload_id).received == 0
    assert put_chunk(client, upload_id, b"x" * 10, 0, 25).status_code == 200


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        ({"name": "notes.txt", "size": 10}, 400, "Upload an MP4, MOV, 3GP, MKV or WebM video."),
        ({"name": "a.mp4", "size": 0}, 400, "The file is empty."),
        ({"name": "a.mp4", "size": "12"}, 400, "The file size is missing or invalid."),
        ({"name": "a.mp4", "size": True}, 400, "The file size is missing or invalid."),
        ({"name": "a.mp4", "size": -5}, 400, "The file size is missing or invalid."),
        ({"name": "a.mp4", "size": 3 * 1024**3}, 400, "The file is too large (3.0\xa0GB); the limit is 2.0\xa0GB."),
        ([1, 2], 400, "The request is not valid JSON."),
    ],
)
def test_starting_an_upload_checks_name_and_size(client, trainer, body, status, message):
    response = client.post(START, json.dumps(body), content_type="application/json")
    assert (response.status_code, response.json()["error"]) == (status, message)
    assert not Upload.objects.exists()


def test_malformed_and_oversized_requests_are_refused(client, trainer):
    assert client.post(START, b"{not json", content_type="application/json").status_code == 400
    assert client.post(START, b"{" + b" " * 20000 + b"}", content_type="application/json").status_code == 413
    assert client.get(START).status_code == 405
    for content_type in ("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"):
        refused = client.post(START, b'{"name": "a.mp4", "size": 10}', content_type=content_type)
        assert (refused.status_code, refused.json()["error"]) == (
            415,
            "Send the request as JSON (Content-Type: application/json).",
        ), content_type
    assert not Upload.objects.exists()
    assert client.get(f"{START}not-a-uuid/", follow=True).status_code == 404


def test_a_user_may_hold_only_a_few_unfinished_uploads(client, trainer, settings):
    for _ in range(settings.VIDEO_UPLOADS_OPEN_PER_USER):
        assert start(client, "a.mp4", 10).status_code == 200
    refused = start(client, "a.mp4", 10)
    assert refused.status_code == 429 and "too many uploads in progress" in refused.json()["error"]


def test_uploads_belong_to_their_uploader_and_only_trainers_upload(client, trainer):
    upload_id = start(client, "a.mp4", 10).json()["id"]
    client.force_login(UserFactory(groups=["Trainers"]))
    assert client.get(f"{START}{upload_id}/").status_code == 404
    assert put_chunk(client, upload_id, b"x" * 10, 0, 10).status_code == 404
    assert client.post(f"{START}{upload_id}/parts/", {"parts": [1]}, content_type="application/json").status_code == 404
    assert client.delete(f"{START}{upload_id}/").status_code == 404
    assert add_video(client, upload_id).status_code == 200  # "not found" on the form: someone else's upload
    client.force_login(UserFactory(groups=["Editors"]))
    assert start(client, "a.mp4", 10).status_code == 403
    client.logout()
    assert start(client, "a.mp4", 10).status_code == 302  # to the login page
    assert Upload.objects.count() == 1


def test_cancelling_and_expiry_delete_the_bytes(client, trainer, settings):
    cancelled = start(client, "a.mp4", 10).json()["id"]
    assert client.delete(f"{START}{cancelled}/").json() == {"deleted": True}
    old = Upload.objects.get(pk=start(client, "b.mp4", 10).json()["id"])
    fresh = start(client, "c.mp4", 10).json()["id"]
    Upload.objects.filter(pk=old.pk).update(created=timezone.now() - timedelta(days=2))
    uploads.sweep_expired()
    assert list(Upload.objects.values_list("pk", flat=True)) == [Upload.objects.get(pk=fresh).pk]
    if ON_S3:
        listed = default_storage.bucket.meta.client.list_multipart_uploads(Bucket=default_storage.bucket.name)
        assert {item["UploadId"] for item in listed.get("Uploads", [])} >= {Upload.objects.get().s3_upload_id}
        assert old.s3_upload_id not in {item["UploadId"] for item in listed.get("Uploads", [])}


def _put(url, data):
    """PUT like a browser sending a Blob: no Content-Type (urllib would claim a form)."""
    parsed = urlparse(url)
    connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=30)
    try:
        connection.request("PUT", f"{parsed.path}?{parsed.query}", body=data)
        return connection.getresponse().status
    finally:
        connection.close()


@s3_only
def test_parts_go_straight_to_s3_with_presigned_urls_bound_to_their_size(
    client, trainer, media_files, settings, django_capture_on_commit_callbacks
):
    settings.VIDEO_UPLOAD_CHUNK_BYTES = 1024  # raised to S3's smallest part
    content = os.urandom(6 * 1024**2)  # two parts: 5 MiB and 1 MiB
    state = start(client, "big.mp4", len(content)).json()
    assert state["mode"] == "s3" and state["chunk_size"] == 5 * 1024**2 and state["parts"] == []
    urls = client.post(f"{START}{state['id']}/parts/", {"parts": [1, 2]}, content_type="application/json").json()[
        "urls"
    ]
    signed = parse_qs(urlparse(urls["1"]).query)
    assert "content-length" in signed["X-Amz-SignedHeaders"][0].split(";")
    assert int(signed["X-Amz-Expires"][0]) <= 900
    assert _put(urls["1"], content[: 5 * 1024**2]) == 200
    # After a cut, the browser asks which parts the bucket holds and sends only the rest.
    assert client.get(f"{START}{state['id']}/").json()["parts"] == [1]
    assert client.post(f"{START}{state['id']}/complete/").status_code == 409
    assert _put(urls["2"], content[5 * 1024**2 :]) == 200
    done = client.post(f"{START}{state['id']}/complete/").json()
    assert done["complete"]
    assert stored_bytes(Upload.objects.get().key) == content
    bad = client.post(f"{START}{state['id']}/parts/", {"parts": [3]}, content_type="application/json")
    assert bad.status_code == 400


@s3_only
def test_a_part_of_the_wrong_size_cancels_the_upload(client, trainer, settings):
    settings.VIDEO_UPLOAD_CHUNK_BYTES = 1024
    state = start(client, "big.mp4", 6 * 1024**2).json()
    upload = Upload.objects.get(pk=state["id"])
    s3 = default_storage.bucket.meta.client
    # A client that ignores the signed size (only possible where the endpoint does not check signatures).
    s3.upload_part(
        Bucket=default_storage.bucket.name,
        Key=uploads.storage.s3_key(upload.key),
        UploadId=upload.s3_upload_id,
        PartNumber=2,
        Body=b"x" * (2 * 1024**2),
    )
    response = client.post(f"{START}{state['id']}/complete/")
    assert response.status_code == 410 and "wrong size" in response.json()["error"]
    assert not Upload.objects.exists()
    listed = s3.list_multipart_uploads(Bucket=default_storage.bucket.name)
    assert upload.s3_upload_id not in {item["UploadId"] for item in listed.get("Uploads", [])}


@s3_only
def test_a_video_sent_to_s3_in_parts_is_converted(client, trainer, media_files, django_capture_on_commit_callbacks):
    content = media_files["small"].read_bytes()
    state = start(client, "leçon.webm", len(content)).json()
    url = client.post(f"{START}{state['id']}/parts/", {"parts": [1]}, content_type="application/json").json()["urls"]
    assert _put(url["1"], content) == 200
    assert client.post(f"{START}{state['id']}/complete/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        assert add_video(client, state["id"]).status_code == 302
    video = Video.objects.get()
    assert video.status == VideoStatus.READY and stored_bytes(video.original.name) == content
