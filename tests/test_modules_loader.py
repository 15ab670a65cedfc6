"""The module reader (quizzes/modules.yml): good files become modules; each bad file fails with its message."""

from pathlib import Path

import pytest

from cpch.core.problems import LocatedError
from cpch.scorm.modules import load_modules

FILES = Path(__file__).parent / "modules"
BAD = sorted((FILES / "bad").glob("*.yml"))
PAGES = {"part/a", "part/b"}
QUIZZES = {"quiz-a"}


def expected_message(path: Path) -> str:
    first = path.read_bytes().split(b"\n")[0].decode()
    assert first.startswith("# expect: "), f"{path.name} must say what it expects"
    return f"{path}:{first.removeprefix('# expect: ')}"


def test_a_good_file_loads_every_field():
    modules = load_modules(FILES / "good" / "modules.yml", PAGES, QUIZZES)
    assert list(modules) == ["mod-a", "mod-b"]
    first, second = modules.values()
    assert (first.title, first.chapters, first.quizzes, first.versions) == (
        "Module A",
        ("part/a", "part/b"),
        ("quiz-a",),
        ("2004",),
    )
    assert not first.scored and second.scored
    assert (second.version, second.pass_mark, second.quizzes, second.versions) == (3, 80, (), ("1.2", "2004"))


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.stem)
def test_a_bad_file_fails_with_its_message(path):
    with pytest.raises(LocatedError) as error:
        load_modules(path, PAGES, QUIZZES)
    assert expected_message(path) in str(error.value)
