"""Every admin URL Wagtail registers for the question bank and the video library, for every role.

The URLs come from the URL resolver and the bulk-action registry, so a view that a future Wagtail adds is
tested too, or fails here until someone says what it must answer.
"""

import json

import pytest
from django.urls import URLResolver, get_resolver, reverse
from wagtail.admin.views.bulk_action.registry import bulk_action_registry

from .conftest import MANAGES, MODELS, ROLES, form_data, snapshot

pytestmark = pytest.mark.django_db

# Which objects each role may choose for a quiz or a lesson (trainers use the shared bank, only admins write there).
CHOOSES = {**MANAGES, "owner": {"mine", "shared"}, "other trainer": {"theirs", "shared"}}
COURSES = {"owner": {"mine"}, "other trainer": {"theirs"}, "editor": set(), "admin": {"mine", "theirs"}}
WITH_MODEL_RIGHTS = {"owner", "other trainer", "admin"}  # editors hold no right on the bank or the videos
SEARCH = {"question": "Question", "questioncategory": "Category", "video": "Video"}  # a word every marker holds
DENIED = "/admin/"  # Wagtail answers a refusal with a redirect to the dashboard and a message

KINDS = {
    ("admin", "list"): "listing",
    ("admin", "list_results"): "listing",
    ("admin", "add"): "add",
    **{
        ("admin", name): "object"
        for name in ("edit", "delete", "usage", "history", "history_results", "copy", "inspect")
    },
    ("chooser", "choose"): "chooser listing",
    ("chooser", "choose_results"): "chooser listing",
    ("chooser", "chosen"): "chosen",
    ("chooser", "chosen_multiple"): "chosen multiple",
    ("chooser", "create"): "chooser create",
    ("bulk", "delete"): "bulk",
}


def _walk(patterns, namespaces=()):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = namespaces + ((pattern.namespace,) if pattern.namespace else ())
            yield from _walk(pattern.url_patterns, inner)
        elif pattern.name:
            yield ":".join(namespaces), pattern.name


def registered_routes():
    resolved = list(_walk(get_resolver().url_patterns))  # loads the admin, and with it the snippet viewsets
    families = {}
    for model_name, model in MODELS.items():
        families[model.snippet_viewset.get_admin_url_namespace()] = (model_name, "admin")
        families[model.snippet_viewset.get_chooser_admin_url_namespace()] = (model_name, "chooser")
    routes = [(*families[namespace], name) for namespace, name in resolved if namespace in families]
    for model_name, model in MODELS.items():
        actions = bulk_action_registry.get_bulk_actions_for_model(model._meta.app_label, model._meta.model_name)
        routes += [(model_name, "bulk", action.action_type) for action in actions]
    return sorted(routes)


ROUTES = registered_routes()


def test_the_routes_were_found():
    assert {model for model, _family, _name in ROUTES} == set(MODELS)
    assert ("question", "admin", "copy") in ROUTES and ("video", "bulk", "delete") in ROUTES


@pytest.fixture(autouse=True)
def english_admin(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


def url_for(model_name, family, name, pk=None):
    model = MODELS[model_name]
    if family == "bulk":
        return reverse("wagtail_bulk_action", args=(model._meta.app_label, model._meta.model_name, name))
    viewset = model.snippet_viewset
    namespace = viewset.get_admin_url_namespace() if family == "admin" else viewset.get_chooser_admin_url_namespace()
    return reverse(f"{namespace}:{name}", args=() if pk is None else (pk,))


def existing(world, model_name, which):
    return {key for key in which if (model_name, key) in world.objects}


def forbidden_words(world, role):
    """What a role must never read: the objects and course titles it does not manage."""
    words = [world.marker(model, key) for model, key in world.objects if key not in MANAGES[role]]
    return words + [course.title for key, course in world.courses.items() if key not in COURSES[role]]


def assert_denied(response, role, url):
    assert (response.status_code, response.get("Location")) == (302, DENIED), (role, url)


@pytest.mark.parametrize(("model_name", "family", "name"), ROUTES, ids=["/".join(route) for route in ROUTES])
def test_every_admin_url_answers_each_role_within_its_scope(client, world, model_name, family, name):
    kind = KINDS.get((family, name))
    assert kind is not None, f"{family} view {name!r} of {model_name} is not classified: say what it must answer"
    check = CHECKS[kind]
    for role in ROLES:
        client.force_login(world.users[role])
        check(client, world, role, model_name, family, name)


def check_listing(client, world, role, model_name, family, name):
    url = url_for(model_name, family, name)
    for query in ({}, {"q": SEARCH[model_name]}):
        response = client.get(url, query)
        if role not in WITH_MODEL_RIGHTS:
            assert_denied(response, role, url)
            continue
        html = response.content.decode()
        assert response.status_code == 200, (role, url, query)
        for key in existing(world, model_name, MANAGES[role]):
            assert world.marker(model_name, key) in html, (role, url, query, key)
        for word in forbidden_words(world, role):
            assert word not in html, (role, url, query, word)


def check_chooser_listing(client, world, role, model_name, family, name):
    url = url_for(model_name, family, name)
    for query in ({}, {"q": SEARCH[model_name]}):
        response = client.get(url, query)
        if role not in WITH_MODEL_RIGHTS:
            assert_denied(response, role, url)
            continue
        html = json.loads(response.content)["html"] if name == "choose" else response.content.decode()
        assert response.status_code == 200, (role, url, query)
        for key in ("mine", "theirs", "shared"):
            if (model_name, key) in world.objects:
                shown = world.marker(model_name, key) in html
                assert shown == (key in CHOOSES[role]), (role, url, query, key)


def check_add(client, world, role, model_name, family, name):
    url = url_for(model_name, family, name)
    response = client.get(url)
    if role not in WITH_MODEL_RIGHTS:
        return assert_denied(response, role, url)
    assert response.status_code == 200, (role, url)


def check_object(client, world, role, model_name, family, name):
    for key in existing(world, model_name, {"mine", "shared"}):
        url = url_for(model_name, family, name, world.objects[model_name, key].pk)
        response = client.get(url)
        if key in MANAGES[role]:
            assert response.status_code == 200, (role, url)
            continue
        assert_denied(response, role, url)
        before = snapshot()
        assert_denied(client.post(url, form_data(world, model_name)), role, url)
        assert snapshot() == before, (role, url)


def check_chosen(client, world, role, model_name, family, name):
    for key in existing(world, model_name, {"mine", "shared"}):
        url = url_for(model_name, family, name, world.objects[model_name, key].pk)
        response = client.get(url)
        if key not in CHOOSES[role]:
            assert_denied(response, role, url)
            continue
        assert response.status_code == 200, (role, url)
        assert json.loads(response.content)["result"]["id"] == str(world.objects[model_name, key].pk)


def check_chosen_multiple(client, world, role, model_name, family, name):
    keys = existing(world, model_name, {"mine", "theirs", "shared"})
    url = url_for(model_name, family, name)
    response = client.get(url, {"id": [world.objects[model_name, key].pk for key in keys]})
    if role not in WITH_MODEL_RIGHTS:
        return assert_denied(response, role, url)
    assert response.status_code == 200, (role, url)
    chosen = {item["id"] for item in json.loads(response.content)["result"]}
    assert chosen == {str(world.objects[model_name, key].pk) for key in keys & CHOOSES[role]}, (role, url)


def check_chooser_create(client, world, role, model_name, family, name):
    """These choosers have no creation form: the address exists, but there is nothing there (Wagtail: a 500)."""
    url = url_for(model_name, family, name)
    before = snapshot()
    for response in (client.get(url), client.post(url, form_data(world, model_name))):
        assert response.status_code == 404, (role, url)
    assert snapshot() == before, (role, url)


def check_bulk(client, world, role, model_name, family, name):
    url = url_for(model_name, family, name)
    mine = world.objects[model_name, "mine"]
    response = client.get(url, {"id": mine.pk})
    if "mine" in MANAGES[role]:
        assert response.status_code == 200, (role, url)
        assert world.marker(model_name, "mine") in response.content.decode()
    else:
        # Nothing outside the role's scope is acted on, nor even named.
        assert response.status_code == 404, (role, url)
        before = snapshot()
        assert client.post(f"{url}?id={mine.pk}").status_code == 404, (role, url)
        assert snapshot() == before, (role, url)
    every = client.get(url, {"id": "all"})
    if not MANAGES[role]:
        assert every.status_code == 404, (role, url)
        return
    assert every.status_code == 200, (role, url)
    html = every.content.decode()
    for key in ("mine", "theirs", "shared"):
        if (model_name, key) in world.objects:
            assert (world.marker(model_name, key) in html) == (key in MANAGES[role]), (role, url, key)


CHECKS = {
    "listing": check_listing,
    "chooser listing": check_chooser_listing,
    "add": check_add,
    "object": check_object,
    "chosen": check_chosen,
    "chosen multiple": check_chosen_multiple,
    "chooser create": check_chooser_create,
    "bulk": check_bulk,
}
