"""Django's template engine, except that templates named *.txt are plain text (e-mail bodies and subjects):
they render without HTML escaping whoever renders them (our notices, allauth, Wagtail's notifications), so
"O'Hara" never arrives as "O&#x27;Hara" and a new e-mail template cannot forget `{% autoescape off %}`.
HTML templates stay escaped, and so does a .txt file included from one (it renders in the HTML's context)."""

from django.template import TemplateDoesNotExist
from django.template.backends.django import DjangoTemplates, Template, reraise
from django.template.context import make_context

PLAIN_TEXT_SUFFIX = ".txt"


class PlainTextTemplate(Template):
    def render(self, context=None, request=None):
        context = make_context(context, request, autoescape=False)
        try:
            return self.template.render(context)
        except TemplateDoesNotExist as exc:
            reraise(exc, self.backend)


class Templates(DjangoTemplates):
    def get_template(self, template_name):
        template = super().get_template(template_name)
        if template_name.endswith(PLAIN_TEXT_SUFFIX):
            return PlainTextTemplate(template.template, self)
        return template
