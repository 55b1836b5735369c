"""Trainees find a seminar by wilaya, register, join the waiting list, cancel and get promoted; the trainer
checks attendance on a phone."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import Wilaya
from seminars.models import Registration
from tests.browser.conftest import log_in as browser_log_in
from tests.factories import UserFactory
from tests.factories.accounts import PASSWORD
from tests.factories.seminars import SeminarIndexPageFactory, build_seminar

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("restored_db")]


def log_in(page, base, user):
    browser_log_in(page, base, user.email, PASSWORD, "fr", landing="/fr/")


def test_register_waitlist_promotion_and_attendance(live_server, browser, page, artifacts, csp_violations, homes):
    index = SeminarIndexPageFactory(parent=homes["fr"], locale=homes["fr"].locale, title="Séminaires")
    # Starting soon: registration is still open and the trainer can take attendance at the door.
    soon = timezone.now() + timedelta(minutes=30)
    tamanrasset = build_seminar(index, title="Journée d’étude à Tamanrasset", capacity=1, starts_at=soon)
    build_seminar(index, title="Séminaire à Oran", wilaya=Wilaya.objects.get(code=31))
    trainer = UserFactory(groups=["Trainers"], preferred_language="fr")
    tamanrasset.trainers.add(trainer)
    tamanrasset.save_revision().publish()
    first, second = UserFactory(preferred_language="fr"), UserFactory(preferred_language="fr")
    base = live_server.url

    log_in(page, base, first)
    page.goto(base + index.url + "?view=list")
    page.select_option("#seminar-wilaya", "11")
    page.locator("form.filters button[type=submit]").click()
    page.wait_for_url("**wilaya=11**")
    assert page.locator(".seminar-card").count() == 1
    page.get_by_role("link", name="Journée d’étude à Tamanrasset").click()
    page.locator("form[action$='/register/'] button").click()
    assert page.locator(".checkin-code svg").is_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Ajouter à mon agenda (.ics)").click()
    assert download.value.path().read_text().startswith("BEGIN:VCALENDAR")
    page.screenshot(path=str(artifacts / "seminar-registered.png"), full_page=True)

    other = browser.new_context(locale="fr-DZ", viewport={"width": 412, "height": 900})
    second_page = other.new_page()
    log_in(second_page, base, second)
    second_page.goto(base + tamanrasset.url)
    second_page.locator("form[action$='/register/'] button").click()
    assert "liste d'attente" in second_page.locator(".enrolment-box").inner_text()

    page.locator("form[action$='/cancel/'] button").click()
    assert Registration.objects.get(user=second).status == "registered"
    second_page.reload()
    assert second_page.locator(".checkin-code svg").is_visible()
    other.close()

    phone = browser.new_context(locale="fr-DZ", viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    trainer_page = phone.new_page()
    log_in(trainer_page, base, trainer)
    trainer_page.goto(f"{base}/fr/seminar/{tamanrasset.pk}/attendance/")
    trainer_page.locator(".checklist input[type=checkbox]").first.check()
    trainer_page.locator("form.form button[type=submit]").click()
    assert Registration.objects.get(user=second).status == "attended"
    width = trainer_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360  # nothing overflows the phone's screen
    trainer_page.screenshot(path=str(artifacts / "seminar-attendance-phone.png"), full_page=True)
    phone.close()
    assert csp_violations == []


def test_the_trainer_scans_a_participant_code_with_the_phone_camera(
    live_server, playwright_runtime, homes, tmp_path, artifacts
):
    """Chromium's fake camera films the participant's QR code; the scanner page checks them in."""
    import subprocess

    from seminars.notices import checkin_png
    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

    index = SeminarIndexPageFactory(parent=homes["fr"], locale=homes["fr"].locale)
    soon = timezone.now() + timedelta(minutes=30)
    seminar = build_seminar(index, title="Journée à Oran", wilaya=Wilaya.objects.get(code=31), starts_at=soon)
    trainer, member = (
        UserFactory(groups=["Trainers"], preferred_language="fr"),
        UserFactory(full_name_latin="Nadia Saidi"),
    )
    seminar.trainers.add(trainer)
    seminar.save_revision().publish()
    from seminars import services

    registration = services.register(member, seminar)
    base = live_server.url
    # The code points at the live server, as a printed code points at the site.
    from django.test import override_settings

    with override_settings(WAGTAILADMIN_BASE_URL=base):
        (tmp_path / "code.png").write_bytes(checkin_png(registration))
    film = tmp_path / "camera.y4m"
    subprocess.run(
        [
            "ffmpeg",
            "-v",
            "error",
            "-y",
            "-loop",
            "1",
            "-i",
            str(tmp_path / "code.png"),
            "-t",
            "3",
            "-vf",
            "scale=480:480,pad=640:480:80:0:white,format=yuv420p",
            "-r",
            "10",
            "-f",
            "yuv4mpegpipe",
            str(film),
        ],
        check=True,
    )
    camera = [
        "--use-fake-ui-for-media-stream",
        "--use-fake-device-for-media-stream",
        f"--use-file-for-fake-video-capture={film}",
    ]
    browser = playwright_runtime.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS + camera)
    try:
        context = browser.new_context(locale="fr-DZ", viewport={"width": 360, "height": 740})
        context.grant_permissions(["camera"], origin=base)
        page = context.new_page()
        log_in(page, base, trainer)
        page.goto(f"{base}/fr/seminar/{seminar.pk}/scan/")
        page.locator("[data-scanner-log] li", has_text="Nadia Saidi").wait_for(timeout=20_000)
        page.screenshot(path=str(artifacts / "seminar-scanner.png"))
    finally:
        browser.close()
    assert Registration.objects.get(user=member).status == "attended"
