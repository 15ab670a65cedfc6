"""The benchmark (`make bench`, the top-level bench/ package) on a tiny generated book, so its code cannot rot.

Correctness only: no figure is compared with a budget here. Lighthouse and the stock Jupyter Book
baseline are slow, so the end-to-end run skips them; their pure parts are tested on their own.
"""

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from bench import budgets
from bench.__main__ import main
from bench.baseline import make_baseline_book, strip_directives
from bench.generate import BANK_ID, bank, generate_project
from bench.lighthouse import median_run, scores
from bench.project import change_prompt
from bench.runtime import RUNTIME
from bench.scale import growth
from bench.timing import fit_line
from conftest import ROOT
from cpch.browser import CHROMIUM
from cpch.quiz.loader import load_quiz


def test_strip_directives_removes_only_engine_blocks():
    text = (
        "# Title\n\n```{quiz} one\n```\n\nKept.\n\n"
        "````{diagnostic} data.yml\n:option: x\n```\ninner code\n```\n````\n\n"
        "::::{quiz} two\n::::\n\n"
        ":::{admonition} Note\nKept too.\n:::\n\n```python\nprint('kept')\n```\n"
    )
    stripped, removed = strip_directives(text)
    assert removed == 3
    assert "quiz" not in stripped and "diagnostic" not in stripped and "inner code" not in stripped
    assert "Kept." in stripped and ":::{admonition} Note\nKept too.\n:::" in stripped and "print('kept')" in stripped


def test_baseline_book_has_a_default_config_and_no_engine_directive(tmp_path):
    project = generate_project(tmp_path / "project", 3)
    removed = make_baseline_book(project.book, tmp_path / "baseline")
    assert removed == {"chapter": 1}
    assert yaml.safe_load((tmp_path / "baseline" / "_config.yml").read_text())["title"]
    assert "{quiz}" not in (tmp_path / "baseline" / "chapter.md").read_text()


@pytest.mark.parametrize(
    "line, prompt",
    [
        ("    prompt: Plain words here", "Plain words here"),
        ("    prompt: 'It''s quoted'", "It's quoted"),
        ('    prompt: "Double: quoted"', "Double: quoted"),
    ],
)
def test_change_prompt_keeps_the_bank_valid(tmp_path, line, prompt):
    path = tmp_path / "generated.yml"
    path.write_text(f"questions:\n  - prompt: |\n      A block prompt is left alone.\n  - id: b\n{line}\n")
    assert change_prompt(path, 7) == f"{prompt} (benchmark edit 7)"
    prompts = [q["prompt"] for q in yaml.safe_load(path.read_text())["questions"]]
    assert prompts == ["A block prompt is left alone.\n", f"{prompt} (benchmark edit 7)"]


def test_generated_bank_is_valid_and_uses_every_type(tmp_path):
    path = tmp_path / "generated.yml"
    path.write_text(bank(16))
    quiz = load_quiz(path, {"bench-section"})
    assert len(quiz.questions) == 16
    assert len({q.type for q in quiz.questions}) == 8


def test_fit_and_growth():
    assert fit_line([1, 2, 3], [3, 5, 7]) == {"a": 1.0, "b": 2.0, "r2": 1.0}
    rows = [{"questions": n, "t": 1 + 0.01 * n} for n in (250, 500, 1000, 2000)]
    assert growth(rows, "t")["linear"] and growth(rows, "t")["cost_ratio"] == 1.0
    quadratic = [{"questions": n, "t": 1 + 1e-5 * n * n} for n in (250, 500, 1000, 2000)]
    assert not growth(quadratic, "t")["linear"]


def test_lighthouse_scores_and_median():
    def report(performance):
        audits = {"a": {"score": performance}, "b": {"score": 1}}

        def category(score):
            return {"score": score, "auditRefs": [{"id": "a", "weight": 1}, {"id": "b", "weight": 0}]}

        return {
            "lighthouseVersion": "x",
            "configSettings": {"formFactor": "mobile"},
            "audits": audits,
            "categories": {
                c: category(performance if c == "performance" else 1)
                for c in ("performance", "accessibility", "best-practices", "seo")
            },
        }

    runs = [scores(report(p)) for p in (0.9, 0.97, 1)]
    assert runs[0]["scores"] == {"performance": 90, "accessibility": 100, "best-practices": 100, "seo": 100}
    assert runs[0]["lost_points"][0].startswith("performance: a 0.90")
    assert median_run(runs)["scores"]["performance"] == 97


def test_budgets_mark_missed_and_unmeasured():
    rows = {
        r["budget"]: r
        for r in budgets.evaluate(
            {"pages": {"ours": {"a": {"bytes": 300 * 1024}}}, "runtime": {"size": {"gzip_bytes": 4000}}}
        )
    }
    assert rows["Any page, cold load"]["met"] is False
    assert rows["Quiz runtime gzipped"]["met"] is True
    assert rows["Lighthouse mobile performance"]["met"] is None
    assert rows["Offline copy of the whole handbook"]["met"] is None


def test_phone_budgets_compare_each_page_with_its_floor():
    weights = {
        "a": {"bytes": 130, "requests": 8, "floor_bytes": 100, "ratio": 1.3, "request_budget": 8},
        "b": {"bytes": 140, "requests": 9, "floor_bytes": 100, "ratio": 1.4, "request_budget": 10},
    }
    report = {
        "phone": {
            "weights": weights,
            "slow_link_first_paint_ms": 2600,
            "offline_bundle": {"bytes": 1024},
            "repeat_visit": {"load_ms": 300, "network_requests": 0},
        }
    }
    rows = budgets.phone_rows(report)
    assert [r["met"] for r in rows] == [False, True, False, True, True]
    assert rows[0]["measured"] == "1.40× (b, the highest)"


@pytest.mark.browser  # the benchmark starts Chromium itself
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Chromium is installed by `make test`")
def test_benchmark_runs_end_to_end_on_a_tiny_book(tmp_path):
    project = generate_project(tmp_path / "project", 6)
    out, summary = tmp_path / "out", tmp_path / "BENCHMARKS.md"
    # In its own process: it drives Chromium through Playwright's sync API, which cannot start while
    # another test's browser holds an event loop in this one.
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench",
            "--root",
            str(project.root),
            "--page",
            "chapter=chapter",
            "--page",
            "home=index",
            "--edit",
            "chapter",
            "--runs",
            "1",
            "--loads",
            "1",
            "--quiz-questions",
            "9",
            "--scale",
            "4,8",
            "--scale-runs",
            "1",
            "--skip",
            "lighthouse,baseline",
            "--out",
            str(out),
            "--summary",
            str(summary),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    report = json.loads((out / "report.json").read_text())
    assert result.returncode == 0, (report["errors"], result.stderr[-2000:])

    ours = report["build"]["ours"]
    assert ours["cold"]["median"] > 0 and ours["chapter_edit"]["median"] > 0 and ours["bank_edit"]["median"] > 0
    assert ours["edited_bank"] == BANK_ID
    bilingual = report["build"]["bilingual"]
    assert bilingual["languages"] == ["en", "fr"] and bilingual["pseudo_translated"] > 0
    assert bilingual["ratio"] == round(bilingual["two_languages"]["median"] / bilingual["one_language"]["median"], 2)
    loads = report["pages"]["ours"]
    assert set(loads) == {"chapter", "home"} and "baseline" not in report["pages"]
    assert loads["chapter"]["bytes"] > loads["home"]["bytes"] > 0 and loads["chapter"]["requests"] >= 3
    assert loads["chapter"]["errors"] == []
    assert report["runtime"]["size"]["gzip_bytes"] == len(gzip.compress(RUNTIME.read_bytes(), 9, mtime=0))
    quiz = report["runtime"]["interactive"]["cpu_1x"]
    assert quiz["questions"] == 9 and 0 < quiz["parsed_ms"]["median"] <= quiz["interactive_ms"]["median"]
    assert {"generated-scorm12.zip", "generated-scorm2004.zip"} <= set(report["exports"]["scorm"]["files"])
    assert "generated.qti21.zip" in report["exports"]["banks"]["files"]
    assert [row["questions"] for row in report["scale"]["rows"]] == [4, 8]
    phone = report["phone"]
    assert phone["offline_bundle"]["bytes"] > 0 and phone["weights"]["chapter"]["floor_bytes"] > 0
    assert phone["repeat_visit"]["network_requests"] == 0 and phone["slow_link_first_paint_ms"] > 0
    assert report["scale"]["rows"][1]["page_bytes"] > report["scale"]["rows"][0]["page_bytes"]

    verdicts = {row["budget"]: row["met"] for row in report["budgets"]}
    assert verdicts["Lighthouse mobile seo"] is None and verdicts["Full build vs stock Jupyter Book"] is None
    assert isinstance(verdicts["Bilingual build (English and French) vs English only"], bool)
    assert isinstance(verdicts["Any page, cold load"], bool)
    markdown = (out / "report.md").read_text()
    assert "## Budgets" in markdown and "## 5. Scale" in markdown and "## Errors" not in markdown
    assert "| 8 |" in markdown and "Parts skipped: baseline, lighthouse." in markdown
    assert "nproc" not in summary.read_text() and "cores" in summary.read_text()

    # The report can be rewritten from its JSON without measuring again.
    again = tmp_path / "again"
    assert main(["--from-json", str(out / "report.json"), "--out", str(again)]) == 0
    assert (again / "report.md").read_text() == markdown
