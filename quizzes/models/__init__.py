from .attempts import Attempt, Outcome, Response
from .bank import AcceptedAnswer, Choice, Question, QuestionCategory
from .pages import QuizItem, QuizPage

__all__ = [
    "AcceptedAnswer",
    "Attempt",
    "Choice",
    "Outcome",
    "Question",
    "QuestionCategory",
    "QuizItem",
    "QuizPage",
    "Response",
]
