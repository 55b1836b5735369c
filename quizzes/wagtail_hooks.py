from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_views
from .access import editable_categories, editable_questions, usable_categories, usable_questions
from .models import Question, QuestionCategory, QuizPage


def _scoped_views(editable, usable):
    """Edit/delete/history/usage views that check the object (Wagtail checks only the model permission), and
    chooser views listing what the user may use in a quiz."""

    class Scoped:
        def get_object(self, *args, **kwargs):
            instance = super().get_object(*args, **kwargs)
            if not editable(self.request.user).filter(pk=instance.pk).exists():
                raise PermissionDenied
            return instance

    class Usable:
        def get_object_list(self):
            return usable(self.request.user)

    generic = (snippet_views.EditView, snippet_views.DeleteView, snippet_views.HistoryView, snippet_views.UsageView)
    chooser = type(
        "ScopedChooserViewSet",
        (SnippetChooserViewSet,),
        {
            "choose_view_class": type("ScopedChooseView", (Usable, ChooseView), {}),
            "choose_results_view_class": type("ScopedChooseResultsView", (Usable, ChooseResultsView), {}),
        },
    )
    return (*(type(f"Scoped{view.__name__}", (Scoped, view), {}) for view in generic), chooser)


class QuestionViewSet(SnippetViewSet):
    model = Question
    icon = "help"
    menu_label = _("Questions")
    list_display = ["__str__", "kind", "category", "points", "updated"]
    list_filter = ["kind", "category"]
    search_fields = ["text"]
    edit_view_class, delete_view_class, history_view_class, usage_view_class, chooser_viewset_class = _scoped_views(
        editable_questions, usable_questions
    )

    def get_queryset(self, request):
        return editable_questions(request.user).select_related("category__course")


class QuestionCategoryViewSet(SnippetViewSet):
    model = QuestionCategory
    icon = "folder-open-inverse"
    menu_label = _("Categories")
    list_display = ["name", "course"]
    search_fields = ["name"]
    edit_view_class, delete_view_class, history_view_class, usage_view_class, chooser_viewset_class = _scoped_views(
        editable_categories, usable_categories
    )

    def get_queryset(self, request):
        return editable_categories(request.user).select_related("course")


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
