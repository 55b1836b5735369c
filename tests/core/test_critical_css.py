"""The critical CSS is read once, as the browser will hash it, and the policy allows exactly what the tag writes."""

import base64
import hashlib
import re
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.template import Context, Template

from core import critical_css as module

STATIC = Path(__file__).resolve().parents[2] / "static" / "css"


@pytest.fixture
def stylesheet(settings, tmp_path):
    """A critical.css of the test's own, found through the staticfiles finders; the real one is read again after."""
    (tmp_path / "css").mkdir()
    settings.STATICFILES_DIRS = [tmp_path]
    module.critical_css.cache_clear()
    yield tmp_path / "css" / "critical.css"
    module.critical_css.cache_clear()


def test_the_tag_writes_the_text_whose_hash_is_the_policy_source(stylesheet):
    stylesheet.write_bytes(
        b"/* about this file,\r\n   on two lines */\r\nbody{color:red}\r\n/* part */\r\na{b:c} /* kept */\r"
    )
    html = Template("{% load critical_css %}{% critical_css %}").render(Context())
    text = "body{color:red}\na{b:c} /* kept */\n"  # LF as the HTML parser gives it to the hash, no own-line comment
    assert html == f"<style>{text}</style>"
    digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
    assert module.policy_source() == f"'sha256-{digest}'"


@pytest.mark.parametrize("text", ["a{b:c}</style><script>alert(1)</script>", "a{b:c}</STYLE >", "<!-- a{b:c}"])
def test_text_that_would_end_the_style_element_is_refused(stylesheet, text):
    stylesheet.write_text(text)
    with pytest.raises(ImproperlyConfigured, match="must not contain"):
        module.critical_css()


def test_a_missing_file_stops_the_start(stylesheet):
    with pytest.raises(ImproperlyConfigured, match="missing"):
        module.critical_css()


def test_the_hash_is_added_to_style_src_once(settings):
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": ["'self'"], "style-src": ["'self'"]}}
    module.allow_in_policy()
    module.allow_in_policy()
    assert settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["style-src"] == ["'self'", module.policy_source()]


def test_the_running_policy_allows_the_real_critical_css(settings):
    assert module.policy_source() in settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["style-src"]


def selectors(path):
    """Every (media condition, selector) a stylesheet styles."""
    text = re.sub(r"/\*.*?\*/", "", path.read_text(), flags=re.DOTALL)
    found = set()
    for media, block in re.findall(r"@media([^{]+)\{((?:[^{}]*\{[^{}]*\})*)\s*\}", text):
        found |= {(" ".join(media.split()), s) for s in _rule_selectors(block)}
    text = re.sub(r"@media[^{]+\{(?:[^{}]*\{[^{}]*\})*\s*\}", "", text)
    return found | {("", s) for s in _rule_selectors(text)}


def _rule_selectors(text):
    parts = (part for head in re.findall(r"([^{}]+)\{", text) for part in head.split(","))
    return {re.sub(r"\s*([>+~])\s*", r"\1", " ".join(part.split())) for part in parts}


def test_no_selector_is_styled_in_both_stylesheets():
    critical, rest = selectors(STATIC / "critical.css"), selectors(STATIC / "tadrib.css")
    assert len(critical) > 50 and len(rest) > 100
    assert critical & rest == set()


def test_the_critical_css_stays_small():
    # Every page carries it, uncompressed when no proxy compresses the HTML.
    assert len(module.critical_css().encode()) <= 6 * 1024
