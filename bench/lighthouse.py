"""Lighthouse (npm, installed by `npm ci --prefix bench`) with its default mobile configuration,
run on Debian's Chromium with the same flags as the browser tests."""

import json
import os
import statistics
import subprocess
from pathlib import Path

from bench.browser import CHROMIUM, CHROMIUM_ARGS

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def binary(prefix: Path) -> Path:
    path = Path(prefix) / "node_modules" / ".bin" / "lighthouse"
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: run `npm ci --prefix {prefix}`")
    return path


def run(lighthouse: Path, url: str, report_path: Path) -> dict:
    """Audit `url` once; keep Lighthouse's JSON report at `report_path`; return its scores."""
    argv = [
        str(lighthouse),
        url,
        "--output=json",
        f"--output-path={report_path}",
        "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={' '.join(CHROMIUM_ARGS)}",
    ]
    result = subprocess.run(
        argv, env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True, timeout=300
    )
    if result.returncode or not report_path.exists():
        raise RuntimeError(f"lighthouse failed on {url}: {result.stderr.strip()[-2000:]}")
    return scores(json.loads(report_path.read_text()))


def scores(report: dict) -> dict:
    """Scores out of 100 per category, Lighthouse's version and form factor, and the audits that lost points."""
    if report.get("runtimeError"):
        raise RuntimeError(f"lighthouse: {report['runtimeError'].get('message')}")
    categories = report["categories"]
    lost = []
    for category in CATEGORIES:
        for ref in categories[category]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref.get("weight") and audit.get("score") is not None and audit["score"] < 1:
                shown = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
                lost.append(f"{category}: {ref['id']} {audit['score']:.2f}{shown}")
    return {
        "scores": {
            c: round(100 * categories[c]["score"]) if categories[c]["score"] is not None else None for c in CATEGORIES
        },
        "version": report.get("lighthouseVersion"),
        "form_factor": report.get("configSettings", {}).get("formFactor"),
        "lost_points": lost,
    }


def median_run(runs: list[dict]) -> dict:
    """The median score of each category over several runs, with the audits lost in the run nearest to it."""
    medians = {c: statistics.median(r["scores"][c] for r in runs) for c in CATEGORIES}
    nearest = min(runs, key=lambda r: abs(r["scores"]["performance"] - medians["performance"]))
    return {**nearest, "scores": medians, "runs": [r["scores"] for r in runs]}


def measure(lighthouse: Path, base_url: str, pages: dict[str, str], work: Path, runs: int) -> dict:
    work.mkdir(parents=True, exist_ok=True)
    results = {}
    for name, path in pages.items():
        audits = [run(lighthouse, f"{base_url}{path}.html", work / f"{name}-{i}.json") for i in range(runs)]
        results[name] = {"path": path, **median_run(audits)}
    return results
