from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = _("Certificates")

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from . import checks, signals  # noqa: F401
        from .models import Certificate
        from .permissions import certificate_policy

        # Before any view asks: Wagtail would otherwise create a model-wide policy for the model.
        register_permission_policy(Certificate, certificate_policy)
