"""A new version of the app: offered in a banner, taken when the reader chooses, never mixed with the old one."""

import pytest
from django.conf import settings
from django.contrib.staticfiles.storage import StaticFilesStorage

from offline.middleware import VISITOR_KEY
from tests.browser.app_shell import banner, open_phone, wait_until_controlled, wait_until_saved, worker_version

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("restored_db")]


@pytest.fixture
def phone(browser, csp_violations):
    yield from open_phone(browser, csp_violations)


def test_a_new_version_waits_for_the_reader_then_takes_over(live_server, phone, settings, artifacts, csp_violations):
    page, base = phone, live_server.url
    page.goto(base + "/ar/")
    wait_until_controlled(page)
    first = worker_version(page)

    settings.OFFLINE_SHELL_RELEASE = "2027.01"  # the live server runs in this process: the next /sw.js differs
    page.reload()  # a navigation: the browser looks for a new worker
    button = page.locator(".app-banner--update button")
    button.wait_for(state="visible")
    assert page.locator(".app-banner--update span").inner_text() == "تتوفّر نسخة جديدة من تدريب."
    assert button.inner_text() == "إعادة التحميل"
    assert worker_version(page) == first  # it waits: this page keeps the worker it was shown with
    page.screenshot(path=str(artifacts / "app-update-ar.png"))

    with page.expect_navigation():
        button.click()
    wait_until_controlled(page)
    second = worker_version(page)
    assert second["release"] == "2027.01" and second["version"] != first["version"]
    assert page.locator(".app-banner--update").inner_text() == ""
    assert csp_violations == []


class ReleaseStampedStorage(StaticFilesStorage):
    """Static URLs that change with each release, as content-hashed ones change with a deployment that changed the
    file (the test settings serve plain, unhashed names)."""

    def url(self, name):
        return f"{super().url(name)}?v={settings.OFFLINE_SHELL_RELEASE or 'first'}"


def test_a_page_saved_under_the_old_version_keeps_its_own_assets(live_server, phone, settings, csp_violations):
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": f"{__name__}.ReleaseStampedStorage"}}
    page, base = phone, live_server.url
    page.goto(base + "/fr/")
    wait_until_controlled(page)
    page.goto(base + "/fr/")  # saved, under the first version, with its assets
    wait_until_saved(page, f"tadrib-pages-{VISITOR_KEY}", base + "/fr/")

    settings.OFFLINE_SHELL_RELEASE = "2027.01"  # every static URL changes
    page.goto(base + "/ar/")
    button = page.locator(".app-banner--update button")
    button.wait_for(state="visible")
    with page.expect_navigation():
        button.click()
    wait_until_controlled(page)
    assert worker_version(page)["release"] == "2027.01"
    assert page.locator("link[rel=stylesheet]").get_attribute("href").endswith("?v=2027.01")

    # The browser's HTTP cache would hide a missing copy: phones evict it soon, Clear-Site-Data empties it.
    page.context.new_cdp_session(page).send("Network.clearBrowserCache")
    page.context.set_offline(True)
    page.goto(base + "/fr/")  # the copy saved under the first version, with the first version's assets only
    assert page.locator("html").get_attribute("data-tadrib-saved")
    static_urls = page.evaluate(
        """() => performance.getEntriesByType("resource").map((entry) => entry.name)
            .filter((name) => name.includes("/static/"))"""
    )
    assert static_urls and all(url.endswith("?v=first") for url in static_urls)
    assert banner(page).inner_text().startswith("Vous êtes hors connexion.")  # its own app.js ran
    assert page.evaluate("() => getComputedStyle(document.querySelector('.app-banner')).backgroundColor") == (
        "rgb(29, 35, 33)"  # and its own tadrib.css (the banner's rules are not in the inlined critical CSS)
    )
    page.context.set_offline(False)
    assert csp_violations == []
