import os
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
