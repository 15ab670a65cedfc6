"""Same contents, same bytes: deterministic zips, and files replaced only once fully written."""

import io
import os
import shutil
import tempfile
import zipfile
from pathlib import Path

FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def zip_bytes(files: dict[str, bytes]) -> bytes:
    """A zip of `files` (archive name -> contents): sorted entries, fixed times and permissions."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            archive.writestr(info, files[name], compresslevel=9)
    return buffer.getvalue()


def write_atomically(path: Path, data: bytes) -> Path:
    """Write to a temporary file beside `path`, then rename it: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


class Staged:
    """All or nothing for a command that writes several files into `out`.

        with Staged(out) as folder:
            ...write every file under folder...

    Files are written to a temporary folder beside `out`; only when the block ends without an
    error are they moved into `out` (one rename each, on the same file system), replacing files
    of the same name and leaving the others. On any error, `out` is left as it was."""

    def __init__(self, out: Path):
        self.out = Path(out)
        self.folder: Path | None = None  # set on entering the block

    def __enter__(self) -> Path:
        self.out.parent.mkdir(parents=True, exist_ok=True)
        self.folder = Path(tempfile.mkdtemp(dir=self.out.parent, prefix=f".{self.out.name}.", suffix=".staging"))
        return self.folder

    def __exit__(self, kind, error, trace) -> None:
        folder = self.staging()
        try:
            if kind is None:
                for path in sorted(p for p in folder.rglob("*") if not p.is_dir()):
                    target = self.out / path.relative_to(folder)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    os.replace(path, target)
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def staging(self) -> Path:
        if self.folder is None:
            raise RuntimeError("Staged is used outside its 'with' block")
        return self.folder

    def final(self, paths: list[Path]) -> list[Path]:
        """Where files written in the staging folder end up."""
        return [self.out / Path(path).relative_to(self.staging()) for path in paths]
