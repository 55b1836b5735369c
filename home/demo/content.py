"""Demo content in Arabic, French and English, written for the Observatory's real audience."""

import datetime

HOME = {
    "ar": {
        "title": "تدريب",
        "hero_title": "تدريب: منصة تكوين الحركة الجمعوية",
        "hero_text": "دروس عن بعد، ندوات وأيام دراسية ينظمها المرصد الوطني للمجتمع المدني لفائدة أعضاء الجمعيات في كل ولايات الوطن.",
        "hero_cta_text": "اطّلع على آخر الأخبار",
    },
    "fr": {
        "title": "Tadrib",
        "hero_title": "Tadrib, la plateforme de formation du mouvement associatif",
        "hero_text": "Cours à distance, séminaires et journées d'études proposés par l'Observatoire national de la société civile aux membres des associations de toutes les wilayas.",
        "hero_cta_text": "Lire les dernières actualités",
    },
    "en": {
        "title": "Tadrib",
        "hero_title": "Tadrib, the training platform of the associative movement",
        "hero_text": "Distance courses, seminars and study days offered by the National Observatory of Civil Society to association members in every wilaya.",
        "hero_cta_text": "Read the latest news",
    },
}

NEWS_INDEX = {
    "ar": {"title": "الأخبار", "introduction": "أخبار المرصد الوطني للمجتمع المدني ونشاطات التكوين."},
    "fr": {
        "title": "Actualités",
        "introduction": "Les nouvelles de l'Observatoire national de la société civile et de ses formations.",
    },
    "en": {
        "title": "News",
        "introduction": "News from the National Observatory of Civil Society and its training activities.",
    },
}

ABOUT = {
    "ar": {
        "title": "من نحن",
        "introduction": "تدريب هي المنصة الرقمية التي تربط المرصد الوطني للمجتمع المدني بالجمعيات.",
        "body": "<p>تهدف المنصة إلى تعزيز الحوار والتشاور بين الحركة الجمعوية والمرصد، وإلى تقوية قدرات أعضاء الجمعيات عبر التكوين عن بعد والندوات والأيام الدراسية.</p>",
    },
    "fr": {
        "title": "À propos",
        "introduction": "Tadrib est la plateforme numérique qui relie l'Observatoire national de la société civile aux associations.",
        "body": "<p>Elle sert au dialogue et à la concertation entre le mouvement associatif et l'Observatoire, et au renforcement des capacités des membres des associations par la formation à distance, les séminaires et les journées d'études.</p>",
    },
    "en": {
        "title": "About",
        "introduction": "Tadrib is the digital platform linking the National Observatory of Civil Society with associations.",
        "body": "<p>It serves dialogue and consultation between the associative movement and the Observatory, and builds the skills of association members through distance training, seminars and study days.</p>",
    },
}

FOOTER = {
    "ar": "<p>منصة <b>تدريب</b> — المرصد الوطني للمجتمع المدني، الجزائر.</p>",
    "fr": "<p>Plateforme <b>Tadrib</b> — Observatoire national de la société civile, Algérie.</p>",
    "en": "<p>The <b>Tadrib</b> platform — National Observatory of Civil Society, Algeria.</p>",
}

CATEGORIES = {
    "announcements": {"ar": "إعلانات", "fr": "Annonces", "en": "Announcements"},
    "training": {"ar": "تكوين", "fr": "Formation", "en": "Training"},
    "events": {"ar": "فعاليات", "fr": "Événements", "en": "Events"},
}


def _news(slug, date, category, tags, image, texts):
    return {"slug": slug, "date": date, "category": category, "tags": tags, "image": image, "texts": texts}


NEWS = [
    _news(
        "platform-launch",
        datetime.date(2025, 7, 9),
        "announcements",
        {"ar": ["تمنراست", "المنصة"], "fr": ["Tamanrasset", "plateforme"], "en": ["Tamanrasset", "platform"]},
        0,
        {
            "ar": (
                "من تمنراست: الإعلان عن منصة رقمية للحركة الجمعوية",
                "أعلن رئيس المرصد الوطني للمجتمع المدني من تمنراست عن إطلاق منصة رقمية تكون قناة تواصل دائمة بين المرصد والجمعيات.",
                "<p>ستسمح المنصة بتعزيز الحوار والتشاور مع الجمعيات في كل الولايات، وبمتابعة دورات التكوين عن بعد حتى عبر اتصال ضعيف.</p>",
            ),
            "fr": (
                "Depuis Tamanrasset, l'annonce d'une plateforme numérique pour le mouvement associatif",
                "Le président de l'Observatoire national de la société civile a annoncé depuis Tamanrasset une plateforme numérique, canal permanent entre l'Observatoire et les associations.",
                "<p>La plateforme renforcera le dialogue et la concertation avec les associations de toutes les wilayas, et permettra de suivre des formations à distance, même sur une connexion faible.</p>",
            ),
            "en": (
                "From Tamanrasset, a digital platform for the associative movement is announced",
                "The president of the National Observatory of Civil Society announced from Tamanrasset a digital platform, a permanent channel between the Observatory and associations.",
                "<p>The platform will strengthen dialogue and consultation with associations in every wilaya, and let members follow distance training even on a weak connection.</p>",
            ),
        },
    ),
    _news(
        "distance-training-programme",
        datetime.date(2025, 9, 15),
        "training",
        {"ar": ["التكوين عن بعد"], "fr": ["formation à distance"], "en": ["distance training"]},
        1,
        {
            "ar": (
                "برنامج التكوين عن بعد: أولى الدورات متاحة",
                "تفتح المنصة أولى دوراتها حول تسيير الجمعيات وكتابة المشاريع للحصول على التمويل.",
                "<p>صُممت الدروس لتُشاهَد على الهاتف، مع نسخ منخفضة الحجم للفيديو لمن يعيشون في المناطق البعيدة.</p>",
            ),
            "fr": (
                "Formation à distance : les premiers cours sont ouverts",
                "La plateforme ouvre ses premiers cours sur la gestion d'une association et la rédaction de projets pour obtenir un financement.",
                "<p>Les leçons sont pensées pour le téléphone, avec des vidéos légères pour les membres des régions éloignées.</p>",
            ),
            "en": (
                "Distance training: the first courses are open",
                "The platform opens its first courses on managing an association and writing projects to obtain funding.",
                "<p>Lessons are designed for phones, with light videos for members in remote regions.</p>",
            ),
        },
    ),
    _news(
        "study-day-governance",
        datetime.date(2025, 10, 20),
        "events",
        {"ar": ["يوم دراسي", "الحوكمة"], "fr": ["journée d'études", "gouvernance"], "en": ["study day", "governance"]},
        2,
        {
            "ar": (
                "يوم دراسي حول حوكمة الجمعيات",
                "نظم المرصد يوما دراسيا حول الشفافية والتسيير المالي في الجمعيات بمشاركة ممثلين عن عدة ولايات.",
                "<p>تناول اليوم الدراسي إعداد التقارير الأدبية والمالية، وتنظيم الجمعيات العامة، وتوثيق القرارات.</p>",
            ),
            "fr": (
                "Une journée d'études sur la gouvernance associative",
                "L'Observatoire a organisé une journée d'études sur la transparence et la gestion financière des associations, avec des représentants de plusieurs wilayas.",
                "<p>Les échanges ont porté sur les rapports moral et financier, l'organisation des assemblées générales et la traçabilité des décisions.</p>",
            ),
            "en": (
                "A study day on association governance",
                "The Observatory held a study day on transparency and financial management in associations, with representatives of several wilayas.",
                "<p>Discussions covered activity and financial reports, running general assemblies and keeping a record of decisions.</p>",
            ),
        },
    ),
    _news(
        "seminar-calendar",
        datetime.date(2025, 11, 5),
        "events",
        {"ar": ["ندوات"], "fr": ["séminaires"], "en": ["seminars"]},
        None,
        {
            "ar": (
                "رزنامة الندوات الجهوية لهذا الموسم",
                "تنظم سلسلة من الندوات الجهوية في الشمال والهضاب العليا والجنوب لفائدة أعضاء الجمعيات.",
                "<p>يمكن التسجيل في الندوات عبر المنصة، وتمنح شهادة حضور لكل مشارك.</p>",
            ),
            "fr": (
                "Le calendrier des séminaires régionaux de la saison",
                "Une série de séminaires régionaux se tiendra au Nord, dans les Hauts-Plateaux et au Sud pour les membres des associations.",
                "<p>L'inscription se fait sur la plateforme, et une attestation de présence est remise à chaque participant.</p>",
            ),
            "en": (
                "This season's calendar of regional seminars",
                "A series of regional seminars will be held in the North, the High Plateaus and the South for association members.",
                "<p>Registration is on the platform, and every participant receives an attendance certificate.</p>",
            ),
        },
    ),
    _news(
        "international-partners",
        datetime.date(2026, 1, 12),
        "announcements",
        {"ar": ["شراكة"], "fr": ["partenariat"], "en": ["partnership"]},
        None,
        {
            "ar": (
                "تنسيق مع هيئات دولية لبرامج التكوين",
                "يعمل المرصد على تنسيق مع هيئات دولية لها برامج في تكوين الفاعلين الجمعويين.",
                "<p>ستُنشر الدورات الناتجة عن هذا التعاون على المنصة باللغتين العربية والفرنسية.</p>",
            ),
            "fr": (
                "Une coordination avec des instances internationales pour la formation",
                "L'Observatoire se coordonne avec des instances internationales qui ont des programmes de formation des acteurs associatifs.",
                "<p>Les cours issus de cette coopération seront publiés sur la plateforme, en arabe et en français.</p>",
            ),
            "en": (
                "Coordination with international bodies on training",
                "The Observatory is coordinating with international bodies that run training programmes for association members.",
                "<p>Courses from this cooperation will be published on the platform in Arabic and French.</p>",
            ),
        },
    ),
    _news(
        "young-project-holders",
        datetime.date(2026, 3, 2),
        "training",
        {"ar": ["الشباب", "تمنراست"], "fr": ["jeunesse", "Tamanrasset"], "en": ["youth", "Tamanrasset"]},
        1,
        {
            "ar": (
                "مرافقة الشباب حاملي المشاريع في أقصى الجنوب",
                "دورة جديدة تساعد الجمعيات على مرافقة الشباب حاملي المشاريع المبتكرة بالتعاون مع الحاضنات المحلية.",
                "<p>تتناول الدورة دراسة الجدوى، والبحث عن التمويل، وبناء الشراكات المحلية.</p>",
            ),
            "fr": (
                "Accompagner les jeunes porteurs de projets dans l'extrême Sud",
                "Un nouveau cours aide les associations à accompagner les jeunes porteurs de projets innovants, avec les incubateurs locaux.",
                "<p>Il aborde l'étude de faisabilité, la recherche de financements et la construction de partenariats locaux.</p>",
            ),
            "en": (
                "Supporting young project holders in the far South",
                "A new course helps associations support young people with innovative projects, together with local incubators.",
                "<p>It covers feasibility studies, finding funding and building local partnerships.</p>",
            ),
        },
    ),
    _news(
        "low-bandwidth-guide",
        datetime.date(2026, 4, 18),
        "training",
        {"ar": ["دليل"], "fr": ["guide"], "en": ["guide"]},
        None,
        {
            "ar": (
                "دليل: متابعة الدروس باتصال ضعيف",
                "نصائح عملية لمتابعة الدروس من الهاتف في المناطق ذات التغطية الضعيفة.",
                "<p>فعّل وضع توفير البيانات، وحمّل نسخة الفيديو الخفيفة عندما يكون الاتصال جيدا، وتابع الدرس لاحقا من حيث توقفت.</p>",
            ),
            "fr": (
                "Guide : suivre les cours avec une connexion faible",
                "Des conseils pratiques pour suivre les cours sur téléphone dans les zones mal couvertes.",
                "<p>Activez le mode économie de données, téléchargez la version légère de la vidéo quand le réseau est bon, et reprenez la leçon là où vous l'avez laissée.</p>",
            ),
            "en": (
                "Guide: following lessons on a weak connection",
                "Practical advice for following lessons on a phone where coverage is poor.",
                "<p>Turn on data saver, download the light version of a video while the network is good, and resume the lesson where you left it.</p>",
            ),
        },
    ),
]

USERS = [
    # email, password, group, names (Latin, Arabic), staff, superuser
    ("trainee@tadrib.dz", "Tadrib-Trainee-2026", "Trainees", ("Amina Benali", "أمينة بن علي"), False, False),
    ("trainer@tadrib.dz", "Tadrib-Trainer-2026", "Trainers", ("Karim Ould Ahmed", "كريم ولد أحمد"), False, False),
    ("editor@tadrib.dz", "Tadrib-Editor-2026", "Editors", ("Nadia Hamidi", "نادية حميدي"), False, False),
    ("admin@tadrib.dz", "Tadrib-Admin-2026", "Observatory admins", ("Samir Bouzid", "سمير بوزيد"), True, True),
]
