"""How build and export times grow with the size of a question bank: a generated bank of n
questions on one page, built cold and exported to every format, for each n."""

import shutil
from pathlib import Path

from bench import builds
from bench.exports import export_command
from bench.generate import BANK_ID, CHAPTER, generate_project
from bench.timing import fit_line, summary, timed_run

LINEAR_R2 = 0.98  # growth counts as linear when a straight line explains this much of the variance...
LINEAR_COST_RATIO = (
    1.5  # ...and a question costs at most this much more in the upper half of the sizes than in the lower
)


def measure_size(questions: int, work: Path, runs: int) -> dict:
    project = generate_project(work / "project", questions)
    build, export = [], []
    for _ in range(runs):
        build.append(builds.cold_build(project, work / "site" / "html"))
        shutil.rmtree(work / "exports", ignore_errors=True)
        export.append(timed_run(export_command(project, work / "exports", [project.bank(BANK_ID)])))
    page = builds.site_folder(project, work / "site" / "html") / f"{CHAPTER}.html"
    return {
        "questions": questions,
        "build_s": summary(build),
        "export_s": summary(export),
        "total_s": summary([b + e for b, e in zip(build, export)]),
        "page_bytes": page.stat().st_size,
        "bank_bytes": project.bank(BANK_ID).stat().st_size,
    }


def growth(rows: list[dict], key: str) -> dict:
    """A straight-line fit of time against questions, on the fastest run at each size (other work on the
    machine only ever adds time), and the cost of one more question from the smallest size to the middle
    one and from the middle one to the largest (their ratio is 1 for a straight line, above 1 when growth
    speeds up)."""
    xs = [r["questions"] for r in rows]
    ys = [r[key]["min"] if isinstance(r[key], dict) else r[key] for r in rows]
    fit = fit_line(xs, ys)
    if len(rows) >= 3:
        mid = len(rows) // 2
        lower = (ys[mid] - ys[0]) / (xs[mid] - xs[0])
        upper = (ys[-1] - ys[mid]) / (xs[-1] - xs[mid])
        fit["ms_per_question_lower"] = round(1000 * lower, 3)
        fit["ms_per_question_upper"] = round(1000 * upper, 3)
        fit["cost_ratio"] = round(upper / lower, 2) if lower > 0 and upper > 0 else None
    ratio = fit.get("cost_ratio")
    fit["linear"] = fit["r2"] >= LINEAR_R2 and (ratio is None or ratio <= LINEAR_COST_RATIO)
    return fit


def measure(sizes: list[int], work: Path, runs: int) -> dict:
    rows = [measure_size(n, work / f"n{n}", runs) for n in sizes]
    return {
        "rows": rows,
        "fit": {key: growth(rows, key) for key in ("build_s", "export_s", "total_s")},
        "linear_rule": (
            f"on the fastest run at each size, R² ≥ {LINEAR_R2}, and one more question costs at most "
            f"{LINEAR_COST_RATIO}× as much from the middle size to the largest as from the smallest to the middle"
        ),
    }
