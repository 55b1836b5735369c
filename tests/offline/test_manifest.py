"""The web app manifest: one per language, served as application/manifest+json and linked from every page."""

import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from PIL import Image

from offline.manifest import BACKGROUND_COLOUR, THEME_COLOUR

CSS = Path(__file__).resolve().parents[2] / "static" / "css"
EXPECTED = {  # direction, short name, name, how the description starts
    "ar": ("rtl", "تدريب", "تدريب، تكوين الجمعيات", "دورات"),
    "fr": ("ltr", "Tadrib", "Tadrib, la formation des associations", "Cours"),
    "en": ("ltr", "Tadrib", "Tadrib, training for associations", "Courses"),
}


def fetch_manifest(client, language):
    response = client.get(f"/manifest/{language}.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    return json.loads(response.content)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ar", "fr", "en"])
def test_each_language_has_its_manifest(client, language):
    manifest = fetch_manifest(client, language)
    direction, short_name, name, description = EXPECTED[language]
    assert manifest["lang"] == language
    assert manifest["dir"] == direction
    assert manifest["name"] == name and manifest["short_name"] == short_name
    assert manifest["description"].startswith(description)
    assert manifest["start_url"] == f"/{language}/"
    assert manifest["scope"] == "/" and manifest["id"] == "/"
    assert manifest["display"] == "standalone"
    assert manifest["theme_color"] == THEME_COLOUR and manifest["background_color"] == BACKGROUND_COLOUR


def test_the_manifest_colours_are_the_stylesheets():
    css = "".join(path.read_text() for path in sorted(CSS.glob("*.css")))
    assert re.search(rf"--green:\s*{THEME_COLOUR}\s*;", css)
    body = re.search(r"^body\s*\{[^}]*\}", css, re.M).group(0)
    assert re.search(r"background:\s*#fff\b", body) and BACKGROUND_COLOUR == "#ffffff"


@pytest.mark.django_db
def test_the_icons_are_real_pngs_of_their_declared_size(client):
    icons = fetch_manifest(client, "ar")["icons"]
    assert {(icon["sizes"], icon["purpose"]) for icon in icons} == {
        ("192x192", "any"),
        ("512x512", "any"),
        ("512x512", "maskable"),
    }
    for icon in icons:
        assert icon["src"].startswith(settings.STATIC_URL) and icon["type"] == "image/png"
        path = finders.find(icon["src"].removeprefix(settings.STATIC_URL))
        assert path, icon["src"]
        with open(path, "rb") as handle:
            assert handle.read(8) == b"\x89PNG\r\n\x1a\n"
        with Image.open(path) as image:
            assert image.format == "PNG"
            assert f"{image.width}x{image.height}" == icon["sizes"]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["de", "kab", "xx", "AR", "ar-dz", "..%2F..%2Fetc"])
def test_a_manifest_for_a_language_we_do_not_offer_is_not_found(client, language):
    assert client.get(f"/manifest/{language}.webmanifest").status_code == 404


@pytest.mark.django_db
def test_the_manifest_answers_reads_only(client):
    assert client.post("/manifest/ar.webmanifest").status_code == 405
    assert client.head("/manifest/ar.webmanifest").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ar", "fr"])
def test_pages_link_the_manifest_of_their_language_and_the_theme_colour(client, language):
    html = client.get(f"/{language}/").content.decode()
    assert f'<link rel="manifest" href="/manifest/{language}.webmanifest">' in html
    assert f'<meta name="theme-color" content="{THEME_COLOUR}">' in html
