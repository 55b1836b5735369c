"""The web app manifest, one per language.

The icons are PNGs made once from our own artwork and committed (nothing is drawn at run time):
    rsvg-convert -w 192 -h 192 static/img/favicon.svg -o static/img/icons/icon-192.png
    rsvg-convert -w 512 -h 512 static/img/favicon.svg -o static/img/icons/icon-512.png
    rsvg-convert -w 512 -h 512 offline/icon-maskable.svg -o static/img/icons/icon-maskable-512.png
(`rsvg-convert` is Debian's librsvg2-bin.) The maskable one fills the square and keeps the letter inside the safe
zone, since launchers cut it to their own shape.
"""

from django.templatetags.static import static
from django.utils import translation
from django.utils.translation import gettext as _

# The stylesheets' colours (static/css/): the header's --green and the page's white (a test keeps them in step).
THEME_COLOUR = "#0b6e4f"
BACKGROUND_COLOUR = "#ffffff"

ICONS = [
    ("img/icons/icon-192.png", 192, "any"),
    ("img/icons/icon-512.png", 512, "any"),
    ("img/icons/icon-maskable-512.png", 512, "maskable"),
]


def manifest(language):
    with translation.override(language):
        return {
            # One app whatever the language it was installed in (the id would otherwise be the start_url).
            "id": "/",
            "name": _("Tadrib, training for associations"),
            "short_name": _("Tadrib"),
            "description": _(
                "Courses, seminars and study days for the members of Algeria's associations, also readable offline."
            ),
            "lang": language,
            "dir": "rtl" if translation.get_language_bidi() else "ltr",
            "start_url": f"/{language}/",
            "scope": "/",
            "display": "standalone",
            "theme_color": THEME_COLOUR,
            "background_color": BACKGROUND_COLOUR,
            "categories": ["education"],
            "icons": [
                {"src": static(path), "sizes": f"{size}x{size}", "type": "image/png", "purpose": purpose}
                for path, size, purpose in ICONS
            ],
        }
