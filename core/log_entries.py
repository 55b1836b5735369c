"""The history of models whose permission policy scopes instances, shown only for the instances a user may reach.

Wagtail asks `viewable_by_user` of every registered log entry model for the site history report, its filters
and its exports, and lets any permission on a model open the history of all its instances: a trainer would read
other courses' questions, their authors and the names of certificate holders. Here, entries of a model whose
policy is an InstanceScopedPolicy are kept for the instances the policy lets the user see; entries of deleted
instances only for who may see every instance (the policy cannot say whose a deleted one was). Entries of other
models keep Wagtail's rule. core/wagtail_hooks.py puts the proxy model carrying this manager (core.models) in the
log registry.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from wagtail.models.audit_log import ModelLogEntryManager
from wagtail.permissions import policy_registry

from .permission_policies import InstanceScopedPolicy, instances_user_reaches


class ScopedModelLogEntryManager(ModelLogEntryManager):
    def viewable_by_user(self, user):
        entries = super().viewable_by_user(user)
        if user.is_superuser:
            return entries
        limits = self._limits_for(user)
        if not limits:
            return entries
        visible = ~Q(content_type_id__in=list(limits))
        for content_type_id, keys in limits.items():
            visible |= Q(content_type_id=content_type_id, object_id__in=keys)
        return entries.filter(visible)

    def _limits_for(self, user):
        """{content type id: keys of the instances the user reaches} for the logged models reached only in part."""
        # Asked several times per report (entries, each filter, the export): once per request, as Wagtail does.
        if not hasattr(user, "_log_entry_limits"):
            limits = {}
            for content_type_id in self.order_by().values_list("content_type_id", flat=True).distinct():
                model = ContentType.objects.get_for_id(content_type_id).model_class() if content_type_id else None
                policy = policy_registry.get_by_type(model) if model else None
                if isinstance(policy, InstanceScopedPolicy) and not policy.user_reaches_every_instance(user):
                    # object_id is text: compare it with the keys as text, in the database.
                    reachable = instances_user_reaches(model, user)
                    limits[content_type_id] = reachable.annotate(key=Cast("pk", CharField())).values("key")
            user._log_entry_limits = limits
        return user._log_entry_limits
