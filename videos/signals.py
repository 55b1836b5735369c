from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from courses.models import Enrolment
from courses.signals import enrolment_changed

from . import storage
from .access import forget_access
from .models import Caption, Video


@receiver(post_delete, sender=Video)
def delete_video_files(sender, instance, **kwargs):
    """Deleting a video deletes its original and every output it ever had, once the deletion is committed."""
    video_id, original = instance.pk, instance.original.name

    def cleanup():
        for prefix in storage.list_prefixes(video_id):
            storage.delete_prefix(prefix)
        if original:
            instance.original.storage.delete(original)

    transaction.on_commit(cleanup)


@receiver(post_delete, sender=Caption)
def delete_caption_file(sender, instance, **kwargs):
    name = instance.file.name
    if name:
        transaction.on_commit(lambda: instance.file.storage.delete(name))


@receiver(post_save, sender=Enrolment)
@receiver(post_delete, sender=Enrolment)
def enrolment_saved(sender, instance, **kwargs):
    forget_access(instance.user_id)


@receiver(enrolment_changed)
def enrolment_status_changed(sender, user, **kwargs):
    forget_access(user.pk)
