"""A trainee follows a course in Arabic; a trainer builds one in the admin and submits it for moderation."""

import re

import pytest
from django.core.management import call_command

from courses.models import CourseIndexPage, CoursePage, LessonPage
from tests.browser.conftest import log_in as browser_log_in

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("restored_db")]


def log_in(page, base_url, email, password, language="ar", next_url=""):
    browser_log_in(page, base_url, email, password, language, next_url)


def test_trainee_enrols_marks_a_lesson_done_and_continues_later(live_server, browser, page, artifacts, csp_violations):
    call_command("seed_demo", verbosity=0)
    base = live_server.url
    log_in(page, base, "trainee@tadrib.dz", "Tadrib-Trainee-2026")
    page.wait_for_url(base + "/ar/")

    page.get_by_role("link", name="الدورات", exact=True).first.click()
    page.get_by_role("link", name="تسيير جمعية").click()
    page.locator("form[action$='/enrol/'] button").click()
    page.locator(".enrolment-box a.button").click()  # start the course
    page.wait_for_url(re.compile(r".*/lesson-1-1/$"))
    assert page.locator("h1").inner_text() == "القانون الأساسي للجمعية"

    page.locator("form[action$='/done/'] button").click()
    page.wait_for_url(re.compile(r".*/lesson-1-2/$"))
    page.locator(".breadcrumb a").first.click()
    assert "1/7" in page.locator(".enrolment-box .progress__label").inner_text()  # 6 lessons and the quiz
    page.screenshot(path=str(artifacts / "course-ar.png"), full_page=True)
    page.goto(base + "/ar/learning/")
    assert "1/7" in page.locator(".learning-item .progress__label").first.inner_text()
    assert csp_violations == []

    later = browser.new_context(locale="ar-DZ").new_page()  # another day, another browser session
    log_in(later, base, "trainee@tadrib.dz", "Tadrib-Trainee-2026")
    later.wait_for_url(base + "/ar/")
    later.goto(base + "/ar/learning/")
    later.locator(".learning-item a.button").first.click()
    later.wait_for_url(re.compile(r".*/lesson-1-2/$"))
    assert later.locator("h1").inner_text() == "الجمعية العامة"
    later.context.close()


def test_trainer_creates_a_course_with_a_lesson_and_submits_it(live_server, page, artifacts):
    call_command("seed_demo", verbosity=0)
    base = live_server.url
    catalogue = CourseIndexPage.objects.get(locale__language_code="fr")
    log_in(page, base, "trainer@tadrib.dz", "Tadrib-Trainer-2026", "fr", "?next=/admin/")
    page.wait_for_url(base + "/admin/")

    page.goto(f"{base}/admin/pages/add/courses/coursepage/{catalogue.pk}/")
    page.fill("#id_title", "Communiquer avec les adhérents")
    page.fill("#id_summary", "Lettres, réunions et réseaux sociaux pour garder le lien avec les membres.")
    page.locator("[role=tab]").nth(2).click()  # Promote
    page.fill("#id_slug", "communiquer")
    page.locator("footer button.action-save").first.click()
    page.wait_for_url(re.compile(r".*/admin/pages/\d+/edit/$"))
    course = CoursePage.objects.get(title="Communiquer avec les adhérents")

    page.goto(f"{base}/admin/pages/add/courses/lessonpage/{course.pk}/")
    page.fill("#id_title", "Préparer une lettre d'information")
    page.locator("[role=tab]").nth(1).click()  # Promote
    page.fill("#id_slug", "lettre")
    page.locator("footer button.action-save").first.click()
    page.wait_for_url(re.compile(r".*/admin/pages/\d+/edit/$"))
    assert LessonPage.objects.child_of(course).filter(title="Préparer une lettre d'information").exists()

    page.goto(f"{base}/admin/pages/{course.pk}/edit/")
    page.locator("footer .w-dropdown-button .w-dropdown__toggle").first.click()  # "More actions"
    page.locator("button[name=action-submit]").click()
    page.wait_for_load_state()
    page.screenshot(path=str(artifacts / "trainer-admin.png"))
    course.refresh_from_db()
    assert course.current_workflow_state is not None and course.current_workflow_state.status == "in_progress"
    assert not course.live
