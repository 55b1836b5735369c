"""The video list shows where each video is, with the failure reason, and one request refreshes every row."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import UserFactory
from videos.enums import VideoStatus
from videos.models import Video

pytestmark = pytest.mark.django_db
LIST = "/admin/snippets/videos/video/"
STATUSES = "/admin/videos/status/"


def make_video(owner, title, status, **fields):
    return Video.objects.create(title=title, owner=owner, original="videos/originals/x.mp4", status=status, **fields)


@pytest.fixture
def trainer(client):
    user = UserFactory(groups=["Trainers"])
    client.force_login(user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return user


def row_of(html, title):
    """The table row (<tr>…</tr>) that shows the given title."""
    rows = re.findall(r"<tr[ >].*?</tr>", html, flags=re.S)
    matching = [row for row in rows if title in row]
    assert len(matching) == 1, title
    return matching[0]


def test_the_list_shows_why_a_video_failed(client, trainer):
    reason = "The video codec <msvideo1> is not accepted."
    failed = make_video(trainer, "Assemblée générale", VideoStatus.FAILED, failure_reason=reason)
    row = row_of(client.get(LIST).content.decode(), failed.title)
    assert "Failed" in row
    assert "The video codec &lt;msvideo1&gt; is not accepted." in row
    assert "<msvideo1>" not in row


def test_each_unfinished_row_is_marked_for_the_live_refresh(client, trainer):
    checking = make_video(trainer, "En cours", VideoStatus.PROBING)
    converting = make_video(trainer, "Conversion", VideoStatus.TRANSCODING, progress=40)
    ready = make_video(trainer, "Prête", VideoStatus.READY, progress=100, duration=150.0)
    html = client.get(LIST).content.decode()
    assert f'data-video-statuses-url="{STATUSES}"' in html
    checking_row = row_of(html, checking.title)
    assert f'data-video-status-id="{checking.pk}"' in checking_row
    assert 'data-video-status-finished="false"' in checking_row
    assert "Checking the file" in checking_row
    converting_row = row_of(html, converting.title)
    assert re.search(r'<progress [^>]*value="40"', converting_row)
    ready_row = row_of(html, ready.title)
    assert 'data-video-status-finished="true"' in ready_row
    assert re.search(r"<progress [^>]*hidden", ready_row)
    assert "2.5 min" in ready_row  # the duration in minutes, not 150.0 seconds


def test_one_request_gives_the_status_of_every_listed_video_the_user_may_see(client, trainer):
    mine = [make_video(trainer, f"Vidéo {n}", VideoStatus.TRANSCODING, progress=10 * n) for n in range(3)]
    failed = make_video(trainer, "Échouée", VideoStatus.FAILED, failure_reason="The file has no video picture.")
    foreign = make_video(UserFactory(groups=["Trainers"]), "Pas à moi", VideoStatus.PROBING)
    ids = [video.pk for video in [*mine, failed, foreign]] + [999_999]
    response = client.get(STATUSES, {"id": ids})
    assert response.status_code == 200
    videos = response.json()["videos"]
    assert set(videos) == {str(video.pk) for video in [*mine, failed]}  # nothing about the others, not even "403"
    assert videos[str(mine[2].pk)] == {
        "status": "transcoding",
        "label": "Converting",
        "progress": 20,
        "reason": "",
        "finished": False,
    }
    assert videos[str(failed.pk)]["reason"] == "The file has no video picture."
    assert videos[str(failed.pk)]["finished"] is True


def test_an_admin_gets_the_status_of_every_video(client):
    admin = UserFactory(groups=["Observatory admins"])
    videos = [make_video(UserFactory(groups=["Trainers"]), f"V{n}", VideoStatus.QUEUED) for n in range(2)]
    client.force_login(admin)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    answer = client.get(STATUSES, {"id": [video.pk for video in videos]}).json()
    assert set(answer["videos"]) == {str(video.pk) for video in videos}


def test_the_status_request_costs_the_same_for_one_video_or_fifty(client, trainer):
    videos = [make_video(trainer, f"Vidéo {n}", VideoStatus.QUEUED) for n in range(50)]
    with CaptureQueriesContext(connection) as one:
        client.get(STATUSES, {"id": [videos[0].pk]})
    with CaptureQueriesContext(connection) as fifty:
        assert len(client.get(STATUSES, {"id": [video.pk for video in videos]}).json()["videos"]) == 50
    assert len(fifty) == len(one)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("id=abc", "Video ids are whole numbers."),
        ("id=1&id=-2", "Video ids are whole numbers."),
        ("&".join(f"id={n}" for n in range(1, 102)), "Ask for at most 100 videos at a time."),
    ],
)
def test_a_bad_status_request_gets_a_clear_error(client, trainer, query, message):
    response = client.get(f"{STATUSES}?{query}")
    assert response.status_code == 400
    assert response.json() == {"error": message}


def test_nobody_outside_the_admin_reads_statuses(client):
    video = make_video(UserFactory(groups=["Trainers"]), "V", VideoStatus.QUEUED)
    response = client.get(STATUSES, {"id": [video.pk]})
    assert response.status_code == 302
    assert response["Location"] == f"/admin/login/?next=/admin/videos/status/%3Fid%3D{video.pk}"
