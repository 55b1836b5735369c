"""A final quiz for each demo course, in the course's language, with every type of question."""

from decimal import Decimal

from courses.models import CoursePage
from quizzes.enums import QuestionKind
from quizzes.models import AcceptedAnswer, Choice, Question, QuestionCategory, QuizItem, QuizPage

S, M, TF, T, N = (
    QuestionKind.SINGLE,
    QuestionKind.MULTIPLE,
    QuestionKind.TRUE_FALSE,
    QuestionKind.SHORT_TEXT,
    QuestionKind.NUMERIC,
)

# (kind, text, answer, explanation): answer is [(choice, correct)], True/False, [accepted texts] or a number.
QUESTIONS = {
    "managing-an-association": {
        "title": "اختبار نهائي: تسيير جمعية",
        "instructions": "<p>أجب عن الأسئلة خلال 15 دقيقة. تُحفَظ إجاباتك تلقائيًا، ويمكنك إعادة المحاولة مرة واحدة.</p>",
        "category": "تسيير الجمعية",
        "time_limit": 15,
        "questions": [
            (
                S,
                "ما الهيئة التي تصادق على التقرير المالي السنوي؟",
                [("الجمعية العامة", True), ("الرئيس", False), ("أمين المال", False)],
                "الجمعية العامة هي الهيئة السيدة في الجمعية.",
            ),
            (
                S,
                "من يمثل الجمعية أمام القضاء والإدارة؟",
                [("الرئيس", True), ("الكاتب العام", False), ("أي عضو", False)],
                "يمثل الرئيس الجمعية قانونًا ما لم ينص القانون الأساسي على غير ذلك.",
            ),
            (
                M,
                "ما الوثائق التي يجب على الجمعية حفظها؟",
                [
                    ("محاضر الاجتماعات", True),
                    ("سجل المداخيل والمصاريف", True),
                    ("كلمات سر الأعضاء", False),
                    ("القانون الأساسي", True),
                ],
                "تُحفَظ المحاضر والحسابات والقانون الأساسي؛ أما المعطيات الخاصة فلا تُجمع إلا عند الحاجة.",
            ),
            (
                M,
                "ما الذي يُدرج في جدول أعمال الجمعية العامة العادية؟",
                [("التقرير الأدبي", True), ("التقرير المالي", True), ("الحياة الخاصة للأعضاء", False)],
                "",
            ),
            (
                TF,
                "تجتمع الجمعية العامة العادية مرة واحدة على الأقل في السنة.",
                True,
                "ينص القانون الأساسي عادة على اجتماع سنوي على الأقل.",
            ),
            (TF, "يمكن لأمين المال صرف الأموال دون أي وثيقة تبريرية.", False, "كل مصروف يحتاج إلى وثيقة تبريرية."),
            (
                T,
                "ما اسم الوثيقة التي تحدد أهداف الجمعية وهيئاتها؟",
                ["القانون الأساسي"],
                "القانون الأساسي هو الوثيقة المؤسسة للجمعية.",
            ),
            (T, "ما اسم الوثيقة التي تدوَّن فيها قرارات الاجتماع؟", ["المحضر", "محضر الاجتماع"], ""),
            (N, "كم شهرًا في السنة المالية؟", Decimal(12), "السنة المالية اثنا عشر شهرًا."),
            (
                N,
                "إذا كانت المداخيل 150000 دج والمصاريف 120000 دج، فكم الفائض بالدينار؟",
                Decimal(30000),
                "150000 − 120000 = 30000 دج.",
            ),
        ],
    },
    "project-writing-for-funding": {
        "title": "Quiz final : écrire un projet",
        "instructions": "<p>Répondez aux questions. Vos réponses sont enregistrées au fur et à mesure ; vous avez deux tentatives.</p>",
        "category": "Montage de projet",
        "time_limit": None,
        "questions": [
            (
                S,
                "Par quoi commence l'écriture d'un projet ?",
                [("L'analyse du besoin", True), ("Le budget", False), ("Le logo", False)],
                "On part toujours du besoin du public visé.",
            ),
            (
                S,
                "Un objectif SMART est…",
                [
                    ("Spécifique, mesurable, atteignable, réaliste, temporel", True),
                    ("Simple et motivant", False),
                    ("Subventionné", False),
                ],
                "",
            ),
            (
                M,
                "Que contient un budget prévisionnel ?",
                [
                    ("Les charges", True),
                    ("Les produits", True),
                    ("Les opinions des membres", False),
                    ("Les contributions en nature", True),
                ],
                "Un budget équilibre charges et produits, y compris les contributions en nature.",
            ),
            (
                M,
                "Quels indicateurs sont mesurables ?",
                [("Nombre de bénéficiaires formés", True), ("Taux de satisfaction", True), ("Bonne ambiance", False)],
                "",
            ),
            (TF, "Un budget prévisionnel doit être équilibré.", True, "Les charges égalent les produits."),
            (
                TF,
                "Le rapport final est facultatif quand la subvention est versée.",
                False,
                "Le bailleur attend un compte rendu d'exécution.",
            ),
            (
                T,
                "Comment appelle-t-on l'organisme qui finance un projet ?",
                ["bailleur", "bailleur de fonds", "financeur"],
                "",
            ),
            (T, "Quel document résume le projet en une page ?", ["fiche projet", "la fiche projet"], ""),
            (N, "Un projet de 18 mois dure combien d'années ? (ex. 1,5)", Decimal("1.5"), "18 ÷ 12 = 1,5."),
            (
                N,
                "Si la subvention couvre 80 % d'un budget de 500 000 DA, combien apporte l'association (en DA) ?",
                Decimal(100000),
                "20 % de 500 000 = 100 000 DA.",
            ),
        ],
    },
}


def _question(category, kind, text, answer, explanation):
    question = Question.objects.create(category=category, kind=kind, text=text, explanation=explanation)
    if kind in (S, M):
        for order, (label, correct) in enumerate(answer):
            Choice.objects.create(question=question, text=label, correct=correct, sort_order=order)
    elif kind == TF:
        question.true_false_answer = answer
    elif kind == T:
        for order, label in enumerate(answer):
            AcceptedAnswer.objects.create(question=question, text=label, sort_order=order)
    else:
        question.numeric_answer = answer
    question.save()
    return question


def seed_quizzes(publish):
    for slug, data in QUESTIONS.items():
        course = CoursePage.objects.filter(slug=slug).first()
        if course is None or QuizPage.objects.child_of(course).filter(slug="final-quiz").exists():
            continue
        category, _created = QuestionCategory.objects.get_or_create(course=course, name=data["category"])
        questions = [_question(category, *spec) for spec in data["questions"]]
        quiz = QuizPage(
            title=data["title"],
            slug="final-quiz",
            locale=course.locale,
            instructions=data["instructions"],
            pass_mark=60,
            attempts_allowed=2,
            time_limit_minutes=data["time_limit"],
        )
        # Eight fixed questions (every type), and two drawn at random from the rest of the bank.
        for order, question in enumerate(questions[:7] + questions[8:9]):
            quiz.items.add(QuizItem(question=question, sort_order=order))
        quiz.items.add(QuizItem(category=category, draw=2, sort_order=8))
        course.add_child(instance=quiz)
        publish(quiz)
