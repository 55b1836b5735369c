"""Who may do what in the question bank, said once for every admin view (see core.admin_scope).

Trainers manage the categories and questions of the courses they are listed on, and may choose questions of the
shared bank for their quizzes; Observatory admins manage every bank, the shared one included (quizzes/access.py).
Django's model permissions (Trainers and Observatory admins hold them) still decide who reaches the bank at all.
"""

from core.permission_policies import LISTED, ScopedPermissionPolicy

from . import access


class BankPermissionPolicy(ScopedPermissionPolicy):
    def __init__(self, model, managed, usable):
        super().__init__(model)
        self.managed, self.usable = managed, usable

    def scope(self, user, action):
        return self.usable(user) if action == "choose" else self.managed(user)

    def user_reaches_every_instance(self, user):
        return access.is_bank_admin(user) and self.user_has_any_permission(user, LISTED)


question_policy = BankPermissionPolicy("quizzes.Question", access.editable_questions, access.usable_questions)
category_policy = BankPermissionPolicy(
    "quizzes.QuestionCategory", access.editable_categories, access.usable_categories
)
