"""Search that finds: what Sphinx's index misses for a book full of acronyms.

After Sphinx writes searchindex.js, this rewrites three things in it:
- an acronym from the glossary becomes a title word of every page whose title or heading spells it
  out ("Stolen and Lost Travel Documents database" for SLTD), so that page comes first;
- the words of that expansion find every page that uses the acronym ("lost travel documents"
  finds the pages that only say SLTD);
- each glossary entry is listed as its own titled result ("Glossary > SLTD") instead of a second
  untitled "Glossary" line.
The scorer (static/cpch-search-scorer.js) then puts a whole page before a section or an entry with
the same score, and a page with a heading holding the whole query before the others.
"""

import html
import json
import re
from pathlib import Path

from sphinx.application import Sphinx

SCORER = Path(__file__).parent / "static" / "cpch-search-scorer.js"
TERM_ANCHOR = "term-"
ACRONYM = re.compile(r"^[A-Z][A-Z0-9]*(?:[-/][A-Z0-9]+)*$")
# Little words an acronym skips ("Stolen and Lost...": SLTD), in the languages the engine ships.
SKIPPED = {"and", "of", "the", "for", "on", "in", "to", "a", "an", "et", "de", "des", "du", "la", "le", "les", "l", "d"}


def use_scorer(app: Sphinx) -> None:
    if not app.config.html_search_scorer:
        app.config.html_search_scorer = str(SCORER)


def read_index(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return json.loads(text[text.index("(") + 1 : text.rindex(")")])


def write_index(path: Path, index: dict) -> None:
    path.write_text(
        "Search.setIndex(" + json.dumps(index, separators=(",", ":"), ensure_ascii=False) + ")", encoding="utf-8"
    )


def spelt_out(acronym: str, title: str) -> list[str]:
    """The words of `title` whose initials spell `acronym` ("" when none do)."""
    letters = re.sub(r"[^a-z0-9]", "", acronym.lower())
    words = [w for w in re.findall(r"[^\W_]+", title.lower()) if w not in SKIPPED]
    initials = "".join(w[0] for w in words)
    at = initials.find(letters) if len(letters) > 1 else -1
    return words[at : at + len(letters)] if at >= 0 else []


def _docs(value) -> set[int]:
    return set(value) if isinstance(value, list) else {value}


def _add(table: dict, word: str, docs: set[int]) -> None:
    merged = sorted(_docs(table[word]) | docs) if word in table else sorted(docs)
    table[word] = merged[0] if len(merged) == 1 else merged


def term_names(outdir: Path, index: dict) -> dict[str, str]:
    """Each glossary anchor's term as the page writes it (the index keeps only lower case)."""
    names = {}
    for found in index.get("indexentries", {}).values():
        for doc, anchor, *_ in found:
            if str(anchor).startswith(TERM_ANCHOR) and anchor not in names:
                page = (outdir / (index["docnames"][doc] + ".html")).read_text(encoding="utf-8")
                match = re.search(rf'<dt id="{re.escape(anchor)}">(.*?)<a class="headerlink"', page, re.DOTALL)
                if match:
                    names[anchor] = html.unescape(re.sub(r"<[^>]+>", "", match.group(1))).strip()
    return names


def improve(index: dict, stem, names: dict[str, str]) -> dict:
    """`index` (searchindex.js's data) with acronyms tied to their expansions and glossary entries
    titled; `names` gives each glossary anchor's term."""
    entries = index.get("indexentries", {})
    glossary = {key: found for key, found in entries.items() if any(a in names for _, a, *_ in found)}
    titles = [(title, doc) for title, found in index["alltitles"].items() for doc, _ in found]
    for key, found in glossary.items():
        del entries[key]
        name = names[next(a for _, a, *_ in found if a in names)]
        index["alltitles"].setdefault(name, []).extend([doc, anchor] for doc, anchor, *_ in found)
        if not ACRONYM.match(name):
            continue
        acronym = stem(re.sub(r"[^A-Za-z0-9]", "", name).lower())
        for title, doc in titles:
            expansion = spelt_out(name, title)
            if expansion:
                _add(index["titleterms"], acronym, {doc})
                using = _docs(index["terms"].get(acronym, []))
                for word in expansion:
                    _add(index["terms"], stem(word), using)
    return index


# Sphinx's translations.js hands its catalogue to Documentation.addTranslations, which makes the
# plural rule a function from text (new Function): the Content-Security-Policy forbids that, so the
# catalogue is handed over without it (doctools keeps its own one/many rule).
ADD_TRANSLATIONS = "Documentation.addTranslations("
SAFE_ADD_TRANSLATIONS = (
    "((catalog) => { Object.assign(Documentation.TRANSLATIONS, catalog.messages); "
    "Documentation.LOCALE = catalog.locale; })("
)


def translations_without_eval(app: Sphinx, exception) -> None:
    path = Path(app.outdir) / "_static" / "translations.js"
    if exception is None and app.builder.format == "html" and path.is_file():
        text = path.read_text(encoding="utf-8")
        if text.startswith(ADD_TRANSLATIONS):
            path.write_text(SAFE_ADD_TRANSLATIONS + text[len(ADD_TRANSLATIONS) :], encoding="utf-8")


def improve_search_index(app: Sphinx, exception) -> None:
    path = Path(app.outdir) / "searchindex.js"
    # The HTML builder makes its indexer only when it writes pages, and then writes a new index; a
    # build with nothing to write leaves the index of the last build, already improved.
    indexer = getattr(app.builder, "indexer", None)
    if exception is None and app.builder.format == "html" and indexer is not None and path.is_file():
        stem = indexer.lang.stem
        index = read_index(path)
        write_index(path, improve(index, stem, term_names(Path(app.outdir), index)))
