from django.urls import path

from . import views

urlpatterns = [
    path("sw.js", views.service_worker, name="service_worker"),
    path("manifest/<str:language>.webmanifest", views.web_app_manifest, name="web_app_manifest"),
    path("offline/<str:language>/", views.offline_page, name="offline_page"),
]
