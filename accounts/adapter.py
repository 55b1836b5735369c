from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.contrib.auth.models import Group
from django.urls import translate_url
from django.utils import translation

from core.addresses import client_address

from .enums import GroupName
from .models import User


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

    def send_mail(self, template_prefix, email, context):
        """allauth's mails in the member's language (as accounts.mail writes ours), not in the language of the
        page the request came from; its links (made for that page) are moved to the same language."""
        member = context.get("user") or User.objects.filter(email__iexact=email).first()
        language = member.mail_language(fallback=translation.get_language()) if member else translation.get_language()
        context = {
            key: translate_url(value, language) if key.endswith("_url") and isinstance(value, str) else value
            for key, value in context.items()
        }
        with translation.override(language):
            super().send_mail(template_prefix, email, context)

    def render_mail(self, template_prefix, email, context, headers=None):
        headers = {"Content-Language": translation.get_language(), **(headers or {})}
        return super().render_mail(template_prefix, email, context, headers=headers)
