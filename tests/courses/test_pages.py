import pytest
from wagtail.test.utils import WagtailPageTestCase

from courses.enums import Access
from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage
from home.models import HomePage, StandardPage
from tests.factories import LessonPageFactory, UserFactory, build_course


class TestCourseTreeRules(WagtailPageTestCase):
    def test_catalogue_lives_under_a_home_page(self):
        self.assertCanCreateAt(HomePage, CourseIndexPage)
        self.assertCanNotCreateAt(StandardPage, CourseIndexPage)

    def test_courses_live_in_a_catalogue_only(self):
        self.assertCanCreateAt(CourseIndexPage, CoursePage)
        self.assertCanNotCreateAt(HomePage, CoursePage)
        self.assertCanNotCreateAt(CoursePage, CoursePage)

    def test_modules_and_lessons(self):
        self.assertCanCreateAt(CoursePage, ModulePage)
        self.assertCanCreateAt(CoursePage, LessonPage)
        self.assertCanCreateAt(ModulePage, LessonPage)
        self.assertCanNotCreateAt(ModulePage, ModulePage)
        self.assertCanNotCreateAt(LessonPage, LessonPage)
        self.assertCanNotCreateAt(CourseIndexPage, LessonPage)


@pytest.mark.django_db
def test_course_page_shows_the_syllabus_in_tree_order_with_modules(client, catalogues):
    course, lessons = build_course(catalogues["ar"], lessons=4, modules=2)
    html = client.get(course.url).content.decode()
    positions = [html.index(lesson.title) for lesson in lessons]
    assert positions == sorted(positions)
    for module in ModulePage.objects.child_of(course):
        assert f'id="module-{module.pk}"' in html


@pytest.mark.django_db
def test_unpublished_lessons_are_invisible(client, catalogues):
    course, lessons = build_course(catalogues["en"], lessons=3, access=Access.OPEN)
    draft = lessons[1]
    draft.unpublish()
    html = client.get(course.url).content.decode()
    assert draft.title not in html
    assert "2 lessons" in html
    assert client.get(f"{course.url}{draft.slug}/").status_code == 404


@pytest.mark.django_db
def test_lessons_of_an_unpublished_course_are_not_served(client, catalogues):
    course, lessons = build_course(catalogues["ar"], lessons=1, access=Access.OPEN)
    url = lessons[0].url
    assert client.get(url).status_code == 200
    course.unpublish()
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_enrolment_required_lessons_answer_403_with_a_way_to_enrol(client, catalogues):
    course, lessons = build_course(catalogues["fr"], lessons=1, access=Access.ENROLMENT)
    response = client.get(lessons[0].url)
    assert response.status_code == 403
    html = response.content.decode()
    assert course.url in html and lessons[0].title in html
    assert "Text of" not in html  # the lesson body stays hidden
    client.force_login(UserFactory())
    assert client.get(lessons[0].url).status_code == 403


@pytest.mark.django_db
def test_open_course_lessons_are_readable_by_anyone(client, catalogues):
    course, lessons = build_course(catalogues["en"], lessons=1, access=Access.OPEN)
    response = client.get(lessons[0].url)
    assert response.status_code == 200
    assert f"Text of {lessons[0].title}" in response.content.decode()


@pytest.mark.django_db
def test_module_url_leads_to_its_place_in_the_syllabus(client, catalogues):
    course, _lessons = build_course(catalogues["ar"], lessons=2, modules=1)
    module = ModulePage.objects.child_of(course).get()
    response = client.get(module.url)
    assert response.status_code == 302
    assert response["Location"].endswith(f"{course.url}#module-{module.pk}")


@pytest.mark.django_db
def test_a_course_cannot_require_itself(catalogues):
    from django.core.exceptions import ValidationError

    course, _ = build_course(catalogues["ar"], lessons=0)
    course.prerequisites.add(course)
    with pytest.raises(ValidationError):
        course.full_clean()


@pytest.mark.django_db
def test_optional_lessons_do_not_count_towards_completion(catalogues):
    from courses.progress import course_progress

    course, lessons = build_course(catalogues["ar"], lessons=2)
    LessonPageFactory(parent=course, locale=course.locale, required=False)
    progress = course_progress(UserFactory(), course)
    assert (progress.required_total, progress.lesson_count) == (2, 3)
