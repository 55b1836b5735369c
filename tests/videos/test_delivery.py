import pytest
from django.test import Client

from courses.enums import Access
from courses.models import Enrolment, LessonPage, LessonProgress
from tests.factories import UserFactory, build_course

MEDIA = ["master.m3u8", "144p/index.m3u8", "144p/segment_00000.ts", "download.mp4", "audio.m4a", "poster.jpg"]


def media_url(video, name):
    return f"/media/videos/{video.pk}/{name}"


def served(name):
    """The answer a viewer gets: the file itself, or on S3 a redirect to a short-lived presigned URL
    (playlists are rewritten here, so they are answered in both profiles)."""
    from django.core.files.storage import FileSystemStorage, default_storage

    return 200 if isinstance(default_storage, FileSystemStorage) or name.endswith(".m3u8") else 302


@pytest.mark.django_db
@pytest.mark.parametrize("name", MEDIA)
def test_strangers_and_anonymous_visitors_get_403(lesson_with_video, video, name):
    assert Client().get(media_url(video, name)).status_code == 403
    stranger = Client()
    stranger.force_login(UserFactory())
    assert stranger.get(media_url(video, name)).status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize("name", MEDIA)
def test_enrolled_learners_and_the_owner_get_the_media(lesson_with_video, video, name):
    course, _lesson = lesson_with_video
    learner = UserFactory()
    Enrolment.objects.create(user=learner, course=course)
    for user in (learner, video.owner):
        client = Client()
        client.force_login(user)
        response = client.get(media_url(video, name))
        assert response.status_code == served(name), (user, name)


@pytest.mark.django_db
def test_whoever_may_change_a_video_receives_its_media_before_any_lesson_shows_it(video):
    # The video policy says who manages a video (videos/permissions.py); the media follow it.
    for groups, expected in ((["Observatory admins"], 200), (["Trainers"], 403), (["Editors"], 403)):
        client = Client()
        client.force_login(UserFactory(groups=groups))
        assert client.get(media_url(video, "master.m3u8")).status_code == expected, groups


@pytest.mark.django_db
def test_open_course_videos_play_for_anyone(catalogues, video):
    course, lessons = build_course(catalogues["en"], lessons=1, access=Access.OPEN)
    lesson = LessonPage.objects.get(pk=lessons[0].pk)
    lesson.body = [("video", {"video": video, "caption": ""})]
    lesson.save_revision().publish()
    assert Client().get(media_url(video, "master.m3u8")).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name",
    [
        "../../../etc/passwd",
        "144p/../../x",
        "master.m3u8/..",
        "secret.txt",
        "144p/segment_1.ts",
        "%2e%2e/x",
        "audio.m4a.exe",
        "144p/audio.m4a",
    ],
)
def test_only_known_media_names_are_served(video, name):
    client = Client()
    client.force_login(video.owner)
    assert client.get(media_url(video, name)).status_code == 404


@pytest.mark.django_db
def test_the_mp4_answers_byte_ranges(video):
    from django.core.files.storage import FileSystemStorage, default_storage

    if not isinstance(default_storage, FileSystemStorage):
        pytest.skip("on S3 the bucket answers ranges itself")
    client = Client()
    client.force_login(video.owner)
    response = client.get(media_url(video, "download.mp4"), HTTP_RANGE="bytes=0-99")
    assert response.status_code == 206 and len(b"".join(response.streaming_content)) == 100
    assert response["Content-Range"].startswith("bytes 0-99/")
    whole = default_storage.open(video.renditions.get(kind="download").path).read()
    tail = client.get(media_url(video, "download.mp4"), HTTP_RANGE="bytes=-50")
    assert b"".join(tail.streaming_content) == whole[-50:]
    middle = client.get(media_url(video, "download.mp4"), HTTP_RANGE="bytes=1000-")
    assert b"".join(middle.streaming_content) == whole[1000:]
    assert client.get(media_url(video, "download.mp4"), HTTP_RANGE="bytes=999999999-").status_code == 416


@pytest.mark.django_db
def test_the_sound_file_is_served_as_audio_mp4_with_ranges(video):
    from django.core.files.storage import FileSystemStorage, default_storage

    if not isinstance(default_storage, FileSystemStorage):
        pytest.skip("on S3 the bucket answers ranges itself")
    client = Client()
    client.force_login(video.owner)
    response = client.get(media_url(video, "audio.m4a"), HTTP_RANGE="bytes=0-9")
    assert (response.status_code, response["Content-Type"], response["Content-Length"]) == (206, "audio/mp4", "10")
    assert b"".join(response.streaming_content)[4:8] == b"ftyp"


@pytest.mark.django_db
def test_variant_playlists_on_s3_point_at_presigned_segments(lesson_with_video, video):
    from django.core.files.storage import FileSystemStorage, default_storage

    client = Client()
    client.force_login(video.owner)
    response = client.get(media_url(video, "144p/index.m3u8"))
    body = b"".join(response.streaming_content) if response.streaming else response.content
    playlist = body.decode()
    segments = [line for line in playlist.splitlines() if line and not line.startswith("#")]
    assert segments
    if isinstance(default_storage, FileSystemStorage):
        assert all(line.startswith("segment_") for line in segments)
    else:
        assert all("X-Amz-Signature=" in line for line in segments)


@pytest.mark.django_db
def test_lesson_page_shows_the_player_menu_with_each_choices_cost_before_play(lesson_with_video, video):
    from bs4 import BeautifulSoup

    from videos.player import megabytes

    course, lesson = lesson_with_video
    learner = UserFactory()
    Enrolment.objects.create(user=learner, course=course)
    client = Client()
    client.force_login(learner)
    page = BeautifulSoup(client.get(lesson.url).content.decode(), "html.parser")
    player = page.select_one("[data-player]")
    base = f"/media/videos/{video.pk}"
    assert player["data-master"] == f"{base}/master.m3u8"
    assert player.video["preload"] == "none" and player.video["src"] == f"{base}/download.mp4"  # without JavaScript
    sizes = {r.kind: r.bytes for r in video.renditions.all()}
    options = [(o["value"], o.get("data-src"), o.has_attr("data-streaming"), o.text) for o in player.select("option")]
    # A 176x144 source: one 144p rung, the same height as the small MP4, which stands for it (one file).
    assert options == [
        ("auto", None, False, "Automatic (adapts to your connection)"),
        ("144p", f"{base}/download.mp4", False, f"144p · {megabytes(sizes['download'])}"),
    ]
    saver = player.select_one("[data-saver]")
    assert saver["data-src"] == f"{base}/audio.m4a"
    assert saver.parent.text.strip() == f"Data saver: sound only ({megabytes(sizes['sound'])})"
    assert megabytes(sizes["sound"]) == "0.1 MB"
    assert "Download for offline" in player.text
    assert page.find("script", src=lambda src: src and src.endswith("js/player.js"))


@pytest.mark.django_db
def test_watching_nine_tenths_marks_the_lesson_done(lesson_with_video, video):
    course, lesson = lesson_with_video
    learner = UserFactory()
    Enrolment.objects.create(user=learner, course=course)
    client = Client()
    client.force_login(learner)
    client.post(f"/en/learning/lessons/{lesson.pk}/position/", {"position": str(video.duration * 0.5)})
    assert not LessonProgress.objects.filter(user=learner, completed_at__isnull=False).exists()
    client.post(f"/en/learning/lessons/{lesson.pk}/position/", {"position": str(video.duration * 0.95)})
    assert LessonProgress.objects.filter(user=learner, lesson=lesson, completed_at__isnull=False).exists()


@pytest.mark.django_db
def test_a_trainer_cannot_put_another_trainers_video_in_a_lesson(client, catalogues, video):
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    course, lessons = build_course(catalogues["en"], lessons=1)
    intruder = UserFactory(groups=["Trainers"])
    course.trainers.add(intruder)
    course.save_revision().publish()
    client.force_login(intruder)
    data = nested_form_data(
        {
            "title": "Lesson",
            "slug": lessons[0].slug,
            "estimated_minutes": "10",
            "required": "on",
            "body": streamfield([("video", {"video": video.pk, "caption": ""})]),
        }
    )
    response = client.post(f"/admin/pages/{lessons[0].pk}/edit/", data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "You can only add your own videos to a lesson." in response.content.decode()
    assert not any(block.block_type == "video" for block in LessonPage.objects.get(pk=lessons[0].pk).body)


def test_without_hls_js_installed_the_player_falls_back_to_the_mp4(settings, tmp_path):
    from courses.blocks import _static_or_none

    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    settings.STATIC_ROOT = str(tmp_path)  # an empty manifest: collectstatic ran without node_modules
    assert _static_or_none("vendor/hls/hls.light.min.js") is None
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    assert _static_or_none("vendor/hls/hls.light.min.js") == "/static/vendor/hls/hls.light.min.js"


@pytest.mark.django_db
def test_leaving_the_course_cuts_the_video_at_once_and_rejoining_restores_it(
    lesson_with_video, video, django_capture_on_commit_callbacks
):
    from courses import services

    course, _lesson = lesson_with_video
    learner = UserFactory()
    client = Client()
    client.force_login(learner)
    assert client.get(media_url(video, "master.m3u8")).status_code == 403  # cached: "no"
    with django_capture_on_commit_callbacks(execute=True):
        services.enrol(learner, course)
    assert client.get(media_url(video, "master.m3u8")).status_code == 200  # cached: "yes"
    with django_capture_on_commit_callbacks(execute=True):
        services.unenrol(learner, course)
    assert client.get(media_url(video, "master.m3u8")).status_code == 403
    with django_capture_on_commit_callbacks(execute=True):
        services.enrol(learner, course)  # a withdrawn enrolment reactivated by a bulk update
    assert client.get(media_url(video, "master.m3u8")).status_code == 200


@pytest.mark.django_db
def test_a_revocation_holds_when_the_cache_drops_the_learners_generation(
    lesson_with_video, video, django_capture_on_commit_callbacks
):
    """The cache may evict any entry: losing the generation key must not bring back an answer from before."""
    from django.core.cache import cache

    from courses import services
    from videos.access import _version_key

    course, _lesson = lesson_with_video
    learner = UserFactory()
    client = Client()
    client.force_login(learner)
    with django_capture_on_commit_callbacks(execute=True):
        services.enrol(learner, course)
    cache.delete(_version_key(learner.pk))  # evicted
    assert client.get(media_url(video, "master.m3u8")).status_code == 200  # cached: "yes"
    with django_capture_on_commit_callbacks(execute=True):
        services.unenrol(learner, course)
    cache.delete(_version_key(learner.pk))  # evicted again
    assert client.get(media_url(video, "master.m3u8")).status_code == 403
