"""The services each profile is configured with really answer (run twice by CI: embedded and scale-out)."""

import os
import urllib.error
import urllib.request
import uuid

import pytest
from django.core.cache import cache, caches
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection


@pytest.mark.django_db
def test_database_is_the_configured_one():
    expected = "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
    assert connection.vendor == expected


@pytest.mark.django_db
def test_cache_is_the_configured_one_and_answers():
    assert type(caches["default"]).__name__ == ("RedisCache" if os.environ.get("REDIS_URL") else "DatabaseCache")
    key = f"probe-{uuid.uuid4()}"
    cache.set(key, {"wilaya": "Tamanrasset"}, 30)
    assert cache.get(key) == {"wilaya": "Tamanrasset"}


def test_media_storage_round_trip_and_privacy():
    name = default_storage.save(f"probes/{uuid.uuid4()}.txt", ContentFile(b"salam"))
    try:
        with default_storage.open(name, "rb") as handle:
            assert handle.read() == b"salam"
        if not os.environ.get("AWS_STORAGE_BUCKET_NAME"):
            return
        url = default_storage.url(name)
        assert "X-Amz-Signature=" in url  # presigned
        with urllib.request.urlopen(url, timeout=10) as response:
            assert response.read() == b"salam"
        unsigned = url.split("?", 1)[0]
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(unsigned, timeout=10)
        assert refused.value.code == 403  # the bucket is private
    finally:
        default_storage.delete(name)


def test_the_web_servers_access_log_names_no_visitor():
    """The Procfile's access log keeps method, path, status, size and time: no client address (personal data) and no
    query string (it can carry e-mail addresses and searches)."""
    import datetime
    import shlex
    from pathlib import Path
    from types import SimpleNamespace

    from gunicorn.glogging import Logger

    web = next(line for line in (Path(__file__).parents[2] / "Procfile").read_text().splitlines() if line[:4] == "web:")
    arguments = shlex.split(web[4:])
    log_format = arguments[arguments.index("--access-logformat") + 1]
    environ = {
        "REMOTE_ADDR": "105.235.130.7",
        "REQUEST_METHOD": "GET",
        "RAW_URI": "/fr/search/?q=zoe%40example.dz",
        "PATH_INFO": "/fr/search/",
        "QUERY_STRING": "q=zoe%40example.dz",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_X_FORWARDED_FOR": "41.111.2.3",
    }
    response = SimpleNamespace(status="200 OK", sent=512, headers=[])
    request = SimpleNamespace(headers=[])
    atoms = Logger.atoms(Logger.__new__(Logger), response, request, environ, datetime.timedelta(milliseconds=42))
    line = log_format % atoms
    assert line == '"GET /fr/search/" 200 512 42ms'
