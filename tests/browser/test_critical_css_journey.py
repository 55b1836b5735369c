"""A trainee on a 360 px phone, in Arabic: the home, course and lesson pages paint from the critical CSS inlined in
their <head> under the strict CSP (no violation), and take the rest of their styles from tadrib.css, which comes
at the end of the <body>; with JavaScript turned off too."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from courses.models import CoursePage, LessonPage
from courses.services import enrol
from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("restored_db")]

PHONE = {"width": 360, "height": 640}
GREEN = "rgb(11, 110, 79)"  # --green, which only critical.css gives the header (a rule lives in one file)
# (page, an element and a property styled by tadrib.css alone, its value once tadrib.css applies)
REST_OF_THE_CSS = {
    "home": (".cards", "display", "grid"),
    "course": (".syllabus__item", "border-bottom-width", "1px"),
    "lesson": (".lesson__footer", "display", "grid"),
}


def computed(page, selector, name):
    return page.locator(selector).first.evaluate("(element, name) => getComputedStyle(element)[name]", name)


def check_styled(page, name):
    assert computed(page, ".site-header", "background-color") == GREEN, name
    assert computed(page, "body", "margin") == "0px", name
    selector, css_property, value = REST_OF_THE_CSS[name]
    assert computed(page, selector, css_property) == value, name


def test_learner_pages_paint_from_the_inlined_css_without_csp_violation(
    live_server, browser, page, artifacts, csp_violations
):
    call_command("seed_demo", verbosity=0)
    base = live_server.url
    course = CoursePage.objects.get(slug="managing-an-association", locale__language_code="ar")
    lesson = LessonPage.objects.descendant_of(course).get(slug="lesson-1-2")  # the one with a video
    enrol(get_user_model().objects.get(email="trainee@tadrib.dz"), course)
    pages = {"home": base + "/ar/", "course": base + course.url, "lesson": base + lesson.url}

    page.set_viewport_size(PHONE)
    log_in(page, base, "trainee@tadrib.dz", "Tadrib-Trainee-2026", "ar", landing="/ar/")
    for name, url in pages.items():
        page.goto(url)  # returns at the load event: tadrib.css is in by then
        assert page.locator("html").get_attribute("dir") == "rtl"
        check_styled(page, name)
    assert page.locator("[data-player] video").is_visible()
    page.screenshot(path=str(artifacts / "lesson-ar-360.png"))
    assert csp_violations == []

    # Nothing in how the styles load needs JavaScript.
    context = browser.new_context(locale="ar-DZ", viewport=PHONE, java_script_enabled=False)
    without_javascript = context.new_page()
    violations = []
    without_javascript.on("console", lambda message: violations.append(message.text))
    for name in ("home", "course"):
        without_javascript.goto(pages[name])
        check_styled(without_javascript, name)
    context.close()
    assert [text for text in violations if "Content Security Policy" in text] == []
