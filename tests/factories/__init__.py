from .accounts import UserFactory
from .pages import HomePageFactory, NewsIndexPageFactory, NewsPageFactory, StandardPageFactory

__all__ = ["HomePageFactory", "NewsIndexPageFactory", "NewsPageFactory", "StandardPageFactory", "UserFactory"]
