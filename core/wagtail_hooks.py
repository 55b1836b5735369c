from wagtail import hooks

from .admin_scope import PolicyDeleteBulkAction

# After Wagtail's own (order 0): the bulk-action registry keeps the last class per model and action.
hooks.register("register_bulk_action", PolicyDeleteBulkAction, order=1)
