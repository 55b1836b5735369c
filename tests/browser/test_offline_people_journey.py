"""Two people, one phone: a page is never shown to anyone but the person it was saved for, and logging out clears
them even where the browser ignores Clear-Site-Data."""

import threading

import pytest
from django.conf import settings
from django.contrib.auth.signals import user_logged_out
from django.test import Client

from offline.middleware import cache_key, clear_site_data_after_logout
from tests.browser.app_shell import open_phone, personal_caches, wait_until_controlled, wait_until_saved
from tests.browser.conftest import log_in
from tests.factories import UserFactory
from tests.factories.accounts import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("restored_db")]
OFFLINE_HEADING = "غير محفوظة على هذا الجهاز"


@pytest.fixture
def phone(browser, csp_violations):
    yield from open_phone(browser, csp_violations)


def test_when_someone_else_signs_in_the_first_persons_pages_go(live_server, phone, csp_violations):
    first, second = UserFactory(), UserFactory()
    page, base = phone, live_server.url
    log_in(page, base, first.email, PASSWORD, language="ar", landing="/ar/")
    wait_until_controlled(page)
    page.goto(base + "/ar/learning/")
    wait_until_saved(page, f"tadrib-pages-{cache_key(first)}", base + "/ar/learning/")

    # Her session is simply replaced by his (no logout on this phone): the next page names another person.
    client = Client()
    client.force_login(second)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.clear_cookies()
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": base}])
    page.goto(base + "/ar/")
    wait_until_saved(page, f"tadrib-pages-{cache_key(second)}", base + "/ar/")
    assert sorted(personal_caches(page)) == [f"tadrib-pages-{cache_key(second)}", "tadrib-people"]

    page.context.set_offline(True)
    page.goto(base + "/ar/learning/")  # hers was saved, his was not: the offline page
    assert page.locator("h1").inner_text() == OFFLINE_HEADING
    assert page.locator("html").get_attribute("data-tadrib-saved") is None
    page.goto(base + "/ar/")  # his own saved page still reads
    assert page.locator("html").get_attribute("data-tadrib-saved")
    page.context.set_offline(False)
    assert csp_violations == []


@pytest.fixture
def browser_ignoring_clear_site_data():
    """As a browser without Clear-Site-Data sees it: the logout answer does not carry the header."""
    user_logged_out.disconnect(dispatch_uid="offline.clear_site_data")
    yield
    user_logged_out.connect(clear_site_data_after_logout, dispatch_uid="offline.clear_site_data")


@pytest.fixture
def held_logout():
    """The server holds a logout until released, so the caches can be read before the next page loads."""
    arrived, release = threading.Event(), threading.Event()

    def hold(sender, **kwargs):
        arrived.set()
        release.wait(30)

    user_logged_out.connect(hold, weak=False, dispatch_uid="tests.held_logout")
    yield arrived, release
    release.set()
    user_logged_out.disconnect(dispatch_uid="tests.held_logout")


@pytest.mark.usefixtures("browser_ignoring_clear_site_data")
def test_logging_out_clears_the_pages_without_clear_site_data(live_server, phone, held_logout, csp_violations):
    member = UserFactory()
    page, base = phone, live_server.url
    log_in(page, base, member.email, PASSWORD, language="ar", landing="/ar/")
    wait_until_controlled(page)
    page.goto(base + "/ar/learning/")
    wait_until_saved(page, f"tadrib-pages-{cache_key(member)}", base + "/ar/learning/")
    page.evaluate("async () => { await caches.open('probe'); }")  # only Clear-Site-Data would remove it

    other_tab = page.context.new_page()  # reads the site's caches while the first tab is leaving its page
    other_tab.goto(base + "/robots.txt")

    arrived, release = held_logout
    # no_wait_after: the navigation the click starts is held by the server until the caches are read
    page.locator(".site-header form[action$='/accounts/logout/'] button").click(no_wait_after=True)
    assert arrived.wait(15)
    assert personal_caches(other_tab) == []  # the page's script cleared them before it sent the form
    release.set()
    page.wait_for_url(base + "/ar/")
    assert page.locator(".site-header a[href$='/accounts/login/']").count() == 1
    assert page.evaluate("async () => caches.has('probe')")  # no Clear-Site-Data came
    assert f"tadrib-pages-{cache_key(member)}" not in page.evaluate("async () => caches.keys()")
    assert csp_violations == []
