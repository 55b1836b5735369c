"""A trainee on a weak link plays a lesson video in Arabic on a 360 px phone: the player decides before play what to
fetch, switches to sound only and back without losing the place, and remembers the choice."""

import re
import time
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

from courses.models import LessonPage, LessonProgress
from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("restored_db")]
# A weak link as the browser reports it (navigator.connection says 3g): 300 ms round trips, 100 kB/s.
WEAK_LINK = {"offline": False, "latency": 300, "downloadThroughput": 100_000, "uploadThroughput": 100_000}
# Counts the times the player's clock went back while the learner did not seek, and remembers each source.
PROBE = """
window.__player = {jumpsBack: 0, last: 0, sources: []};
document.addEventListener("DOMContentLoaded", function () {
  var video = document.querySelector("[data-player] video");
  if (!video) return;
  video.addEventListener("timeupdate", function () {
    var probe = window.__player;
    if (video.currentTime < probe.last - 0.5 && !video.closest("[data-switching]")) probe.jumpsBack += 1;
    if (!video.closest("[data-switching]")) probe.last = video.currentTime;
  });
  video.addEventListener("loadstart", function () { window.__player.sources.push(video.currentSrc); });
});
"""


def wait_for(page, expression, expected, timeout=30):
    """Poll a value in the page until it satisfies expected (the site's CSP forbids wait_for_function's eval)."""
    deadline = time.monotonic() + timeout
    value = None
    while time.monotonic() < deadline:
        value = page.evaluate(expression)
        if expected(value):
            return value
        page.wait_for_timeout(100)
    raise AssertionError(f"{expression} stayed {value!r}")


def play(page):
    page.evaluate("document.querySelector('[data-player] video').muted = true")
    page.evaluate("document.querySelector('[data-player] video').play().catch(() => {})")


@pytest.fixture
def phone(browser, csp_violations):
    context = browser.new_context(locale="ar-DZ", viewport={"width": 360, "height": 640}, is_mobile=True)
    context.add_init_script(PROBE)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.on("console", lambda message: "Content Security Policy" in message.text and csp_violations.append(message))
    yield page
    context.close()


def test_trainee_on_a_weak_link_plays_one_file_switches_to_sound_only_and_resumes(live_server, phone, csp_violations):
    call_command("seed_demo", verbosity=0)  # the queue runs inline in tests: the demo videos are converted
    lesson = LessonPage.objects.get(slug="lesson-1-2", locale__language_code="ar")
    base = live_server.url
    log_in(phone, base, "trainee@tadrib.dz", "Tadrib-Trainee-2026", language="ar", landing="/ar/")
    phone.goto(base + lesson.get_parent().get_parent().url)
    phone.locator("form[action$='/enrol/'] button").click()
    cdp = phone.context.new_cdp_session(phone)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", WEAK_LINK)
    media = []
    phone.on("request", lambda request: "/media/videos/" in request.url and media.append(request.url.rsplit("/", 2)))
    scripts = []
    phone.on("request", lambda request: request.resource_type == "script" and scripts.append(request.url))

    phone.goto(base + lesson.url)
    # Before play: the menu and the saver show, each with its cost in megabytes, and nothing is downloaded yet.
    controls = phone.locator(".player__controls")
    assert controls.is_visible()
    options = phone.locator("[data-quality] option").all_inner_texts()
    assert options[0] == "تلقائي (حسب اتصالك)" and [re.sub(r"[\d,]+", "N", o) for o in options[1:]] == [
        "دقة Np · N ميغابايت",
        "دقة Np · N ميغابايت",
    ]
    assert options[1].startswith("دقة 360p") and options[2].startswith("دقة 240p")
    assert re.fullmatch(
        r"توفير البيانات: الصوت فقط \([\d,]+ ميغابايت\)", phone.locator(".player__saver").inner_text().strip()
    )
    assert phone.locator("[data-player]").get_attribute("data-source") == "240p"  # 3g: one small file
    assert [name for *_, name in media if name != "poster.jpg"] == []

    play(phone)
    wait_for(phone, "document.querySelector('[data-player] video').currentTime", lambda t: t >= 2)
    assert {name for *_, name in media} == {"poster.jpg", "download.mp4"}  # no playlist, no hls.js
    assert not any("hls" in url for url in scripts)

    # The data saver mid-play: sound only, from where the learner was, with no step back.
    before = phone.evaluate("document.querySelector('[data-player] video').currentTime")
    phone.locator("[data-saver]").check()
    wait_for(phone, "document.querySelector('[data-player]').dataset.source", lambda s: s == "sound")
    after = wait_for(phone, "document.querySelector('[data-player] video').currentTime", lambda t: t >= before + 1)
    assert after >= before and media[-1][-1] == "audio.m4a"
    assert phone.locator("[data-quality]").is_disabled()
    with phone.expect_response(re.compile(r"/learning/lessons/\d+/position/$")) as beacon:
        phone.evaluate("document.querySelector('[data-player] video').pause()")
    assert beacon.value.status == 200
    saved = LessonProgress.objects.get(user__email="trainee@tadrib.dz", lesson=lesson).position_seconds
    assert saved >= int(before)  # the real position, not the new source's zero

    # Next visit: the saver is remembered and decides before play; the lesson resumes where it stopped.
    phone.reload()
    assert phone.locator("[data-saver]").is_checked()
    assert phone.locator("[data-player]").get_attribute("data-source") == "sound"
    media.clear()
    play(phone)
    resumed = wait_for(phone, "document.querySelector('[data-player] video').currentTime", lambda t: t >= saved)
    assert resumed < saved + 5 and {name for *_, name in media} <= {"audio.m4a", "poster.jpg"}

    # Back to pictures at 360p, chosen by hand: the stream of that quality alone, from the same place.
    phone.locator("[data-saver]").uncheck()
    phone.locator("[data-quality]").select_option("360p")
    wait_for(phone, "document.querySelector('[data-player]').dataset.source", lambda s: s == "360p")
    wait_for(phone, "document.querySelector('[data-player] video').currentTime", lambda t: t >= resumed + 1)
    assert ["360p", "index.m3u8"] in [parts[-2:] for parts in media]
    assert not any(parts[-2] == "240p" or parts[-1] == "master.m3u8" for parts in media)
    assert phone.evaluate("window.__player.jumpsBack") == 0
    assert wait_for(phone, "document.querySelector('.player__still').hidden", bool)  # the held picture went away
    phone.reload()
    assert phone.locator("[data-quality]").input_value() == "360p"  # the last choice is remembered
    assert csp_violations == []


# A link the browser reports as fast (and no native HLS, as on most browsers: the player uses hls.js wherever
# MediaSource exists).
NO_NATIVE_HLS_FAST_LINK = """
Object.defineProperty(navigator, "connection", {value: {effectiveType: "4g", downlink: 10, saveData: false}});
var canPlayType = HTMLMediaElement.prototype.canPlayType;
HTMLMediaElement.prototype.canPlayType = function (type) {
  return /mpegurl/i.test(type) ? "" : canPlayType.call(this, type);
};
"""


@pytest.fixture
def two_rung_lesson(tmp_path):
    from django.core.files import File

    from courses.enums import Access
    from courses.models import CourseIndexPage
    from tests.factories import UserFactory, build_course
    from videos import services as videos
    from videos.models import Video
    from videos.samples import write_test_card

    source = write_test_card(tmp_path / "lesson.mp4", width=640, height=360, seconds=8, preset="ultrafast")
    with source.open("rb") as handle:
        video = Video.objects.create(title="Le bureau", owner=UserFactory(), original=File(handle, name="lesson.mp4"))
    videos.submit(video)  # no transaction here: the test queue converts it at once
    course, lessons = build_course(
        CourseIndexPage.objects.get(locale__language_code="ar"), lessons=1, access=Access.OPEN
    )
    lesson = LessonPage.objects.get(pk=lessons[0].pk)
    lesson.body = [("video", {"video": video, "caption": ""})]
    lesson.save_revision().publish()
    return lesson


def test_adaptive_playback_fetches_hls_js_only_on_play_and_starts_at_the_lightest_rung(
    live_server, browser, csp_violations, two_rung_lesson
):
    context = browser.new_context(locale="ar-DZ", viewport={"width": 360, "height": 640}, is_mobile=True)
    context.add_init_script(NO_NATIVE_HLS_FAST_LINK)
    page = context.new_page()
    page.on("console", lambda message: "Content Security Policy" in message.text and csp_violations.append(message))
    fetched = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(live_server.url + two_rung_lesson.url)
    assert page.locator("[data-player]").get_attribute("data-source") == "auto"
    assert not any("hls" in url for url in fetched)  # nothing but the poster before play
    play(page)
    wait_for(page, "document.querySelector('[data-player] video').currentTime", lambda t: t >= 1)
    assert any(url.endswith("/vendor/hls/hls.light.min.js") for url in fetched)
    paths = [urlsplit(url).path for url in fetched]  # on S3, presigned bucket addresses with a query
    segments = [path.rsplit("/", 2)[-2] for path in paths if path.endswith(".ts")]
    assert segments[0] == "240p"  # the lightest rung first, and no probe of another rung before it
    assert csp_violations == []
    context.close()
