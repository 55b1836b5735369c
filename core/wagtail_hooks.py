from django.db import models
from wagtail import hooks
from wagtail.models import ModelLogEntry

from .admin_scope import PolicyDeleteBulkAction
from .models import ScopedModelLogEntry

# After Wagtail's own (order 0): the bulk-action registry keeps the last class per model and action.
hooks.register("register_bulk_action", PolicyDeleteBulkAction, order=1)


@hooks.register("register_log_actions", order=1)  # after Wagtail registers ModelLogEntry, to take its place
def history_within_the_permission_policies(actions):
    actions.register_model(models.Model, ScopedModelLogEntry)
    # The same rows: listed once, and through the scoped manager (the site history unions every registered model).
    actions.log_entry_models.discard(ModelLogEntry)
