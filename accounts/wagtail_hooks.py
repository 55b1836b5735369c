from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Wilaya


class WilayaViewSet(SnippetViewSet):
    model = Wilaya
    icon = "site"
    menu_label = _("Wilayas")
    list_display = ["code", "name_ar", "name_fr", "is_active"]
    search_fields = ["name_ar", "name_fr"]
    add_to_admin_menu = False


register_snippet(WilayaViewSet)
