"""Demo seminars: Tamanrasset, Alger, Oran and an online training; past and upcoming; one full with a waiting list."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts.models import Wilaya
from seminars.enums import RegistrationStatus, SeminarKind
from seminars.models import Registration, Seats, SeminarIndexPage, SeminarPage

CALENDAR = {
    "ar": {"title": "الندوات", "introduction": "ندوات وأيام دراسية وتكوينات عن بعد ينظمها المرصد عبر الولايات."},
    "fr": {
        "title": "Séminaires",
        "introduction": "Séminaires, journées d'étude et formations en ligne de l'Observatoire dans les wilayas.",
    },
    "en": {
        "title": "Seminars",
        "introduction": "Seminars, study days and online trainings of the Observatory across the wilayas.",
    },
}

# (locale, slug, title, summary, kind, wilaya code, address, days from today, start hour, hours, capacity)
SEMINARS = [
    (
        "ar",
        "tamanrasset-governance",
        "يوم دراسي: حوكمة الجمعيات في الجنوب",
        "لقاء لأعضاء مكاتب الجمعيات حول الجمعية العامة والتقارير المالية.",
        SeminarKind.STUDY_DAY,
        11,
        "دار الثقافة، تمنراست",
        12,
        9,
        7,
        3,
    ),
    (
        "ar",
        "alger-volunteering",
        "ندوة: الشباب والعمل التطوعي",
        "ندوة وطنية حول إشراك الشباب في العمل الجمعوي.",
        SeminarKind.SEMINAR,
        16,
        "قصر الثقافة مفدي زكريا، الجزائر",
        25,
        9,
        6,
        80,
    ),
    (
        "ar",
        "online-digital",
        "تكوين عن بعد: التواصل الرقمي للجمعيات",
        "كيف تعرّف جمعيتك بنشاطاتها على الشبكات الاجتماعية دون ميزانية كبيرة.",
        SeminarKind.ONLINE,
        None,
        "",
        5,
        18,
        2,
        0,
    ),
    (
        "ar",
        "alger-review-2026",
        "يوم دراسي: حصيلة الحركة الجمعوية 2026",
        "عرض حصيلة السنة ونقاش حول أولويات التكوين.",
        SeminarKind.STUDY_DAY,
        16,
        "المرصد الوطني للمجتمع المدني، الجزائر",
        -20,
        9,
        6,
        60,
    ),
    (
        "fr",
        "oran-funding",
        "Séminaire : financer un projet associatif",
        "Monter un dossier de financement public et privé, du besoin au budget.",
        SeminarKind.SEMINAR,
        31,
        "Palais de la culture, Oran",
        40,
        9,
        7,
        40,
    ),
]
MEMBERS = [
    ("member1@tadrib.dz", "Karim Hadj", "كريم حاج"),
    ("member2@tadrib.dz", "Lina Amrani", "لينة عمراني"),
    ("member3@tadrib.dz", "Yacine Belkacem", "ياسين بلقاسم"),
    ("member4@tadrib.dz", "Sara Touati", "سارة تواتي"),
]


def _members():
    User = get_user_model()
    people = []
    for email, latin, arabic in MEMBERS:
        user = User.objects.filter(email=email).first() or User.objects.create_user(
            email=email, password=None, full_name_latin=latin, full_name_arabic=arabic, association="جمعية النور"
        )
        people.append(user)
    return people


def seed_seminars(homes, locales, trainer, ensure_child, publish):
    indexes, source = {}, None
    for code, home in homes.items():
        index = ensure_child(
            home, SeminarIndexPage, "seminars", source, locales[code], show_in_menus=True, **CALENDAR[code]
        )
        source = source or index
        indexes[code] = index
    today = timezone.localdate()
    for code, slug, title, summary, kind, wilaya, address, days, hour, hours, capacity in SEMINARS:
        index = indexes[code]
        if SeminarPage.objects.child_of(index).filter(slug=slug).exists():
            continue
        starts = timezone.make_aware(dt.datetime.combine(today + dt.timedelta(days=days), dt.time(hour)))
        seminar = SeminarPage(
            title=title,
            slug=slug,
            locale=locales[code],
            summary=summary,
            kind=kind,
            starts_at=starts,
            ends_at=starts + dt.timedelta(hours=hours),
            wilaya=Wilaya.objects.filter(code=wilaya).first() if wilaya else None,
            address=address,
            online_url="https://meet.jit.si/tadrib-demo-communication" if kind == SeminarKind.ONLINE else "",
            capacity=capacity,
            language=code,
            audience="أعضاء مكاتب الجمعيات" if code == "ar" else "Membres des bureaux d'associations",
            programme=[
                (
                    "item",
                    {
                        "starts": dt.time(hour),
                        "ends": dt.time(hour + 1),
                        "title": title,
                        "speaker": "",
                        "description": "",
                    },
                ),
            ],
        )
        index.add_child(instance=seminar)
        seminar.trainers.add(trainer)
        publish(seminar)
        members = _members()
        if slug == "tamanrasset-governance":  # full, with someone waiting (no e-mails: these are demo members)
            for number, member in enumerate(members):
                status = RegistrationStatus.REGISTERED if number < capacity else RegistrationStatus.WAITLISTED
                Registration.objects.create(seminar=seminar, user=member, status=status)
            Seats.objects.update_or_create(seminar=seminar, defaults={"taken": min(capacity, len(members))})
        elif days < 0:  # a past study day: registered and attended
            for member in members[:3]:
                Registration.objects.create(
                    seminar=seminar, user=member, status=RegistrationStatus.ATTENDED, attended_at=starts
                )
    return indexes
