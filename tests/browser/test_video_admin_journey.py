"""A trainer sees the video list follow the conversion."""

import pytest
from django.utils import translation

from tests.factories import UserFactory
from tests.factories.accounts import PASSWORD
from videos.enums import VideoStatus
from videos.models import Video

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("restored_db")]


def log_in_to_admin(page, base, user):
    page.goto(f"{base}/fr/accounts/login/?next=/admin/")
    page.fill("input[name=login]", user.email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url(base + "/admin/")


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
