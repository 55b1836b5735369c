from allauth.account.signals import user_logged_in
from django.conf import settings
from django.dispatch import receiver
from django.utils import translation


@receiver(user_logged_in)
def use_preferred_language(request, user, **kwargs):
    """Remember the member's chosen language for the visits that start at '/'."""
    language = user.preferred_language
    if language in dict(settings.LANGUAGES):
        translation.activate(language)
        request.LANGUAGE_CODE = language
