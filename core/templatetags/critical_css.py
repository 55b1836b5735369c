from django import template
from django.utils.safestring import mark_safe

from core.critical_css import critical_css as critical_text

register = template.Library()


@register.simple_tag
def critical_css():
    """The <style> element of the critical CSS, its text exactly as hashed in the CSP (no escaping, no spaces)."""
    return mark_safe(f"<style>{critical_text()}</style>")  # noqa: S308 (our own static file, checked on reading)
