from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.admin_scope import ScopedViewSetMixin

from . import admin_views
from .models import Certificate, CertificateDesign


class DetailColumn(Column):
    def get_value(self, instance):
        url = reverse("certificates_admin_detail", args=[instance.public_id])
        return format_html('<a href="{}">{}</a>', url, instance.public_id)


# Who may see certificates is the model's permission policy (certificates/permissions.py), choosers included.
class CertificateViewSet(ScopedViewSetMixin, SnippetViewSet):
    """Observatory admins look certificates up, revoke and re-issue them (no editing: a certificate is a record)."""

    model = Certificate
    icon = "doc-full"
    menu_label = _("Certificates")
    menu_order = 270
    add_to_admin_menu = True
    list_display = [DetailColumn("public_id", label=_("public id")), "__str__", "kind", "issued_at", "revoked_at"]
    list_filter = ["kind", "issued_at"]
    search_fields = ["public_id"]
    inspect_view_enabled = False


register_snippet(CertificateViewSet)


class PreviewColumn(Column):
    def get_value(self, instance):
        url = reverse("certificates_design_preview", args=[instance.pk])
        return format_html('<a href="{}" target="_blank" rel="noopener">{}</a>', url, _("Preview (PDF)"))


class CertificateDesignViewSet(SnippetViewSet):
    model = CertificateDesign
    icon = "image"
    menu_label = _("Certificate designs")
    add_to_settings_menu = True
    list_display = ["name", "kind", PreviewColumn("preview", label=_("Preview"))]


register_snippet(CertificateDesignViewSet)


@hooks.register("register_admin_urls")
def certificate_admin_urls():
    return [
        path(
            "certificates/designs/<int:design_id>/preview.pdf",
            admin_views.design_preview,
            name="certificates_design_preview",
        ),
        path("certificates/<str:public_id>/", admin_views.certificate_detail, name="certificates_admin_detail"),
        path("certificates/<str:public_id>/revoke/", admin_views.revoke, name="certificates_admin_revoke"),
        path("certificates/<str:public_id>/reissue/", admin_views.reissue, name="certificates_admin_reissue"),
        path(
            "certificates/seminar/<int:seminar_id>/issue/",
            admin_views.issue_for_seminar,
            name="certificates_admin_issue_seminar",
        ),
    ]
