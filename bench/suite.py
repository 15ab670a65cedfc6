"""Run the benchmark's parts in order and gather their figures into one report (a dict ready for JSON).

A part that fails is recorded under "errors" and the others still run.
"""

import datetime
import shutil
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from bench import baseline, bilingual, budgets, builds, exports, lighthouse, machine, pages, phone, runtime, scale
from bench.browser import CHROMIUM, chromium, serving
from bench.generate import CHAPTER, generate_project
from bench.project import Project, copy_project
from bench.timing import ratio
from cpch.build import site_languages

PARTS = ("build", "bilingual", "baseline", "pages", "phone", "runtime", "lighthouse", "exports", "scale")


@dataclass
class Settings:
    project: Project
    out: Path
    pages: dict[str, str]  # name -> page path without .html
    compare: list[str]  # page names also measured on the baseline
    edit: str  # name of the page whose edit is timed
    runs: int = 3
    loads: int = 7
    lighthouse_runs: int = 3
    lighthouse_prefix: Path = Path("bench")
    quiz_questions: int = 100
    scale_sizes: list[int] = field(default_factory=lambda: [250, 500, 1000, 2000])
    scale_runs: int = 5
    skip: set[str] = field(default_factory=set)
    keep_work: bool = False


def log(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


class Suite:
    def __init__(self, settings: Settings, work: Path):
        self.s, self.work = settings, work
        self.report = {
            "started": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
            "machine": machine.describe(CHROMIUM),
            "revision": machine.revision(settings.project.root),
            "settings": self._settings(),
            "errors": {},
        }
        self.site: Path | None = None
        self.baseline_site: Path | None = None

    def _settings(self) -> dict:
        s = self.s
        return {
            "pages": s.pages,
            "compare": s.compare,
            "edit": s.pages[s.edit],
            "runs": s.runs,
            "loads": s.loads,
            "lighthouse_runs": s.lighthouse_runs,
            "quiz_questions": s.quiz_questions,
            "scale_sizes": s.scale_sizes,
            "scale_runs": s.scale_runs,
            "skipped": sorted(s.skip),
        }

    def part(self, name: str, action) -> None:
        if name in self.s.skip:
            return
        log(f"{name}...")
        start = time.perf_counter()
        try:
            action()
        except Exception as error:  # one failed part must not hide the others' figures
            self.report["errors"][name] = f"{type(error).__name__}: {error}"
            log(f"{name} FAILED: {error}")
            traceback.print_exc()
        log(f"{name} done in {time.perf_counter() - start:.0f} s")

    def run(self) -> dict:
        start = time.perf_counter()
        self.part("build", self.build)
        self.part("bilingual", self.bilingual)
        self.part("baseline", self.baseline)
        self.part("pages", self.pages)
        self.part("phone", self.phone)
        self.part("runtime", self.runtime)
        self.part("lighthouse", self.lighthouse)
        self.part("exports", self.exports)
        self.part("scale", self.scale)
        build = self.report.get("build", {})
        if "ours" in build and "baseline" in build:
            build["ratio_cold"] = ratio(build["ours"]["cold"]["median"], build["baseline"]["cold"]["median"])
            build["ratio_chapter_edit"] = ratio(
                build["ours"]["chapter_edit"]["median"], build["baseline"]["chapter_edit"]["median"]
            )
        self.report["seconds"] = round(time.perf_counter() - start)
        self.report["machine"]["load_average_at_end"] = machine.load_average()
        self.report["budgets"] = budgets.evaluate(self.report)
        return self.report

    # --- the parts ---

    def our_site(self) -> Path:
        """The site as built by the build part, or built now (untimed) when that part was skipped."""
        if self.site is None:
            project = copy_project(self.s.project, self.work / "site-project")
            builds.cold_build(project, self.work / "site" / "html")
            self.site = builds.site_folder(project, self.work / "site" / "html")
        return self.site

    def build(self) -> None:
        project = copy_project(self.s.project, self.work / "build-project")
        ours = builds.measure(project, self.work / "build", self.s.runs, self.s.pages[self.s.edit])
        self.site = Path(ours["site"])
        self.report.setdefault("build", {})["ours"] = ours

    def bilingual(self) -> None:
        project = copy_project(self.s.project, self.work / "bilingual-project")
        result = bilingual.measure(project, self.work / "bilingual", self.s.runs)
        self.report.setdefault("build", {})["bilingual"] = result

    def baseline(self) -> None:
        result = baseline.measure(self.s.project.book, self.work / "baseline", self.s.runs, self.s.pages[self.s.edit])
        self.baseline_site = Path(result["site"])
        self.report.setdefault("build", {})["baseline"] = result

    def compared_pages(self) -> dict[str, str]:
        return {name: self.s.pages[name] for name in self.s.compare}

    def pages(self) -> None:
        result = {}
        with chromium() as browser:
            with serving(self.our_site(), site_headers=True) as url:
                result["ours"] = pages.measure(browser, url, self.s.pages)
            if self.baseline_site:
                with serving(self.baseline_site, site_headers=False) as url:
                    result["baseline"] = pages.measure(browser, url, self.compared_pages())
        self.report["pages"] = result

    def phone(self) -> None:
        """Every page against its floor, the first chapter on a slow link, a repeat visit, the offline copy."""
        site, first = self.our_site(), self.s.pages[next(iter(self.s.pages))]
        with chromium() as browser:
            with serving(site, site_headers=True) as url:
                self.report["phone"] = {
                    "weights": phone.weights(browser, url, site),
                    "slow_link_first_paint_ms": phone.first_paint_on_slow_link(browser, f"{url}{first}.html"),
                    "repeat_visit": phone.repeat_visit(browser, f"{url}{first}.html"),
                    "offline_bundle": phone.offline_bundle(site),
                }
            for language, folder in self.other_languages().items():  # held to the same budgets, as "fr/<page>"
                with serving(folder, site_headers=True) as url:
                    weights = phone.weights(browser, url, folder)
                self.report["phone"]["weights"] |= {f"{language}/{page}": w for page, w in weights.items()}

    def other_languages(self) -> dict[str, Path]:
        """The site in every published language but the sources' own, built as `make` builds it."""
        languages = site_languages(self.s.project.root)
        if len(languages) < 2:
            return {}
        out = self.work / "every-language" / "html"
        builds.cold_build(copy_project(self.s.project, self.work / "every-language-project"), out, languages)
        return {language: out / language for language in languages[1:]}

    def runtime(self) -> None:
        result = {"size": runtime.gzip_size()}
        project = generate_project(self.work / "quiz-project", self.s.quiz_questions)
        builds.cold_build(project, self.work / "quiz-site" / "html")
        site = builds.site_folder(project, self.work / "quiz-site" / "html")
        with chromium() as browser, serving(site, site_headers=True) as url:
            result["interactive"] = runtime.measure(browser, f"{url}{CHAPTER}.html", self.s.loads)
        result["interactive"]["page_bytes"] = (site / f"{CHAPTER}.html").stat().st_size
        self.report["runtime"] = result

    def lighthouse(self) -> None:
        binary = lighthouse.binary(self.s.lighthouse_prefix)
        reports = self.s.out / "lighthouse"
        result = {}
        with serving(self.our_site(), site_headers=True) as url:
            result["ours"] = lighthouse.measure(binary, url, self.s.pages, reports / "ours", self.s.lighthouse_runs)
        if self.baseline_site:
            with serving(self.baseline_site, site_headers=False) as url:
                result["baseline"] = lighthouse.measure(
                    binary, url, self.compared_pages(), reports / "baseline", self.s.lighthouse_runs
                )
        self.report["lighthouse"] = result

    def exports(self) -> None:
        self.report["exports"] = exports.measure(self.s.project, self.our_site(), self.work / "exports", self.s.runs)

    def scale(self) -> None:
        self.report["scale"] = scale.measure(self.s.scale_sizes, self.work / "scale", self.s.scale_runs)


def run(settings: Settings) -> dict:
    settings.out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="cpch-bench-"))
    try:
        return Suite(settings, work).run()
    finally:
        if settings.keep_work:
            log(f"work files kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
