from django.urls import path

from . import views

urlpatterns = [
    path("verify/<str:public_id>/", views.verify, name="certificate_verify"),
    path("certificates/", views.my_certificates, name="my_certificates"),
    path("certificates/<str:public_id>.pdf", views.download_pdf, name="certificate_pdf"),
    path("certificates/<str:public_id>.jwt", views.download_credential, {"form": "jwt"}, name="credential_jwt"),
    path("certificates/<str:public_id>.json", views.download_credential, {"form": "json"}, name="credential_json"),
]
