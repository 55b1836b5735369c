"""Turn environment variables into settings for the two profiles.

Pure functions of a mapping, so the profile rules are tested without reloading settings.
"""

from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
import dj_email_url
from django.core.exceptions import ImproperlyConfigured


def env_bool(env, name, default=False):
    value = env.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (true/false), not {value!r}")


def env_count(env, name, default=0):
    value = env.get(name, "")
    if value == "":
        return default
    if not value.isdigit():
        raise ImproperlyConfigured(f"{name} must be a whole number (0, 1, 2…), not {value!r}")
    return int(value)


def env_list(env, name, default=()):
    value = env.get(name, "")
    items = [item.strip() for item in value.split(",") if item.strip()]
    return items or list(default)


SQLITE_OPTIONS = {
    # WAL lets the web and the worker read while the other writes;
    # IMMEDIATE takes the write lock up front instead of failing mid-transaction.
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}


def database(env, base_dir: Path):
    url = env.get("DATABASE_URL")
    if url:
        config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
        if config["ENGINE"] == "django.db.backends.sqlite3":
            # A SQLite file named by URL (another place, the benchmarks) is shared by web and worker alike.
            config = {**config, "CONN_MAX_AGE": 0, "OPTIONS": {**SQLITE_OPTIONS, **config.get("OPTIONS", {})}}
        return {"default": config}
    return {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": base_dir / "var" / "db.sqlite3",
            "OPTIONS": SQLITE_OPTIONS,
        }
    }


def cache(env):
    url = env.get("REDIS_URL")
    if url:
        return {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": url,
                "KEY_PREFIX": env.get("CACHE_KEY_PREFIX", "tadrib"),
            }
        }
    # Never per process: limits, access answers and locks must be the same for every web and task worker.
    return {
        "default": {
            "BACKEND": "core.cache.DatabaseCache",
            "LOCATION": "tadrib_cache",  # a table in the database above, made by `migrate`
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        }
    }


def q_cluster(env):
    config = {
        "name": "tadrib",
        "workers": int(env.get("Q_WORKERS", "2")),
        # A task may run this long before the cluster kills it ...
        "timeout": int(env.get("Q_TIMEOUT", "3600")),
        # ... and is handed out again only after this, so a running task is never doubled.
        "retry": int(env.get("Q_RETRY", "3700")),
        "max_attempts": 3,
        "catch_up": False,
        "label": "Tasks",
    }
    if config["timeout"] >= config["retry"]:
        raise ImproperlyConfigured("Q_TIMEOUT must be smaller than Q_RETRY")
    if env.get("REDIS_URL"):
        config["redis"] = env["REDIS_URL"]
    else:
        config["orm"] = "default"
    return config


def storages(env):
    """Media on disk by default, or on a private S3 bucket served through presigned URLs."""
    static = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}
    bucket = env.get("AWS_STORAGE_BUCKET_NAME")
    if not bucket:
        return {
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": static,
        }
    options = {
        "bucket_name": bucket,
        "default_acl": None,  # objects inherit the bucket's private policy
        "querystring_auth": True,  # every URL is presigned
        "querystring_expire": int(env.get("AWS_QUERYSTRING_EXPIRE", "3600")),
        "file_overwrite": False,
        "object_parameters": {"CacheControl": "private, max-age=3600"},
        "signature_version": "s3v4",
        "addressing_style": env.get("AWS_S3_ADDRESSING_STYLE", "path"),
    }
    for option, name in [
        ("endpoint_url", "AWS_S3_ENDPOINT_URL"),
        ("region_name", "AWS_S3_REGION_NAME"),
        ("access_key", "AWS_ACCESS_KEY_ID"),
        ("secret_key", "AWS_SECRET_ACCESS_KEY"),
        ("location", "AWS_LOCATION"),
    ]:
        if env.get(name):
            options[option] = env[name]
    return {
        "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options},
        "staticfiles": static,
    }


def media_origins(env):
    """Origins the browser may load media from (for the Content-Security-Policy)."""
    endpoint = env.get("AWS_S3_ENDPOINT_URL")
    if endpoint:
        parts = urlsplit(endpoint)
        return [f"{parts.scheme}://{parts.netloc}"]
    if env.get("AWS_STORAGE_BUCKET_NAME"):
        return ["https://*.amazonaws.com"]
    return []


def email(env):
    url = env.get("EMAIL_URL")
    if not url:
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    config = dj_email_url.parse(url)
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": config["EMAIL_HOST"],
        "EMAIL_PORT": config["EMAIL_PORT"],
        "EMAIL_HOST_USER": config["EMAIL_HOST_USER"],
        "EMAIL_HOST_PASSWORD": config["EMAIL_HOST_PASSWORD"],
        "EMAIL_USE_TLS": config["EMAIL_USE_TLS"],
        "EMAIL_USE_SSL": config["EMAIL_USE_SSL"],
        "EMAIL_TIMEOUT": config.get("EMAIL_TIMEOUT") or 20,
    }
