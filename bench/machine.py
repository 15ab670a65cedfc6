"""The machine and tools the figures were taken with."""

import os
import platform
import subprocess
from importlib import metadata
from pathlib import Path


def _first(path: str, key: str) -> str | None:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(key):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return None


def _version(argv: list[str]) -> str | None:
    try:
        result = subprocess.run(argv, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return (result.stdout.strip().splitlines() or [None])[0]


def _package(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def describe(chromium: str) -> dict:
    memory = _first("/proc/meminfo", "MemTotal")
    return {
        "nproc": len(os.sched_getaffinity(0)),
        "cpu": _first("/proc/cpuinfo", "model name") or platform.processor() or platform.machine(),
        "ram_gib": round(int(memory.split()[0]) / 1024**2, 1) if memory else None,
        "os": platform.platform(),
        "python": platform.python_version(),
        "sphinx": _package("sphinx"),
        "jupyter_book": _package("jupyter-book"),
        "chromium": _version([chromium, "--version"]),
        "node": _version(["node", "--version"]),
        "load_average_at_start": load_average(),
    }


def revision(root: Path) -> str | None:
    """The commit measured, and whether the work tree had changes on top of it."""
    commit = _version(["git", "-C", str(root), "rev-parse", "--short", "HEAD"])
    if not commit:
        return None
    changes = subprocess.run(["git", "-C", str(root), "status", "--porcelain"], capture_output=True, text=True).stdout
    return f"{commit} with uncommitted changes" if changes.strip() else commit


def load_average() -> list[float]:
    """The 1, 5 and 15-minute load averages: above the core count, other work competed for the CPU."""
    return [round(v, 2) for v in os.getloadavg()]
