"""Addresses of Wagtail's admin whose views are replaced by the ones in admin_views.py: config/urls.py includes
these ahead of Wagtail's admin, with the same protections Wagtail gives its own (admin access, no caching)."""

from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.utils.urlpatterns import decorate_urlpatterns

from .admin_views import SiteHistoryView, SnippetTypesView

urlpatterns = [
    path("reports/site-history/", SiteHistoryView.as_view(), name="site_history_within_scope"),
    path(
        "reports/site-history/results/",
        SiteHistoryView.as_view(results_only=True),
        name="site_history_results_within_scope",
    ),
    path("snippets/", SnippetTypesView.as_view(), name="snippet_types_within_scope"),
]
urlpatterns = decorate_urlpatterns(decorate_urlpatterns(urlpatterns, require_admin_access), never_cache)
