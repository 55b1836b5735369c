from django.db import models
from django.utils.translation import gettext_lazy as _


class VideoStatus(models.TextChoices):
    UPLOADED = "uploaded", _("Uploaded")
    PROBING = "probing", _("Checking the file")
    QUEUED = "queued", _("Waiting to be converted")
    TRANSCODING = "transcoding", _("Converting")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")


FINISHED_STATUSES = (VideoStatus.READY, VideoStatus.FAILED)  # nothing more will happen without a new upload


class RenditionKind(models.TextChoices):
    HLS = "hls", _("Streaming quality")
    AUDIO = "audio", _("Audio only")
    DOWNLOAD = "download", _("Download (MP4)")
    SOUND = "sound", _("Sound only, one file (data saver)")
