from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VideosConfig(AppConfig):
    name = "videos"
    verbose_name = _("Videos")

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from . import signals  # noqa: F401
        from .models import Video
        from .permissions import video_policy

        # Before any view asks: Wagtail would otherwise create a model-wide policy for the model.
        register_permission_policy(Video, video_policy)
