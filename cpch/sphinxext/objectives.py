"""The `objectives` directive: a chapter's learning objectives, read from its question bank.

Objectives are written once, in the bank, so the page and the questions that check them
cannot drift apart.
"""

from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from cpch.quiz.messages import messages
from cpch.sphinxext.quiz import read_bank

logger = logging.getLogger(__name__)


class ObjectivesDirective(SphinxDirective):
    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        quiz = read_bank(self, "objectives")
        if quiz is None:
            return []
        if not quiz.objectives:
            logger.warning(f"{quiz.path}: the bank declares no 'objectives'", location=self.get_location())
            return []
        text = messages(self.config.language)
        box = nodes.admonition(classes=["objectives"])
        # Not the page's text: the engine's messages and the bank's, already in the language built,
        # so they stay out of the page's translation catalogue (translatable=False).
        box += nodes.title(text=text["objectives_title"], translatable=False)
        box += nodes.paragraph(text=text["objectives_lead"], translatable=False)
        items = nodes.bullet_list()
        for objective in quiz.objectives:
            items += nodes.list_item(
                "",
                nodes.paragraph(text=objective.text, translatable=False),
                ids=[f"objective-{quiz.id}-{objective.id}"],
            )
        box += items
        self.set_source_info(box)
        return [box]
