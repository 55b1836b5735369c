from django.http import HttpResponseForbidden
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from . import delivery
from .access import can_watch
from .enums import VideoStatus
from .models import Video


@require_safe
def video_media(request, video_id, name):
    video = get_object_or_404(Video, pk=video_id, status=VideoStatus.READY)
    if not can_watch(request.user, video):
        return HttpResponseForbidden("You may not watch this video.")
    return delivery.serve(request, video, name)
