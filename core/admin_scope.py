"""Admin viewsets whose every view asks the model's permission policy about instances, not only about the model.

Wagtail 8 checks instance permissions in a few views (copy, bulk delete, preview) and model permissions in the
rest: edit, delete, history, usage, inspect, the listings and the choosers would open any instance to whoever
may change one. Subclassing those views one by one misses the views nobody thought of, so the viewset wraps
every view it builds, now and in later Wagtail versions, in one mixin:

- a view whose URL names an instance answers only if the policy grants the actions the view declares for it
  (its ``permission_required``/``any_permission_required``; "add" names no instance, so a copy needs "change");
- a view that lists instances of the model lists only those;
- chooser views ask for "choose" (for example, trainers use the shared question bank without editing it).

Bulk actions are not built by viewsets: core/wagtail_hooks.py registers, for every snippet, Wagtail's delete
action with PolicyBulkActionMixin, which neither acts on nor names instances the policy does not show the user
(Wagtail listed every selected instance, by name, as "you may not delete").

The answers follow Wagtail's: a refusal is PermissionDenied (a redirect to the dashboard with a message, or 403
for scripts), an instance that does not exist is a 404.
"""

from django.contrib.admin.utils import unquote
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_list_or_404
from django.utils.functional import cached_property
from wagtail.permissions import policy_registry
from wagtail.search import index
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction

from .permission_policies import LISTED


class ScopedViewMixin:
    scope_actions = None  # None: the instance actions the view declares

    @cached_property
    def scope_policy(self):
        model = getattr(self, "model_class", None) or self.model  # chooser views may name the model as a string
        return policy_registry.get_by_type(model)

    def get_scope_actions(self):
        if self.scope_actions:
            return list(self.scope_actions)
        declared = getattr(self, "any_permission_required", None) or [getattr(self, "permission_required", None)]
        return [action for action in declared if action and action != "add"] or ["change"]

    def dispatch(self, request, *args, **kwargs):
        actions = self.get_scope_actions()
        if self.scope_actions and not self.scope_policy.user_has_any_permission(request.user, actions):
            raise PermissionDenied
        pk = kwargs.get(getattr(self, "pk_url_kwarg", "pk"))
        if pk is not None:
            instance = self._named_instance(pk)
            if not self.scope_policy.user_has_any_permission_for_instance(request.user, actions, instance):
                raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def _named_instance(self, pk):
        try:
            instance = self.scope_policy.model._default_manager.filter(pk=unquote(str(pk))).first()
        except (ValueError, ValidationError) as error:
            raise Http404 from error
        if instance is None:
            raise Http404
        return instance

    def _within_scope(self, queryset):
        if getattr(queryset, "model", None) is not self.scope_policy.model:
            return queryset  # a history or usage listing: the instance named in the URL was checked
        reachable = self.scope_policy.instances_user_has_any_permission_for(self.request.user, self.get_scope_actions())
        return queryset.filter(pk__in=reachable.values("pk"))

    # The ways Wagtail's views list instances: index views, choosers, the chooser's multiple choice.
    def get_base_queryset(self):
        return self._within_scope(super().get_base_queryset())

    def get_object_list(self):
        return self._within_scope(super().get_object_list())

    def get_objects(self, pks):
        return self._within_scope(super().get_objects(pks))


def scoped_view_class(view_class):
    if issubclass(view_class, ScopedViewMixin):
        return view_class
    return type(view_class.__name__, (ScopedViewMixin, view_class), {})


class ScopedChooserViewSetMixin:
    def construct_view(self, view_class, **kwargs):
        return super().construct_view(scoped_view_class(view_class), scope_actions=("choose",), **kwargs)

    @property
    def create_view(self):
        if self.creation_form_class or self.form_fields is not None or self.exclude_form_fields is not None:
            return super().create_view
        return _no_creation_form  # Wagtail's view would fail on the missing form (a 500)


def _no_creation_form(request, *args, **kwargs):
    raise Http404


class ScopedViewSetMixin:
    """For a SnippetViewSet (or ModelViewSet) whose model has a policy that scopes instances."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        chooser = getattr(self, "chooser_viewset_class", None)
        if chooser is not None and not issubclass(chooser, ScopedChooserViewSetMixin):
            self.chooser_viewset_class = type(f"Scoped{chooser.__name__}", (ScopedChooserViewSetMixin, chooser), {})

    def construct_view(self, view_class, **kwargs):
        return super().construct_view(scoped_view_class(view_class), **kwargs)

    def on_register(self):
        super().on_register()
        _check_searchable_within_scope(self.model)


def _check_searchable_within_scope(model):
    if not index.class_is_indexed(model):
        return  # searched with the ORM, which filters on anything
    key = model._meta.pk.name
    fields = model.get_search_fields()
    if not any(isinstance(field, index.FilterField) and field.field_name in (key, "pk") for field in fields):
        raise ImproperlyConfigured(
            f"Add index.FilterField({key!r}) to {model.__name__}.search_fields: "
            "the admin searches within the instances the user may reach, given by their keys."
        )


class PolicyBulkActionMixin:
    def _in_scope(self):
        return policy_registry.get_by_type(self.model).instances_user_has_any_permission_for(self.request.user, LISTED)

    def get_all_objects_in_listing_query(self, parent_id):
        return self._in_scope().values_list("pk", flat=True)

    def get_queryset(self, model, object_ids):  # an instance method here: Wagtail's classmethod knows no user
        try:
            return get_list_or_404(self._in_scope().filter(pk__in=list(object_ids)))
        except (ValueError, ValidationError) as error:
            raise Http404 from error


class PolicyDeleteBulkAction(PolicyBulkActionMixin, DeleteBulkAction):
    pass
