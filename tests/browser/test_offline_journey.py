"""A trainee in the far south: reads a lesson again without a connection, meets the offline page for a lesson never
opened, sees the link come back, logs out, and the next person on the phone never sees her pages.

What `context.set_offline(True)` cuts in this Chromium (156, Playwright 1.65): the page's requests and the service
worker's own fetches too (Playwright issue #2311 said otherwise for older versions). The reload below shows it: the
worker marks a page with data-tadrib-saved only after its network fetch failed, so the mark proves the cut; no CDP
Network.emulateNetworkConditions on the worker target and no routing are needed."""

import re

import pytest
from django.core.management import call_command

from accounts.models import User
from courses.models import LessonPage
from offline.middleware import cache_key
from tests.browser.app_shell import banner, open_phone, personal_caches, poll, wait_until_controlled, wait_until_saved
from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("restored_db")]


@pytest.fixture
def phone(browser, csp_violations):
    yield from open_phone(browser, csp_violations)


OFFLINE_HEADING = "غير محفوظة على هذا الجهاز"
SAVED_ON = re.compile(r"^أنت غير متصل بالإنترنت\. حُفظت هذه الصفحة يوم .*\d{4}.*؛ ربما تغيّرت منذ ذلك الحين\.$")


def test_a_saved_lesson_reads_offline_and_the_next_person_never_sees_it(live_server, phone, artifacts, csp_violations):
    call_command("seed_demo", verbosity=0)
    base = live_server.url
    lesson = LessonPage.objects.get(slug="lesson-1-2", locale__language_code="ar")
    unvisited = LessonPage.objects.get(slug="lesson-1-3", locale__language_code="ar")
    course = lesson.get_parent().get_parent()
    trainee = User.objects.get(email="trainee@tadrib.dz")
    page = phone

    log_in(page, base, "trainee@tadrib.dz", "Tadrib-Trainee-2026", language="ar", landing="/ar/")
    wait_until_controlled(page)
    page.goto(base + course.url)
    page.locator("form[action$='/enrol/'] button").click()
    page.goto(base + lesson.url)
    title = page.locator("h1").inner_text()
    wait_until_saved(page, f"tadrib-pages-{cache_key(trainee)}", base + lesson.url)

    page.context.set_offline(True)  # the link drops while she reads
    poll(page, "() => document.querySelector('.app-banner[role=status]').textContent", "أنت غير متصل بالإنترنت.")
    page.reload()
    assert page.locator("h1").inner_text() == title
    assert page.locator("html").get_attribute("data-tadrib-saved")  # from the device's copy
    assert SAVED_ON.match(banner(page).inner_text())
    page.screenshot(path=str(artifacts / "offline-lesson-ar.png"), full_page=True)

    page.goto(base + unvisited.url)  # never opened: the offline page in Arabic, not the browser's error
    assert page.url == base + unvisited.url
    assert page.locator("h1").inner_text() == OFFLINE_HEADING
    assert page.locator("html").get_attribute("lang") == "ar" and page.locator("html").get_attribute("dir") == "rtl"
    page.screenshot(path=str(artifacts / "offline-page-ar.png"), full_page=True)

    page.context.set_offline(False)
    poll(page, "() => document.querySelector('.app-banner[role=status]').textContent", "عاد الاتصال بالإنترنت.")

    # Log out: the page's script forgets her pages; the answer's Clear-Site-Data clears the rest (a probe that only
    # Clear-Site-Data removes shows that this Chromium applied it).
    page.goto(base + lesson.url)
    page.evaluate("async () => { localStorage.setItem('probe', '1'); await caches.open('probe'); }")
    page.locator(".site-header form[action$='/accounts/logout/'] button").click()
    page.wait_for_url(base + "/ar/")
    assert page.locator(".site-header a[href$='/accounts/login/']").count() == 1
    assert personal_caches(page) == []
    assert page.evaluate("async () => !(await caches.has('probe')) && localStorage.getItem('probe') === null")

    # Another member signs in on the same phone, then the link drops: her lesson is not there for him.
    log_in(page, base, "trainer@tadrib.dz", "Tadrib-Trainer-2026", language="ar", landing="/ar/")
    wait_until_controlled(page)  # a new worker: Clear-Site-Data removed the old one with everything else
    trainer = User.objects.get(email="trainer@tadrib.dz")
    page.goto(base + "/ar/learning/")
    wait_until_saved(page, f"tadrib-pages-{cache_key(trainer)}", base + "/ar/learning/")
    page.context.set_offline(True)
    page.goto(base + lesson.url)
    assert page.locator("h1").inner_text() == OFFLINE_HEADING
    assert title not in page.content()
    assert sorted(personal_caches(page)) == [f"tadrib-pages-{cache_key(trainer)}", "tadrib-people"]
    page.context.set_offline(False)
    assert csp_violations == []
