import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from certificates.keys import new_private_jwk
from config.settings import profiles

BASE_DIR = Path(__file__).resolve().parents[2]


def test_embedded_database_is_sqlite_in_wal_mode():
    config = profiles.database({}, BASE_DIR)["default"]
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert str(config["NAME"]).endswith("var/db.sqlite3")
    assert "journal_mode=WAL" in config["OPTIONS"]["init_command"]


def test_a_sqlite_database_url_keeps_the_shared_file_settings(tmp_path):
    config = profiles.database({"DATABASE_URL": f"sqlite:///{tmp_path}/other.sqlite3"}, BASE_DIR)["default"]
    assert config["NAME"] == f"{tmp_path}/other.sqlite3"
    assert config["OPTIONS"]["transaction_mode"] == "IMMEDIATE" and config["OPTIONS"]["timeout"] == 20


def test_database_url_selects_postgresql():
    config = profiles.database({"DATABASE_URL": "postgres://tadrib:pw@db.internal:5433/tadrib"}, BASE_DIR)["default"]
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["HOST"], config["PORT"], config["NAME"], config["USER"]) == ("db.internal", 5433, "tadrib", "tadrib")


def test_cache_and_task_broker_follow_redis_url():
    # Shared by every process of the machine (a table in the database), never one per process.
    assert profiles.cache({})["default"]["BACKEND"] == "core.cache.DatabaseCache"
    assert profiles.q_cluster({})["orm"] == "default"
    env = {"REDIS_URL": "redis://cache.internal:6379/2"}
    assert profiles.cache(env)["default"] == {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://cache.internal:6379/2",
        "KEY_PREFIX": "tadrib",
    }
    cluster = profiles.q_cluster(env)
    assert cluster["redis"] == "redis://cache.internal:6379/2" and "orm" not in cluster
    assert cluster["timeout"] < cluster["retry"]


def test_task_timeout_must_stay_below_retry():
    with pytest.raises(ImproperlyConfigured):
        profiles.q_cluster({"Q_TIMEOUT": "600", "Q_RETRY": "600"})


def test_media_on_disk_by_default_and_private_presigned_s3_when_configured():
    assert profiles.storages({})["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    env = {
        "AWS_STORAGE_BUCKET_NAME": "media",
        "AWS_S3_ENDPOINT_URL": "https://s3.example.dz:9000",
        "AWS_S3_REGION_NAME": "eu-west-3",
        "AWS_ACCESS_KEY_ID": "id",
        "AWS_SECRET_ACCESS_KEY": "secret",
    }
    default = profiles.storages(env)["default"]
    assert default["BACKEND"] == "storages.backends.s3.S3Storage"
    options = default["OPTIONS"]
    assert options["bucket_name"] == "media" and options["endpoint_url"] == "https://s3.example.dz:9000"
    assert options["querystring_auth"] is True and options["default_acl"] is None
    assert options["file_overwrite"] is False
    assert profiles.media_origins(env) == ["https://s3.example.dz:9000"]


def test_email_console_by_default_and_smtp_from_email_url():
    assert profiles.email({})["EMAIL_BACKEND"].endswith("console.EmailBackend")
    config = profiles.email({"EMAIL_URL": "submission://user:p%40ss@smtp.example.dz:587"})
    assert config["EMAIL_BACKEND"].endswith("smtp.EmailBackend")
    assert (config["EMAIL_HOST"], config["EMAIL_PORT"], config["EMAIL_HOST_PASSWORD"]) == (
        "smtp.example.dz",
        587,
        "p@ss",
    )
    assert config["EMAIL_USE_TLS"] is True


@pytest.mark.parametrize(("value", "expected"), [("1", True), ("true", True), ("off", False), ("", False)])
def test_booleans(value, expected):
    assert profiles.env_bool({"X": value}, "X") is expected


def test_bad_boolean_is_a_clear_error():
    with pytest.raises(ImproperlyConfigured, match="X must be a boolean"):
        profiles.env_bool({"X": "maybe"}, "X")


def test_lists():
    assert profiles.env_list({"HOSTS": "a.dz, b.dz,,"}, "HOSTS") == ["a.dz", "b.dz"]
    assert profiles.env_list({}, "HOSTS", ["localhost"]) == ["localhost"]


def _manage(*args, extra_env):
    skipped = ("AWS_", "DATABASE_URL", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
    env = {key: value for key, value in os.environ.items() if not key.startswith(skipped)}
    env.update(extra_env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.mark.slow
def test_production_settings_pass_check_deploy_without_warnings(tmp_path):
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        extra_env={
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": "pq8Jr2-Xo7Kf_3nTz4w!LbV9yHc6uMe1sGd5aRt0iWj@NlQkZx",
            "ALLOWED_HOSTS": "tadrib.example.dz",
            "CSRF_TRUSTED_ORIGINS": "https://tadrib.example.dz",
            "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3",
            "EMAIL_URL": "smtp://mail.example.dz:25",
            "WAGTAILADMIN_BASE_URL": "https://tadrib.example.dz",
            # A deployment gives the credential signing keys (certificates.W001 otherwise).
            "CREDENTIAL_KEYS": json.dumps({"keys": [new_private_jwk()]}),
            # ... and says how many proxies stand in front of it (core.W001 otherwise).
            "TRUSTED_PROXY_COUNT": "1",
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr + result.stdout
    assert "System check identified no issues" in result.stdout


@pytest.mark.slow
def test_check_deploy_warns_when_production_behind_its_proxy_trusts_no_proxy(tmp_path):
    result = _manage(
        "check",
        "--deploy",
        extra_env={
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": "pq8Jr2-Xo7Kf_3nTz4w!LbV9yHc6uMe1sGd5aRt0iWj@NlQkZx",
            "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3",
            "WAGTAILADMIN_BASE_URL": "https://tadrib.example.dz",
            "TRUSTED_PROXY_COUNT": "",
        },
    )
    assert result.returncode == 0, result.stderr  # a warning, not a refusal to start
    assert "core.W001" in result.stderr + result.stdout


@pytest.mark.parametrize(("value", "expected"), [("", 0), ("0", 0), ("1", 1), ("2", 2)])
def test_trusted_proxy_count(value, expected):
    assert profiles.env_count({"TRUSTED_PROXY_COUNT": value}, "TRUSTED_PROXY_COUNT") == expected
    assert profiles.env_count({}, "TRUSTED_PROXY_COUNT") == 0


@pytest.mark.parametrize("value", ["-1", "one", "1.5", " 1"])
def test_a_bad_trusted_proxy_count_is_a_clear_error(value):
    with pytest.raises(ImproperlyConfigured, match="TRUSTED_PROXY_COUNT must be a whole number"):
        profiles.env_count({"TRUSTED_PROXY_COUNT": value}, "TRUSTED_PROXY_COUNT")


@pytest.mark.slow
def test_allauth_follows_trusted_proxy_count_from_the_environment():
    result = _manage(
        "shell",
        "--verbosity=0",
        "-c",
        "from django.conf import settings; print(settings.TRUSTED_PROXY_COUNT, settings.ALLAUTH_TRUSTED_PROXY_COUNT)",
        extra_env={"DJANGO_SETTINGS_MODULE": "config.settings.test", "TRUSTED_PROXY_COUNT": "2"},
    )
    assert result.stdout.split() == ["2", "2"], result.stderr


@pytest.mark.slow
def test_production_settings_refuse_to_start_without_a_secret_key():
    result = _manage("check", extra_env={"DJANGO_SETTINGS_MODULE": "config.settings.production", "SECRET_KEY": ""})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


@pytest.mark.slow
def test_production_settings_refuse_to_start_without_the_sites_public_address():
    """E-mails, certificates' QR codes and signed credentials carry it: a default would send people to 127.0.0.1."""
    result = _manage(
        "check",
        extra_env={
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": "pq8Jr2-Xo7Kf_3nTz4w!LbV9yHc6uMe1sGd5aRt0iWj@NlQkZx",
            "WAGTAILADMIN_BASE_URL": "",
        },
    )
    assert result.returncode != 0
    assert "WAGTAILADMIN_BASE_URL must be set" in result.stderr
