"""Trainer notes: one Markdown file per chapter, read with located errors, shown only to trainers."""

import pytest

from conftest import BOOK, ROOT, run_trainer
from cpch.core.problems import LocatedError
from cpch.trainer.notes import book_order, load_notes, read_note

NOTES = ROOT / "trainer-notes"
CHAPTERS = {"part/page", "other"}
# Pages that are not chapters of the handbook: the front page and the reference pages.
NOT_CHAPTERS = {"index", "reference/glossary", "reference/references", "reference/hosting"}


def write(folder, name, text):
    path = folder / name
    path.write_text(text)
    return path


def test_a_note_names_its_chapter_and_keeps_its_markdown(tmp_path):
    path = write(tmp_path, "a.md", "---\nchapter: part/page.md\n---\n# Notes\n\nText.\n")
    note = read_note(path, CHAPTERS)
    assert note.chapter == "part/page" and note.body == "# Notes\n\nText."


@pytest.mark.parametrize(
    "text, where, message",
    [
        ("---\nchapter: part/nowhere\n---\n# Notes\n", "2:10", "no chapter 'part/nowhere' in the book"),
        ("---\ntitle: Notes\n---\n# Notes\n", "2:1", "the front matter names no 'chapter'"),
        ("# Notes\n", "1:1", "no front matter"),
        ("---\nchapter: part/page\n# Notes\n", "1:1", "no closing '---' line"),
        ("---\nchapter: [part/page\n---\n", "3:1", "not valid YAML"),
        ("---\n- part/page\n---\n", "2:1", "must be a mapping"),
    ],
)
def test_a_bad_note_is_a_located_error(tmp_path, text, where, message):
    path = write(tmp_path, "bad.md", text)
    with pytest.raises(LocatedError) as error:
        read_note(path, CHAPTERS)
    assert str(error.value).startswith(f"{path}:{where}: ") and message in str(error.value)


def test_every_bad_file_is_reported_and_a_chapter_has_one_file(tmp_path):
    write(tmp_path, "a.md", "---\nchapter: part/page\n---\nA\n")
    write(tmp_path, "b.md", "---\nchapter: part/page\n---\nB\n")
    write(tmp_path, "c.md", "---\nchapter: gone\n---\nC\n")
    with pytest.raises(LocatedError) as error:
        load_notes(tmp_path, CHAPTERS, [])
    lines = str(error.value).splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{tmp_path / 'b.md'}:2:1: chapter 'part/page' already has notes in")
    assert lines[1].startswith(f"{tmp_path / 'c.md'}:2:10: no chapter 'gone'")


def test_notes_come_in_book_order(tmp_path):
    write(tmp_path, "a.md", "---\nchapter: part/page\n---\nA\n")
    write(tmp_path, "b.md", "---\nchapter: other\n---\nB\n")
    assert [n.chapter for n in load_notes(tmp_path, CHAPTERS, ["other", "part/page"])] == ["other", "part/page"]


def test_every_chapter_of_the_book_has_trainer_notes():
    order = book_order(BOOK)
    chapters = [
        doc for doc in order if (doc not in NOT_CHAPTERS and not doc.startswith("interpol/")) or doc == "interpol/index"
    ]
    notes = load_notes(NOTES, set(order), order)
    assert [n.chapter for n in notes] == chapters
    for note in notes:
        for part in ("## Timings", "## Discussion questions", "exercise"):
            assert part in note.body, f"{note.path}: no '{part}'"


def test_the_trainer_command_names_the_bad_notes_file_and_writes_nothing(site, tmp_path):
    notes = tmp_path / "notes"
    notes.mkdir()
    bad = write(notes, "bad.md", "---\nchapter: no/such-chapter\n---\n# Notes\n")
    out = tmp_path / "out"
    result = run_trainer(site, out, notes)
    assert result.returncode == 1
    assert f"{bad}:2:10: no chapter 'no/such-chapter' in the book" in result.stderr
    assert not out.exists() and not out.with_name(out.name + ".zip").exists()
