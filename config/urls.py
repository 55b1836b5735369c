from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from accounts import urls as accounts_urls
from certificates import credential_urls
from certificates import urls as certificates_urls
from core import admin_urls as scoped_admin_urls
from courses import urls as courses_urls
from home import views as home_views
from home.sitemaps import PageSitemap
from offline import urls as offline_urls
from quizzes import urls as quizzes_urls
from seminars import urls as seminars_urls
from videos import urls as videos_urls

urlpatterns = [
    # Every sign-in goes through one throttled, translated login page.
    path("admin/login/", home_views.admin_login, name="admin_login"),
    # Wagtail's views that gather many models (site history, snippets index), asking the permission policies.
    path("admin/", include(scoped_admin_urls)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    re_path(r"^media/(?P<path>(?:images|original_images)/.+)$", home_views.public_media),
    path("media/videos/", include(videos_urls)),
    path("credentials/", include(credential_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": PageSitemap}}, name="sitemap"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    # The installable app: /sw.js (at the root, so its scope is the whole site), manifests, offline pages.
    path("", include(offline_urls)),
]

urlpatterns += i18n_patterns(
    path("accounts/", include(accounts_urls)),
    path("accounts/", include("allauth.urls")),
    path("learning/", include(courses_urls)),
    path("quizzes/", include(quizzes_urls)),
    path("seminar/", include(seminars_urls)),
    path("", include(certificates_urls)),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
