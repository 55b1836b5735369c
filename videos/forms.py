from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from . import display
from .enums import VideoStatus

EXTENSIONS = {"mp4", "m4v", "mov", "3gp", "mkv", "webm"}


class VideoForm(WagtailAdminModelForm):
    # Set by the admin script once it has sent the file in resumable chunks (or straight to S3).
    upload = forms.UUIDField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "original" in self.fields:
            self.fields["original"].required = False
        self._upload = None
        self._previous_original = self.instance.original.name if self.instance.pk else ""

    def clean_original(self):
        upload = self.cleaned_data.get("original")
        if upload is None or "original" not in self.changed_data:
            return upload
        extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
        if extension not in EXTENSIONS:
            raise ValidationError(_("Upload an MP4, MOV, 3GP, MKV or WebM video."))
        if upload.size == 0:
            raise ValidationError(_("The file is empty."))
        if upload.size > settings.VIDEO_MAX_UPLOAD_BYTES:
            raise ValidationError(
                _("The file is too large (%(size)s); the limit is %(limit)s.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(settings.VIDEO_MAX_UPLOAD_BYTES)}
            )
        return upload

    def clean(self):
        cleaned = super().clean()
        upload_id = cleaned.get("upload")
        if upload_id:
            from .models import Upload

            self._upload = Upload.objects.filter(
                pk=upload_id, owner=self.for_user, completed__isnull=False, cancelled__isnull=True
            ).first()
            if self._upload is None:
                self.add_error("original", _("The uploaded file was not found; choose it again."))
        elif not cleaned.get("original") and not self.instance.original:
            self.add_error("original", _("Choose a video file."))
        return cleaned

    def save(self, commit=True):
        from . import uploads
        from .services import submit

        video = super().save(commit=False)
        new_file = "original" in self.changed_data or self._upload is not None
        if self._upload is not None:
            video.original.name, video.original_name, video.original_bytes = (
                self._upload.key,
                display.file_name(self._upload.name),
                self._upload.size,
            )
        elif new_file:
            upload = self.cleaned_data["original"]
            video.original_name = display.file_name(upload.name)
            video.original_bytes = upload.size
        if new_file:
            video.status, video.attempts, video.progress, video.failure_reason = VideoStatus.UPLOADED, 0, 0, ""
        if video.owner_id is None and self.for_user is not None:
            video.owner = self.for_user
        if commit:
            with transaction.atomic():
                if self._upload is not None and uploads.claim(self.for_user, self._upload.pk) is None:
                    # A second submission of the same form (double click): the first video has the file.
                    video.original.name, new_file = "", False
                    video.status, video.failure_reason = VideoStatus.FAILED, _("The uploaded file was already used.")
                video.save()
                self.save_m2m()
                if new_file:
                    submit(video)
                    previous = self._previous_original
                    if previous and previous != video.original.name:
                        transaction.on_commit(lambda: video.original.storage.delete(previous))
        return video
