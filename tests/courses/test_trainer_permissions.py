import pytest
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from accounts.models import User
from courses.models import CoursePage, LessonPage
from tests.factories import LessonPageFactory, UserFactory, build_course


@pytest.fixture
def trainers(db):
    return UserFactory(groups=["Trainers"]), UserFactory(groups=["Trainers"])


@pytest.fixture
def owned_course(catalogues, trainers):
    mine, _theirs = trainers
    course, lessons = build_course(catalogues["ar"], lessons=2, modules=1)
    course.trainers.add(mine)
    course.save_revision().publish()  # publishing applies the trainers list
    return course, lessons


def course_form(title, slug, **extra):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "summary": "Résumé",
            "objectives": rich_text(""),
            "audience": "",
            "level": "beginner",
            "language": "ar",
            "estimated_hours": "2",
            "access": "enrolment",
            **extra,
        }
    )


@pytest.mark.django_db
def test_listed_trainer_edits_the_course_and_its_lessons_only(owned_course, trainers):
    course, lessons = owned_course
    mine, theirs = trainers
    for page in [course, *lessons, lessons[0].get_parent()]:
        assert page.permissions_for_user(mine).can_edit(), page
        assert not page.permissions_for_user(theirs).can_edit(), page
        assert not page.permissions_for_user(mine).can_publish(), page  # approval by an Observatory admin
    assert course.permissions_for_user(mine).can_add_subpage()
    assert not course.permissions_for_user(theirs).can_add_subpage()


@pytest.mark.django_db
def test_another_trainer_is_turned_away_from_direct_admin_urls(client, owned_course, trainers):
    course, lessons = owned_course
    _mine, theirs = trainers
    client.force_login(theirs)
    for url in [
        f"/admin/pages/{course.pk}/edit/",
        f"/admin/pages/{lessons[0].pk}/edit/",
        f"/admin/pages/add/courses/lessonpage/{course.pk}/",
        f"/admin/pages/{course.pk}/delete/",
    ]:
        response = client.get(url)
        assert (response.status_code, response["Location"]) == (302, "/admin/"), url  # Wagtail's refusal
    response = client.post(f"/admin/pages/{course.pk}/edit/", course_form("Piraté", course.slug))
    course.refresh_from_db()
    assert course.title != "Piraté" and course.get_latest_revision().content["title"] != "Piraté"


@pytest.mark.django_db
def test_listed_trainer_reaches_the_edit_form(client, owned_course, trainers):
    course, lessons = owned_course
    client.force_login(trainers[0])
    assert client.get(f"/admin/pages/{course.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{lessons[0].pk}/edit/").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("groups", [["Editors"], ["Trainees"]])
def test_editors_and_trainees_cannot_touch_courses(owned_course, groups):
    course, lessons = owned_course
    someone = UserFactory(groups=groups)
    for page in [course, lessons[0]]:
        assert not page.permissions_for_user(someone).can_edit()
    assert not course.get_parent().permissions_for_user(someone).can_add_subpage()


@pytest.mark.django_db
def test_trainer_creates_a_course_with_a_lesson_and_submits_it_for_moderation(client, catalogues, trainers):
    mine, _theirs = trainers
    catalogue = catalogues["ar"]
    client.force_login(mine)
    form = client.get(f"/admin/pages/add/courses/coursepage/{catalogue.pk}/")
    assert form.status_code == 200
    assert form.context["form"].initial["trainers"] == [mine.pk]  # the author is listed from the start
    response = client.post(
        f"/admin/pages/add/courses/coursepage/{catalogue.pk}/",
        course_form("دورة جديدة", "new-course", trainers=[mine.pk]),
    )
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    course = CoursePage.objects.get(slug="new-course")
    assert not course.permissions_for_user(_theirs).can_edit()
    assert not course.permissions_for_user(_theirs).can_add_subpage()
    response = client.post(
        f"/admin/pages/add/courses/lessonpage/{course.pk}/",
        nested_form_data(
            {
                "title": "الدرس الأول",
                "slug": "lesson-one",
                "estimated_minutes": "10",
                "required": "on",
                "body": streamfield([("paragraph", rich_text("<p>نص</p>"))]),
            }
        ),
    )
    assert response.status_code == 302
    response = client.post(
        f"/admin/pages/{course.pk}/edit/",
        course_form("دورة جديدة", "new-course", trainers=[mine.pk], **{"action-submit": "Submit"}),
    )
    course.refresh_from_db()
    assert not course.live
    assert course.current_workflow_state.status == "in_progress"
    assert LessonPage.objects.child_of(course).exists()


@pytest.mark.django_db
def test_approval_applies_the_trainers_list(catalogues, trainers):
    mine, theirs = trainers
    course, _ = build_course(catalogues["fr"], lessons=1)
    course.trainers.add(theirs)
    course.save_revision().publish()
    assert course.permissions_for_user(theirs).can_edit()
    assert not course.permissions_for_user(mine).can_edit()
    course = CoursePage.objects.get(pk=course.pk)
    course.trainers.set([mine])
    course.save_revision().publish()
    course = Page.objects.get(pk=course.pk)
    mine, theirs = (User.objects.get(pk=user.pk) for user in (mine, theirs))  # permissions are cached per user
    assert course.permissions_for_user(mine).can_edit()
    assert not course.permissions_for_user(theirs).can_edit()


@pytest.mark.django_db
def test_trainer_can_upload_images_for_lessons(client, trainers):
    client.force_login(trainers[0])
    assert client.get("/admin/images/").status_code == 200
    assert client.get("/admin/images/multiple/add/").status_code == 200


@pytest.mark.django_db
def test_lesson_created_by_a_trainer_stays_theirs_only_while_listed(owned_course, trainers):
    course, _lessons = owned_course
    mine, theirs = trainers
    lesson = LessonPageFactory(parent=course, locale=course.locale, owner=mine)
    assert lesson.permissions_for_user(mine).can_edit()
    assert not lesson.permissions_for_user(theirs).can_edit()
