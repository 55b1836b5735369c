from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from streams.blocks import BodyStreamBlock


class HomePage(Page):
    hero_title = models.CharField(_("hero title"), max_length=120, blank=True)
    hero_text = models.TextField(_("hero text"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_cta_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("call-to-action page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_cta_text = models.CharField(_("call-to-action text"), max_length=60, blank=True)
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["news.NewsIndexPage", "courses.CourseIndexPage", "seminars.SeminarIndexPage", "home.StandardPage"]
    max_count_per_parent = 1

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("hero_title"),
                FieldPanel("hero_text"),
                FieldPanel("hero_image"),
                FieldPanel("hero_cta_page"),
                FieldPanel("hero_cta_text"),
            ],
            heading=_("Hero"),
        ),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from courses.models import CoursePage
        from courses.progress import progress_for
        from news.models import NewsPage
        from seminars.listing import upcoming as upcoming_seminars

        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = NewsPage.objects.latest_in(self.locale, limit=4)
        courses = list(
            CoursePage.objects.live()
            .public()
            .filter(locale=self.locale)
            .select_related("cover_image", "theme")
            .order_by("-featured", "-first_published_at")[:3]
        )
        progress = progress_for(request.user, courses)
        context["featured_courses"] = [(course, progress[course.pk]) for course in courses]
        context["upcoming_seminars"] = upcoming_seminars(self.locale, limit=3)
        return context


class StandardPage(Page):
    """About, contact and other plain pages."""

    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    search_fields = [*Page.search_fields, index.SearchField("introduction"), index.SearchField("body")]
    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]

    class Meta:
        verbose_name = _("standard page")


class FooterText(TranslatableMixin, models.Model):
    """The footer's words, one per language (translated with Wagtail's translation tools)."""

    body = RichTextField(_("text"), features=["bold", "italic", "link"])

    panels = [FieldPanel("body")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer text")
        verbose_name_plural = _("footer texts")

    def __str__(self):
        return f"{_('Footer text')} ({self.locale.language_code})"


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    address = models.TextField(_("address"), blank=True)
    facebook_url = models.URLField(_("Facebook"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    x_url = models.URLField(_("X (Twitter)"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)

    edit_handler = TabbedInterface(
        [
            ObjectList([FieldPanel("logo")], heading=_("Identity")),
            ObjectList(
                [FieldPanel("contact_email"), FieldPanel("contact_phone"), FieldPanel("address")], heading=_("Contact")
            ),
            ObjectList(
                [
                    FieldPanel("facebook_url"),
                    FieldPanel("youtube_url"),
                    FieldPanel("x_url"),
                    FieldPanel("linkedin_url"),
                ],
                heading=_("Social links"),
            ),
        ]
    )

    class Meta:
        verbose_name = _("site settings")

    @property
    def social_links(self):
        links = [
            ("Facebook", self.facebook_url),
            ("YouTube", self.youtube_url),
            ("X", self.x_url),
            ("LinkedIn", self.linkedin_url),
        ]
        return [(name, url) for name, url in links if url]
