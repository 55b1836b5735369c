from django.core.management.base import BaseCommand
from django_q.tasks import async_task

from videos.sound import missing


class Command(BaseCommand):
    help = "Queue the data saver's sound file for every ready video converted before it existed."

    def handle(self, *args, **options):
        count = 0
        for video_id in missing().values_list("pk", flat=True):
            async_task("videos.sound.add_sound_file", video_id, task_name=f"sound-file-{video_id}")
            count += 1
        self.stdout.write(f"{count} video(s) queued for a sound file")
