"""Translate the table of contents' captions, which sphinx-external-toc adds to the root page only
after Sphinx has translated it (its transform runs at priority 100, Sphinx's Locale at 20): without
this, a French site shows its part headings in English."""

from sphinx import addnodes
from sphinx.locale import init as init_locale
from sphinx.transforms import SphinxTransform
from sphinx.util.i18n import docname_to_domain

from cpch.sphinxext.languages import languages


class TranslateInsertedToctrees(SphinxTransform):
    default_priority = 101  # just after sphinx-external-toc's InsertToctrees

    def apply(self, **kwargs) -> None:
        language = self.config.language
        toctrees = list(self.document.findall(addnodes.toctree))
        if not toctrees or not language or language == languages(self.config)[0]:
            return
        domain = docname_to_domain(self.env.docname, self.config.gettext_compact)
        folders = [str(self.env.srcdir / folder) for folder in self.config.locale_dirs]
        catalogue, found = init_locale(folders, language, domain)
        if not found:
            return
        for toctree in toctrees:
            for original in toctree.extract_original_messages():
                translated = catalogue.gettext(original)
                if translated != original:
                    toctree.apply_translated_message(original, translated)
