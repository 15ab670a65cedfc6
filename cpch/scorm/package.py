"""Build one module's SCORM package from the built site: launch page, assets, images, manifest."""

import re
from pathlib import Path

from cpch.core.problems import LocatedError, Problem
from cpch.files import write_atomically, zip_bytes
from cpch.i18n.localized import is_source
from cpch.scorm.closing import QUESTION, interaction_grain
from cpch.scorm.content import Page, extract_pages
from cpch.scorm.forms import bound_text_fields
from cpch.scorm.identity import question_set
from cpch.scorm.launch import render_launch_page
from cpch.scorm.manifest import render_manifest
from cpch.scorm.messages import messages
from cpch.scorm.modules import Module
from cpch.scorm.suspend import SCORM12_SUSPEND_LIMIT, ScoredQuestion, longest_suspend_data

STATIC = Path(__file__).parent / "static"
THEME_STYLE = "book.css"
QUIZ_ASSETS = ["cpch-quiz.css", "cpch-quiz.js"]
FORM_ASSETS = ["cpch-diagnostic.css", "cpch-diagnostic.js"]
MODULE_ASSETS = ["cpch-module.css", "cpch-scorm.js", "cpch-module.js"]
MAX_CHOICES = 26  # SCORM 1.2 choice responses are single letters a-z
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")
STYLESHEET_LINK = re.compile(r'<link\b[^>]*\brel="stylesheet"[^>]*>')
STATIC_HREF = re.compile(r'\bhref="(?:\.\./)*_static/([^"?#]+)')


def package_name(module: Module, version: str, language: str = "en") -> str:
    """<module>-scorm12.zip, or <module>-<language>-scorm12.zip for a module in another language than English."""
    name = module.id if is_source(language) else f"{module.id}-{language}"
    return f"{name}-scorm{version.replace('.', '')}.zip"


def scored_questions(module: Module, pages: list[Page], source: Path) -> list[ScoredQuestion]:
    questions, found = [], set()
    for page in pages:
        for quiz in page.quizzes:
            quiz_id = quiz["data-quiz"]
            if quiz_id not in module.quizzes:
                continue
            if quiz_id in found:
                raise LocatedError([Problem(source, 1, 1, f"module '{module.id}': quiz '{quiz_id}' is embedded twice")])
            found.add(quiz_id)
            for item in quiz.select(".quiz-question"):
                choices = len(item.select("fieldset input[type=radio], fieldset input[type=checkbox], fieldset select"))
                questions.append(
                    ScoredQuestion(
                        f"{quiz_id}.{item['data-question']}",
                        str(item["data-type"]),
                        choices,
                        int(str(quiz.get("data-version") or 1)),
                    )
                )
    missing = [q for q in module.quizzes if q not in found]
    if missing:
        raise LocatedError(
            [
                Problem(source, 1, 1, f"module '{module.id}': quiz '{q}' is not embedded in any of its chapters")
                for q in missing
            ]
        )
    return questions


def forms(pages: list[Page]) -> list[str]:
    """The tool and version of every form in the pages, as `tool@version`."""
    found = re.findall(r'data-diagnostic="([^"]*)"[^>]*?data-version="([^"]*)"', "".join(page.html for page in pages))
    return [f"{tool}@{version}" for tool, version in found]


def check_limits(
    module: Module, version: str, questions: list[ScoredQuestion], pages: int, source: Path, identity: str = ""
) -> None:
    problems = [
        Problem(source, 1, 1, f"module '{module.id}': {q.key} has {q.choices} choices; SCORM allows {MAX_CHOICES}")
        for q in questions
        if q.choices > MAX_CHOICES
    ]
    longest = longest_suspend_data(questions, pages, len(module.quizzes), identity)
    if version == "1.2" and longest > SCORM12_SUSPEND_LIMIT:
        problems.append(
            Problem(
                source,
                1,
                1,
                (
                    f"module '{module.id}' could need {longest} characters of suspend data; SCORM 1.2 allows "
                    f"{SCORM12_SUSPEND_LIMIT}: split it into smaller modules"
                ),
            )
        )
    if problems:
        raise LocatedError(problems)


def site_styles(site: Path, pages: list[Page]) -> list[str]:
    """The site's style sheets these pages use: the theme's, then those the site links on the pages
    (Pygments' or sphinx-design's only where a page needs them), less the runtimes' own, which come
    with their scripts. A page made outside the site (`page_from_html`) needs only the theme's."""
    styles = [THEME_STYLE]
    for page in pages:
        path = site / f"{page.docname}.html"
        if not path.is_file():
            continue
        for link in STYLESHEET_LINK.findall(path.read_text(encoding="utf-8")):
            name = STATIC_HREF.search(link)
            if name and name.group(1) not in styles + QUIZ_ASSETS + FORM_ASSETS:
                styles.append(name.group(1))
    return styles


def css_dependencies(name: str, text: str) -> list[str]:
    return [url for url in CSS_URL.findall(text) if not url.startswith(("data:", "#", "http:", "https:", "//"))]


def collect_files(
    module: Module,
    version: str,
    site: Path,
    pages: list[Page],
    language: str,
    text_limit: int = 0,
    identity: str = "",
    interactions: str = QUESTION,
) -> dict[str, bytes]:
    static = site / "_static"
    styles = site_styles(site, pages)
    forms = FORM_ASSETS if text_limit else []
    files: dict[str, bytes] = {}
    for name in styles + QUIZ_ASSETS + forms:
        files[f"assets/{name}"] = (static / name).read_bytes()
    for name in MODULE_ASSETS:
        files[f"assets/{name}"] = (STATIC / name).read_bytes()
    files["assets/favicon.svg"] = (static / "favicon.svg").read_bytes()
    for name in [n for n in list(files) if n.endswith(".css")]:
        for dependency in css_dependencies(name, files[name].decode()):
            files[f"assets/{dependency}"] = (static / dependency).read_bytes()
    for page in pages:
        for image in page.images:
            files[f"images/{Path(image).name}"] = (site / image).read_bytes()
    launch = render_launch_page(
        module,
        pages,
        version,
        styles=[f"assets/{n}" for n in styles + ["cpch-quiz.css", *forms[:1], "cpch-module.css"]],
        scripts=[
            "assets/cpch-scorm.js",
            "assets/cpch-module.js",
            "assets/cpch-quiz.js",
            *[f"assets/{n}" for n in forms[1:]],
        ],
        messages=messages(language),
        language=language,
        text_limit=text_limit,
        identity=identity,
        interactions=interactions,
    )
    files["index.html"] = launch.encode()
    listed = ["index.html", *sorted(n for n in files if n != "index.html")]
    files["imsmanifest.xml"] = render_manifest(module, version, listed, identity, language).encode()
    return files


def build_package(module: Module, version: str, site: Path, out: Path, source: Path, language: str = "en") -> Path:
    """Write `<out>/<module>-scorm12.zip` or `-scorm2004.zip` (`<module>-fr-scorm12.zip`... in another
    language: `module` and the site already in it); raise LocatedError and write nothing on a problem."""
    return package_pages(module, version, extract_pages(site, module.chapters), site, out, source, language)


def package_pages(
    module: Module, version: str, pages: list[Page], site: Path, out: Path, source: Path, language: str = "en"
) -> Path:
    """Package `pages` (with the site's style sheets and scripts) as one module."""
    if version not in module.versions:
        raise LocatedError([Problem(source, 1, 1, f"module '{module.id}' is not made for SCORM {version}")])
    questions = scored_questions(module, pages, source)
    identity = question_set(module.quizzes, questions, forms(pages))
    text_limit = bound_text_fields(pages, version, source, questions, len(module.quizzes), identity)
    check_limits(module, version, questions, len(pages), source, identity)
    longest = longest_suspend_data(questions, len(pages), len(module.quizzes), identity)
    grain = interaction_grain(version, questions, longest)
    files = collect_files(module, version, site, pages, language, text_limit, identity, grain)
    return write_atomically(out / package_name(module, version, language), zip_bytes(files))
