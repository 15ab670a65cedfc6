"""The report as Markdown (report.md), JSON (report.json) and a short summary (BENCHMARKS.md)."""

import json
from pathlib import Path

from bench.lighthouse import CATEGORIES

KB = 1024


def verdict(met) -> str:
    return "not measured" if met is None else "met" if met else "**MISSED**"


def seconds(stat: dict | None) -> str:
    return f"{stat['median']:.2f} s" if stat else "—"


def runs(stat: dict | None, unit: str = "s") -> str:
    return ", ".join(f"{v:g}" for v in stat["runs"]) + f" {unit}" if stat else ""


def table(header: list[str], rows: list[list]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return lines


def machine_line(report: dict) -> str:
    m = report["machine"]
    return (
        f"{m['nproc']} cores ({m['cpu']}), {m['ram_gib']} GiB RAM, {m['os']}; Python {m['python']}, "
        f"Sphinx {m['sphinx']}, jupyter-book {m['jupyter_book']}, {m['chromium']}, node {m['node']}; "
        f"load average (1, 5, 15 min) {_loads(m.get('load_average_at_start'))} at the start, "
        f"{_loads(m.get('load_average_at_end'))} at the end"
    )


def _loads(values) -> str:
    return "/".join(f"{v:g}" for v in values) if values else "?"


def budget_table(report: dict) -> list[str]:
    return table(
        ["Budget", "Limit", "Measured", "Verdict"],
        [[b["budget"], b["limit"], b["measured"], verdict(b["met"])] for b in report["budgets"]],
    )


def build_section(report: dict) -> list[str]:
    build = report.get("build")
    if not build:
        return ["Not measured."]
    ours, base = build.get("ours", {}), build.get("baseline", {})
    rows = [
        ["Cold full build", seconds(ours.get("cold")), seconds(base.get("cold")), build.get("ratio_cold", "—")],
        [
            "Rebuild after editing one chapter",
            seconds(ours.get("chapter_edit")),
            seconds(base.get("chapter_edit")),
            build.get("ratio_chapter_edit", "—"),
        ],
        ["Rebuild after editing one question bank", seconds(ours.get("bank_edit")), "n/a (no quizzes)", "—"],
    ]
    lines = table(["Median wall-clock time", "ours", "stock Jupyter Book", "ours / stock"], rows)
    lines += ["", "Every run, in seconds:", ""]
    for who, data in (("ours", ours), ("stock", base)):
        for key in ("cold", "chapter_edit", "bank_edit"):
            if key in data:
                lines.append(f"- {who}, {key.replace('_', ' ')}: {runs(data[key])}")
    lines += [
        "",
        "How: ours is `python -m cpch.build BOOK OUT --conf DIR` (Sphinx with `-j auto`, every warning an error, "
        "then the staging folder is copied to OUT), run as a fresh process on a copy of the project; a cold build "
        "starts with no output and no staging folder. The chapter edit appends a sentence to "
        f"`{ours.get('edited_page', '?')}.md`; the bank edit changes a prompt of `{ours.get('edited_bank', '?')}` "
        "(the bank that page embeds); each rebuild is checked to show the edit.",
    ]
    both = build.get("bilingual")
    if both:
        lines += [
            "",
            f"Languages: {' and '.join(both['languages'])} (`--languages {','.join(both['languages'])}`) against "
            f"{both['languages'][0]} alone, cold builds: {seconds(both['two_languages'])} vs "
            f"{seconds(both['one_language'])} ({both['ratio']}×; runs: {runs(both['two_languages'])} and "
            f"{runs(both['one_language'])}). The project's copy had {both['pseudo_translated']} messages without a "
            "reviewed translation, pseudo-translated (the English with a marker) so that the edition is complete.",
        ]
    if base:
        removed = ", ".join(f"`{page}` ({count})" for page, count in base["removed_blocks"].items())
        lines += [
            "",
            "The baseline is `jupyter-book build` on a copy of the book with a default `_config.yml` (title and "
            "author only: sphinx-book-theme, Jupyter Book's default MyST extensions, one process). Our own "
            f"directives ({', '.join('`{' + d + '}`' for d in base['directives_removed'])}) do not exist there, "
            f"so their blocks were removed from the copy: {removed or 'none found'}. The baseline pages therefore "
            "hold no quizzes and no diagnostic questionnaire, and a cold baseline build deletes `_build/` first.",
        ]
    return lines


def pages_section(report: dict) -> list[str]:
    loads, audits = report.get("pages", {}), report.get("lighthouse", {})
    if not loads and not audits:
        return ["Not measured."]
    rows = []
    for who in ("ours", "baseline"):
        names = list(dict.fromkeys([*loads.get(who, {}), *audits.get(who, {})]))
        for name in names:
            load, audit = loads.get(who, {}).get(name, {}), audits.get(who, {}).get(name, {})
            path = load.get("path") or audit.get("path")
            score = audit.get("scores", {})
            rows.append(
                [
                    who,
                    name,
                    f"`{path}`",
                    f"{load['bytes'] / KB:.1f} KB" if load else "—",
                    load.get("requests", "—"),
                    *[f"{score[c]:g}" if score.get(c) is not None else "—" for c in CATEGORIES],
                ]
            )
    lines = table(
        ["Site", "Page", "Path", "Cold load", "Requests", "Performance", "Accessibility", "Best practices", "SEO"], rows
    )
    lines += [
        "",
        "How: each page is opened in a new, empty Chromium context (360×740 screen) and loaded until the "
        "network is idle; bytes are the uncompressed bodies of every successful response. Ours is served by "
        "`cpch.serve` with the site's Content-Security-Policy, the baseline by a plain static server. Lighthouse "
        "runs its default (mobile, simulated throttling) configuration on Debian's Chromium",
    ]
    versions = {a.get("version") for site in audits.values() for a in site.values()}
    if audits:
        lines[-1] += (
            f" (Lighthouse {', '.join(sorted(filter(None, versions)))}; median of "
            f"{report['settings']['lighthouse_runs']} run(s) per page)."
        )
    else:
        lines[-1] += "; it was not run."
    errors = [
        f"- {who} {name}: {e}" for who, site in loads.items() for name, load in site.items() for e in load["errors"]
    ]
    if errors:
        lines += ["", "Errors seen during the loads:", "", *errors]
    lost = [
        f"- {who} {name}: {item}"
        for who, site in audits.items()
        for name, a in site.items()
        for item in a["lost_points"]
    ]
    if lost:
        lines += ["", "Audits that lost points (run nearest the median):", "", *lost]
    return lines


def runtime_section(report: dict) -> list[str]:
    data = report.get("runtime")
    if not data:
        return ["Not measured."]
    size = data["size"]
    lines = [f"`{size['file']}`: {size['bytes']:,} bytes, **{size['gzip_bytes'] / KB:.1f} KB gzipped** (gzip -9).", ""]
    interactive = data.get("interactive", {})
    rows = []
    for key, label in (("cpu_1x", "this machine's CPU"), ("cpu_4x", "CPU slowed down 4× (as Lighthouse mobile)")):
        if key in interactive:
            t = interactive[key]
            rows.append(
                [
                    label,
                    f"{t['parsed_ms']['median']:.0f} ms",
                    f"{t['interactive_ms']['median']:.0f} ms (fastest {t['interactive_ms']['min']:.0f} ms)",
                    f"{t['runtime_ms']['median']:.0f} ms",
                    f"{t['dom_content_loaded_ms']['median']:.0f} ms",
                    f"{t['load_ms']['median']:.0f} ms",
                ]
            )
    if rows:
        questions = interactive["cpu_1x"]["questions"] if "cpu_1x" in interactive else "?"
        lines += table(
            ["Median of cold loads", "HTML parsed", "interactive", "runtime's share", "DOMContentLoaded", "load"], rows
        )
        lines += [
            "",
            f"How: a generated book whose one page embeds a bank of {questions} questions (all eight types in "
            f"turn; the page is {interactive['page_bytes'] / KB:.0f} KB of HTML), built by our build and served "
            "with the site's headers. Each of "
            f"{report['settings']['loads']} loads is cold (new browser context); times are from navigation start. "
            "*Interactive* is when the runtime unhides the quiz's actions, which it does once the quiz is set up; "
            "a MutationObserver injected before the page notes it. *HTML parsed* is domInteractive; the runtime's "
            "share is interactive minus HTML parsed (deferred scripts run once parsing ends).",
        ]
    return lines


def exports_section(report: dict) -> list[str]:
    data = report.get("exports")
    if not data:
        return ["Not measured."]
    lines = [
        f"- `cpch scorm` (every module, SCORM 1.2 and 2004): **{seconds(data['scorm']['seconds'])}** "
        f"(runs: {runs(data['scorm']['seconds'])})",
        f"- `cpch export` (every bank; Moodle XML, GIFT, QTI 2.1): **{seconds(data['banks']['seconds'])}** "
        f"(runs: {runs(data['banks']['seconds'])})",
        f"- together: {data['total_seconds']:.2f} s, each as a fresh process from the built site",
        "",
    ]
    files = [*data["scorm"]["files"].items(), *data["banks"]["files"].items()]
    rows = [[f"`{name}`", f"{size / KB:,.1f} KB"] for name, size in files if name.endswith(".zip")]
    lines += table(["Zip", "Size"], rows)
    others = [(n, s) for n, s in data["banks"]["files"].items() if not n.endswith(".zip")]
    if others:
        lines += [
            "",
            f"Other files written by `cpch export`: {len(others)}, {sum(s for _, s in others) / KB:,.1f} KB in all.",
        ]
    return lines


def both(stat: dict) -> str:
    return f"{stat['median']:.2f} s ({stat['min']:.2f} s)"


def scale_section(report: dict) -> list[str]:
    data = report.get("scale")
    if not data:
        return ["Not measured."]
    rows = [
        [
            f"{r['questions']:,}",
            both(r["build_s"]),
            both(r["export_s"]),
            both(r["total_s"]),
            f"{r['page_bytes'] / KB:,.0f} KB",
            f"{r['bank_bytes'] / KB:,.0f} KB",
        ]
        for r in data["rows"]
    ]
    lines = table(["Questions", "Cold build", "Export (all formats)", "Together", "Page HTML", "Bank YAML"], rows)
    lines += [
        "",
        f"Median (fastest) of {report['settings']['scale_runs']} run(s) at each size.",
        "",
        "Fit of time = a + b·n on the fastest runs (seconds, n questions):",
        "",
    ]
    for key, label in (("build_s", "build"), ("export_s", "export"), ("total_s", "together")):
        f = data["fit"][key]
        detail = (
            f"; one more question costs {f['ms_per_question_lower']:.2f} ms from the smallest size to the middle one, "
            f"{f['ms_per_question_upper']:.2f} ms from the middle one to the largest (ratio {f['cost_ratio']})"
            if "ms_per_question_lower" in f
            else ""
        )
        lines.append(
            f"- {label}: a = {f['a']:.2f} s, b = {1000 * f['b']:.3f} ms/question, R² = {f['r2']:.4f}{detail}: "
            f"**{'linear' if f['linear'] else 'not linear'}**"
        )
    lines += [
        "",
        f"Linear means: {data['linear_rule']}. How: for each size a generated book whose one page embeds "
        "the whole bank (all eight question types in turn) is built cold with our build, and the bank is "
        "exported with `cpch export BANK`, each as a fresh process. Nothing generated is kept.",
    ]
    return lines


def render_markdown(report: dict) -> str:
    lines = [
        "# Benchmarks",
        "",
        f"Taken {report['started']} on {machine_line(report)}.",
        f"Sources measured: commit {report.get('revision') or 'unknown'}.",
        f"The whole run took {report.get('seconds', '?')} s. Medians of {report['settings']['runs']} runs unless said.",
        "",
    ]
    if report["settings"]["skipped"]:
        lines += [f"Parts skipped: {', '.join(report['settings']['skipped'])}.", ""]
    lines += ["## Budgets", "", *budget_table(report), ""]
    for title, section in (
        ("1. Build", build_section),
        ("2. Pages", pages_section),
        ("3. Quiz runtime", runtime_section),
        ("4. Exports", exports_section),
        ("5. Scale", scale_section),
    ):
        lines += [f"## {title}", "", *section(report), ""]
    if report["errors"]:
        lines += ["## Errors", "", *[f"- {part}: {message}" for part, message in report["errors"].items()], ""]
    return "\n".join(lines)


def headlines(report: dict) -> list[str]:
    """One line per part, for the summary."""
    lines = []
    build = report.get("build", {})
    if "ours" in build:
        ours, base = build["ours"], build.get("baseline")
        lines.append(
            f"- Build: cold {seconds(ours['cold'])}"
            + (
                f" vs {seconds(base['cold'])} for stock Jupyter Book on the same pages ({build['ratio_cold']}×)"
                if base
                else ""
            )
            + f"; rebuild after editing a chapter {seconds(ours['chapter_edit'])}"
            + (f" (stock: {seconds(base['chapter_edit'])})" if base else "")
            + (f", after editing a question bank {seconds(ours['bank_edit'])}" if "bank_edit" in ours else "")
            + (
                f"; English and French {seconds(build['bilingual']['two_languages'])} "
                f"({build['bilingual']['ratio']}× English alone)"
                if "bilingual" in build
                else ""
            )
            + "."
        )
    loads, audits = report.get("pages", {}), report.get("lighthouse", {})
    for who, label in (("ours", "Pages"), ("baseline", "Stock Jupyter Book")):
        names = list(dict.fromkeys([*loads.get(who, {}), *audits.get(who, {})]))
        parts = []
        for name in names:
            load, audit = loads.get(who, {}).get(name), audits.get(who, {}).get(name)
            text = f"{name} `{(load or audit)['path']}`"
            if load:
                text += f" {load['bytes'] / KB:.0f} KB in {load['requests']} requests"
            if audit:
                text += " (Lighthouse " + "/".join(f"{audit['scores'][c]:g}" for c in CATEGORIES) + ")"
            parts.append(text)
        if parts:
            lines.append(f"- {label}, cold load: " + "; ".join(parts) + ".")
    runtime = report.get("runtime")
    if runtime:
        text = f"- Quiz runtime: {runtime['size']['gzip_bytes'] / KB:.1f} KB gzipped"
        fast = runtime.get("interactive", {}).get("cpu_1x")
        if fast:
            text += (
                f"; a {fast['questions']}-question quiz is interactive {fast['interactive_ms']['median']:.0f} ms after "
                f"navigation start (HTML parsed at {fast['parsed_ms']['median']:.0f} ms; the runtime's own share "
                f"{fast['runtime_ms']['median']:.0f} ms)"
            )
        lines.append(text + ".")
    exports = report.get("exports")
    if exports:
        zips = [size for name, size in exports["scorm"]["files"].items() if name.endswith(".zip")]
        lines.append(
            f"- Exports: every SCORM module, both versions, in {seconds(exports['scorm']['seconds'])} "
            f"(largest zip {max(zips) / KB:.0f} KB); every question bank in {seconds(exports['banks']['seconds'])}."
        )
    scale = report.get("scale")
    if scale:
        rows, fit = scale["rows"], scale["fit"]["total_s"]
        lines.append(
            "- Scale: "
            + ", ".join(f"{r['questions']:,} questions {r['total_s']['median']:.1f} s" for r in rows)
            + f" to build and export; {1000 * fit['b']:.1f} ms per question, R² {fit['r2']:.3f}, "
            f"cost ratio {fit.get('cost_ratio')}: {'linear' if fit['linear'] else 'not linear'}."
        )
    return lines


def render_summary(report: dict, full_report: str = "_build/bench/report.md") -> str:
    met = sum(1 for b in report["budgets"] if b["met"])
    measured = sum(1 for b in report["budgets"] if b["met"] is not None)
    return "\n".join(
        [
            "# Benchmarks",
            "",
            f"The latest figures from `make bench`, taken {report['started'][:10]} on {machine_line(report)}.",
            f"Sources: commit {report.get('revision') or 'unknown'}.",
            "",
            f"`make bench` writes the full report, with how each figure is measured, to `{full_report}` (and "
            "`report.json`). Figures from another machine, or from a busy one, are not comparable. To refresh this file "
            "from the latest report: `.venv/bin/python -m bench --from-json _build/bench/report.json "
            "--out _build/bench --summary BENCHMARKS.md`.",
            "",
            f"## Budgets: {met} of {measured} met",
            "",
            *budget_table(report),
            "",
            "## Figures",
            "",
            *headlines(report),
            "",
            *(
                ["Lighthouse scores are performance/accessibility/best practices/SEO, mobile configuration.", ""]
                if report.get("lighthouse")
                else []
            ),
        ]
    )


def write(report: dict, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "report.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (out / "report.md").write_text(render_markdown(report), encoding="utf-8")
