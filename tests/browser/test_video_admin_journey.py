"""A trainer on a slow uplink watches the upload move byte by byte, then sees the list follow the conversion."""

import re
import time

import pytest
from django.utils import translation
from django.utils.translation import gettext

from tests.factories import UserFactory
from tests.factories.accounts import PASSWORD
from videos.enums import VideoStatus
from videos.models import Video
from videos.samples import write_test_card

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("restored_db")]
UPLINK_BYTES_PER_SECOND = 60_000  # ~0.5 Mbit/s: a phone's uplink in a small town; ~6 s for the file


def log_in_to_admin(page, base, user):
    page.goto(f"{base}/fr/accounts/login/?next=/admin/")
    page.fill("input[name=login]", user.email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url(base + "/admin/")


def progress_pattern():
    """The admin's French sentence, with a percentage, a speed and a duration where its placeholders are."""
    with translation.override("fr"):
        sentence = gettext("Sending the file… {percent} · {speed} · {left} left")
    assert sentence != "Sending the file… {percent} · {speed} · {left} left"  # it is translated
    pattern = re.escape(sentence)
    for name, value in {
        "percent": r"\d{1,2}\s%",
        "speed": r"\d+(,\d)?\s(ko|Mo)/s",
        "left": r"\d+\s(secondes?|minutes?|heures?)",
    }.items():
        pattern = pattern.replace(re.escape("{" + name + "}"), value)
    return re.compile(pattern)


def test_the_upload_bar_moves_before_the_first_piece_ends_with_speed_and_time_left(
    live_server, page, tmp_path, artifacts
):
    source = write_test_card(tmp_path / "réunion.mp4", width=320, height=180, seconds=4, preset="ultrafast")
    size = source.stat().st_size
    assert size < 5 * 1024**2  # one chunk on disk, one part on S3: today's bar would jump from 0 to 100 %
    trainer = UserFactory(groups=["Trainers"], preferred_language="fr")
    base = live_server.url
    log_in_to_admin(page, base, trainer)
    page.goto(f"{base}/admin/snippets/videos/video/add/")
    page.fill("#id_title", "Réunion du bureau")
    page.select_option("#id_language", "fr")
    page.set_input_files("input[name=original]", str(source))

    pieces_sent = []
    page.on("requestfinished", lambda request: request.method == "PUT" and pieces_sent.append(request.url))
    network = page.context.new_cdp_session(page)
    network.send("Network.enable")
    network.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": 50, "downloadThroughput": -1, "uploadThroughput": UPLINK_BYTES_PER_SECOND},
    )
    page.locator("footer button[type=submit]").first.click()

    bar = page.locator("[data-video-upload-progress]")
    message = page.locator("[data-video-upload-message]")
    seen = []  # (bar value, message) read while the only piece was still on its way
    deadline = time.monotonic() + 60
    while not pieces_sent:
        assert time.monotonic() < deadline, "the file never finished uploading"
        value, text = bar.evaluate("bar => bar.value"), message.inner_text()
        if not pieces_sent:
            seen.append((value, text))
            if 40 < value < 60:
                page.locator("[data-video-upload]").screenshot(path=str(artifacts / "video-upload-progress-fr.png"))
        page.wait_for_timeout(100)
    unthrottled = {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1}
    network.send("Network.emulateNetworkConditions", unthrottled)

    moving = [value for value, _text in seen if 0 < value < 100]
    assert len(set(moving)) >= 3, seen  # it moved, several times, before the piece ended
    pattern = progress_pattern()
    assert any(pattern.fullmatch(text) for _value, text in seen), seen

    page.wait_for_url(re.compile(r".*/admin/snippets/videos/video/(edit/\d+/)?$"), timeout=120_000)
    assert len(pieces_sent) == 1
    video = Video.objects.get(title="Réunion du bureau")
    assert (video.original_name, video.original_bytes) == ("réunion.mp4", size)
    page.goto(f"{base}/admin/snippets/videos/video/edit/{video.pk}/")
    page.screenshot(path=str(artifacts / "video-edit-ready-fr.png"), full_page=True)


def test_the_video_list_follows_the_conversion_without_a_reload(live_server, page, artifacts):
    trainer = UserFactory(groups=["Trainers"], preferred_language="fr")
    checking = Video.objects.create(
        title="Accueillir les adhérents", owner=trainer, original="videos/originals/a.mp4", status=VideoStatus.PROBING
    )
    doomed = Video.objects.create(
        title="Clip abîmé", owner=trainer, original="videos/originals/b.mp4", status=VideoStatus.QUEUED
    )
    with translation.override("fr"):
        labels = {status: str(status.label) for status in VideoStatus}
    base = live_server.url
    log_in_to_admin(page, base, trainer)
    page.goto(f"{base}/admin/snippets/videos/video/")
    page.evaluate("() => { window.sameDocument = true; }")
    row = page.locator(f'[data-video-status-id="{checking.pk}"]')
    assert row.locator("[data-video-status-label]").inner_text() == labels[VideoStatus.PROBING]

    Video.objects.filter(pk=checking.pk).update(status=VideoStatus.TRANSCODING, progress=40)
    row.locator("[data-video-status-label]", has_text=labels[VideoStatus.TRANSCODING]).wait_for()
    assert row.locator("[data-video-status-progress]").evaluate("bar => bar.value") == 40

    reason = "Le codec vidéo msvideo1 n'est pas accepté."
    Video.objects.filter(pk=checking.pk).update(status=VideoStatus.READY, progress=100)
    Video.objects.filter(pk=doomed.pk).update(status=VideoStatus.FAILED, failure_reason=reason)
    row.locator("[data-video-status-label]", has_text=labels[VideoStatus.READY]).wait_for()
    assert row.locator("[data-video-status-progress]").is_hidden()
    failed = page.locator(f'[data-video-status-id="{doomed.pk}"]')
    failed.locator("[data-video-status-reason]", has_text=reason).wait_for()
    assert failed.locator("[data-video-status-label]").inner_text() == labels[VideoStatus.FAILED]
    assert page.evaluate("() => window.sameDocument") is True  # no reload happened
    page.screenshot(path=str(artifacts / "video-list-live-status-fr.png"))

    # Both are finished: the script has nothing more to ask (so no request is left running at teardown).
    assert page.locator("[data-video-status-finished=false]").count() == 0
