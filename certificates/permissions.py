"""Who may see certificates in the admin: they name their holders, so only the people holding a permission on
them (Observatory admins: "view") find them, in listings, choosers and bulk actions alike (core.admin_scope).
Wagtail's choosers would otherwise list them to every trainer and editor."""

from core.permission_policies import LISTED, ScopedPermissionPolicy


class CertificatePermissionPolicy(ScopedPermissionPolicy):
    def scope(self, user, action):
        return self.model._default_manager.all()  # no owner: the model permissions alone decide

    def user_reaches_every_instance(self, user):
        return self.user_has_any_permission(user, LISTED)


certificate_policy = CertificatePermissionPolicy("certificates.Certificate")
