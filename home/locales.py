from django.conf import settings


def sync_locales(using="default", **kwargs):
    """Create a Wagtail Locale for each content language, so a new language is a settings change."""
    from wagtail.models import Locale

    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.using(using).get_or_create(language_code=code)
