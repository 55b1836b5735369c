"""Every public page paints from the critical CSS inlined in its <head>, allowed by its hash in the CSP, and
loads tadrib.css at the end of its <body>, where it blocks no rendering."""

import base64
import hashlib
import re

import pytest
from django.test import RequestFactory
from django.utils import translation

from courses.services import enrol
from tests.factories import NewsPageFactory, UserFactory, build_course
from tests.factories.seminars import SeminarIndexPageFactory

STYLE = re.compile(r"<style>(.*?)</style>", re.DOTALL)
TADRIB_CSS_AT_THE_END = re.compile(r'<link rel="stylesheet" href="/static/css/tadrib\.css">\s*</body>')


def hash_source(text):
    return f"'sha256-{base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()}'"


def directives(policy):
    return {name: values for name, *values in (part.split() for part in policy.split(";") if part.strip())}


def home(tree):
    return "/ar/", None


def french_home(tree):
    return "/fr/", None


def news_index(tree):
    return tree["news"].url, None


def news_page(tree):
    return NewsPageFactory(parent=tree["news"], locale=tree["news"].locale).url, None


def catalogue(tree):
    return tree["catalogue"].url, None


def course_page(tree):
    return tree["course"].url, tree["learner"]


def lesson_page(tree):
    return tree["lessons"][0].url, tree["learner"]


def calendar(tree):
    return SeminarIndexPageFactory(parent=tree["home"], locale=tree["home"].locale).url, None


def my_learning(tree):
    return "/ar/learning/", tree["learner"]


def login(tree):
    return "/ar/accounts/login/", None


def not_found(tree):
    return "/ar/nope/", None


@pytest.fixture
def tree(homes, news_indexes, catalogues):
    course, lessons = build_course(catalogues["ar"], lessons=2, title="تسيير جمعية")
    learner = UserFactory(preferred_language="ar")
    enrol(learner, course)
    return {
        "home": homes["ar"],
        "news": news_indexes["ar"],
        "catalogue": catalogues["ar"],
        "course": course,
        "lessons": lessons,
        "learner": learner,
    }


PAGES = [home, french_home, news_index, news_page, catalogue, course_page, lesson_page, calendar, my_learning, login]


@pytest.mark.django_db
@pytest.mark.parametrize("page", [*PAGES, not_found], ids=lambda page: page.__name__)
def test_the_inlined_critical_css_is_allowed_by_its_hash_and_tadrib_css_comes_last(client, tree, page):
    path, member = page(tree)
    if member:
        client.force_login(member)
    response = client.get(path)
    assert response.status_code == (404 if page is not_found else 200)
    html = response.content.decode()
    head, body = html.split("</head>", 1)
    [critical] = STYLE.findall(head)  # one <style>, in the <head>
    assert STYLE.findall(body) == []
    assert ".site-header{" in critical  # the header paints from it
    style_src = directives(response["Content-Security-Policy"])["style-src"]
    # The hash of the text this page carries, not of a file: the two cannot drift apart unnoticed.
    assert hash_source(critical) in style_src
    assert "'unsafe-inline'" not in style_src and not any(source.startswith("'nonce-") for source in style_src)
    assert 'rel="stylesheet"' not in head  # nothing blocks the first paint
    assert TADRIB_CSS_AT_THE_END.search(body)
    assert " style=" not in html and "<script>" not in html


@pytest.mark.django_db
def test_the_server_error_page_carries_the_same_critical_css(settings):
    from django.views.defaults import server_error

    with translation.override("ar"):
        html = server_error(RequestFactory().get("/ar/")).content.decode()
    [critical] = STYLE.findall(html.split("</head>", 1)[0])
    assert hash_source(critical) in settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["style-src"]
    assert TADRIB_CSS_AT_THE_END.search(html)


@pytest.mark.django_db
def test_the_admin_keeps_its_own_styles_outside_the_policy(client):
    client.force_login(UserFactory(groups=["Observatory admins"]))
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response
    html = response.content.decode()
    assert "/static/css/tadrib.css" not in html and ".site-header{" not in html
