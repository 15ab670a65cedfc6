"""Question banks: one YAML file per quiz, read and checked in one place (see quizzes/README.md)."""

from cpch.quiz.errors import Problem, QuizError
from cpch.quiz.loader import load_quiz
from cpch.quiz.model import Option, Question, Quiz

__all__ = ["Option", "Problem", "Question", "Quiz", "QuizError", "load_quiz"]
