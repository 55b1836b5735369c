from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def proxy_count_is_set_behind_a_proxy(app_configs, **kwargs):
    """Behind a proxy every request comes from the proxy's address: each limit would then be one for the site."""
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None) and settings.TRUSTED_PROXY_COUNT == 0:
        return [
            checks.Warning(
                "The site trusts a proxy's X-Forwarded-Proto but TRUSTED_PROXY_COUNT is 0, so rate limits count "
                "every visitor under the proxy's address.",
                hint="Set TRUSTED_PROXY_COUNT to the number of proxies in front of the app (1 for one TLS proxy).",
                id="core.W001",
            )
        ]
    return []
