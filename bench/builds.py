"""Our build, timed as a user runs it (`python -m cpch.build BOOK OUT --conf DIR`): cold, then
incremental after editing one chapter and after editing the bank that chapter embeds."""

import shutil
from pathlib import Path

from bench.project import Project, append_sentence, change_prompt
from bench.timing import python, summary, timed_run
from cpch.build import site_languages, staging_dir


def build_command(project: Project, out: Path, languages: list[str] | None = None) -> list:
    chosen = ["--languages", ",".join(languages)] if languages else []
    return python("-m", "cpch.build", project.book, out, "--conf", project.root, *chosen)


def site_folder(project: Project, out: Path) -> Path:
    """The sources' language's site in a build's output (`out`/en)."""
    return out / site_languages(project.root)[0]


def cold_build(project: Project, out: Path, languages: list[str] | None = None) -> float:
    """A build with nothing cached: no output folder and no staging folder beside it."""
    for folder in (out, staging_dir(out)):
        shutil.rmtree(folder, ignore_errors=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    return timed_run(build_command(project, out, languages))


def check_edit(out: Path, page: str, text: str) -> None:
    if text not in (out / f"{page}.html").read_text(encoding="utf-8"):
        raise AssertionError(f"the rebuilt {page}.html does not show the edit '{text}'")


def measure(project: Project, work: Path, runs: int, edit_page: str) -> dict:
    """Time `runs` cold builds, then `runs` rebuilds after a chapter edit and `runs` after a bank edit.
    The last cold build's site is copied, unedited, to work/site/html. `project` must be a copy: it is edited."""
    # The sources' language only: an edit adds English that a published translation lacks until a
    # translator adds it, so the other languages' builds fail by design (see the bilingual part).
    built, out = work / "site" / "html", work / "edited" / "html"
    source = site_languages(project.root)[:1]
    cold = [cold_build(project, out, source) for _ in range(runs)]
    shutil.copytree(out, built)
    site, edited = site_folder(project, built), site_folder(project, out)
    chapter = []
    for serial in range(1, runs + 1):
        sentence = append_sentence(project.page(edit_page), serial)
        chapter.append(timed_run(build_command(project, out, source)))
        check_edit(edited, edit_page, sentence)
    result = {
        "pages": sum(1 for _ in site.rglob("*.html")),
        "cold": summary(cold),
        "chapter_edit": summary(chapter),
        "edited_page": edit_page,
        "site": str(site),
    }
    quizzes = project.embedded_quizzes(edit_page)
    if quizzes:
        bank = []
        for serial in range(1, runs + 1):
            prompt = change_prompt(project.bank(quizzes[0]), serial)
            bank.append(timed_run(build_command(project, out, source)))
            check_edit(edited, edit_page, f"benchmark edit {serial}")
        result.update(bank_edit=summary(bank), edited_bank=quizzes[0], edited_prompt=prompt)
    return result
