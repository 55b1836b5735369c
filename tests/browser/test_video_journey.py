"""A trainee plays a lesson video on a weak link: adaptive playback, data saver, resume after reload."""

import re
import time

import pytest
from django.core.management import call_command

from courses.models import LessonPage

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("restored_db")]


def wait_for_time(page, video, seconds, timeout=30):
    """Poll the player's clock (the site's CSP forbids the eval behind Playwright's wait_for_function)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if video.evaluate("v => v.currentTime") >= seconds:
            return
        page.wait_for_timeout(250)
    raise AssertionError(f"the video did not reach {seconds} s (at {video.evaluate('v => v.currentTime')} s)")


def test_trainee_plays_switches_to_data_saver_and_resumes(live_server, page, artifacts, csp_violations):
    call_command("seed_demo", verbosity=0)  # the queue runs inline in tests: the demo videos are converted
    lesson = LessonPage.objects.get(slug="lesson-1-2", locale__language_code="ar")
    base = live_server.url
    page.goto(f"{base}/ar/accounts/login/")
    page.fill("input[name=login]", "trainee@tadrib.dz")
    page.fill("input[name=password]", "Tadrib-Trainee-2026")
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url(base + "/ar/")
    page.goto(base + lesson.get_parent().get_parent().url)
    page.locator("form[action$='/enrol/'] button").click()

    page.goto(base + lesson.url)
    video = page.locator("[data-player] video")
    video.evaluate("v => { v.muted = true; v.play().catch(() => {}); }")
    wait_for_time(page, video, 3)
    assert page.locator(".player__controls").is_visible()  # hls.js took over: the quality menu shows
    assert "≈" in page.locator("[data-quality]").inner_text()

    page.locator("[data-saver]").check()
    wait_for_time(page, video, 5)
    video.evaluate("v => v.pause()")  # pausing sends the position
    page.wait_for_timeout(1000)
    page.screenshot(path=str(artifacts / "lesson-video-ar.png"), full_page=True)

    page.reload()
    start = float(page.locator("[data-player]").get_attribute("data-start"))
    assert start >= 5
    assert page.locator("[data-saver]").is_checked()  # remembered on this device
    video.evaluate("v => { v.muted = true; v.play().catch(() => {}); }")
    wait_for_time(page, video, start - 1)
    assert csp_violations == []
    assert re.search(r"/lesson-1-2/$", page.url)
