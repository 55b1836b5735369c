from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from . import signals  # noqa: F401


class UsersAdminConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with the member fields in its forms."""

    user_viewset = "accounts.viewsets.UserViewSet"
