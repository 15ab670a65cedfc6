"""Time `cpch scorm` (every module, both SCORM versions) and `cpch export` (every bank, every
format) as a user runs them, and weigh what they write."""

import shutil
from pathlib import Path

from bench.project import Project
from bench.timing import python, summary, timed_run


def scorm_command(project: Project, site: Path, out: Path) -> list:
    return python("-m", "cpch.cli", "scorm", "--site", site, "--quizzes", project.quizzes, "--out", out)


def export_command(project: Project, out: Path, banks: list[Path] = ()) -> list:
    return python(
        "-m", "cpch.cli", "export", *banks, "--quizzes", project.quizzes, "--book", project.book, "--out", out
    )


def timed_into(command, out: Path, runs: int) -> tuple[dict, dict]:
    """Run `command(out)` `runs` times into an emptied folder; return its times and the files' sizes."""
    times = []
    for _ in range(runs):
        shutil.rmtree(out, ignore_errors=True)
        times.append(timed_run(command(out)))
    files = {p.relative_to(out).as_posix(): p.stat().st_size for p in sorted(out.rglob("*")) if p.is_file()}
    if not files:
        raise AssertionError(f"nothing was written to {out}")
    return summary(times), files


def measure(project: Project, site: Path, work: Path, runs: int) -> dict:
    scorm_times, scorm_files = timed_into(lambda out: scorm_command(project, site, out), work / "scorm", runs)
    bank_times, bank_files = timed_into(lambda out: export_command(project, out), work / "exports", runs)
    return {
        "scorm": {"seconds": scorm_times, "files": scorm_files},
        "banks": {"seconds": bank_times, "files": bank_files},
        "total_seconds": round(scorm_times["median"] + bank_times["median"], 3),
    }
