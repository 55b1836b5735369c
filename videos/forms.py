from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .enums import VideoStatus

EXTENSIONS = {"mp4", "m4v", "mov", "3gp", "mkv", "webm"}


class VideoForm(WagtailAdminModelForm):
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

    def save(self, commit=True):
        from .services import submit

        video = super().save(commit=False)
        new_file = "original" in self.changed_data
        if new_file:
            upload = self.cleaned_data["original"]
            video.original_name = upload.name[:255]
            video.original_bytes = upload.size
            video.status, video.attempts, video.progress, video.failure_reason = VideoStatus.UPLOADED, 0, 0, ""
        if video.owner_id is None and self.for_user is not None:
            video.owner = self.for_user
        if commit:
            with transaction.atomic():
                video.save()
                if new_file:
                    submit(video)
        return video
