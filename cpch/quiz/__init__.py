"""Question banks: one YAML file per quiz, read and checked in one place (see quizzes/README.md)."""

from cpch.core.problems import Problem
from cpch.quiz.loader import QuizError, load_quiz
from cpch.quiz.model import Option, Question, Quiz

__all__ = ["Option", "Problem", "Question", "Quiz", "QuizError", "load_quiz"]
