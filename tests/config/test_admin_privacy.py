"""The admin names no third party: avatars come from the site itself (a gravatar URL carries a hash of the
e-mail address to an outside host, and breaks offline)."""

import hashlib
import re

import pytest
from django.urls import URLResolver, get_resolver

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
SKIPPED = re.compile(r"logout|failwhale")  # signs the client out; Wagtail's deliberate error page


def plain_admin_paths(patterns=None, prefix=""):
    """Every admin address that takes no argument: the dashboard, listings, reports, account, settings."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from plain_admin_paths(pattern.url_patterns, route)
        elif route.startswith("admin/") and not re.search(r"[<(^$\\]", route) and not SKIPPED.search(route):
            yield "/" + route


@pytest.mark.slow
def test_no_admin_page_loads_an_avatar_from_gravatar(client):
    admin = UserFactory(email="Zoe.Admin@example.dz", is_staff=True, is_superuser=True)
    UserFactory(groups=["Trainers"])  # another avatar, in the user listings
    email_hash = hashlib.md5(admin.email.lower().encode(), usedforsecurity=False).hexdigest()
    client.force_login(admin)
    pages = 0
    for path in sorted(set(plain_admin_paths())):
        response = client.get(path)
        if response.status_code != 200 or response.streaming:
            continue
        pages += 1
        html = response.content.decode(errors="replace")
        assert "gravatar.com" not in html and email_hash not in html, path
    assert pages > 30
