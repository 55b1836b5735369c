"""The admin's listings that gather many models (the site history report and its exports, the snippets index,
the dashboard, another object's usage) show each role only what the models' permission policies let it reach.

The walk over the question bank's and the videos' own views is tests/core/test_admin_scope.py; here the same world
has a history: every object was created and edited by the role that manages it, the owner created and deleted a
question, a certificate was issued, and the editor edited a news page.
"""

import csv
import io
import re

import openpyxl
import pytest
from django.contrib.contenttypes.models import ContentType
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.log_actions import log
from wagtail.log_actions import registry as log_registry
from wagtail.models import PageLogEntry

from certificates import services
from certificates.models import Certificate
from quizzes.models import Question
from tests.factories import NewsPageFactory, UserFactory
from tests.factories.quizzes import question

from .conftest import MANAGES, MODELS, ROLES

pytestmark = pytest.mark.django_db

DENIED = "/admin/"
NAMES = {role: f"Name-of-the-{role.replace(' ', '-')}" for role in ROLES}
AUTHORS = {"mine": "owner", "theirs": "other trainer", "shared": "admin"}
DELETED = "Question-deleted-by-the-owner"  # only who may change every question reads a deleted one's history
HOLDER = "Holder-of-a-certificate"  # only Observatory admins see certificates
SCOPED_TYPES = {**MODELS, "certificate": Certificate}


@pytest.fixture(autouse=True)
def english_admin(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def history(world, news_indexes):
    for role, user in world.users.items():
        user.full_name_latin = NAMES[role]
        user.save(update_fields=["full_name_latin"])
    for (_model_name, key), instance in world.objects.items():
        for action in ("wagtail.create", "wagtail.edit"):
            log(instance, action, user=world.users[AUTHORS[key]])
    gone = question(world.objects["questioncategory", "mine"], "single", DELETED)
    log(gone, "wagtail.create", user=world.users["owner"])
    log(gone, "wagtail.delete", user=world.users["owner"], deleted=True)
    gone.delete()
    holder = UserFactory(full_name_latin=HOLDER)
    log(services.issue_for_course(holder, world.courses["mine"])[0], "wagtail.create")
    news = NewsPageFactory(parent=news_indexes["ar"], title="News-edited-by-the-editor")
    news.save_revision(user=world.users["editor"], log_action=True)
    return world


def visible_words(world, role):
    """What a role reads in the site history: the objects it manages, their authors, its own edits of pages."""
    words = {world.marker(model_name, key) for model_name, key in world.objects if key in MANAGES[role]}
    names = {NAMES[AUTHORS[key]] for key in MANAGES[role]} | {NAMES[role]} if role != "admin" else set(NAMES.values())
    if role == "admin":
        words |= {DELETED, HOLDER}
    return words | names


def every_word(world):
    return {world.marker(model_name, key) for model_name, key in world.objects} | {DELETED, HOLDER, *NAMES.values()}


def assert_reads_exactly(text, world, role, where):
    read = {word for word in every_word(world) if word in text}
    assert read == visible_words(world, role), (role, where)


def offered_types(html):
    select = re.search(r'<select name="object_type"[^>]*>(.*?)</select>', html, re.S).group(1)
    return {int(value) for value in re.findall(r'<option value="(\d+)"', select)}


def expected_types(role):
    types = {"question", "questioncategory", "video"} if MANAGES[role] else set()
    if role == "admin":
        types.add("certificate")
    return {ContentType.objects.get_for_model(SCOPED_TYPES[name]).pk for name in types}


def test_every_history_wagtail_gathers_is_read_through_the_policies():
    # Pages keep Wagtail's rule (the pages a user may explore); every other model's history is read through the
    # manager that asks the permission policies. A log model a later Wagtail adds must be looked at here.
    from core.models import ScopedModelLogEntry

    assert log_registry.get_log_entry_models() == {PageLogEntry, ScopedModelLogEntry}
    assert log_registry.get_log_model_for_model(Question) is ScopedModelLogEntry


REPLACED = ["/admin/reports/site-history/", "/admin/reports/site-history/results/", "/admin/snippets/"]


@pytest.mark.parametrize("url", REPLACED)
def test_the_replaced_views_keep_wagtails_door(client, url):
    """Routed ahead of Wagtail's admin, they turn away visitors and members without admin access as its own views do
    (here, as its aging pages report does)."""
    wagtails = "/admin/reports/aging-pages/"
    for visitor in (None, UserFactory(groups=["Trainees"])):
        if visitor:
            client.force_login(visitor)
        ours, theirs = client.get(url), client.get(wagtails)
        assert theirs.status_code == 302
        expected = theirs["Location"].replace(wagtails, url)
        assert (ours.status_code, ours["Location"]) == (302, expected), (visitor, url)
        assert expected != theirs["Location"]


@pytest.mark.parametrize("role", ROLES)
def test_the_site_history_shows_each_role_the_history_of_what_it_manages(client, history, role):
    client.force_login(history.users[role])
    report = client.get("/admin/reports/site-history/")
    assert report.status_code == 200
    html = report.content.decode()
    assert_reads_exactly(html, history, role, "report")
    scoped_type_ids = {ContentType.objects.get_for_model(model).pk for model in SCOPED_TYPES.values()}
    assert offered_types(html) & scoped_type_ids == expected_types(role)
    results = client.get("/admin/reports/site-history/results/")
    assert results.status_code == 200
    assert_reads_exactly(results.content.decode(), history, role, "results")
    searched = client.get("/admin/reports/site-history/results/", {"label": "Question"})
    assert searched.status_code == 200
    labels = every_word(history) - set(NAMES.values())
    read = {word for word in labels if word in searched.content.decode()}
    assert read == {word for word in visible_words(history, role) & labels if "Question" in word}, role


@pytest.mark.parametrize("role", ROLES)
def test_the_site_history_exports_only_what_the_role_reads(client, history, role):
    client.force_login(history.users[role])
    exported = client.get("/admin/reports/site-history/", {"export": "csv"})
    assert exported.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(exported.streaming_content).decode("utf-8-sig"))))
    assert_reads_exactly("\n".join(",".join(row) for row in rows), history, role, "csv")
    exported = client.get("/admin/reports/site-history/", {"export": "xlsx"})
    assert exported.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(exported.streaming_content))).active
    cells = "\n".join(str(cell) for row in sheet.iter_rows(values_only=True) for cell in row)
    assert_reads_exactly(cells, history, role, "xlsx")


# Instances per snippet type, as each role may reach them (a type is not listed to whoever holds no right on it;
# editors hold none on any snippet, so the index refuses them).
COUNTS = {
    "owner": {"Questions": 1, "Question categories": 1, "Videos": 1},
    "other trainer": {"Questions": 1, "Question categories": 1, "Videos": 1},
    "editor": None,
    "admin": {"Questions": 3, "Question categories": 3, "Videos": 2, "Certificates": 1},
}
COUNTED = {"Questions", "Question categories", "Videos", "Certificates"}
SNIPPET_TYPE_ROW = r'<a href="/admin/snippets/[^"]+">\s*([^<]+?)\s*</a>\s*</div>\s*</td>\s*<td[^>]*>\s*(\d+)'


@pytest.mark.parametrize("role", ROLES)
def test_the_snippets_index_counts_only_what_the_role_may_reach(client, history, settings, role):
    settings.WAGTAILSNIPPETS_MENU_SHOW_ALL = True  # list the bank and the videos there too, whatever the menu
    client.force_login(history.users[role])
    response = client.get("/admin/snippets/")
    if COUNTS[role] is None:
        assert (response.status_code, response["Location"]) == (302, DENIED)
        return
    assert response.status_code == 200
    rows = re.findall(SNIPPET_TYPE_ROW, response.content.decode())
    listed = {name: int(count) for name, count in rows if name in COUNTED}
    assert listed == COUNTS[role]


@pytest.mark.parametrize("role", ROLES)
def test_the_dashboard_names_nothing_out_of_scope(client, history, role):
    client.force_login(history.users[role])
    response = client.get("/admin/")
    assert response.status_code == 200
    read = {word for word in every_word(history) if word in response.content.decode()}
    assert read <= visible_words(history, role), role


def test_an_images_usage_names_only_the_objects_the_viewer_may_edit(client, world):
    owner = world.users["owner"]
    image = Image.objects.create(title="Image-of-the-owner", file=get_test_image_file(), uploaded_by_user=owner)
    theirs = world.objects["question", "theirs"]
    theirs.image = image
    theirs.save()
    url = f"/admin/images/usage/{image.pk}/"
    expected = {"owner": (200, False), "other trainer": (302, False), "editor": (200, False), "admin": (200, True)}
    for role, (status, names_the_question) in expected.items():
        client.force_login(world.users[role])
        response = client.get(url)
        assert response.status_code == status, role
        if status == 302:
            assert response["Location"] == DENIED, role
            continue
        html = response.content.decode()
        assert ("Question-theirs" in html) == names_the_question, role
        assert ("(Private question)" in html) != names_the_question, role
