"""Production settings plus one bare view, so pages are measured against Django's own floor."""

from config.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
Q_CLUSTER = {**Q_CLUSTER, "log_level": "WARNING"}  # noqa: F405 — failures still show, not each task
