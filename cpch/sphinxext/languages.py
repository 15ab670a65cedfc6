"""One site per language: the theme's own French (and later languages), translated settings, links
between the editions of a page, and right-to-left pages.

The site's languages are the setting `cpch_languages` (the sources' own language first); each is
built into its own folder beside the others (`en/`, `fr/`: see cpch.build), so a page's other
editions are at `../<language>/<same page>.html`.
"""

import gettext
import io
from pathlib import Path

import sphinx.locale
from babel import Locale, UnknownLocaleError
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from docutils.utils import smartquotes
from sphinx.application import Sphinx
from sphinx.config import Config

# The theme's own strings (layout.html, search.html), one catalogue per language.
ENGINE_LOCALES = Path(__file__).resolve().parent.parent / "locale"
# Settings a language's catalogue `site.po` translates (the book's title, its copyright line).
TRANSLATED_SETTINGS = ("project", "html_title", "html_short_title", "copyright")
SETTINGS_CATALOGUE = "site.po"
APOSTROPHE = "’"


def languages(config: Config) -> list[str]:
    """The site's languages, the sources' own first."""
    return list(config.cpch_languages or [config.language or "en"])


def language_name(code: str) -> str:
    """A language's name in that language ("Français"), for links a reader of it recognises."""
    try:
        name = Locale.parse(code.replace("-", "_")).get_display_name(code.replace("-", "_")) or code
    except (ValueError, UnknownLocaleError):
        return code
    return name[:1].upper() + name[1:]


def right_to_left(code: str) -> bool:
    try:
        return Locale.parse(code.replace("-", "_")).character_order == "right-to-left"
    except (ValueError, UnknownLocaleError):
        return False


def catalogue_dirs(app: Sphinx) -> list[Path]:
    return [Path(app.srcdir, folder) for folder in app.config.locale_dirs]


def translate_settings(app: Sphinx, config: Config) -> None:
    """The book's title and copyright line in the language built, from `<locale>/<lang>/LC_MESSAGES/site.po`."""
    if not config.language or config.language == languages(config)[0]:
        return
    for folder in catalogue_dirs(app):
        path = folder / config.language / "LC_MESSAGES" / SETTINGS_CATALOGUE
        if path.is_file():
            with path.open("rb") as file:
                catalogue = read_po(file)
            for name in TRANSLATED_SETTINGS:
                message = catalogue.get(config[name]) if config[name] else None
                if message is not None and message.string and not message.fuzzy:
                    config[name] = message.string
            return


def engine_translations(language: str) -> gettext.GNUTranslations | None:
    """The theme's strings in `language` (cpch/locale/<language>/LC_MESSAGES/sphinx.po), if any."""
    path = ENGINE_LOCALES / language / "LC_MESSAGES" / "sphinx.po"
    if not path.is_file():
        return None
    with path.open("rb") as file:
        catalogue = read_po(file)
    compiled = io.BytesIO()
    write_mo(compiled, catalogue)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def add_engine_catalogue(app: Sphinx, config: Config) -> None:
    """The theme's strings, chosen for it, before the catalogues Sphinx set up (its own, and the
    book's `sphinx.po`), which still give every string the theme's catalogue lacks.

    Sphinx sets up its catalogue before extensions load; the engine's joins it here, before the
    builder hands the catalogue to the templates."""
    engine = engine_translations(config.language or "en")
    if engine is None:
        return
    engine.add_fallback(app.translator)
    app.translator = sphinx.locale.translators["general", "sphinx"] = engine


def apostrophes(app: Sphinx) -> None:
    """Smart quotes read a straight quote just before a role (French d'{term}`OMD`) as a closing
    single quote, which in French is ” (docutils' French quotes are « » and “ ”): the page shows
    d”OMD. Where a language's closing single quote is not the apostrophe, its single quotes become
    the apostrophe (’), so such a quote comes out right; its double quotes are kept."""
    code = (app.config.language or "en").replace("_", "-").lower()
    quotes = smartquotes.smartchars.quotes.get(code)
    if quotes is not None and quotes[3] != APOSTROPHE:
        app.env.settings["smartquotes_locales"] = [(code, (quotes[0], quotes[1], APOSTROPHE, APOSTROPHE))]


def setup_languages(app: Sphinx, config: Config) -> None:
    add_engine_catalogue(app, config)
    translate_settings(app, config)


def page_uri(pagename: str) -> str:
    return "index.html" if pagename == "index" else f"{pagename}.html"


def add_language_links(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """`cpch_editions`: this page in every language of the site, for the header's links and the
    hreflang links; `x-default` is the root page that lets the reader choose. A right-to-left page says so."""
    codes = languages(app.config)
    current = app.config.language or codes[0]
    up = "../" * (pagename.count("/") + 1)
    editions = [
        {
            "code": code,
            "name": language_name(code),
            "href": f"{up}{code}/{page_uri(pagename)}",
            "current": code == current,
        }
        for code in codes
    ]
    context["cpch_editions"] = editions if len(codes) > 1 and current in codes else []
    context["cpch_default_edition"] = f"{up}index.html"  # the page to choose a language
    if right_to_left(current):
        # basic/layout.html writes `<html lang="{{ language }}">` outside any block a theme can
        # override: the direction rides along with the language.
        context["language"] = f'{current}" dir="rtl'
