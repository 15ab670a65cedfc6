"""LMS question-bank exports: Moodle XML, GIFT and QTI 2.1, all views of the same quiz model.

    from cpch.exports import write_exports
    write_exports("Mid-term test", [(quiz, question), ...], Path("_build/exports"), ["moodle", "qti"])

Each file is built in memory and written only if every question in it can be expressed;
otherwise ExportError lists each question as file:line:column: message. See quizzes/README.md.
"""

from cpch.exports.common import ExportError, Item, Selection
from cpch.exports.writer import FORMATS, bank_selection, export_banks, render, selection, write_exports

__all__ = [
    "FORMATS",
    "ExportError",
    "Item",
    "Selection",
    "bank_selection",
    "export_banks",
    "render",
    "selection",
    "write_exports",
]
