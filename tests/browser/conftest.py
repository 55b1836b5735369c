import os
import threading
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


@pytest.fixture(scope="session")
def playwright_runtime():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in this thread; the ORM calls of the tests stay synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        yield playwright
    del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture(scope="session")
def browser(playwright_runtime):
    browser = playwright_runtime.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


class LiveServerConnections:
    """Counts the live server's open connections, from the moment one is accepted until its thread has finished
    with it (requests on a kept-alive connection included), so that a test's end can wait until none is left."""

    def __init__(self, server):
        self.open = 0
        self.changed = threading.Condition()
        accept, serve = server.process_request, server.process_request_thread

        def process_request(request, address):  # runs in the server's accept loop
            with self.changed:
                self.open += 1
            try:
                accept(request, address)  # starts a thread on server.process_request_thread, below
            except BaseException:
                self._closed()
                raise

        def process_request_thread(request, address):
            try:
                serve(request, address)
            finally:
                self._closed()

        server.process_request, server.process_request_thread = process_request, process_request_thread

    def _closed(self):
        with self.changed:
            self.open -= 1
            self.changed.notify_all()

    def wait_until_idle(self, url, timeout=30):
        # The server accepts connections in order: once this one is answered, every connection the browser opened
        # before it closed has been accepted and counted.
        with urllib.request.urlopen(f"{url}/robots.txt", timeout=timeout) as response:
            response.read()
        with self.changed:
            if not self.changed.wait_for(lambda: self.open == 0, timeout):
                raise AssertionError(f"the live server still has {self.open} connection(s) open")


@pytest.fixture(scope="session")
def live_server_connections(live_server):
    return LiveServerConnections(live_server.thread.httpd)


@pytest.fixture(autouse=True)
def live_server_idle_at_the_end(request):
    """A journey ends when its browser pages are closed (by the `page` fixture, or by the test for its own
    contexts) and the live server has finished every request they made: only then may the database be emptied
    for the next test (a request still reading it made SQLite fail the flush: "database table is locked")."""
    if "live_server" not in request.fixturenames:
        yield
        return
    connections = request.getfixturevalue("live_server_connections")
    yield
    if "browser" in request.fixturenames:  # contexts a failed journey could not close
        for context in request.getfixturevalue("browser").contexts:
            context.close()
    connections.wait_until_idle(request.getfixturevalue("live_server").url)


@pytest.fixture
def artifacts():
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def csp_violations():
    return []


@pytest.fixture
def page(browser, csp_violations):
    context = browser.new_context(locale="ar-DZ", viewport={"width": 412, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)

    def record_csp_violation(message):
        if "Content Security Policy" in message.text:
            csp_violations.append(message.text)

    page.on("console", record_csp_violation)
    yield page
    context.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep a screenshot of the page a failing journey was on."""
    outcome = yield
    report = outcome.get_result()
    page = item.funcargs.get("page") if hasattr(item, "funcargs") else None
    if report.when == "call" and report.failed and page is not None:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"failed-{item.name}.png"), full_page=True)


def log_in(page, base_url, email, password, language="fr", next_url="", landing=None):
    """Sign in through the site's login page; wait for the landing page when given."""
    page.goto(f"{base_url}/{language}/accounts/login/{next_url}")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", password)
    page.locator("form.form button[type=submit]").click()
    if landing is not None:
        page.wait_for_url(base_url + landing)
