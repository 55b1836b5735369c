import pytest

from accounts.models import User
from courses.enums import EnrolmentStatus, Level
from courses.models import CourseTheme, Enrolment, LessonPage, LessonProgress
from tests.factories import UserFactory, build_course


@pytest.fixture
def fr_courses(catalogues):
    catalogue = catalogues["fr"]
    theme = CourseTheme.objects.create(name="Gouvernance", slug="gouvernance", locale=catalogue.locale)
    governance, _ = build_course(
        catalogue,
        lessons=2,
        title="Gouverner une association",
        theme=theme,
        level=Level.BEGINNER,
        language="fr",
        summary="Assemblée générale et statuts",
    )
    funding, _ = build_course(
        catalogue,
        lessons=3,
        title="Financer un projet",
        level=Level.ADVANCED,
        language="ar",
        summary="Budget et bailleurs",
    )
    return catalogue, governance, funding


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "shown", "hidden"),
    [
        ({}, ["Gouverner", "Financer"], []),
        ({"theme": "gouvernance"}, ["Gouverner"], ["Financer"]),
        ({"level": "advanced"}, ["Financer"], ["Gouverner"]),
        ({"language": "ar"}, ["Financer"], ["Gouverner"]),
        ({"q": "budget"}, ["Financer"], ["Gouverner"]),
        ({"theme": "unknown"}, [], ["Gouverner", "Financer"]),
        ({"level": "expert"}, [], ["Gouverner", "Financer"]),
    ],
)
def test_catalogue_filters_and_search(client, fr_courses, params, shown, hidden):
    catalogue = fr_courses[0]
    html = client.get(catalogue.url, params).content.decode()
    cards = html.split('class="cards"', 1)[-1]
    for title in shown:
        assert title in cards
    for title in hidden:
        assert title not in cards


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"q": "x" * 10_000},
        {"q": '"unbalanced NOT'},
        {"q": "\x00"},
        {"page": "-1"},
        {"page": "9" * 30},
        {"theme": "<script>alert(1)</script>"},
        {"level": "' OR 1=1 --"},
        {"language": "x" * 5000},
    ],
)
def test_catalogue_shrugs_off_hostile_parameters(client, fr_courses, params):
    response = client.get(fr_courses[0].url, params)
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


@pytest.mark.django_db
def test_cards_show_lessons_duration_and_my_progress(client, fr_courses):
    catalogue, governance, _funding = fr_courses
    user = UserFactory()
    Enrolment.objects.create(user=user, course=governance)
    lesson = LessonPage.objects.descendant_of(governance).first()
    LessonProgress.objects.create(user=user, lesson_id=lesson.pk, completed_at="2026-01-01T00:00:00Z")
    client.force_login(user)
    html = client.get(catalogue.url).content.decode()
    assert "2 leçons" in html and "3 leçons" in html
    assert "1/2 terminé (50 %)" in html


@pytest.mark.django_db
def test_catalogue_paginates(client, catalogues):
    for _ in range(14):
        build_course(catalogues["en"], lessons=0)
    assert client.get(catalogues["en"].url).content.decode().count("card--course") == 12
    assert client.get(catalogues["en"].url, {"page": 2}).content.decode().count("card--course") == 2


@pytest.mark.django_db
def test_my_learning_continues_where_i_stopped(client, catalogues):
    user = UserFactory()
    course, lessons = build_course(catalogues["en"], lessons=3)
    done_course, _ = build_course(catalogues["en"], lessons=1, title="Finished course")
    Enrolment.objects.create(user=user, course=course)
    Enrolment.objects.create(
        user=user, course=done_course, status=EnrolmentStatus.COMPLETED, completed_at="2026-02-01T10:00:00Z"
    )
    LessonProgress.objects.create(user=user, lesson=lessons[0], completed_at="2026-01-01T00:00:00Z")
    client.force_login(user)
    html = client.get("/en/learning/").content.decode()
    assert f'href="{lessons[1].url}"' in html
    assert "1/3 done (33%)" in html
    completed = html.split('id="completed"', 1)[1]
    assert "Finished course" in completed


@pytest.mark.django_db
def test_my_learning_needs_login(client):
    assert client.get("/en/learning/")["Location"].startswith("/en/accounts/login/")


def _learners(course, count):
    users = User.objects.bulk_create([User(email=f"bulk{course.pk}-{n}@example.dz") for n in range(count)])
    Enrolment.objects.bulk_create([Enrolment(user=user, course=course) for user in users])
    return users[0]


@pytest.mark.django_db
@pytest.mark.parametrize(("lessons", "learners"), [(5, 1), (50, 500)])
def test_query_counts_do_not_grow_with_lessons_or_learners(
    client, catalogues, lessons, learners, django_assert_max_num_queries
):
    course, items = build_course(catalogues["fr"], lessons=lessons, modules=2)
    learner = _learners(course, learners)
    LessonProgress.objects.create(user=learner, lesson=items[0], completed_at="2026-01-01T00:00:00Z")
    client.force_login(learner)
    # One query of each page is the quizzes app listing the course's quizzes (progress activities), one reads
    # the site root paths from the shared cache (in the embedded profile, where the cache is a table).
    pages = [(course.url, 31), (items[1].url, 32), (catalogues["fr"].url, 28), ("/fr/learning/", 17)]
    for url, bound in pages:
        client.get(url)  # warm the caches
        with django_assert_max_num_queries(bound):
            assert client.get(url).status_code == 200
