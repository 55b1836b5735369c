"""Changes the offline queue sends again when the link returns (static/js/queue.js): each is applied once, for the
person who made it, under the server's rules of the moment (a quiz answer sent after the deadline is refused)."""

import uuid
from datetime import timedelta
from functools import wraps

from django.db import IntegrityError, transaction
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from .middleware import cache_key
from .models import Replay

KEY_HEADER = "Idempotency-Key"
MADE_BY_HEADER = "X-Tadrib-Made-By"  # the page cache key of the person whose device queued the change
KEPT_FOR = timedelta(days=30)  # longer than a queue waits: the service worker drops what it could not send by then


def applied_once(view):
    """Wraps a POST endpoint. Without an Idempotency-Key header the request is an ordinary one. With one, the first
    request under that key runs the view and its answer is kept; every later one gets the same answer, unapplied."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        raw = request.headers.get(KEY_HEADER)
        if raw is None:
            return view(request, *args, **kwargs)
        try:
            key = uuid.UUID(raw)
        except ValueError:
            return JsonResponse({"error": _("This saved change is damaged; it was not applied.")}, status=400)
        if not request.user.is_authenticated:
            message = _("Log in again: changes saved offline are applied only to the account that made them.")
            return JsonResponse({"error": message}, status=401)
        if request.headers.get(MADE_BY_HEADER, cache_key(request.user)) != cache_key(request.user):
            message = _("This change was saved on this device by another account; it was not applied.")
            return JsonResponse({"error": message}, status=403)
        with transaction.atomic():
            try:
                with transaction.atomic():
                    replay = Replay.objects.create(key=key, user=request.user, path=request.path[:255])
            except IntegrityError:  # sent before: a queue replayed twice, or two tabs replaying at once
                return _answer_again(request, key)
            response = view(request, *args, **kwargs)
            if response.status_code == 429 or response.status_code >= 500:
                transaction.set_rollback(True)  # "not now" is no answer to keep: the queue sends it again later
                return response
            replay.status = response.status_code
            if response.get("Content-Type", "").startswith("application/json"):
                replay.body = response.content.decode()
            replay.save(update_fields=["status", "body"])
        Replay.objects.filter(user=request.user, created__lt=timezone.now() - KEPT_FOR).delete()
        return response

    return wrapper


def _answer_again(request, key):
    replay = Replay.objects.filter(key=key).first()
    if replay is None or replay.user_id != request.user.pk or replay.path != request.path[:255]:
        message = _("This change's key was already used for another one; it was not applied.")
        return JsonResponse({"error": message}, status=409)
    if not replay.status:  # the first one is still being applied (a database that shows it before its commit)
        response = JsonResponse({"error": _("This change is being applied; it will be confirmed shortly.")}, status=503)
        response["Retry-After"] = "2"
        return response
    response = HttpResponse(replay.body or "{}", status=replay.status, content_type="application/json")
    response["Idempotent-Replayed"] = "true"
    return response
