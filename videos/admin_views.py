import re

from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_safe
from wagtail.permissions import policy_registry

from . import delivery
from .access import visible_videos
from .enums import FINISHED_STATUSES
from .models import Video

MAX_STATUSES = 100
VIDEO_ID = re.compile(r"[0-9]{1,12}")


def _state(video):
    return {
        "status": video.status,
        "label": str(video.get_status_display()),
        "progress": video.progress,
        "reason": video.failure_reason,
        "finished": video.status in FINISHED_STATUSES,
    }


@require_GET
def statuses(request):
    """The states of several videos at once (?id=1&id=2…), for the video list; videos the user may not see are
    left out, so the answer says nothing about them."""
    ids = request.GET.getlist("id")
    if len(ids) > MAX_STATUSES:
        return JsonResponse({"error": _("Ask for at most 100 videos at a time.")}, status=400)
    if not all(VIDEO_ID.fullmatch(value) for value in ids):
        return JsonResponse({"error": _("Video ids are whole numbers.")}, status=400)
    videos = visible_videos(request.user).filter(pk__in=[int(value) for value in ids])
    fields = ("pk", "status", "progress", "failure_reason")
    return JsonResponse({"videos": {str(video.pk): _state(video) for video in videos.only(*fields)}})


@require_safe
def original(request, video_id):
    """The uploaded file, for whoever may change the video (its owner, admins); to others it does not exist."""
    changeable = policy_registry.get_by_type(Video).instances_user_has_permission_for(request.user, "change")
    return delivery.serve_original(request, get_object_or_404(changeable, pk=video_id))
