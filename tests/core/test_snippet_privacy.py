"""Snippets with no owner still have readers: certificates name their holders, and only Observatory admins may
see them. Choosers and bulk actions, which Wagtail opens to every admin user, ask the models' policies too."""

import pytest
from django.urls import reverse
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.snippets.models import get_snippet_models

from certificates import services
from core.admin_scope import PolicyBulkActionMixin
from courses.models import CourseTheme
from tests.factories import UserFactory, build_course

pytestmark = pytest.mark.django_db
DENIED = "/admin/"


@pytest.fixture
def certificate(catalogues):
    holder = UserFactory(full_name_latin="Holder-Of-The-Certificate")
    return services.issue_for_course(holder, build_course(catalogues["fr"], lessons=0)[0])[0]


def test_only_observatory_admins_see_certificates_anywhere_in_the_admin(client, certificate):
    chooser = "/admin/snippets/choose/certificates/certificate/"
    urls = [
        chooser,
        f"{chooser}results/",
        f"{chooser}chosen/{certificate.pk}/",
        f"{chooser}chosen-multiple/?id={certificate.pk}",
        f"/admin/snippets/certificates/certificate/?q={certificate.public_id}",
    ]
    bulk = f"/admin/bulk/certificates/certificate/delete/?id={certificate.pk}"
    for group in ("Trainers", "Editors"):
        client.force_login(UserFactory(groups=[group]))
        for url in urls:
            response = client.get(url)
            assert (response.status_code, response.get("Location")) == (302, DENIED), (group, url)
        assert client.get(bulk).status_code == 404, group  # not even named as "you may not delete"
    client.force_login(UserFactory(groups=["Observatory admins"]))
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200 and "Holder-Of-The-Certificate" in response.content.decode(), url
    assert client.get(bulk).status_code == 200  # listed, as one they may not delete


def test_bulk_actions_name_only_what_the_user_may_see(client, catalogues):
    CourseTheme.objects.create(name="Theme-only-admins-manage", slug="gouvernance", locale=catalogues["fr"].locale)
    client.force_login(UserFactory(groups=["Trainers"]))
    url = reverse("wagtail_bulk_action", args=("courses", "coursetheme", "delete"))
    assert client.get(url, {"id": "all"}).status_code == 404
    for model in get_snippet_models():
        for action in bulk_action_registry.get_bulk_actions_for_model(model._meta.app_label, model._meta.model_name):
            assert issubclass(action, PolicyBulkActionMixin), (model, action)
