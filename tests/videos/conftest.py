import subprocess

import pytest
from django.core.files import File

from courses.enums import Access
from courses.models import LessonPage
from tests.factories import UserFactory, build_course
from videos import services
from videos.models import Video


def ffmpeg(*args):
    subprocess.run(["ffmpeg", "-y", "-v", "error", "-nostdin", *args], check=True)


@pytest.fixture(scope="session")
def media_files(tmp_path_factory):
    """Small real and hostile files, made with ffmpeg at test time."""
    folder = tmp_path_factory.mktemp("video-fixtures")
    files = {}
    recipes = {
        "good": (
            "lesson.mp4",
            "-f lavfi -i testsrc=size=640x360:rate=25 -f lavfi -i sine=frequency=440 -t 5"
            " -c:v libx264 -pix_fmt yuv420p -c:a aac",
        ),
        "silent_small": ("small.webm", "-f lavfi -i testsrc=size=176x144:rate=15 -t 3 -c:v libvpx -b:v 100k"),
        "small": (
            "small-with-sound.webm",
            "-f lavfi -i testsrc=size=176x144:rate=15 -f lavfi"
            " -i sine=frequency=300 -t 3 -c:v libvpx -b:v 100k -c:a libvorbis",
        ),
        "avi": ("clip.avi", "-f lavfi -i testsrc=size=160x120:rate=10 -t 1 -c:v mpeg4"),
        "too_wide": (
            "wide.mp4",
            "-f lavfi -i color=c=blue:size=4112x16:rate=1 -frames:v 1 -c:v libx264 -pix_fmt yuv420p",
        ),
    }
    for key, (name, recipe) in recipes.items():
        files[key] = folder / name
        ffmpeg(*recipe.split(), str(files[key]))
    files["truncated"] = folder / "truncated.mp4"
    files["truncated"].write_bytes(files["good"].read_bytes()[:4000])
    secret = folder / "secret.txt"
    secret.write_text("TOP-SECRET-LOCAL-FILE-CONTENT\n")
    files["secret"] = secret
    files["hls_as_mp4"] = folder / "playlist.mp4"
    files["hls_as_mp4"].write_text(f"#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\nfile://{secret}\n#EXT-X-ENDLIST\n")
    files["ffconcat"] = folder / "concat.mp4"
    files["ffconcat"].write_text(f"ffconcat version 1.0\nfile '{secret}'\nfile '{files['good']}'\n")
    files["text"] = folder / "notes.mp4"
    files["text"].write_text("Ceci n'est pas une vidéo.\n" * 50)
    files["empty"] = folder / "empty.mp4"
    files["empty"].write_bytes(b"")
    return files


@pytest.fixture
def video(db, media_files, django_capture_on_commit_callbacks):
    trainer = UserFactory(groups=["Trainers"])
    with open(media_files["small"], "rb") as handle:
        video = Video.objects.create(title="Vidéo", owner=trainer, original=File(handle, name="v.webm"))
    with django_capture_on_commit_callbacks(execute=True):
        services.submit(video)
    video.refresh_from_db()
    assert video.is_ready
    return video


@pytest.fixture
def lesson_with_video(catalogues, video):
    course, lessons = build_course(catalogues["en"], lessons=1, access=Access.ENROLMENT)
    lesson = LessonPage.objects.get(pk=lessons[0].pk)
    lesson.body = [("video", {"video": video, "caption": "Lesson video"})]
    lesson.save_revision().publish()
    return course, lesson


@pytest.fixture
def ready_video(db, media_files, django_capture_on_commit_callbacks):
    from tests.videos.pipeline import convert, make_video

    return convert(make_video(media_files["good"]), django_capture_on_commit_callbacks)
