"""French SCORM packages in Moodle 4.3: checked and added as the upload form does, then played by a learner."""

import pytest

from scorm_lms import work_through
from test_i18n_scorm import build_french_packages, build_french_site

from .moodle_learner import CMI, Activity, attempt

pytestmark = pytest.mark.lms


@pytest.fixture(scope="module")
def french_packages(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("french-moodle")
    return build_french_packages(root, build_french_site(root))


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_a_french_module_is_accepted_and_scored(moodle, course, new_learner, french_packages, version):
    package = french_packages[version]
    added = moodle.php_json(
        "scorm_add.php", stdin={"course": course, "package": str(package), "name": f"fr {version}", "settings": {}}
    )
    assert added["errors"] == {}, f"Moodle refused {package.name}: {added['errors']}"
    activity = Activity(added["cmid"], added["scorm"], version)
    learner = new_learner()
    session = learner.launch(activity)
    assert session.frame.locator("html").get_attribute("lang") == "fr"
    assert work_through(session.frame, right=True) == 9
    session.exit_activity()
    words = CMI[version]
    tracked = learner.wait_for(
        activity, lambda t: attempt(t).get(words["status"]) not in (None, "incomplete"), "a finished status"
    )
    assert attempt(tracked).get(words["score"]) == "100" and tracked["grade"]["grade"] == 100.0
