"""The Moodle tier: one real Moodle 4.3 per test session (see moodle_site.py), torn down at the end.

Every test module here is marked `lms`: `make test-lms` runs them, and `make test` runs them when the
Moodle tarball (MOODLE_TARBALL) is there.
"""

import os
from pathlib import Path

import pytest

from moodle_site import TARBALL, Moodle


@pytest.fixture(scope="session")
def moodle():
    if os.environ.get("MOODLE_ATTACH"):
        yield Moodle.attach(Path(os.environ["MOODLE_ATTACH"]))
        return
    if not TARBALL.exists():
        pytest.fail(f"no Moodle tarball at {TARBALL}: set MOODLE_TARBALL to a Moodle 4.3 .tar.gz (see ../shared/lms/README.md)")
    site = Moodle.stand_up(TARBALL)
    yield site
    site.close()
