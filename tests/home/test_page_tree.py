"""Where each page type may be created: every allowed parent, and every other page type refused."""

import pytest
from wagtail.models import Page, get_page_models
from wagtail.test.utils import WagtailPageTestCase

from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage
from home.models import HomePage, StandardPage
from news.models import NewsIndexPage, NewsPage
from quizzes.models import QuizPage
from seminars.models import SeminarIndexPage, SeminarPage

ALLOWED_PARENTS = {
    HomePage: {Page},
    StandardPage: {HomePage, StandardPage},
    NewsIndexPage: {HomePage},
    NewsPage: {NewsIndexPage},
    CourseIndexPage: {HomePage},
    CoursePage: {CourseIndexPage},
    ModulePage: {CoursePage},
    LessonPage: {CoursePage, ModulePage},
    QuizPage: {CoursePage, ModulePage},
    SeminarIndexPage: {HomePage},
    SeminarPage: {SeminarIndexPage},
}
PARENT_CANDIDATES = [Page, *ALLOWED_PARENTS]


def test_the_table_names_every_page_type_of_the_project():
    project_types = {model for model in get_page_models() if model is not Page}
    assert project_types == set(ALLOWED_PARENTS), "a new page type needs its row in ALLOWED_PARENTS"


class TestEveryPageTypeHasItsPlace(WagtailPageTestCase):
    def test_each_type_can_be_created_under_each_allowed_parent(self):
        for child, parents in ALLOWED_PARENTS.items():
            for parent in parents:
                with self.subTest(child=child.__name__, parent=parent.__name__):
                    self.assertCanCreateAt(parent, child)

    def test_each_type_is_refused_under_every_other_type(self):
        for child, parents in ALLOWED_PARENTS.items():
            for parent in PARENT_CANDIDATES:
                if parent not in parents:
                    with self.subTest(child=child.__name__, parent=parent.__name__):
                        self.assertCanNotCreateAt(parent, child)


@pytest.mark.django_db
def test_an_admin_adds_the_seminar_calendar_under_a_home_page(homes, client):
    from tests.factories import UserFactory

    client.force_login(UserFactory(groups=["Observatory admins"]))
    home = homes["fr"]
    choices = client.get(f"/admin/pages/{home.pk}/add_subpage/")
    assert choices.status_code == 200
    assert "/admin/pages/add/seminars/seminarindexpage/" in choices.content.decode()
    form = client.get(f"/admin/pages/add/seminars/seminarindexpage/{home.pk}/")
    assert form.status_code == 200
    response = client.post(
        f"/admin/pages/add/seminars/seminarindexpage/{home.pk}/",
        {"title": "Séminaires", "slug": "seminaires", "introduction": "", "action-publish": "publish"},
    )
    assert response.status_code == 302
    calendar = SeminarIndexPage.objects.get(slug="seminaires")
    assert calendar.live and calendar.get_parent().pk == home.pk
