"""Revocations and limits hold across web processes: two real gunicorn servers on one database and cache.

Each server runs one worker, so a request sent to a server is answered by that process; a browser behind a
load balancer would meet both, in any order.
"""

from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from courses import services
from courses.enums import Access
from courses.models import LessonPage
from tests.factories import UserFactory, build_course
from tests.factories.accounts import PASSWORD
from videos.enums import VideoStatus
from videos.models import Video

from .processes import signed_in

pytestmark = [pytest.mark.slow]

TOO_MANY_LOGINS = "Too many failed login attempts"
WRONG_PASSWORD = "not correct"


def post_form(browser, server, path, data=None):
    """A form post with the CSRF cookie and token a page would have given."""
    token = browser.cookies.get("csrftoken") or "k" * 32
    browser.cookies.set("csrftoken", token, domain="127.0.0.1")
    return browser.post(server.url + path, data=data or {}, headers={"X-CSRFToken": token}, allow_redirects=False)


@pytest.fixture
def lesson_video(restored_db, catalogues):
    """A ready video (its master playlist stored) shown in the one lesson of an enrolment-only course."""
    video = Video.objects.create(title="Vidéo", original="videos/originals/v.webm", status=VideoStatus.READY)
    video.output_prefix = f"videos/{video.pk}/ready"
    video.save()
    default_storage.save(f"{video.output_prefix}/master.m3u8", ContentFile(b"#EXTM3U\n"))
    course, lessons = build_course(catalogues["en"], lessons=1, access=Access.ENROLMENT)
    lesson = LessonPage.objects.get(pk=lessons[0].pk)
    lesson.body = [("video", {"video": video, "caption": ""})]
    lesson.save_revision().publish()
    return course, f"/media/videos/{video.pk}/master.m3u8"


def test_leaving_a_course_on_one_server_cuts_the_video_on_the_other_at_once(start_web_servers, lesson_video):
    course, playlist = lesson_video
    learner = UserFactory()
    services.enrol(learner, course)
    browser = signed_in(learner)
    a, b = start_web_servers(2)
    assert browser.get(a.url + playlist).status_code == 200
    assert browser.get(b.url + playlist).status_code == 200  # B now holds "may watch" in its cache

    assert post_form(browser, a, f"/en/learning/courses/{course.pk}/unenrol/").status_code == 302
    assert browser.get(b.url + playlist).status_code == 403
    assert browser.get(a.url + playlist).status_code == 403

    assert post_form(browser, b, f"/en/learning/courses/{course.pk}/enrol/").status_code == 302
    assert browser.get(a.url + playlist).status_code == 200
    assert browser.get(b.url + playlist).status_code == 200


def test_the_failed_login_limit_holds_at_5_across_two_servers(start_web_servers):
    member = UserFactory()
    a, b = start_web_servers(2)
    browser = requests.Session()

    def log_in(server, password):
        return post_form(browser, server, "/en/accounts/login/", {"login": member.email, "password": password}).text

    for server in (a, b, a, b, a):
        assert WRONG_PASSWORD in log_in(server, "not-the-password")
    assert TOO_MANY_LOGINS in log_in(b, "not-the-password")
    assert TOO_MANY_LOGINS in log_in(b, PASSWORD)  # even the right password waits
    assert TOO_MANY_LOGINS in log_in(a, PASSWORD)


def test_the_verification_limit_holds_at_30_across_two_servers_under_concurrent_requests(start_web_servers):
    a, b = start_web_servers(2)
    path = "/en/verify/AAAAAAAAAAAAAAAAAAAA/"  # an unknown certificate: each check counts all the same

    def check(number):
        return requests.get((a, b)[number % 2].url + path, timeout=30).status_code

    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(check, range(40)))
    assert sorted(statuses) == [404] * 30 + [429] * 10
    assert requests.get(a.url + path, timeout=30).status_code == 429
    assert requests.get(b.url + path, timeout=30).status_code == 429
