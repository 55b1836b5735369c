"""The embedded profile's cache: a table that `migrate` makes, counters that keep their first expiry."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models.signals import pre_migrate
from django.test import override_settings
from django.utils import timezone

from config.settings import profiles
from core.cache import DatabaseCache

pytestmark = pytest.mark.django_db
EMBEDDED = profiles.cache({})["default"]


@pytest.fixture
def database_cache():
    """The embedded profile's cache on the test database, whichever profile the tests run in."""
    with override_settings(CACHES={"default": EMBEDDED}):
        call_command("createcachetable", verbosity=0)
        yield DatabaseCache(EMBEDDED["LOCATION"], EMBEDDED)


def test_migrate_makes_the_cache_table_before_the_migrations_run():
    probe = {**EMBEDDED, "LOCATION": "probe_cache"}
    seen_by_each_app = []

    def table_is_there(app_config, **kwargs):
        seen_by_each_app.append((app_config.label, "probe_cache" in connection.introspection.table_names()))

    pre_migrate.connect(table_is_there)
    try:
        with override_settings(CACHES={"default": probe}):
            call_command("migrate", verbosity=0)
    finally:
        pre_migrate.disconnect(table_is_there)
    assert len(seen_by_each_app) > 10 and all(there for _app, there in seen_by_each_app), seen_by_each_app


def test_a_count_keeps_the_expiry_of_its_first_event(database_cache):
    assert database_cache.add("checks", 0, 60)
    assert [database_cache.incr("checks") for _ in range(3)] == [1, 2, 3]
    a_minute_later = timezone.now() + timedelta(seconds=61)
    with mock.patch("django.core.cache.backends.db.tz_now", return_value=a_minute_later):
        assert database_cache.get("checks") is None  # a new minute starts a new count


def test_add_and_incr_keep_their_meaning(database_cache):
    assert database_cache.add("lock", "mine", 10) and not database_cache.add("lock", "theirs", 10)
    assert database_cache.get("lock") == "mine"
    with pytest.raises(ValueError, match="not found"):
        database_cache.incr("missing")
    database_cache.set("expired", 5, 10)
    with mock.patch("django.core.cache.backends.db.tz_now", return_value=timezone.now() + timedelta(seconds=11)):
        assert database_cache.add("expired", 0, 60)  # an expired entry is free to take
        with pytest.raises(ValueError, match="not found"):
            database_cache.incr("lock")
    assert database_cache.incr("expired", 2) == 2 and database_cache.decr("expired") == 1
