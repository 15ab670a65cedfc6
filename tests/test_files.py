"""Writing several files all or nothing (cpch.files.Staged)."""

import pytest

from cpch.files import Staged, write_atomically


def test_on_success_the_files_replace_theirs_and_the_others_stay(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.txt").write_text("old a")
    (out / "keep.txt").write_text("kept")
    staged = Staged(out)
    with staged as folder:
        written = [write_atomically(folder / "a.txt", b"new a"), write_atomically(folder / "sub" / "b.txt", b"b")]
        assert not (out / "sub").exists(), "nothing may reach the output before the end"
    assert staged.final(written) == [out / "a.txt", out / "sub" / "b.txt"]
    assert [(p.relative_to(out).as_posix(), p.read_text()) for p in sorted(out.rglob("*.txt"))] == [
        ("a.txt", "new a"),
        ("keep.txt", "kept"),
        ("sub/b.txt", "b"),
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"], "the staging folder is removed"


def test_on_an_error_nothing_is_written_and_no_folder_is_left(tmp_path):
    out = tmp_path / "out"
    with pytest.raises(RuntimeError), Staged(out) as folder:
        write_atomically(folder / "a.txt", b"a")
        raise RuntimeError("the second file cannot be made")
    assert list(tmp_path.iterdir()) == []
