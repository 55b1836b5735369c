"""Every page type previews in the admin, in each of its preview modes, and a preview writes nothing.

The four ways an admin sees an unpublished page: the live preview while adding one, the live preview while
editing a draft, "View draft" of a published page with unpublished changes, and the moderation preview of a
submitted revision (the dashboard's "Awaiting your review").
"""

import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape
from wagtail.models import Page, Site, get_page_models
from wagtail.users.models import UserProfile

from home.models import HomePage, SiteSettings
from tests.factories import UserFactory

from .admin_forms import admin_form_data
from .page_samples import SAMPLES, sample_tree

pytestmark = pytest.mark.django_db

PAGE_TYPES = [model for model in get_page_models() if model is not Page]
WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")
PREVIEW_STORE = ("django_session", "wagtailadmin_formstate")  # where Wagtail keeps the previewed form data
_numbers = itertools.count(1)


@pytest.fixture
def tree(homes, catalogues, news_indexes):
    return sample_tree(homes, catalogues, news_indexes)


@pytest.fixture
def admin(client):
    user = UserFactory(groups=["Observatory admins"], preferred_language="fr")
    client.force_login(user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "fr"
    # Rows made once on first use by any page or admin view, not by a preview: made here, before measuring.
    UserProfile.get_for_user(user)
    for site in Site.objects.all():
        SiteSettings.for_site(site)
    Site.get_site_root_paths()  # cached on first use (in the cache table, in the embedded profile)
    return user


def _sample(model, tree):
    if model not in SAMPLES:
        pytest.fail(f"{model.__name__} has no sample in tests/home/page_samples.py: add one so it is previewed")
    return SAMPLES[model](tree, next(_numbers))


def _quietly(client, method, url, **kwargs):
    """The response, after checking that the request wrote nothing but Wagtail's store of the previewed form."""
    with CaptureQueriesContext(connection) as queries:
        response = getattr(client, method)(url, **kwargs)
    writes = [
        query["sql"]
        for query in queries.captured_queries
        if query["sql"].lstrip().upper().startswith(WRITES)
        and not any(f'"{table}"' in query["sql"] for table in PREVIEW_STORE)
    ]
    assert writes == [], f"{method.upper()} {url} wrote to the database"
    return response


def _shows(response, title):
    assert response.status_code == 200
    html = response.content.decode()
    assert escape(title) in html, f"the preview does not show “{title}”"


def _save_draft(parent, page):
    page.live = False
    parent.add_child(instance=page)
    page.save_revision()
    return type(page).objects.get(pk=page.pk)


def _live_preview(client, url, data, mode, title):
    posted = _quietly(client, "post", f"{url}?mode={mode}", data=data)
    assert posted.status_code == 200
    assert posted.json() == {"is_valid": True, "is_available": True}, posted.json()
    _shows(_quietly(client, "get", url, data={"mode": mode}), title)


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
def test_the_live_preview_of_a_page_being_added(client, admin, tree, model, monkeypatch):
    if model is HomePage:
        # One home page per site (other languages come by translation): lift the limit to see a new one.
        monkeypatch.setattr(HomePage, "max_count_per_parent", None)
    parent, page = _sample(model, tree)
    meta = model._meta
    url = f"/admin/pages/add/{meta.app_label}/{meta.model_name}/{parent.pk}/preview/"
    data = admin_form_data(page, admin, parent)
    for mode, _label in page.preview_modes:
        _live_preview(client, url, data, mode, page.title)


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
def test_the_live_preview_of_a_draft_being_edited(client, admin, tree, model):
    parent, page = _sample(model, tree)
    page = _save_draft(parent, page)
    data = admin_form_data(page.get_latest_revision_as_object(), admin, parent)
    data["title"] = f"{page.title} (modifié)"
    for mode, _label in page.preview_modes:
        _live_preview(client, f"/admin/pages/{page.pk}/edit/preview/", data, mode, data["title"])


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
def test_view_draft_and_revisions_of_a_published_page_with_unpublished_changes(client, admin, tree, model):
    parent, page = _sample(model, tree)
    page = _save_draft(parent, page)
    page.get_latest_revision().publish()
    page.refresh_from_db()
    published_title = page.title
    draft = page.get_latest_revision_as_object()
    draft.title = f"{published_title} (brouillon)"
    revision = draft.save_revision(user=admin)
    for mode, _label in page.preview_modes:
        _shows(_quietly(client, "get", f"/admin/pages/{page.pk}/view_draft/", data={"mode": mode}), draft.title)
    _shows(_quietly(client, "get", f"/admin/pages/{page.pk}/revisions/{revision.pk}/view/"), draft.title)
    assert type(page).objects.get(pk=page.pk).title == published_title


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
def test_the_moderation_preview_of_a_submitted_page(client, admin, tree, model):
    parent, page = _sample(model, tree)
    page = _save_draft(parent, page)
    state = page.get_workflow().start(page, tree.trainer)
    task = state.current_task_state.task
    dashboard = client.get("/admin/").content.decode()
    assert f"/admin/pages/workflow/preview/{page.pk}/{task.pk}/" in dashboard  # "Awaiting your review"
    _shows(_quietly(client, "get", f"/admin/pages/workflow/preview/{page.pk}/{task.pk}/"), page.title)


def test_an_admin_sees_a_course_and_its_lesson_as_a_learner_who_has_just_enrolled(client, admin, tree):
    from courses.models import Enrolment, LessonPage, LessonProgress

    course = tree.course
    draft = course.get_latest_revision_as_object() if course.latest_revision else course
    draft.summary = "Une nouvelle présentation du cours."
    draft.save_revision(user=tree.trainer)
    html = _quietly(client, "get", f"/admin/pages/{course.pk}/view_draft/").content.decode()
    assert "Une nouvelle présentation du cours." in html
    lessons = list(LessonPage.objects.descendant_of(course).order_by("path"))
    for title in [tree.module.title, "Quiz du cours", *(lesson.title for lesson in lessons)]:
        assert escape(title) in html
    assert "disabled" in html and "/unenrol/" not in html  # "Leave the course", inert
    lesson = lessons[0]
    lesson.title = "Le procès-verbal, revu"
    lesson.save_revision()
    html = _quietly(client, "get", f"/admin/pages/{lesson.pk}/view_draft/").content.decode()
    assert "Le procès-verbal, revu" in html and f'href="{lessons[1].url}"' in html  # the next lesson
    assert "/position/" not in html and "lesson.js" not in html  # no progress is saved from a preview
    assert not Enrolment.objects.filter(user=admin).exists() and not LessonProgress.objects.exists()
