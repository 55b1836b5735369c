import uuid

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel

from .captions import InvalidCaptions, to_webvtt
from .enums import RenditionKind, VideoStatus
from .forms import VideoForm
from .panels import CaptionFilePanel, VideoDetailsPanel, VideoStatusPanel, VideoUploadPanel


def original_path(video, filename):
    # The uploader's file name never reaches the file system: only a random name and a safe extension.
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    extension = extension if extension.isalnum() and len(extension) <= 5 else "bin"
    return f"videos/originals/{uuid.uuid4().hex}.{extension}"


class Video(ClusterableModel):
    base_form_class = VideoForm

    title = models.CharField(_("title"), max_length=200)
    language = models.CharField(_("language"), max_length=12, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="videos",
    )
    original = models.FileField(_("original file"), upload_to=original_path, max_length=255)
    original_name = models.CharField(_("uploaded file name"), max_length=255, blank=True)
    original_bytes = models.BigIntegerField(_("size (bytes)"), default=0)
    status = models.CharField(_("status"), max_length=12, choices=VideoStatus.choices, default=VideoStatus.UPLOADED)
    failure_reason = models.TextField(_("reason"), blank=True)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    duration = models.FloatField(_("duration (seconds)"), null=True, blank=True)
    width = models.PositiveIntegerField(_("width"), null=True, blank=True)
    height = models.PositiveIntegerField(_("height"), null=True, blank=True)
    container = models.CharField(_("container"), max_length=40, blank=True)
    video_codec = models.CharField(_("video codec"), max_length=40, blank=True)
    audio_codec = models.CharField(_("audio codec"), max_length=40, blank=True)
    poster = models.CharField(_("poster path"), max_length=255, blank=True)
    output_prefix = models.CharField(_("output folder"), max_length=255, blank=True)
    heartbeat = models.DateTimeField(_("last sign of life"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    created = models.DateTimeField(_("created"), auto_now_add=True)

    panels = [
        VideoStatusPanel(),
        VideoDetailsPanel(heading=_("The video ready for learners")),
        FieldPanel("title"),
        FieldPanel("language", widget=forms.Select(choices=settings.LANGUAGES)),
        # A plain file input: the current file is linked by the upload panel, through the access-checked view.
        FieldPanel("original", widget=forms.FileInput),
        VideoUploadPanel(),
        InlinePanel("captions", heading=_("Captions"), label=_("Captions track")),
    ]

    class Meta:
        ordering = ["-created"]
        verbose_name = _("video")
        verbose_name_plural = _("videos")
        indexes = [models.Index(fields=["status", "heartbeat"])]

    def __str__(self):
        return self.title

    @property
    def is_ready(self):
        return self.status == VideoStatus.READY


class Rendition(models.Model):
    video = models.ForeignKey(Video, on_delete=models.CASCADE, related_name="renditions")
    kind = models.CharField(_("kind"), max_length=10, choices=RenditionKind.choices)
    width = models.PositiveIntegerField(_("width"), default=0)
    height = models.PositiveIntegerField(_("height"), default=0)
    declared_bitrate = models.PositiveIntegerField(_("target bitrate (bit/s)"), default=0)
    average_bitrate = models.PositiveIntegerField(_("average bitrate (bit/s)"), default=0)
    peak_bitrate = models.PositiveIntegerField(_("peak bitrate (bit/s)"), default=0)
    codecs = models.CharField(_("codecs"), max_length=60, blank=True)
    bytes = models.BigIntegerField(_("size (bytes)"), default=0)
    path = models.CharField(_("playlist or file path"), max_length=255)

    class Meta:
        ordering = ["kind", "-height"]
        verbose_name = _("rendition")
        verbose_name_plural = _("renditions")

    def __str__(self):
        return f"{self.video_id} {self.kind} {self.height}p"


def caption_path(caption, filename):
    return f"videos/captions/{uuid.uuid4().hex}.vtt"


class Caption(models.Model):
    """Subtitles of a video in one language, stored as WebVTT (SubRip files are converted on upload)."""

    video = ParentalKey(Video, on_delete=models.CASCADE, related_name="captions")
    language = models.CharField(_("language"), max_length=12)
    file = models.FileField(_("captions file (.vtt or .srt)"), upload_to=caption_path, max_length=255)

    panels = [
        FieldPanel("language", widget=forms.Select(choices=settings.LANGUAGES)),
        CaptionFilePanel(),
        FieldPanel("file", widget=forms.FileInput),
    ]

    class Meta:
        verbose_name = _("captions")
        verbose_name_plural = _("captions")
        constraints = [models.UniqueConstraint(fields=["video", "language"], name="one_caption_track_per_language")]

    def __str__(self):
        return f"{self.video_id} {self.language}"

    def save(self, *args, **kwargs):
        webvtt = getattr(self, "_webvtt", None) or self._uploaded_webvtt()
        if webvtt is not None:
            self.file = ContentFile(webvtt.encode(), name="captions.vtt")
        super().save(*args, **kwargs)

    def clean(self):
        try:
            self._webvtt = self._uploaded_webvtt()
        except InvalidCaptions as error:
            raise ValidationError({"file": str(error)}) from error

    def _uploaded_webvtt(self):
        if not self.file or getattr(self.file, "_committed", True):
            return None
        self.file.seek(0)
        return to_webvtt(self.file.read())


class Upload(models.Model):
    """A large original on its way from a trainer's browser: in chunks to the media folder (embedded profile) or
    as an S3 multipart upload with presigned part URLs. Once complete, a video form takes it (and deletes this)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="video_uploads")
    name = models.CharField(_("uploaded file name"), max_length=255)
    size = models.BigIntegerField(_("size (bytes)"))
    key = models.CharField(_("stored name"), max_length=255, unique=True)
    chunk_size = models.PositiveIntegerField(_("chunk size (bytes)"))
    received = models.BigIntegerField(_("bytes received"), default=0)
    s3_upload_id = models.CharField(max_length=1024, blank=True)
    completed = models.DateTimeField(_("completed"), null=True, blank=True)
    # Set before the bytes are deleted, so that no video can take an upload whose bytes are going.
    cancelled = models.DateTimeField(_("cancelled"), null=True, blank=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("upload")
        verbose_name_plural = _("uploads")
        indexes = [models.Index(fields=["created"])]

    def __str__(self):
        return f"{self.name} ({self.received}/{self.size})"

    @property
    def part_count(self):
        return max(1, -(-self.size // self.chunk_size))
