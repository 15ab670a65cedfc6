"""Wall-clock timing of commands, and the statistics the report gives: medians and straight-line fits."""

import statistics
import subprocess
import sys
import time
from pathlib import Path


class CommandFailed(RuntimeError):
    """A timed command exited with an error: its time means nothing."""


def python(*args) -> list[str]:
    """A command line running this interpreter (the project's virtual environment)."""
    return [sys.executable, *map(str, args)]


def venv_script(name: str) -> list[str]:
    """A console script installed beside this interpreter, such as jupyter-book."""
    return [str(Path(sys.executable).with_name(name))]


def timed_run(argv: list, cwd: Path | None = None, env: dict | None = None) -> float:
    """Run a command to its end; return its wall-clock seconds, or raise CommandFailed."""
    start = time.perf_counter()
    result = subprocess.run([str(a) for a in argv], cwd=cwd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode:
        output = (result.stderr.strip() or result.stdout.strip()).splitlines()[-15:]
        raise CommandFailed(f"`{' '.join(map(str, argv))}` exited with {result.returncode}:\n" + "\n".join(output))
    return elapsed


def summary(values: list[float], digits: int = 3) -> dict:
    """The median, the fastest and every run, rounded."""
    return {
        "median": round(statistics.median(values), digits),
        "min": round(min(values), digits),
        "runs": [round(v, digits) for v in values],
    }


def ratio(a: float | None, b: float | None) -> float | None:
    return round(a / b, 2) if a is not None and b else None


def fit_line(xs: list[float], ys: list[float]) -> dict:
    """Least squares fit y = a + b·x, with R² (1 when the points lie on the line)."""
    n = len(xs)
    mean_x, mean_y = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mean_x) ** 2 for x in xs)
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys))
    slope = sxy / sxx if sxx else 0.0
    intercept = mean_y - slope * mean_x
    total = sum((y - mean_y) ** 2 for y in ys)
    residual = sum((y - intercept - slope * x) ** 2 for x, y in zip(xs, ys))
    r2 = 1 - residual / total if total else 1.0
    return {"a": round(intercept, 4), "b": round(slope, 6), "r2": round(r2, 4)}
