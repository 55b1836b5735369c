"""Two demo courses: one taught in Arabic, one in French, each with two modules of three lessons."""

from decimal import Decimal

from courses.models import CourseIndexPage, CoursePage, CourseTheme, LessonPage, ModulePage
from home.demo.videos import demo_video

CATALOGUE = {
    "ar": {
        "title": "الدورات",
        "introduction": "دورات تكوينية عن بعد لأعضاء الجمعيات، تُتابَع من الهاتف ولو باتصال ضعيف.",
    },
    "fr": {
        "title": "Cours",
        "introduction": "Des cours à distance pour les membres des associations, à suivre sur téléphone, même avec une connexion faible.",
    },
    "en": {
        "title": "Courses",
        "introduction": "Distance courses for association members, to follow on a phone, even on a weak connection.",
    },
}

THEMES = {
    "governance": {"ar": "الحوكمة", "fr": "Gouvernance", "en": "Governance"},
    "funding": {"ar": "التمويل", "fr": "Financement", "en": "Funding"},
}


def _lesson(title, minutes, text, callout=None):
    body = [("paragraph", text)]
    if callout:
        body.append(("callout", {"kind": "tip", "title": callout[0], "text": callout[1]}))
    return {"title": title, "minutes": minutes, "body": body}


COURSES = [
    {
        "slug": "managing-an-association",
        "locale": "ar",
        "theme": "governance",
        "level": "beginner",
        "hours": Decimal("3"),
        "featured": True,
        "title": "تسيير جمعية",
        "summary": "الأسس القانونية والمالية لتسيير جمعية بشفافية: القانون الأساسي، الجمعية العامة، الميزانية والتقارير.",
        "objectives": "<ul><li>فهم الإطار القانوني للجمعيات في الجزائر</li><li>تنظيم جمعية عامة وتحرير محضرها</li><li>إعداد ميزانية وتقرير مالي</li></ul>",
        "audience": "أعضاء مكاتب الجمعيات الجدد، والمتطوعون الذين يتولون مهام التسيير.",
        "modules": [
            (
                "الإطار القانوني",
                "ما يفرضه القانون على الجمعية وما يحميها به.",
                [
                    _lesson(
                        "القانون الأساسي للجمعية",
                        15,
                        "<p>القانون الأساسي هو الوثيقة التي تحدد هدف الجمعية وهيئاتها وطريقة اتخاذ القرار فيها. يجب أن يكون واضحا ومتاحا لكل الأعضاء.</p>",
                        ("نصيحة", "<p>احتفظ بنسخة مصادق عليها من القانون الأساسي في مقر الجمعية.</p>"),
                    ),
                    _lesson(
                        "الجمعية العامة",
                        20,
                        "<p>الجمعية العامة هي الهيئة العليا للجمعية. تنعقد مرة في السنة على الأقل للمصادقة على التقرير الأدبي والمالي وانتخاب الهيئة التنفيذية عند الاقتضاء.</p>",
                    ),
                    _lesson(
                        "محضر الاجتماع",
                        15,
                        "<p>يسجل المحضر الحضور وجدول الأعمال والقرارات ونتائج التصويت. يوقعه الرئيس والكاتب العام.</p>",
                    ),
                ],
            ),
            (
                "التسيير المالي",
                "كيف تُدار أموال الجمعية بشفافية.",
                [
                    _lesson(
                        "إعداد الميزانية",
                        20,
                        "<p>تبدأ الميزانية بقائمة النشاطات المبرمجة، ثم تقدير تكلفة كل نشاط ومصادر تمويله.</p>",
                    ),
                    _lesson(
                        "مسك الحسابات",
                        20,
                        "<p>تُسجَّل كل عملية في دفتر الحسابات مع الوثيقة المبررة لها: فاتورة أو وصل أو قرار.</p>",
                        ("مهم", "<p>لا تُقبل أي نفقة دون وثيقة مبررة.</p>"),
                    ),
                    _lesson(
                        "التقرير المالي",
                        15,
                        "<p>يعرض التقرير المالي المداخيل والنفقات خلال السنة ويُقدَّم للجمعية العامة للمصادقة عليه.</p>",
                    ),
                ],
            ),
        ],
    },
    {
        "slug": "project-writing-for-funding",
        "locale": "fr",
        "theme": "funding",
        "level": "intermediate",
        "hours": Decimal("4"),
        "featured": True,
        "title": "Rédiger un projet pour obtenir un financement",
        "summary": "De l'idée au dossier : définir un besoin, construire un projet cohérent, bâtir un budget crédible et convaincre un bailleur.",
        "objectives": "<ul><li>Formuler un problème et des objectifs mesurables</li><li>Construire un cadre logique simple</li><li>Présenter un budget et un calendrier réalistes</li></ul>",
        "audience": "Membres d'associations qui préparent une demande de subvention auprès d'un organisme public ou d'un partenaire.",
        "modules": [
            (
                "Concevoir le projet",
                "Partir du besoin réel des bénéficiaires.",
                [
                    _lesson(
                        "Analyser le besoin",
                        20,
                        "<p>Un bon projet répond à un problème observé et documenté : qui est concerné, combien de personnes, depuis quand, avec quelles conséquences.</p>",
                    ),
                    _lesson(
                        "Objectifs et résultats",
                        20,
                        "<p>L'objectif général décrit le changement visé ; les résultats attendus sont concrets et mesurables.</p>",
                        (
                            "Bon à savoir",
                            "<p>Un indicateur doit pouvoir être vérifié par quelqu'un d'extérieur à l'association.</p>",
                        ),
                    ),
                    _lesson(
                        "Le cadre logique",
                        25,
                        "<p>Le cadre logique relie activités, résultats et objectifs, avec leurs indicateurs et leurs sources de vérification.</p>",
                    ),
                ],
            ),
            (
                "Le dossier de financement",
                "Présenter le projet au bailleur.",
                [
                    _lesson(
                        "Le budget",
                        25,
                        "<p>Le budget détaille chaque dépense, sa quantité et son coût unitaire, et indique la part demandée et l'apport de l'association.</p>",
                    ),
                    _lesson(
                        "Le calendrier",
                        15,
                        "<p>Un calendrier réaliste tient compte des délais de versement et des périodes où les bénévoles sont disponibles.</p>",
                    ),
                    _lesson(
                        "Relire et déposer le dossier",
                        15,
                        "<p>Avant le dépôt, vérifiez la cohérence entre le texte, le budget et le calendrier, et joignez les pièces administratives demandées.</p>",
                    ),
                ],
            ),
        ],
    },
]


VIDEO_LESSONS = {("ar", "lesson-1-2"): "الجمعية العامة — فيديو", ("fr", "lesson-1-1"): "Analyser le besoin — vidéo"}


def seed_courses(homes, locales, trainer, ensure_child, publish):
    catalogues, source = {}, None
    for code, home in homes.items():
        catalogue = ensure_child(
            home, CourseIndexPage, "courses", source, locales[code], show_in_menus=False, **CATALOGUE[code]
        )
        source = source or catalogue
        catalogues[code] = catalogue
    themes = {}
    for key, names in THEMES.items():
        theme_source = None
        for code, locale in locales.items():
            theme = CourseTheme.objects.filter(slug=key, locale=locale).first()
            if theme is None:
                theme = CourseTheme(name=names[code], slug=key, locale=locale)
                if theme_source:
                    theme.translation_key = theme_source.translation_key
                theme.save()
            theme_source = theme_source or theme
            themes[(key, code)] = theme
    for data in COURSES:
        code = data["locale"]
        catalogue = catalogues[code]
        course = CoursePage.objects.child_of(catalogue).filter(slug=data["slug"]).first()
        if course is not None:
            continue
        course = CoursePage(
            slug=data["slug"],
            locale=locales[code],
            title=data["title"],
            summary=data["summary"],
            objectives=data["objectives"],
            audience=data["audience"],
            level=data["level"],
            language=code,
            estimated_hours=data["hours"],
            featured=data["featured"],
            theme=themes[(data["theme"], code)],
        )
        catalogue.add_child(instance=course)
        course.trainers.add(trainer)
        publish(course)
        for position, (title, introduction, lessons) in enumerate(data["modules"], start=1):
            module = course.add_child(
                instance=ModulePage(
                    title=title, introduction=introduction, slug=f"module-{position}", locale=locales[code]
                )
            )
            publish(module)
            for number, lesson in enumerate(lessons, start=1):
                slug = f"lesson-{position}-{number}"
                body = list(lesson["body"])
                video_title = VIDEO_LESSONS.get((code, slug))
                video = demo_video(video_title, trainer) if video_title else None
                if video:
                    body.insert(0, ("video", {"video": video, "caption": ""}))
                page = module.add_child(
                    instance=LessonPage(
                        title=lesson["title"],
                        slug=slug,
                        locale=locales[code],
                        estimated_minutes=lesson["minutes"],
                        body=body,
                    )
                )
                publish(page)
    return catalogues
