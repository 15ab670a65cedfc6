"""Self-assessments: a YAML file of questions, levels and a suggestion rule, read and checked in one place."""

from cpch.diagnostic.loader import DiagnosticError, load_diagnostic
from cpch.diagnostic.model import Diagnostic, Item, Level, Option

__all__ = ["Diagnostic", "DiagnosticError", "Item", "Level", "Option", "load_diagnostic"]
