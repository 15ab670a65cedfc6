"""The `objectives` directive: a chapter's learning objectives, read from its question bank.

Objectives are written once, in the bank, so the page and the questions that check them
cannot drift apart.
"""

from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from cpch.core.problems import LocatedError
from cpch.quiz.messages import messages
from cpch.sphinxext.quiz import bank_path, load_bank

logger = logging.getLogger(__name__)


class ObjectivesDirective(SphinxDirective):
    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        path = bank_path(self.env.app, self.arguments[0])
        if not path.is_file():
            logger.warning(
                f"objectives '{self.arguments[0]}': no question bank at {path}", location=self.get_location()
            )
            return []
        self.env.note_dependency(str(path))
        try:
            quiz = load_bank(path)
        except LocatedError as error:
            for problem in error.problems:
                logger.warning(str(problem), location=self.get_location())
            return []
        if not quiz.objectives:
            logger.warning(f"{path}: the bank declares no 'objectives'", location=self.get_location())
            return []
        text = messages(self.config.language)
        box = nodes.admonition(classes=["objectives"])
        box += nodes.title(text=text["objectives_title"])
        box += nodes.paragraph(text=text["objectives_lead"])
        items = nodes.bullet_list()
        for objective in quiz.objectives:
            items += nodes.list_item(
                "", nodes.paragraph(text=objective.text), ids=[f"objective-{quiz.id}-{objective.id}"]
            )
        box += items
        self.set_source_info(box)
        return [box]
