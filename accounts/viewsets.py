from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from .admin_forms import MemberCreationForm, MemberEditForm


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update=False):
        return MemberEditForm if for_update else MemberCreationForm
