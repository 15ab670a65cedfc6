"""Every SCORM package in Moodle 4.3: checked and added as the upload form does, then played by learners in Chromium.

What Moodle keeps is read from its own tables (scorm_tracking.php): the tracked values of each
attempt and the gradebook. Each test has learners of its own, so tests do not see each other's data.
"""

import zipfile

import pytest

from scorm_lms import answer_key, answer_question, scored_quizzes, visible_page, work_through

from .moodle_learner import CMI, attempt, finish_from_here, total_time

pytestmark = pytest.mark.lms
VERSIONS = ["1.2", "2004"]
SCORED = ["integrity", "foundations", "working-together", "international-support", "whole-handbook"]
JOURNEY = "integrity"  # the smallest scored module
LARGEST = "whole-handbook"
LEARNING_OBJECTS = 0  # the "Learning objects" grading method (SCORM_GRADESCOES)


def status(tracking: dict, version: str, number: int = 1):
    values = attempt(tracking, number)
    words = CMI[version]
    found = values.get(words["status"]), values.get(words["score"])
    return (*found, values.get(words["success"])) if version == "2004" else found


def finished_status(version: str, score: str = "100"):
    return ("passed", score) if version == "1.2" else ("completed", score, "passed")


def assert_total_time_adds_up(sessions: list, totals: list[float]) -> None:
    """total_time grows by each session's time, and each fits the time its tab was open."""
    for number, (session, before, after) in enumerate(zip(sessions, [0.0, *totals], totals), 1):
        assert session.could_have_lasted(after - before), f"session {number} added {after - before:.2f} s"


def checked(frame, quiz: str) -> list[str]:
    """The answers a quiz shows, as the values of its ticked boxes and chosen options."""
    section = frame.locator(f'section.quiz[data-quiz="{quiz}"]')
    ticked = [box.get_attribute("value") for box in section.locator("input:checked").all()]
    filled = [field.input_value() for field in section.locator("select, input[type=text]").all()]
    return ticked + [value for value in filled if value]


@pytest.mark.parametrize("version", VERSIONS)
def test_a_learner_journey_through_a_scored_module(add_activity, new_learner, moodle, version):
    activity = add_activity(JOURNEY, version)
    learner = new_learner()
    words = CMI[version]
    sessions = []

    # 1. Launch, answer the first chapter's quiz, turn the page, close the tab.
    session = learner.launch(activity)
    work_through(session.frame, right=True, stop_after_pages=1)
    session.frame.get_by_role("button", name="Next page").click()
    first_quiz = scored_quizzes(session.frame)[0]
    answers = checked(session.frame, first_quiz)
    sessions.append(session.close_tab())
    tracked = learner.wait_for(activity, lambda t: total_time(t, version) > 0, "the first session's time")
    assert attempt(tracked)[words["exit"]] == "suspend"
    assert attempt(tracked)[words["status"]] == "incomplete"
    totals = [total_time(tracked, version)]

    # 2. Relaunch: the same page and answers; finish; close the tab.
    session = learner.launch(activity)
    assert visible_page(session.frame) == 1
    assert checked(session.frame, first_quiz) == answers and answers
    finish_from_here(session.frame)
    assert "complete" in session.frame.locator(".module-status").inner_text().lower()
    sessions.append(session.close_tab())
    tracked = learner.wait_for(activity, lambda t: total_time(t, version) > totals[-1], "the second session's time")
    totals.append(total_time(tracked, version))
    assert status(tracked, version) == finished_status(version)
    assert tracked["grade"]["grade"] == 100.0

    # 3. Relaunch after finishing: the result is kept, the answers shown.
    assert learner.offers_a_new_attempt(activity)  # the learner's own way to start again
    session = learner.launch(activity)
    assert checked(session.frame, first_quiz) == answers
    sessions.append(session.close_tab())
    tracked = learner.wait_for(activity, lambda t: total_time(t, version) > totals[-1], "the third session's time")
    totals.append(total_time(tracked, version))
    assert status(tracked, version) == finished_status(version)
    assert tracked["grade"]["grade"] == 100.0

    assert_total_time_adds_up(sessions, totals)

    # 4. With "force new attempt", the next launch starts afresh, and the first attempt stays as it was.
    moodle.php_json("scorm_update.php", stdin={"cmid": activity.cmid, "settings": {"forcenewattempt": 1}})
    session = learner.launch(activity)
    assert visible_page(session.frame) == 0
    assert checked(session.frame, first_quiz) == []
    session.close_tab()
    tracked = learner.wait_for(
        activity, lambda t: attempt(t, 2).get(words["status"]) == "incomplete", "a second attempt"
    )
    assert status(tracked, version, 1) == finished_status(version)
    assert tracked["grade"]["grade"] == 100.0


# Moodle's 2004 player sends the whole data model as the tab closes, at most 64 KiB from a closing
# page: the largest module records one interaction per quiz in 2004 (cpch/scorm/closing.py) so it fits.
@pytest.mark.parametrize("version", VERSIONS)
def test_the_largest_module_keeps_the_last_answers_and_time_when_its_tab_is_closed(add_activity, new_learner, version):
    activity = add_activity(LARGEST, version)
    learner = new_learner()
    session = learner.launch(activity)
    # Read and check everything up to the page of the last quiz, where almost all there is to save is saved.
    last_quiz = scored_quizzes(session.frame)[-1]
    pages = session.frame.locator(".module-page")
    last_page = int(
        pages.filter(has=session.frame.locator(f'section.quiz[data-quiz="{last_quiz}"]')).get_attribute("data-page")
    )
    work_through(session.frame, right=True, stop_after_pages=last_page)
    session.frame.get_by_role("button", name="Next page").click()
    # The last answers, given just before the tab closes, without pressing "Check answers".
    key = answer_key(session.frame, last_quiz)
    for item in session.frame.locator(f'section.quiz[data-quiz="{last_quiz}"] .quiz-question').all():
        answer_question(item, key[item.get_attribute("data-question")], right=True)
    answers = checked(session.frame, last_quiz)
    sessions = [session.close_tab()]
    tracked = learner.wait_for(activity, lambda t: total_time(t, version) > 0, "the session's time")
    totals = [total_time(tracked, version)]

    session = learner.launch(activity)
    assert visible_page(session.frame) == last_page
    assert checked(session.frame, last_quiz) == answers and answers
    session.frame.locator(f'section.quiz[data-quiz="{last_quiz}"]').get_by_role("button", name="Check answers").click()
    finish_from_here(session.frame)
    sessions.append(session.close_tab())
    tracked = learner.wait_for(activity, lambda t: total_time(t, version) > totals[-1], "the second session's time")
    totals.append(total_time(tracked, version))
    assert status(tracked, version) == finished_status(version)
    assert tracked["grade"]["grade"] == 100.0
    assert_total_time_adds_up(sessions, totals)


@pytest.mark.parametrize("module,version", [(m, v) for m in SCORED if m not in (JOURNEY, LARGEST) for v in VERSIONS])
def test_every_other_module_launches_finishes_and_exits(add_activity, new_learner, module, version):
    activity = add_activity(module, version)
    learner = new_learner()
    session = learner.launch(activity)
    per_quiz = session.frame.locator("body").get_attribute("data-interactions") == "quiz"
    expected = len(scored_quizzes(session.frame)) if per_quiz else None
    questions = work_through(session.frame, right=True)
    session.exit_activity()
    tracked = learner.wait_for(
        activity, lambda t: attempt(t).get(CMI[version]["status"]) not in (None, "incomplete"), "a finished status"
    )
    assert status(tracked, version) == finished_status(version)
    assert tracked["grade"]["grade"] == 100.0
    interactions = {k for k in attempt(tracked) if k.endswith(".id") and "interactions" in k}
    assert len(interactions) == (expected or questions)


def test_a_package_that_is_not_scorm_is_refused(moodle, course, tmp_path):
    """The check the upload form makes is live: a zip with no manifest is turned away."""
    package = tmp_path / "not-scorm.zip"
    with zipfile.ZipFile(package, "w") as archive:
        archive.writestr("index.html", "<p>hello</p>")
    added = moodle.php_json("scorm_add.php", stdin={"course": course, "package": str(package), "name": "not SCORM"})
    assert "packagefile" in added["errors"]


def test_the_diagnostic_journey(add_activity, new_learner, moodle):
    version = "2004"
    # The README's advice: grade it by "Learning objects", so that a finished diagnostic shows as done.
    activity = add_activity("diagnostic", version, grademethod=LEARNING_OBJECTS)
    learner = new_learner()
    sessions = []

    session = learner.launch(activity)
    session.frame.locator("[data-item] input[type=radio]").first.check()
    notes = session.frame.locator("[data-item] textarea").first
    notes.fill("We meet every month.")
    notes.blur()
    sessions.append(session.close_tab())
    tracked = learner.wait_for(activity, lambda t: total_time(t, version) > 0, "the first session's time")
    assert "We meet every month." in attempt(tracked)["cmi.suspend_data"]
    assert attempt(tracked)["cmi.completion_status"] == "incomplete"
    totals = [total_time(tracked, version)]

    session = learner.launch(activity)
    assert session.frame.locator("[data-item] input[type=radio]").first.is_checked()
    assert session.frame.locator("[data-item] textarea").first.input_value() == "We meet every month."
    with session.page.expect_download():
        session.frame.locator("a[data-export=csv]").first.click()
    sessions.append(session.close_tab())
    tracked = learner.wait_for(activity, lambda t: total_time(t, version) > totals[-1], "the second session's time")
    totals.append(total_time(tracked, version))
    assert attempt(tracked)["cmi.completion_status"] == "completed"
    assert attempt(tracked).get("cmi.success_status", "unknown") == "unknown"
    assert tracked["grade"]["grade"] == 1.0 and tracked["grade_item"]["grademax"] == 1.0

    session = learner.launch(activity)  # after finishing: the answers are still there
    assert session.frame.locator("[data-item] textarea").first.input_value() == "We meet every month."
    sessions.append(session.close_tab())
    tracked = learner.wait_for(activity, lambda t: total_time(t, version) > totals[-1], "the third session's time")
    totals.append(total_time(tracked, version))
    assert attempt(tracked)["cmi.completion_status"] == "completed"
    assert_total_time_adds_up(sessions, totals)

    moodle.php_json("scorm_update.php", stdin={"cmid": activity.cmid, "settings": {"forcenewattempt": 1}})
    session = learner.launch(activity)
    assert session.frame.locator("[data-item] textarea").first.input_value() == ""
    session.close_tab()
    learner.wait_for(activity, lambda t: attempt(t, 2).get("cmi.completion_status") == "incomplete", "a second attempt")


def test_the_diagnostic_with_default_grading_shows_zero(add_activity, new_learner):
    """Why the README tells trainers to change the diagnostic's grading: by default a finished one shows no result."""
    activity = add_activity("diagnostic", "2004")
    learner = new_learner()
    session = learner.launch(activity)
    with session.page.expect_download():
        session.frame.locator("a[data-export=csv]").first.click()
    session.close_tab()
    tracked = learner.wait_for(activity, lambda t: attempt(t).get("cmi.completion_status") == "completed", "completion")
    # Moodle 4.3 has shown 0.00 (out of 100) or no grade at all here: either way, not "done".
    assert tracked["grade"]["grade"] in (None, 0.0) and tracked["grade_item"]["grademax"] == 100.0
