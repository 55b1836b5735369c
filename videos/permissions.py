"""Who may do what with videos, said once for every admin view (see core.admin_scope) and for lessons.

Trainers hold "add": they manage the videos they own. "change" (Observatory admins) reaches every video.
Seeing a video in the admin and choosing it for a lesson follow the same rule as changing it.
"""

from wagtail.permission_policies import OwnershipPermissionPolicy

from core.permission_policies import InstanceScopedPolicy


class VideoPermissionPolicy(InstanceScopedPolicy, OwnershipPermissionPolicy):
    # Wagtail's ownership policy knows add, change and delete only.
    aliases = {"view": "change", "choose": "change"}

    def _plain(self, actions):
        return {self.aliases.get(action, action) for action in actions}

    def user_has_permission(self, user, action):
        return super().user_has_permission(user, self.aliases.get(action, action))

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(self._plain(actions))

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return super().user_has_any_permission_for_instance(user, self._plain(actions), instance)

    def instances_user_has_any_permission_for(self, user, actions):
        return super().instances_user_has_any_permission_for(user, self._plain(actions))

    def users_with_any_permission_for_instance(self, actions, instance):
        return super().users_with_any_permission_for_instance(self._plain(actions), instance)

    def user_reaches_every_instance(self, user):
        return user.has_perm(self._get_permission_name("change"))  # "add" reaches one's own videos only


video_policy = VideoPermissionPolicy("videos.Video", owner_field_name="owner")
