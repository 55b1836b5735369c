import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories import UserFactory
from videos.enums import VideoStatus
from videos.models import Video


@pytest.mark.django_db
def test_trainer_uploads_a_video_in_the_admin_and_it_is_converted(
    client, media_files, django_capture_on_commit_callbacks
):
    trainer = UserFactory(groups=["Trainers"])
    client.force_login(trainer)
    upload = SimpleUploadedFile("ma leçon.webm", media_files["small"].read_bytes(), content_type="video/webm")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/snippets/videos/video/add/",
            {
                "title": "Ma leçon",
                "language": "fr",
                "original": upload,
                "captions-TOTAL_FORMS": "0",
                "captions-INITIAL_FORMS": "0",
                "captions-MIN_NUM_FORMS": "0",
                "captions-MAX_NUM_FORMS": "1000",
            },
        )
    assert response.status_code == 302
    video = Video.objects.get(title="Ma leçon")
    assert (video.owner, video.status, video.original_name) == (trainer, VideoStatus.READY, "ma leçon.webm")
    status = client.get(f"/admin/videos/status/?id={video.pk}").json()["videos"][str(video.pk)]
    assert status == {"status": "ready", "label": status["label"], "progress": 100, "reason": "", "finished": True}
    html = client.get(f"/admin/snippets/videos/video/edit/{video.pk}/").content.decode()
    assert f'data-video-status-id="{video.pk}" data-video-statuses-url="/admin/videos/status/"' in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notes.txt", b"hello", "Upload an MP4, MOV, 3GP, MKV or WebM video."),
        ("empty.mp4", b"", "The submitted file is empty."),
    ],
)
def test_the_upload_form_refuses_bad_files_with_a_clear_error(client, name, content, message):
    client.force_login(UserFactory(groups=["Trainers"]))
    response = client.post(
        "/admin/snippets/videos/video/add/",
        {
            "title": "x",
            "language": "fr",
            "original": SimpleUploadedFile(name, content),
            "captions-TOTAL_FORMS": "0",
            "captions-INITIAL_FORMS": "0",
            "captions-MIN_NUM_FORMS": "0",
            "captions-MAX_NUM_FORMS": "1000",
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Video.objects.exists()


@pytest.mark.django_db
def test_trainers_see_only_their_own_videos_in_the_admin(client, video):
    other = UserFactory(groups=["Trainers"])
    client.force_login(other)
    assert client.get(f"/admin/videos/status/?id={video.pk}").json() == {"videos": {}}  # as if it did not exist
    assert client.get(f"/admin/videos/status/{video.pk}/").status_code == 404  # no per-video address beside the list's
    for action in ("edit", "delete", "history", "usage", "copy"):
        response = client.get(f"/admin/snippets/videos/video/{action}/{video.pk}/")
        assert (response.status_code, response["Location"]) == (302, "/admin/"), action  # Wagtail's refusal
    response = client.post(f"/admin/snippets/videos/video/delete/{video.pk}/")
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert Video.objects.filter(pk=video.pk).exists()
    assert video.title not in client.get("/admin/snippets/videos/video/").content.decode()
    client.force_login(video.owner)
    assert video.title in client.get("/admin/snippets/videos/video/").content.decode()


def _edit_data(video, captions=(), **extra):
    data = {
        "title": video.title,
        "language": video.language or "fr",
        "captions-TOTAL_FORMS": str(len(captions)),
        "captions-INITIAL_FORMS": "0",
        "captions-MIN_NUM_FORMS": "0",
        "captions-MAX_NUM_FORMS": "1000",
        **extra,
    }
    for index, (language, upload) in enumerate(captions):
        data |= {
            f"captions-{index}-language": language,
            f"captions-{index}-file": upload,
            f"captions-{index}-ORDER": "",
        }
    return data


@pytest.mark.django_db
def test_the_trainer_attaches_srt_captions_in_the_edit_form_and_they_become_webvtt(client, video):
    client.force_login(video.owner)
    srt = "1\n00:00:00,500 --> 00:00:02,000\nمرحبا بكم في الدرس\n".encode()
    response = client.post(
        f"/admin/snippets/videos/video/edit/{video.pk}/",
        _edit_data(video, [("ar", SimpleUploadedFile("ar.srt", srt, content_type="application/x-subrip"))]),
    )
    assert response.status_code == 302
    caption = video.captions.get()
    with caption.file.open("rb") as handle:
        assert handle.read().decode() == "WEBVTT\n\n00:00:00.500 --> 00:00:02.000\nمرحبا بكم في الدرس\n"
    assert Video.objects.get(pk=video.pk).is_ready  # adding captions does not convert the video again


@pytest.mark.django_db
def test_bad_captions_in_the_edit_form_get_an_error_and_nothing_is_saved(client, video):
    client.force_login(video.owner)
    response = client.post(
        f"/admin/snippets/videos/video/edit/{video.pk}/",
        _edit_data(video, [("fr", SimpleUploadedFile("fr.srt", b"<script>alert(1)</script>"))], title="Changed"),
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    assert "alert(1)</script>" not in response.content.decode()
    assert not video.captions.exists() and Video.objects.get(pk=video.pk).title == video.title


@pytest.mark.django_db
def test_a_new_file_replaces_the_old_one_and_is_converted_again(
    client, video, media_files, django_capture_on_commit_callbacks
):
    from django.core.files.storage import default_storage

    client.force_login(video.owner)
    old_original, old_prefix = video.original.name, video.output_prefix
    upload = SimpleUploadedFile("nouvelle.webm", media_files["silent_small"].read_bytes())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/snippets/videos/video/edit/{video.pk}/", _edit_data(video, original=upload))
    assert response.status_code == 302
    video.refresh_from_db()
    assert video.is_ready and video.original_name == "nouvelle.webm" and video.output_prefix != old_prefix
    assert not default_storage.exists(old_original)
    assert default_storage.exists(video.original.name)
    assert not video.renditions.filter(kind="audio").exists()  # the new file has no sound
