from wagtail.models import ModelLogEntry

from .log_entries import ScopedModelLogEntryManager

# core also needs a models module because `migrate` sends pre_migrate only to apps that have one, and core creates
# the cache table on that signal (see apps.py).


class ScopedModelLogEntry(ModelLogEntry):
    """Wagtail's ModelLogEntry table, read through a manager that asks the permission policies (core.log_entries)."""

    objects = ScopedModelLogEntryManager()

    class Meta:
        proxy = True
