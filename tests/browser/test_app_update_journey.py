"""A new version of the app: offered in a banner, taken when the reader chooses, never mixed with the old one."""

import pytest

from tests.browser.app_shell import open_phone, wait_until_controlled, worker_version

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
