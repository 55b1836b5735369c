"""Helpers for the installable-app journeys: a phone, and waits that poll (the site's CSP forbids the eval behind
Playwright's wait_for_function, so conditions are read with page.evaluate until they hold)."""

import time

PERSONAL_CACHES = "(await caches.keys()).filter((name) => /^tadrib-(pages-|lessons-|people$)/.test(name))"


def open_phone(browser, csp_violations):
    """An Arabic phone, 360 x 640, in a browser context of its own (its own service worker and caches); a generator
    for a fixture that closes it."""
    context = browser.new_context(locale="ar-DZ", viewport={"width": 360, "height": 640})
    page = context.new_page()
    page.set_default_timeout(15_000)

    def record_csp_violation(message):
        if "Content Security Policy" in message.text:
            csp_violations.append(message.text)

    page.on("console", record_csp_violation)
    yield page
    context.close()


def poll(page, script, expected=True, timeout=30):
    """Evaluate `script` until it returns `expected` (True: anything truthy); return the last value."""
    deadline = time.monotonic() + timeout
    value = None
    while time.monotonic() < deadline:
        value = page.evaluate(script)
        if value == expected or (expected is True and value):
            return value
        page.wait_for_timeout(200)
    raise AssertionError(f"{script!r} returned {value!r}, not {expected!r}, within {timeout} s")


def wait_until_controlled(page):
    poll(page, "() => Boolean(navigator.serviceWorker && navigator.serviceWorker.controller)")


def worker_version(page):
    return page.evaluate(
        """() => new Promise((resolve) => {
            const channel = new MessageChannel();
            channel.port1.onmessage = (event) => resolve(event.data);
            navigator.serviceWorker.controller.postMessage({ type: "GET_VERSION" }, [channel.port2]);
        })"""
    )


def wait_until_saved(page, cache_name, url):
    poll(
        page,
        f"""async () => (await caches.has({cache_name!r}))
            && Boolean(await (await caches.open({cache_name!r})).match({url!r}, {{ ignoreVary: true }}))""",
    )


def personal_caches(page):
    return page.evaluate(f"async () => {PERSONAL_CACHES}")


def banner(page):
    return page.locator(".app-banner[role=status]").first
