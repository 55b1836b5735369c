"""One realistic, unsaved page of each page type of the project, with the parent it is added under.

A new page type needs its sample here: the preview test runs over every type Wagtail knows and fails for one
that has none.
"""

import datetime as dt
from types import SimpleNamespace

from django.utils import timezone
from wagtail.models import Locale, Page

from accounts.models import Wilaya
from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage
from home.models import HomePage, StandardPage
from news.models import NewsIndexPage, NewsPage
from quizzes.models import QuizItem, QuizPage
from seminars.models import SeminarIndexPage, SeminarPage, SeminarQuestion
from tests.factories import UserFactory, build_course
from tests.factories.quizzes import build_bank, build_quiz
from tests.factories.seminars import SeminarIndexPageFactory


def sample_tree(homes, catalogues, news_indexes):
    """Parents for every sample: the French site, a calendar, a published course with a module, lessons and a
    quiz, and a home page with no index yet (the indexes are one per home)."""
    french = Locale.objects.get(language_code="fr")
    empty_home = HomePage(title="Tadrib (essai)", slug="home-essai", locale=french)
    Page.get_first_root_node().add_child(instance=empty_home)
    course, lessons = build_course(catalogues["fr"], lessons=2, modules=1, title="Gérer une association")
    category, questions = build_bank(course)
    build_quiz(course, list(questions.values())[:2], title="Quiz du cours")
    return SimpleNamespace(
        root=Page.get_first_root_node(),
        home=homes["fr"],
        empty_home=empty_home,
        news=news_indexes["fr"],
        catalogue=catalogues["fr"],
        calendar=SeminarIndexPageFactory(parent=homes["fr"], locale=french, title="Séminaires"),
        course=course,
        module=ModulePage.objects.child_of(course).get(),
        bank=category,
        questions=list(questions.values()),
        trainer=UserFactory(groups=["Trainers"], full_name_latin="Karim Hadj"),
    )


def _home(tree, n):
    body = [("paragraph", "<p>La plateforme de formation du mouvement associatif.</p>")]
    return tree.root, HomePage(title=f"Accueil {n}", slug=f"accueil-{n}", hero_text="Se former ensemble.", body=body)


def _standard(tree, n):
    body = [("paragraph", "<p>Qui sommes-nous ?</p>"), ("quote", {"text": "Apprendre ensemble.", "attribution": ""})]
    page = StandardPage(title=f"À propos {n}", slug=f"a-propos-{n}", introduction="L'Observatoire.", body=body)
    return tree.home, page


def _news_index(tree, n):
    return tree.empty_home, NewsIndexPage(title=f"Actualités {n}", slug=f"actualites-{n}", introduction="Nouvelles")


def _news(tree, n):
    page = NewsPage(
        title=f"Journée d'étude {n}",
        slug=f"journee-{n}",
        date=dt.date(2026, 11, 3),
        summary="Une journée sur le bénévolat.",
        body=[("paragraph", "<p>Compte rendu de la journée.</p>")],
    )
    page.tags.add("bénévolat")
    return tree.news, page


def _catalogue(tree, n):
    return tree.empty_home, CourseIndexPage(title=f"Formations {n}", slug=f"formations-{n}", introduction="Cours")


def _course(tree, n):
    page = CoursePage(
        title=f"Écrire un projet {n}",
        slug=f"ecrire-un-projet-{n}",
        summary="Du besoin au budget.",
        objectives="<ul><li>Rédiger un projet</li></ul>",
        audience="Les membres des bureaux.",
        language="fr",
        estimated_hours=3,
        trainers=[tree.trainer],
    )
    return tree.catalogue, page


def _module(tree, n):
    return tree.course, ModulePage(title=f"Chapitre {n}", slug=f"chapitre-{n}", introduction="Les bases.")


def _lesson(tree, n):
    body = [
        ("paragraph", "<p>Le procès-verbal garde la trace des décisions.</p>"),
        ("callout", {"kind": "tip", "title": "Bon à savoir", "text": "<p>Gardez une copie.</p>"}),
    ]
    return tree.module, LessonPage(title=f"Le procès-verbal {n}", slug=f"proces-verbal-{n}", body=body)


def _quiz(tree, n):
    page = QuizPage(
        title=f"Vérifier ses acquis {n}",
        slug=f"verifier-{n}",
        instructions="<p>Deux questions.</p>",
        items=[QuizItem(question=tree.questions[2], sort_order=0), QuizItem(category=tree.bank, draw=1, sort_order=1)],
    )
    return tree.course, page


def _calendar(tree, n):
    return tree.empty_home, SeminarIndexPage(title=f"Agenda {n}", slug=f"agenda-{n}", introduction="Rencontres")


def _seminar(tree, n):
    starts = timezone.now().replace(microsecond=0, second=0) + dt.timedelta(days=20)
    page = SeminarPage(
        title=f"Séminaire à Oran {n}",
        slug=f"seminaire-oran-{n}",
        summary="Le bénévolat dans les associations.",
        starts_at=starts,
        ends_at=starts + dt.timedelta(hours=6),
        wilaya=Wilaya.objects.get(code=31),
        address="Palais de la culture, Oran",
        capacity=40,
        language="fr",
        programme=[("day", "Jour 1"), ("item", {"starts": dt.time(9), "title": "Accueil", "speaker": "ONSC"})],
        questions=[SeminarQuestion(label="Association", required=True, sort_order=0)],
        trainers=[tree.trainer],
    )
    return tree.calendar, page


SAMPLES = {
    HomePage: _home,
    StandardPage: _standard,
    NewsIndexPage: _news_index,
    NewsPage: _news,
    CourseIndexPage: _catalogue,
    CoursePage: _course,
    ModulePage: _module,
    LessonPage: _lesson,
    QuizPage: _quiz,
    SeminarIndexPage: _calendar,
    SeminarPage: _seminar,
}
