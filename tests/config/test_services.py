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
