from django.urls import path

from . import credential_views

urlpatterns = [
    path("issuer", credential_views.issuer, name="credential_issuer"),
    path("jwks.json", credential_views.jwks, name="credential_jwks"),
    path("keys/<str:thumbprint>", credential_views.key, name="credential_key"),
    path("status/<int:list_number>", credential_views.status_list, name="credential_status_list"),
]
