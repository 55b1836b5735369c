from django.core.checks import Error, Warning, register
from django.core.exceptions import ImproperlyConfigured


@register()
def credential_keys(app_configs, **kwargs):
    """Say at start-up, not at the first download, that the signing keys are missing or broken."""
    from . import keys

    try:
        found = keys.all_keys()
    except ImproperlyConfigured as error:
        return [Error(str(error), id="certificates.E001")]
    if not found:
        return [
            Warning(
                "No key signs Open Badges credentials: learners cannot download signed credentials.",
                hint="Run `manage.py credential_keys --create` (embedded) or set CREDENTIAL_KEYS (scale-out).",
                id="certificates.W001",
            )
        ]
    return []
