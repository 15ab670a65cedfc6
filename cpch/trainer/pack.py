"""The trainer pack: a folder (and a zip of it) that works on any machine.

It holds the catalogue, the answer keys, the trainer notes, the printable PDF, and the SCORM
packages and question banks the catalogue describes, all linked by relative addresses; links to
the handbook go to its published site. Files that were not built are left out, and so are their links."""

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from cpch.exports import multilang
from cpch.exports.writer import FORMATS
from cpch.files import write_atomically, zip_bytes
from cpch.i18n.localized import is_source
from cpch.quiz.model import Quiz
from cpch.scorm.modules import Module
from cpch.scorm.package import package_name
from cpch.trainer.pages import PackFiles

SCORM_FOLDER, BANKS_FOLDER = "scorm", "banks"


@dataclass
class Copied:
    files: PackFiles
    written: list[Path]
    missing: list[Path]  # files the catalogue would describe, not found where they are built


def bank_names(quiz_id: str, language: str, m: dict) -> list[tuple[str, str]]:
    """(label, file name) of each export of a bank in `language`, as `cpch export` names them; in another
    language than English, also the bank holding English and that language (`--multilang`)."""
    if is_source(language):
        return [(m[f"bank_{name}"], f"{quiz_id}{exporter.SUFFIX}") for name, exporter in FORMATS.items()]
    names = [(m[f"bank_{name}"], f"{quiz_id}-{language}{exporter.SUFFIX}") for name, exporter in FORMATS.items()]
    both = m["bank_multilang"].format(language=m["language_name"])
    return [*names, (both, f"{quiz_id}-en-{language}{multilang.SUFFIX}")]


def copy_built_files(
    modules: dict[str, Module],
    quizzes: dict[str, Quiz],
    scorm: Path,
    exports: Path,
    out: Path,
    m: dict,
    language: str = "en",
) -> Copied:
    """Copy each module's SCORM packages and each bank's exports in `language` that exist into `out`."""
    written: list[Path] = []
    missing: list[Path] = []

    def take(source: Path, folder: str) -> str | None:
        if not source.is_file():
            missing.append(source)
            return None
        target = out / folder / source.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        written.append(target)
        return f"{folder}/{source.name}"

    packages: dict[str, list[tuple[str, str]]] = {}
    for module in modules.values():
        for version in module.versions:
            href = take(scorm / package_name(module, version, language), SCORM_FOLDER)
            if href:
                packages.setdefault(module.id, []).append((f"SCORM {version}", href))
    banks: dict[str, list[tuple[str, str]]] = {}
    for quiz in quizzes.values():
        for label, name in bank_names(quiz.id, language, m):
            href = take(exports / name, BANKS_FOLDER)
            if href:
                banks.setdefault(quiz.id, []).append((label, href))
    return Copied(PackFiles(packages, banks), written, missing)


def zip_folder(folder: Path, top: str) -> bytes:
    """Every file under `folder`, under one top folder `top` (so unzipping makes one folder)."""
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    return zip_bytes({f"{top}/{path.relative_to(folder).as_posix()}": path.read_bytes() for path in files})


class NewFolder:
    """Write a folder afresh: files go to a temporary folder beside `out`, which replaces `out`
    whole once the block ends without an error (no file of an older pack stays behind)."""

    def __init__(self, out: Path):
        self.out = Path(out)
        self.folder = Path()

    def __enter__(self) -> Path:
        self.out.parent.mkdir(parents=True, exist_ok=True)
        self.folder = Path(tempfile.mkdtemp(dir=self.out.parent, prefix=f".{self.out.name}.", suffix=".new"))
        return self.folder

    def __exit__(self, kind, error, trace) -> None:
        if kind is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            return
        self.folder.chmod(0o755)
        old = self.out.with_name(f".{self.out.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        if self.out.exists():
            os.replace(self.out, old)
        os.replace(self.folder, self.out)
        shutil.rmtree(old, ignore_errors=True)


def write_zip(folder: Path, zip_path: Path) -> Path:
    return write_atomically(zip_path, zip_folder(folder, zip_path.stem))
