"""`python -m bench`: measure, then write OUT/report.md and OUT/report.json (see bench/__init__.py)."""

import argparse
import json
import sys
from pathlib import Path

from bench import report as reports
from bench.project import Project
from bench.suite import PARTS, Settings, run


def read_config(path: Path) -> dict:
    """The "config" object of a package.json (or a whole JSON file without one); {} when absent."""
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return data.get("config", data)


def page_option(value: str) -> tuple[str, str]:
    name, sep, path = value.partition("=")
    if not sep or not name or not path:
        raise argparse.ArgumentTypeError("expected NAME=PATH, e.g. chapter=part/page")
    return name, path.removesuffix(".md").removesuffix(".html")


def sizes(value: str) -> list[int]:
    try:
        numbers = [int(v) for v in value.split(",")]
    except ValueError:
        raise argparse.ArgumentTypeError("expected numbers separated by commas") from None
    if len(numbers) < 2 or numbers != sorted(set(numbers)) or numbers[0] < 1:
        raise argparse.ArgumentTypeError("expected at least two growing sizes, e.g. 250,500,1000,2000")
    return numbers


def parts(value: str) -> set[str]:
    names = {v.strip() for v in value.split(",") if v.strip()}
    if names - set(PARTS):
        raise argparse.ArgumentTypeError(
            f"unknown part(s) {', '.join(sorted(names - set(PARTS)))}; parts: {', '.join(PARTS)}"
        )
    return names


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m bench",
        description=(
            "Benchmark the build, pages, quiz runtime, exports and scaling; write OUT/report.md and OUT/report.json."
        ),
    )
    p.add_argument(
        "--out", type=Path, default=Path("_build/bench"), help="where the report goes (default: _build/bench)"
    )
    p.add_argument("--root", type=Path, default=Path("."), help="the folder holding conf.py (default: .)")
    p.add_argument("--book", type=Path, help="the book's sources (default: ROOT/book)")
    p.add_argument("--quizzes", type=Path, help="the question banks and modules.yml (default: ROOT/quizzes)")
    p.add_argument(
        "--config",
        type=Path,
        help='JSON config with pages/compare/edit (default: ROOT/bench/package.json, key "config")',
    )
    p.add_argument(
        "--page",
        type=page_option,
        action="append",
        metavar="NAME=PATH",
        help="a page to load and audit, by its path in the book without .md (repeat; replaces the config's pages)",
    )
    p.add_argument(
        "--compare", action="append", metavar="NAME", help="a page also measured on stock Jupyter Book (repeat)"
    )
    p.add_argument(
        "--edit",
        metavar="NAME",
        help="the page edited for the incremental rebuilds (its first quiz's bank is edited too)",
    )
    p.add_argument("--runs", type=int, default=3, help="runs of each build and export (default: 3)")
    p.add_argument("--loads", type=int, default=7, help="cold loads of the big quiz page (default: 7)")
    p.add_argument("--lighthouse-runs", type=int, default=3, help="Lighthouse runs per page (default: 3)")
    p.add_argument("--lighthouse-prefix", type=Path, help="where `npm ci` installed Lighthouse (default: ROOT/bench)")
    p.add_argument("--quiz-questions", type=int, default=100, help="questions in the runtime's quiz (default: 100)")
    p.add_argument(
        "--scale", type=sizes, default=[250, 500, 1000, 2000], help="bank sizes (default: 250,500,1000,2000)"
    )
    p.add_argument("--scale-runs", type=int, default=5, help="runs at each bank size (default: 5)")
    p.add_argument("--skip", type=parts, default=set(), help=f"parts to leave out, by name: {', '.join(PARTS)}")
    p.add_argument("--keep-work", action="store_true", help="keep the temporary folder of generated books and sites")
    p.add_argument("--summary", type=Path, help="also write a short summary there, e.g. BENCHMARKS.md")
    p.add_argument(
        "--from-json",
        type=Path,
        metavar="REPORT_JSON",
        help="measure nothing: rewrite report.md (and --summary) from an earlier report.json",
    )
    return p


def settings(args, fail) -> Settings:
    root = args.root.resolve()
    config = read_config(args.config or root / "bench" / "package.json")
    pages = dict(args.page) if args.page else dict(config.get("pages", {}))
    if not pages:
        fail('no pages to measure: give --page NAME=PATH or a config with "pages"')
    compare = args.compare or [name for name in config.get("compare", []) if name in pages] or [next(iter(pages))]
    edit = args.edit or (config.get("edit") if config.get("edit") in pages else next(iter(pages)))
    for name in [*compare, edit]:
        if name not in pages:
            fail(f"'{name}' is not one of the pages: {', '.join(pages)}")
    project = Project(root, (args.book or root / "book").resolve(), (args.quizzes or root / "quizzes").resolve())
    for name, path in pages.items():
        if not project.page(path).is_file():
            fail(f"page {name}: no {project.page(path)}")
    return Settings(
        project=project,
        out=args.out,
        pages=pages,
        compare=compare,
        edit=edit,
        runs=args.runs,
        loads=args.loads,
        lighthouse_runs=args.lighthouse_runs,
        lighthouse_prefix=args.lighthouse_prefix or root / "bench",
        quiz_questions=args.quiz_questions,
        scale_sizes=args.scale,
        scale_runs=args.scale_runs,
        skip=args.skip,
        keep_work=args.keep_work,
    )


def main(argv=None) -> int:
    p = parser()
    args = p.parse_args(argv)
    if args.from_json:
        report = json.loads(args.from_json.read_text(encoding="utf-8"))
    else:
        for name in ("runs", "loads", "lighthouse_runs", "quiz_questions", "scale_runs"):
            if getattr(args, name) < 1:
                p.error(f"--{name.replace('_', '-')} must be 1 or more")
        report = run(settings(args, p.error))
    reports.write(report, args.out)
    if args.summary:
        args.summary.write_text(reports.render_summary(report), encoding="utf-8")
    missed = [b["budget"] for b in report["budgets"] if b["met"] is False]
    print(
        f"Report written to {args.out}/report.md; {len(missed)} budget(s) missed"
        + (f": {'; '.join(missed)}" if missed else "")
    )
    if report["errors"]:
        print(f"Part(s) failed: {', '.join(report['errors'])}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
