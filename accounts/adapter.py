from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.contrib.auth.models import Group
from django.utils import translation

from core.addresses import client_address

from .enums import GroupName


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            trainees, _created = Group.objects.get_or_create(name=GroupName.TRAINEES)
            user.groups.add(trainees)
        return user

    def get_client_ip(self, request):
        """allauth's login, sign-up and reset limits count under the same address as every other limit."""
        return client_address(request)

    def _get_login_attempts_cache_key(self, request, **credentials):
        # allauth puts the host the client named, port included, before the account: "tadrib.dz:1",
        # "tadrib.dz:2"… would each start a new count of failed logins. There is one site: the account is the key.
        return credentials.get("email", credentials.get("username", "")).lower()

    def get_login_redirect_url(self, request):
        language = getattr(request.user, "preferred_language", "") or translation.get_language()
        if language not in dict(settings.LANGUAGES):
            language = settings.LANGUAGE_CODE
        return f"/{language}/"
