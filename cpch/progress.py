"""A one-line progress bar on standard error, for commands that write several files."""

import sys


class Progress:
    """Use as `with Progress("Writing packages", total) as bar: ... bar.step(name)`."""

    WIDTH = 24

    def __init__(self, label: str, total: int, stream=None):
        self.label, self.total, self.done = label, max(total, 1), 0
        self.stream = stream or sys.stderr

    def __enter__(self) -> "Progress":
        self._draw("")
        return self

    def step(self, name: str = "") -> None:
        self.done += 1
        self._draw(name)

    def _draw(self, name: str) -> None:
        filled = self.WIDTH * self.done // self.total
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        end = "\n" if self.done >= self.total else ""
        line = f"{self.label} [{bar}] {self.done}/{self.total} {name}"
        if self.stream.isatty():
            self.stream.write(f"\r\033[K{line}{end}")
        elif end or not self.done:
            self.stream.write(f"{line}\n")
        self.stream.flush()

    def __exit__(self, *exc) -> None:
        if self.done < self.total and self.stream.isatty():
            self.stream.write("\n")
