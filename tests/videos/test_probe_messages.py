"""The refusal of a too large picture counts the pixels as Arabic and French count them."""

import pytest
from django.utils import translation

from videos.probe import RejectedVideo, probe


@pytest.mark.parametrize(
    ("language", "limit", "end"),
    [
        ("ar", 1, "(حتى بكسل واحد لكل ضلع)."),
        ("ar", 2, "(حتى بكسلين لكل ضلع)."),
        ("ar", 3, "(حتى 3 بكسلات لكل ضلع)."),
        ("ar", 11, "(حتى 11 بكسلًا لكل ضلع)."),
        ("ar", 100, "(حتى 100 بكسل لكل ضلع)."),
        ("fr", 1, "(jusqu'à 1 pixel de côté)."),
        ("fr", 2, "(jusqu'à 2 pixels de côté)."),
        ("en", 1, "(up to 1 pixel a side)."),
        ("en", 2, "(up to 2 pixels a side)."),
    ],
)
def test_a_too_large_picture_is_refused_with_the_limit_counted(media_files, settings, language, limit, end):
    settings.VIDEO_MAX_DIMENSION = limit
    with translation.override(language), pytest.raises(RejectedVideo) as refused:
        probe(media_files["good"])
    assert "640×360" in str(refused.value) and str(refused.value).endswith(end)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "seconds", "limits"),
    [
        ("ar", 60, "حتى 2,0 م.ب ودقيقة واحدة."),
        ("ar", 120, "حتى 2,0 م.ب ودقيقتين."),
        ("ar", 180, "حتى 2,0 م.ب و3 دقائق."),
        ("ar", 660, "حتى 2,0 م.ب و11 دقيقة."),
        ("fr", 60, "jusqu'à 2,0 Mio et 1 minute."),
        ("fr", 120, "jusqu'à 2,0 Mio et 2 minutes."),
        ("en", 60, "up to 2.0 MB and 1 minute."),
        ("en", 120, "up to 2.0 MB and 2 minutes."),
    ],
)
def test_the_upload_form_counts_the_minutes_allowed(client, settings, language, seconds, limits):
    from bs4 import BeautifulSoup

    from tests.factories import UserFactory

    settings.VIDEO_MAX_UPLOAD_BYTES = 2 * 1024**2
    settings.VIDEO_MAX_DURATION_SECONDS = seconds
    client.force_login(UserFactory(groups=["Trainers"]))
    response = client.get("/admin/snippets/videos/video/add/", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    help_text = BeautifulSoup(response.content, "html.parser").select_one("[data-video-upload-progress]").parent
    assert limits in " ".join(help_text.select_one("p.help").get_text().split())
