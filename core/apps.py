from django.apps import AppConfig
from django.core.management import call_command
from django.db.models.signals import pre_migrate


def create_cache_table(using, **kwargs):
    """The database cache's table comes with `migrate`, so no install or deployment step can forget it.

    Before the migrations, because what runs after them (and any data migration using real models) may
    already read or clear the cache: Wagtail does when a Site or Locale is saved."""
    call_command("createcachetable", database=using, verbosity=0)


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self):
        from . import checks  # noqa: F401 (registers the checks)
        from .critical_css import allow_in_policy

        allow_in_policy()

        pre_migrate.connect(create_cache_table, sender=self)
