"""Wagtail's admin views that gather instances of many models, asking the permission policies about instances.

config/urls.py routes them ahead of Wagtail's admin, at Wagtail's own addresses (admin_urls.py), so every link
and menu item Wagtail makes reaches these.
"""

from django.utils.text import capfirst
from wagtail.admin.views.reports.audit_logging import (
    LogEntriesView,
    SiteHistoryReportFilterSet,
    get_users_for_filter,
)
from wagtail.snippets.views.snippets import ModelIndexView, get_snippet_models_for_index_view

from .permission_policies import instances_user_reaches


class SiteHistoryFilterSet(SiteHistoryReportFilterSet):
    def get_users_queryset(self):
        # Wagtail 8 offers here everyone who ever acted on any page (its get_user_choices is never called); the
        # people behind the entries this user may read are the ones to offer (core.log_entries scopes those).
        return get_users_for_filter(self.request.user)


class SiteHistoryView(LogEntriesView):
    filterset_class = SiteHistoryFilterSet


class SnippetTypesView(ModelIndexView):
    """The snippets index, counting the instances each user may reach rather than every instance."""

    def _get_snippet_types(self):
        return [
            {
                "name": capfirst(model._meta.verbose_name_plural),
                "count": instances_user_reaches(model, self.request.user).count(),
                "model": model,
                "url": url,
            }
            for model in get_snippet_models_for_index_view()
            if (url := self.get_list_url(model))
        ]
