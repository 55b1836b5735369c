"""Small generated pictures for the demo, so it needs no downloads and no committed binaries."""

import io

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images.models import Image

PALETTES = [((11, 110, 79), (246, 239, 227)), ((176, 112, 48), (250, 232, 200)), ((40, 84, 140), (226, 236, 246))]


def _banner(width, height, palette):
    dark, light = palette
    picture = PillowImage.new("RGB", (width, height), light)
    draw = ImageDraw.Draw(picture)
    for step in range(0, width, 24):  # dunes: layered sine-like bands
        top = int(height * 0.55 + 40 * ((step / width) - 0.5) ** 2 * 8)
        draw.rectangle([step, top, step + 24, height], fill=dark)
    draw.ellipse([width * 0.75, height * 0.12, width * 0.75 + height * 0.25, height * 0.37], fill=(242, 169, 0))
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=80)
    buffer.seek(0)
    return buffer


def demo_image(title, index=0, width=1200, height=500):
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    data = _banner(width, height, PALETTES[index % len(PALETTES)])
    image = Image(title=title)
    image.file = ImageFile(data, name=f"demo-{index}.jpg")
    image.save()
    return image
