from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_out


class OfflineConfig(AppConfig):
    name = "offline"
    verbose_name = "Installable app"

    def ready(self):
        from .middleware import clear_site_data_after_logout

        # Every way out (allauth's logout, the admin's, a password change that logs out) sends the signal.
        user_logged_out.connect(clear_site_data_after_logout, dispatch_uid="offline.clear_site_data")
