from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import CourseTheme


class CourseThemeViewSet(SnippetViewSet):
    model = CourseTheme
    icon = "tag"
    menu_label = _("Course themes")
    add_to_admin_menu = False
    list_display = ["name", "slug", "locale"]


register_snippet(CourseThemeViewSet)
