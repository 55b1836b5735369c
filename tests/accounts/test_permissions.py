import pytest
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from news.models import NewsPage
from tests.factories import NewsPageFactory, StandardPageFactory, UserFactory


@pytest.fixture
def editor(db):
    return UserFactory(groups=["Editors"])


@pytest.fixture
def observatory_admin(db):
    return UserFactory(groups=["Observatory admins"])


@pytest.mark.django_db
@pytest.mark.parametrize("groups", [["Trainees"], []])
def test_members_without_an_admin_role_never_reach_the_admin(client, groups):
    client.force_login(UserFactory(groups=groups))
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain == [("/admin/login/?next=/admin/", 302)]
    assert response.status_code == 403  # the admin's door says why (tests/home/test_admin_door.py)


@pytest.mark.django_db
def test_editor_writes_news_in_every_language_and_nothing_else(editor, homes, news_indexes):
    about = StandardPageFactory(parent=homes["ar"])
    for index in news_indexes.values():
        assert index.permissions_for_user(editor).can_add_subpage()
        news = NewsPageFactory(parent=index, locale=index.locale)
        assert news.permissions_for_user(editor).can_edit()
        assert not news.permissions_for_user(editor).can_publish()  # publishing goes through moderation
    for page in [homes["ar"], homes["fr"], about]:
        permissions = page.permissions_for_user(editor)
        assert not permissions.can_edit()
        assert not permissions.can_add_subpage()


@pytest.mark.django_db
def test_editor_is_turned_away_from_other_pages_edit_urls(client, editor, homes, news_indexes):
    client.force_login(editor)
    news = NewsPageFactory(parent=news_indexes["fr"], locale=news_indexes["fr"].locale)
    assert client.get(f"/admin/pages/{news.pk}/edit/").status_code == 200
    about = StandardPageFactory(parent=homes["fr"], locale=homes["fr"].locale)
    for url in [
        f"/admin/pages/{about.pk}/edit/",
        f"/admin/pages/{homes['ar'].pk}/edit/",
        f"/admin/pages/add/home/standardpage/{homes['ar'].pk}/",
    ]:
        response = client.get(url)
        assert (response.status_code, response["Location"]) == (302, "/admin/"), url  # Wagtail's refusal


@pytest.mark.django_db
def test_editor_submits_news_for_moderation_and_an_observatory_admin_approves(
    client, editor, observatory_admin, news_indexes
):
    index = news_indexes["fr"]
    client.force_login(editor)
    data = nested_form_data(
        {
            "title": "Nouvelle à relire",
            "slug": "nouvelle-a-relire",
            "date": "2026-05-01",
            "summary": "Résumé",
            "body": streamfield([("paragraph", rich_text("<p>Texte</p>"))]),
            "tags": "",
            "action-submit": "Submit for moderation",
        }
    )
    response = client.post(f"/admin/pages/add/news/newspage/{index.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    page = NewsPage.objects.child_of(index).get(slug="nouvelle-a-relire")
    assert not page.live
    workflow_state = page.current_workflow_state
    assert workflow_state is not None and workflow_state.status == "in_progress"
    task_state = workflow_state.current_task_state
    assert task_state.task.specific.groups.filter(name="Observatory admins").exists()

    client.force_login(observatory_admin)
    client.post(f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/", {"comment": ""})
    page.refresh_from_db()
    assert page.live


@pytest.mark.django_db
def test_editor_translates_news_into_another_language(client, editor, news_indexes):
    news = NewsPageFactory(parent=news_indexes["ar"], title="خبر للترجمة")
    client.force_login(editor)
    url = f"/admin/translation/submit/page/{news.pk}/"
    assert client.get(url).status_code == 200
    fr = news_indexes["fr"].locale
    response = client.post(url, {"locales": [fr.pk]})
    assert response.status_code == 302
    translation = NewsPage.objects.get(translation_key=news.translation_key, locale=fr)
    assert translation.get_parent().pk == news_indexes["fr"].pk
    assert not translation.live  # a draft for the editor to translate, then submit for moderation


@pytest.mark.django_db
def test_observatory_admin_sees_and_edits_member_fields(client, observatory_admin):
    observatory_admin.is_superuser = True
    observatory_admin.save()
    member = UserFactory(association="Tin Hinan")
    client.force_login(observatory_admin)
    html = client.get(f"/admin/users/edit/{member.pk}/").content.decode()
    assert 'name="full_name_arabic"' in html and "Tin Hinan" in html
