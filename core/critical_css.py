"""The critical CSS that every public page inlines in its <head>, and the CSP hash that lets the browser apply it.

The file is read once per process through the staticfiles finders (so it works with or without collectstatic).
The <style> written by the template tag and the 'sha256-…' source added to the policy at startup both come from
that one string, so they cannot drift apart. An edit to static/css/critical.css takes effect when the processes
restart.
"""

import base64
import hashlib
import re
from functools import cache

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import ImproperlyConfigured

PATH = "css/critical.css"
# Comments that fill lines of their own stay in the file and out of every page.
OWN_LINE_COMMENT = re.compile(r"^/\*.*?\*/\n", re.MULTILINE | re.DOTALL)


@cache
def critical_css():
    found = finders.find(PATH)
    if found is None:
        raise ImproperlyConfigured(f"{PATH} is missing from the static files")
    with open(found, "rb") as handle:
        text = handle.read().decode("utf-8-sig")
    # The browser hashes the element's text as parsed, and HTML parsing turns CR LF and CR into LF.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = OWN_LINE_COMMENT.sub("", text)
    if "</style" in text.lower() or "<!--" in text:
        raise ImproperlyConfigured(f"{PATH} must not contain '</style' or '<!--': it is inlined in a <style>")
    return text


def policy_source():
    """The CSP source allowing exactly the inlined text: 'sha256-<base64 of the SHA-256 of its UTF-8>'."""
    digest = hashlib.sha256(critical_css().encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def allow_in_policy():
    """Add the hash to the public site's style-src; called once, when the apps are ready."""
    directives = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    sources = list(directives.get("style-src") or [])
    source = policy_source()
    if source not in sources:
        directives["style-src"] = [*sources, source]
