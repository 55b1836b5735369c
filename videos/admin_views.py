from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from .access import visible_videos


@require_GET
def status(request, video_id):
    """JSON for the admin's progress bar; only videos the user may see."""
    video = get_object_or_404(visible_videos(request.user), pk=video_id)
    return JsonResponse(
        {
            "status": video.status,
            "label": str(video.get_status_display()),
            "progress": video.progress,
            "reason": video.failure_reason,
            "finished": video.status in ("ready", "failed"),
        }
    )
