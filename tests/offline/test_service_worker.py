"""/sw.js: served from the root, never cached by the browser, local Workbox only, versioned by what it precaches."""

import hashlib
import json
import re
import shutil
import subprocess

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import StaticFilesStorage
from django.urls import reverse

from offline import shell

pytestmark = pytest.mark.django_db


def config_of(body):
    return json.loads(re.search(r"^const CONFIG = (\{.*?^\});$", body, re.S | re.M).group(1))


def version_of(body):
    return re.search(r'^const VERSION = "([0-9a-f]{16})";$', body, re.M).group(1)


def get_worker(client, path="/sw.js"):
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def test_the_worker_is_served_from_the_root_as_javascript_never_cached(client):
    assert reverse("service_worker") == "/sw.js"  # a worker's scope reaches at most its own folder: here, all
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    assert response["Cache-Control"] == "no-cache"
    assert response["Service-Worker-Allowed"] == "/"
    assert "worker-src 'self'" in response["Content-Security-Policy"]


def test_the_worker_loads_only_local_workbox_files_that_exist(client):
    body = get_worker(client)
    imports = re.findall(r'importScripts\("([^"]+)"\)', body)
    assert imports == [settings.STATIC_URL + "vendor/workbox/workbox-sw.js"]
    modules = config_of(body)["workboxModules"]
    assert set(modules) == set(shell.WORKBOX_MODULES)
    for url in [*imports, *modules.values()]:
        assert url.startswith(settings.STATIC_URL + "vendor/workbox/")
        assert finders.find(url.removeprefix(settings.STATIC_URL)), url
    assert "modulePathCb" in body and "debug: false" in body
    assert not re.search(r"https?://", body)  # no CDN, no other host


def test_every_precached_file_exists_and_its_revision_is_its_content(client):
    shell_entries = config_of(get_worker(client))["shell"]
    assert {entry["url"] for entry in shell_entries} >= {
        "/static/css/tadrib.css",
        "/static/js/app.js",
        "/static/img/icons/icon-192.png",
        "/offline/ar/",
        "/offline/fr/",
        "/offline/en/",
    }
    for entry in shell_entries:
        if entry["url"].startswith(settings.STATIC_URL):
            with open(finders.find(entry["url"].removeprefix(settings.STATIC_URL)), "rb") as handle:
                content = handle.read()
        else:
            response = client.get(entry["url"])
            assert response.status_code == 200
            content = response.content
        assert entry["revision"] == hashlib.sha256(content).hexdigest()[:16], entry["url"]


def test_the_version_is_stable_and_follows_the_release_setting(client, settings):
    first = version_of(get_worker(client))
    assert version_of(get_worker(client)) == first
    settings.OFFLINE_SHELL_RELEASE = "2026.12"
    second = get_worker(client)
    assert version_of(second) != first and config_of(second)["release"] == "2026.12"


class RenamedStylesheet(StaticFilesStorage):
    """As if a deployment changed the stylesheet: its hashed URL changes."""

    def url(self, name):
        return super().url(name).replace("tadrib.css", "tadrib.0a1b2c3d4e5f.css")


def test_the_version_changes_when_a_precached_asset_url_changes(client, settings):
    before = get_worker(client)
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": f"{__name__}.RenamedStylesheet"}}
    after = get_worker(client)
    assert "/static/css/tadrib.0a1b2c3d4e5f.css" in after
    assert version_of(after) != version_of(before)


def test_the_version_changes_when_an_offline_page_changes(client, monkeypatch):
    before = version_of(get_worker(client))
    rendered = shell.offline_page
    monkeypatch.setattr(shell, "offline_page", lambda language: rendered(language).replace("<h1>", "<h1>!"))
    shell.forget_rendered_service_worker()  # as a deployment's new process would
    assert version_of(get_worker(client)) != before


def test_an_unchanged_worker_costs_a_304(client):
    response = client.get("/sw.js")
    assert response["ETag"] == f'"{version_of(response.content.decode())}"'
    again = client.get("/sw.js", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304 and again.content == b""
    assert client.get("/sw.js", HTTP_IF_NONE_MATCH='"0123456789abcdef"').status_code == 200


def test_the_worker_is_rendered_once_per_process(client, monkeypatch):
    get_worker(client)
    renders = []
    monkeypatch.setattr(shell, "_render_service_worker", lambda: renders.append(1))
    get_worker(client)
    assert renders == []


def test_in_production_hashed_urls_are_their_own_revision(client, settings, tmp_path):
    """WhiteNoise's CompressedManifestStaticFilesStorage is a ManifestStaticFilesStorage: the worker names the
    hashed files (a manifest written here stands in for collectstatic)."""
    names = [*shell.SHELL_FILES, shell.WORKBOX_SW, *(f"vendor/workbox/{m}.prod.js" for m in shell.WORKBOX_MODULES)]
    hashed = {name: re.sub(r"(\.[a-z]+)$", r".abcdef123456\1", name) for name in names}
    (tmp_path / "staticfiles.json").write_text(json.dumps({"version": "1.1", "paths": hashed}))
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    body = get_worker(client)
    config = config_of(body)
    static_entries = [entry for entry in config["shell"] if entry["url"].startswith("/static/")]
    assert {entry["url"] for entry in static_entries} == {f"/static/{hashed[name]}" for name in shell.SHELL_FILES}
    assert all(entry["revision"] is None for entry in static_entries)
    assert f'importScripts("/static/{hashed[shell.WORKBOX_SW]}")' in body
    assert config["workboxModules"]["workbox-core"] == "/static/vendor/workbox/workbox-core.prod.abcdef123456.js"


@pytest.mark.parametrize("path", ["/sw.js?x=../..", "/sw.js?scope=/admin/&v=%00", "/sw.js?" + "a" * 2000])
def test_a_query_changes_nothing(client, path):
    assert get_worker(client, path) == get_worker(client)


def test_the_worker_answers_reads_only(client):
    assert client.post("/sw.js").status_code == 405
    assert client.put("/sw.js").status_code == 405
    assert client.head("/sw.js").status_code == 200
    assert client.get("/sw.js/").status_code == 404
    assert client.get("/ar/sw.js").status_code == 404


def test_without_workbox_there_is_no_worker_and_no_registration(client, monkeypatch):
    monkeypatch.setattr(shell, "workbox_installed", lambda: False)
    assert client.get("/sw.js").status_code == 404
    assert "js/app.js" not in client.get("/fr/").content.decode()


def test_when_collectstatic_ran_without_workbox_pages_still_render(client, settings, tmp_path):
    ours = {name: name for name in shell.SHELL_FILES if not name.startswith("vendor/")}
    (tmp_path / "staticfiles.json").write_text(json.dumps({"version": "1.1", "paths": ours}))
    settings.STATIC_ROOT = str(tmp_path)  # a manifest without vendor/: collectstatic ran without node_modules
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    assert shell.workbox_installed() is False
    assert client.get("/sw.js").status_code == 404
    response = client.get("/fr/")
    assert response.status_code == 200 and "app.js" not in response.content.decode()
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    assert shell.workbox_installed() is True


@pytest.mark.skipif(not shutil.which("node"), reason="node is not installed")
def test_the_worker_is_valid_javascript(client, tmp_path):
    script = tmp_path / "sw.js"
    script.write_text(get_worker(client))
    result = subprocess.run(["node", "--check", str(script)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
