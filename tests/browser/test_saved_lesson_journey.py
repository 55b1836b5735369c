"""A trainee saves a video lesson on her Arabic phone, loses the link, watches it and marks it done; back online the
server has her progress once; "My offline lessons" lists the lesson with its size, and deleting it frees the space."""

import re

import pytest
from django.core.files import File

from courses import services as courses
from courses.enums import Access
from courses.models import CourseIndexPage, Enrolment, LessonPage, LessonProgress
from offline.middleware import cache_key
from tests.browser.app_shell import open_phone, poll, wait_until_controlled
from tests.browser.conftest import log_in
from tests.factories import UserFactory, build_course
from tests.factories.accounts import PASSWORD
from videos import services as videos
from videos.models import Video
from videos.samples import write_test_card

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("restored_db")]


@pytest.fixture
def phone(browser, csp_violations):
    yield from open_phone(browser, csp_violations)


@pytest.fixture
def video_lesson(tmp_path):
    source = write_test_card(tmp_path / "lesson.mp4", width=320, height=180, seconds=6, preset="ultrafast")
    with source.open("rb") as handle:
        video = Video.objects.create(title="Le bureau", owner=UserFactory(), original=File(handle, name="lesson.mp4"))
    videos.submit(video)  # no transaction here: the test queue converts it at once
    course, lessons = build_course(
        CourseIndexPage.objects.get(locale__language_code="ar"), lessons=2, access=Access.ENROLMENT
    )
    lesson = LessonPage.objects.get(pk=lessons[0].pk)
    lesson.body = [("video", {"video": video, "caption": ""})]
    lesson.save_revision().publish()
    learner = UserFactory(preferred_language="ar")
    Enrolment.objects.create(user=learner, course=course)
    return learner, lesson, video


def test_a_saved_lesson_plays_offline_and_its_progress_arrives_once(live_server, phone, video_lesson, csp_violations):
    learner, lesson, video = video_lesson
    base = live_server.url
    page = phone
    lessons_cache = f"tadrib-lessons-{cache_key(learner)}"
    saved_files = (
        f"async () => (await (await caches.open({lessons_cache!r})).keys()).map((r) => new URL(r.url).pathname).sort()"
    )
    log_in(page, base, learner.email, PASSWORD, language="ar", landing="/ar/")
    wait_until_controlled(page)
    page.goto(base + lesson.url)
    save = page.locator("[data-save-lesson]")
    size = video.renditions.get(kind="download").bytes
    assert re.fullmatch(r"احفظ هذا الدرس للاستعمال دون اتصال \(\d+,\d ميغابايت\)", save.inner_text())
    save.click()
    status = page.locator(".player__save-status")
    status.filter(has_text="حُفظ على هذا الجهاز").wait_for()
    media = f"/media/videos/{video.pk}"
    everything = sorted(
        [
            lesson.url,
            f"{media}/download.mp4",
            f"{media}/poster.jpg",
            f"/offline/saved-lessons/{lesson.url}",
            "/ar/learning/offline/",
        ]
    )
    assert poll(page, saved_files, everything) == everything

    page.context.set_offline(True)
    page.reload()
    assert page.locator("html").get_attribute("data-tadrib-saved") is not None  # this device's copy
    page.evaluate("document.querySelector('[data-player] video').muted = true")
    page.evaluate("document.querySelector('[data-player] video').play().catch(() => {})")
    poll(page, "() => document.querySelector('[data-player] video').currentTime >= 2")  # plays from the saved file
    page.evaluate("document.querySelector('[data-player] video').pause()")  # its position waits in the queue
    page.locator("form[data-lesson-done] button").click()
    assert page.locator("form[data-lesson-done] button").inner_text().startswith("أُنجز ✓")
    assert not LessonProgress.objects.filter(user=learner).exists()

    page.goto(base + "/ar/learning/offline/")  # kept with the saved lessons: it opens offline too
    item = page.locator("[data-saved-lessons] li")
    item.first.wait_for()
    assert item.count() == 1 and lesson.title in item.inner_text()
    assert re.search(r"\d+,\d ميغابايت", item.inner_text())
    assert "تشغل الدروس المحفوظة" in page.locator("[data-saved-total]").inner_text()

    page.context.set_offline(False)
    page.goto(base + lesson.url)  # any page sends the queue when it opens online
    for _ in range(150):
        progress = LessonProgress.objects.filter(user=learner, lesson=lesson).first()
        if progress and progress.completed_at and progress.position_seconds >= 2:
            break
        page.wait_for_timeout(200)
    else:
        raise AssertionError("the progress made offline never reached the server")
    assert LessonProgress.objects.filter(user=learner).count() == 1

    page.goto(base + "/ar/learning/offline/")
    item.first.wait_for()
    item.locator("button").click()
    poll(page, "() => document.querySelectorAll('[data-saved-lessons] li').length === 0")
    kept = ["/ar/learning/offline/"]
    assert poll(page, saved_files, kept) == kept  # the video went with its lesson; only the list page stays
    assert size > 0 and csp_violations == []


def test_a_lesson_the_server_refuses_is_not_saved(live_server, phone, video_lesson):
    learner, lesson, video = video_lesson
    base = live_server.url
    page = phone
    log_in(page, base, learner.email, PASSWORD, language="ar", landing="/ar/")
    wait_until_controlled(page)
    page.goto(base + lesson.url)
    courses.unenrol(learner, lesson.course)  # left the course in another tab: the media are refused now
    page.locator("[data-save-lesson]").click()
    page.locator(".player__save-status").filter(has_text="تعذّر حفظ الدرس").wait_for()
    cache = f"tadrib-lessons-{cache_key(learner)}"
    kept = page.evaluate(
        f"async () => (await caches.has({cache!r})) ? (await (await caches.open({cache!r})).keys()).length : 0"
    )
    assert kept == 0  # nothing half-saved


def test_a_full_device_is_said_before_any_download_and_nothing_is_kept(
    live_server, browser, csp_violations, video_lesson
):
    learner, lesson, _video = video_lesson
    base = live_server.url
    context = browser.new_context(locale="ar-DZ", viewport={"width": 360, "height": 640})
    # A phone with 0.4 MB left: less than the lesson's MP4 and its page.
    context.add_init_script("navigator.storage.estimate = () => Promise.resolve({quota: 50e6, usage: 49.6e6});")
    page = context.new_page()
    fetched = []
    page.on("request", lambda request: fetched.append(request.url))
    log_in(page, base, learner.email, PASSWORD, language="ar", landing="/ar/")
    wait_until_controlled(page)
    page.goto(base + lesson.url)
    fetched.clear()
    page.locator("[data-save-lesson]").click()
    page.locator(".player__save-status").filter(has_text="لا توجد مساحة كافية").wait_for()
    cache = f"tadrib-lessons-{cache_key(learner)}"
    kept = page.evaluate(
        f"async () => (await caches.has({cache!r})) ? (await (await caches.open({cache!r})).keys()).length : 0"
    )
    assert kept == 0 and not any("/media/videos/" in url for url in fetched)  # said before any download
    context.close()
