"""The Moodle tier: one real Moodle 4.3 per test session (see moodle_site.py), torn down at the end.

Every test module here is marked `lms`: `make test-lms` runs them, and `make test` runs them when the
Moodle tarball (MOODLE_TARBALL) is there.
"""

import itertools
import os
import secrets
from pathlib import Path

import pytest

from .moodle_learner import Activity, Learner
from .moodle_site import TARBALL, Moodle

_names = itertools.count(1)
_RUN = secrets.token_hex(3)  # learner names stay unique on a Moodle kept running between runs


@pytest.fixture(scope="session")
def moodle():
    if os.environ.get("MOODLE_ATTACH"):
        yield Moodle.attach(Path(os.environ["MOODLE_ATTACH"]))
        return
    if not TARBALL.exists():
        pytest.fail(
            f"no Moodle tarball at {TARBALL}: set MOODLE_TARBALL to a Moodle 4.3 .tar.gz (see ../shared/lms/README.md)"
        )
    site = Moodle.stand_up(TARBALL)
    yield site
    site.close()


@pytest.fixture(scope="session")
def course(moodle) -> int:
    """The course the SCORM activities and their learners belong to."""
    return moodle.php_json("scorm_course.php", stdin={"learners": [], "password": "unused"})["course"]


@pytest.fixture
def add_activity(moodle, course, packages):
    """Add a package as the upload form does: checked by scorm_validate_package(), with the site's defaults."""

    def add(module: str, version: str, **settings) -> Activity:
        package = packages[(module, version)]
        added = moodle.php_json(
            "scorm_add.php",
            stdin={"course": course, "package": str(package), "name": f"{module} {version}", "settings": settings},
        )
        assert added["errors"] == {}, f"Moodle refused {package.name}: {added['errors']}"
        return Activity(added["cmid"], added["scorm"], version)

    return add


@pytest.fixture
def new_learner(moodle, browser, course):
    """Learners enrolled for this test, each logged in in a browser context of their own."""
    learners = []

    def make() -> Learner:
        learners.append(Learner(moodle, browser, course, f"learner-{_RUN}-{next(_names)}"))
        return learners[-1]

    yield make
    for learner in learners:
        assert learner.errors == [], f"script errors in Moodle's pages: {learner.errors}"
        learner.close()
