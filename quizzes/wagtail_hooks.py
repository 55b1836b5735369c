import django_filters
from django.contrib import messages
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.admin_scope import ScopedViewSetMixin

from . import admin_views
from .feedback import editor_warnings
from .models import Question, QuestionCategory, QuizPage
from .permissions import category_policy


def _categories_in_scope(request):
    return category_policy.instances_user_has_permission_for(request.user, "change").select_related("course")


class QuestionFilterSet(WagtailFilterSet):
    # The filter offers the user's own categories only: the names of other courses' banks are not theirs to read.
    category = django_filters.ModelChoiceFilter(queryset=_categories_in_scope)

    class Meta:
        model = Question
        fields = ["kind", "category"]


# Who reaches which question or category is the models' permission policy (quizzes/permissions.py).
class QuestionViewSet(ScopedViewSetMixin, SnippetViewSet):
    model = Question
    icon = "help"
    menu_label = _("Questions")
    list_display = ["__str__", "kind", "category", "points", "updated"]
    filterset_class = QuestionFilterSet

    def get_queryset(self, request):
        return Question.objects.select_related("category__course")


class QuestionCategoryViewSet(ScopedViewSetMixin, SnippetViewSet):
    model = QuestionCategory
    icon = "folder-open-inverse"
    menu_label = _("Categories")
    list_display = ["name", "course"]
    search_fields = ["name"]

    def get_queryset(self, request):
        return QuestionCategory.objects.select_related("course")


class QuestionBankGroup(SnippetViewSetGroup):
    items = (QuestionViewSet, QuestionCategoryViewSet)
    menu_icon = "help"
    menu_label = _("Question bank")
    menu_order = 260


register_snippet(QuestionBankGroup)


@hooks.register("register_admin_urls")
def quiz_admin_urls():
    return [
        path("quizzes/<int:quiz_id>/results/", admin_views.quiz_results, name="quizzes_results"),
        path("quizzes/<int:quiz_id>/results.csv", admin_views.quiz_results_csv, name="quizzes_results_csv"),
        path("quizzes/<int:quiz_id>/regrade/", admin_views.quiz_regrade, name="quizzes_regrade"),
    ]


def _results_button(page, user, priority):
    if isinstance(page.specific_deferred, QuizPage) and page.permissions_for_user(user).can_edit():
        yield Button(_("Results"), url=reverse("quizzes_results", args=[page.pk]), icon_name="table", priority=priority)


@hooks.register("register_page_header_buttons")
def quiz_results_header_button(page, user, view_name, next_url=None):
    yield from _results_button(page, user, 25)


@hooks.register("register_page_listing_more_buttons")
def quiz_results_listing_button(page, user, next_url=None):
    yield from _results_button(page, user, 25)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_about_the_feedback_rule(request, page):
    """A quiz whose feedback rule undoes its attempts limit gets a warning, never a refusal: a form's clean() can
    only refuse, and a practice quiz may show the answers after each attempt on purpose. The message shows where the
    editor lands (the edit form after a draft, the listing after publishing)."""
    # The editor's autosave reads a JSON answer, which shows no messages: they would pile up for the next page.
    if not isinstance(page, QuizPage) or not request.accepts("text/html"):
        return None
    for warning in editor_warnings(page):
        messages.warning(request, warning)
    return None
