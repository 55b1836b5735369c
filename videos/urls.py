from django.urls import re_path

from . import views

urlpatterns = [
    re_path(r"^(?P<video_id>\d+)/(?P<name>[0-9a-z_./]+)$", views.video_media, name="video_media"),
]
