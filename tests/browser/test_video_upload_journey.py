"""A trainer uploads a video in the admin over a link that drops once: the upload resumes and the video converts."""

import re

import pytest
from django.utils import translation

from tests.factories import UserFactory
from tests.factories.accounts import PASSWORD
from videos.enums import VideoStatus
from videos.models import Upload, Video
from videos.samples import write_test_card

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("restored_db")]


def test_trainer_uploads_through_a_dropped_connection_and_sees_the_video_ready(
    live_server, page, artifacts, settings, tmp_path
):
    settings.VIDEO_UPLOAD_CHUNK_BYTES = 32 * 1024  # several chunks for a small file (S3 parts stay ≥ 5 MiB)
    source = write_test_card(tmp_path / "ma leçon.mp4", width=320, height=180, seconds=4, preset="ultrafast")
    content = source.read_bytes()
    trainer = UserFactory(groups=["Trainers"], preferred_language="fr")
    base = live_server.url

    page.goto(f"{base}/fr/accounts/login/?next=/admin/")
    page.fill("input[name=login]", trainer.email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url(base + "/admin/")

    # The second piece of the file (a chunk, or the S3 part) is lost on the way, once.
    sent = []

    def drop_once(route):
        request = route.request
        if request.method == "PUT":
            sent.append(request.url)
            if len(sent) == min(2, _pieces(content, settings)):
                route.abort("connectionreset")
                return
        route.continue_()

    page.route(re.compile(r".*(/chunk/|partNumber=).*"), drop_once)
    page.goto(f"{base}/admin/snippets/videos/video/add/")
    assert page.locator("[data-video-upload]").is_visible()
    page.fill("#id_title", "Tenir une assemblée générale")
    page.select_option("#id_language", "fr")
    page.set_input_files("input[name=original]", str(source))
    page.locator("footer button[type=submit]").first.click()
    page.wait_for_url(re.compile(r".*/admin/snippets/videos/video/(edit/\d+/)?$"), timeout=120_000)

    video = Video.objects.get(title="Tenir une assemblée générale")
    assert (video.owner, video.original_name) == (trainer, "ma leçon.mp4")
    assert len(sent) == _pieces(content, settings) + 1  # every piece once, the lost one twice
    assert not Upload.objects.exists()
    with video.original.open("rb") as stored:
        assert stored.read() == content
    assert video.status == VideoStatus.READY  # the test queue converts inline, during the form's POST
    page.goto(f"{base}/admin/snippets/videos/video/edit/{video.pk}/")
    with translation.override("fr"):  # the trainer's admin language
        ready = str(VideoStatus.READY.label)
    page.locator("[data-video-status-label]", has_text=ready).wait_for()
    assert page.locator("[data-video-status-progress]").evaluate("bar => bar.value") == 100
    page.screenshot(path=str(artifacts / "trainer-video-upload.png"))


def _pieces(content, settings):
    on_s3 = bool(settings.STORAGES["default"]["BACKEND"].endswith("S3Storage"))
    size = max(settings.VIDEO_UPLOAD_CHUNK_BYTES, 5 * 1024**2) if on_s3 else settings.VIDEO_UPLOAD_CHUNK_BYTES
    return -(-len(content) // size)
