"""A Wagtail permission policy for models whose instances belong to someone: Django's model permissions say
what a user may do, and one queryset per action says on which instances.

Wagtail's views, choosers and bulk actions, and our own code, ask the policy (see core.admin_scope), so the
scope is written once, next to the model, and no view can forget it. Listings that gather many models (the site
history, the snippets index) ask the same policies through `instances_user_reaches` (core.log_entries,
core.admin_views).
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry

# What a user must hold on an instance to see it, or its history, in a listing or a bulk action's confirmation page.
LISTED = ("change", "delete", "view")


class InstanceScopedPolicy:
    """A policy under which Django's model permissions reach only some instances."""

    def user_reaches_every_instance(self, user):
        """Whether the user may see every instance, those deleted included (in the site history, say)."""
        raise NotImplementedError


def instances_user_reaches(model, user):
    """The instances of `model` the user may see in a listing. Callers have checked the model permissions:
    under a model-wide policy they reach every instance, as in Wagtail's own listings."""
    policy = policy_registry.get_by_type(model)
    if isinstance(policy, InstanceScopedPolicy):
        return policy.instances_user_has_any_permission_for(user, LISTED)
    return model._default_manager.all()


class ScopedPermissionPolicy(InstanceScopedPolicy, ModelPermissionPolicy):
    # "choose" (pick an instance in a chooser) has no Django permission of its own: whoever holds any of these
    # may choose, among the instances that scope() gives for "choose".
    derived_actions = {"choose": ("add", "change", "delete", "view")}

    def scope(self, user, action):
        """The instances `user` may reach for `action`, before Django's model permissions are asked."""
        raise NotImplementedError

    def _expanded(self, actions):
        return {plain for action in actions for plain in self.derived_actions.get(action, (action,))}

    def user_has_permission(self, user, action):
        has_model_permission = super().user_has_permission
        return any(has_model_permission(user, plain) for plain in self.derived_actions.get(action, (action,)))

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(self._expanded(actions))

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, [action], instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if instance.pk is None:
            return False
        return self.instances_user_has_any_permission_for(user, actions).filter(pk=instance.pk).exists()

    def instances_user_has_any_permission_for(self, user, actions):
        allowed = [action for action in dict.fromkeys(actions) if self.user_has_permission(user, action)]
        if not allowed:
            return self.model._default_manager.none()
        reachable = Q()
        for action in allowed:
            reachable |= Q(pk__in=self.scope(user, action).values("pk"))
        return self.model._default_manager.filter(reachable)

    def users_with_any_permission_for_instance(self, actions, instance):
        candidates = self.users_with_any_permission(actions)
        allowed = [user.pk for user in candidates if self.user_has_any_permission_for_instance(user, actions, instance)]
        return get_user_model().objects.filter(pk__in=allowed)
