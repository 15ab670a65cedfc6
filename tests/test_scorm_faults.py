"""No answer lost to a faulty or strict LMS: each scenario, in both SCORM versions against scorm-again
(tests/scorm/lms.js, which behaves as Moodle does on relaunch), counts the answers a learner had
given that the next launch does not show. Every count must be 0."""

import pytest

from scorm_lms import (
    answers,
    answers_lost,
    close_module,
    interactions,
    launcher,
    scored_quizzes,
    stored,
    turn_page,
    visible_page,
    wait_until,
    work_through,
)

MODULE = "integrity"
VERSIONS = ["1.2", "2004"]


@pytest.fixture(params=VERSIONS)
def launch(request, packages, browser, tmp_path):
    open_module = launcher(packages[(MODULE, request.param)], request.param, browser, tmp_path / "lms")
    yield open_module
    open_module.close()


def status_of(cmi: dict, version: str) -> tuple:
    if version == "1.2":
        return cmi["core"]["lesson_status"], cmi["core"]["score"]["raw"]
    return cmi["completion_status"], cmi["success_status"], cmi["score"]["raw"]


def entry_of(page, version: str) -> str:
    return page.evaluate("window.lmsApi.cmi.core.entry" if version == "1.2" else "window.lmsApi.cmi.entry")


def first_chapter(frame) -> dict:
    """Answer the first chapter's quiz (rightly, through a script: the subject here is what is kept, not
    the input, which test_scorm_runtime proves with real clicks) and turn the page; return what is shown."""
    work_through(frame, right=True, stop_after_pages=1, clicks=False)
    turn_page(frame)
    given = answers(frame)
    assert given
    return given


def test_a_fresh_module_starts_clean_and_says_nothing_was_restored(launch):
    page, frame = launch()
    assert answers(frame) == {}
    assert "restored" not in frame.locator("body").inner_text()
    assert page.evaluate("window.lmsApi.cmi.suspend_data") == "" or '"a":[]' in page.evaluate(
        "window.lmsApi.cmi.suspend_data"
    )


def test_refused_suspend_data_loses_no_answer(launch):
    page, frame = launch("&refuseSet=suspend_data")
    given = first_chapter(frame)
    assert "did not save" in frame.locator(".module-status").inner_text()
    fault = frame.locator("body").get_attribute("data-lms-fault")
    assert "suspend_data" in fault and ("101" in fault or "351" in fault) and "refused" in fault
    close_module(page)
    assert not stored(page)["cmi"].get("suspend_data")  # the LMS never got them

    page, frame = launch()
    assert answers_lost(given, answers(frame)) == 0
    assert "restored from this browser" in frame.locator(".module-status").inner_text()


def test_a_refused_exit_and_refused_interactions_are_sent_again(launch):
    page, frame = launch("&refuseSet=exit|interactions:6")
    given = first_chapter(frame)
    quiz = scored_quizzes(frame)[0]
    close_module(page)
    saved = stored(page)
    assert saved["exit"] == "suspend"
    assert {r["id"].split(".")[0] for r in interactions(saved["cmi"]) if r.get("result")} == {quiz}
    assert len([r for r in interactions(saved["cmi"]) if r.get("result")]) == len(given)

    page, frame = launch()
    assert entry_of(page, launch.version) == "resume"
    assert answers_lost(given, answers(frame)) == 0


def test_refused_commits_lose_no_answer(launch):
    page, frame = launch("&refuse=100000")
    given = first_chapter(frame)
    close_module(page)
    assert page.evaluate("window.lms.commits") == 0

    page, frame = launch()
    assert answers_lost(given, answers(frame)) == 0


def test_without_an_lms_no_answer_is_lost(launch):
    page, frame = launch("&noapi=1")
    assert "No learning platform found" in frame.locator(".module-status").inner_text()
    given = first_chapter(frame)
    page.close()

    page, frame = launch("&noapi=1")
    assert answers_lost(given, answers(frame)) == 0
    assert visible_page(frame) == 1


def test_closing_the_tab_loses_no_answer_and_no_time(launch):
    page, frame = launch()
    opened = page.evaluate("Date.now()")
    given = first_chapter(frame)
    page.evaluate("window.lms.closing = true")  # the browser will not send what the module leaves for the end
    first_session = (page.evaluate("Date.now()") - opened) / 1000
    close_module(page)
    assert stored(page)["total"] == 0  # the LMS never heard the session end

    page, frame = launch()
    opened = page.evaluate("Date.now()")
    assert answers_lost(given, answers(frame)) == 0
    frame.get_by_role("button", name="Previous page").click()
    second_session = (page.evaluate("Date.now()") - opened) / 1000
    close_module(page)
    assert stored(page)["total"] >= first_session + second_session


def test_closing_the_tab_leaves_one_request_to_send_and_a_new_attempt_starts_clean(launch):
    """Browsers send only a few kilobytes for a closing tab: the module has committed as the learner
    went, so the closing tab sends the session's end and nothing else. Then the LMS starts a new
    attempt (it drops what it stored): nothing of the last one shows. (One test: both need a session
    closed mid-way.)"""
    page, frame = launch()
    first_chapter(frame)
    before = page.evaluate("window.lms.calls.length")
    close_module(page)
    assert page.evaluate(f"window.lms.calls.slice({before})") == ["finish"]

    page, frame = launch("&attempt=new")
    assert answers(frame) == {}
    assert visible_page(frame) == 0
    assert "restored" not in frame.locator("body").inner_text()


def test_total_time_adds_up_every_session(launch):
    sessions = []
    for _ in range(3):
        page, frame = launch()
        opened = page.evaluate("Date.now()")
        frame.get_by_role("button", name="Next page").click()
        sessions.append((page.evaluate("Date.now()") - opened) / 1000)
        close_module(page)
        assert stored(page)["session"] >= sessions[-1]
    total = stored(page)["total"]
    assert sum(sessions) <= total < sum(sessions) + 30


def test_a_second_tab_is_told_to_close_and_no_answer_is_lost(launch):
    page, frame = launch()
    first_chapter(frame)
    other, other_frame = launch()
    wait_until(other, "document.getElementById('sco').contentDocument.body.dataset.readOnly === 'true'")
    assert "open in another tab" in other_frame.locator(".module-status").inner_text()
    assert other_frame.locator("section.quiz input").first.is_disabled()
    # The learner carries on in the first tab, then closes both.
    page.bring_to_front()
    frame.get_by_role("button", name="Previous page").click()
    work_through(frame, right=True, clicks=False)
    given = answers(frame)
    close_module(page)
    other.close()

    page, frame = launch()
    assert answers_lost(given, answers(frame)) == 0
    assert status_of(stored(page)["cmi"], launch.version)[-1] == "100"


def test_relaunch_after_finishing_keeps_the_result_and_the_answers(launch):
    page, frame = launch()
    work_through(frame, right=True, clicks=False)
    given = answers(frame)
    close_module(page)
    finished = status_of(stored(page)["cmi"], launch.version)
    assert finished == (("passed", "100") if launch.version == "1.2" else ("completed", "passed", "100"))

    page, frame = launch()
    # SCORM 2004 finishes with exit "suspend": Moodle hands a 2004 launch its stored values only then.
    assert entry_of(page, launch.version) == ("" if launch.version == "1.2" else "resume")
    assert answers_lost(given, answers(frame)) == 0
    assert "You finished this module before" in frame.locator(".module-status").inner_text()
    # A second try that goes worse does not lower the result.
    quiz = scored_quizzes(frame)[0]
    while visible_page(frame) > 0:
        frame.get_by_role("button", name="Previous page").click()
    frame.locator(f'section.quiz[data-quiz="{quiz}"] [data-action=reset]').click()
    frame.get_by_role("button", name="Next page").click()
    close_module(page)
    assert status_of(stored(page)["cmi"], launch.version) == finished

    page, frame = launch()
    assert (
        frame.locator(
            f'section.quiz[data-quiz="{scored_quizzes(frame)[1]}"] .quiz-question[data-result="correct"]'
        ).count()
        > 0
    )


def test_relaunch_mid_way_with_no_resume_entry_loses_no_answer(launch):
    page, frame = launch("&refuseSet=exit")  # exit never reaches the LMS: the next entry is "" or "ab-initio"
    given = first_chapter(frame)
    close_module(page)
    assert stored(page)["exit"] in ("", "unknown", None)

    page, frame = launch()
    assert entry_of(page, launch.version) == ("" if launch.version == "1.2" else "ab-initio")
    assert answers_lost(given, answers(frame)) == 0
    assert visible_page(frame) == 1


def test_save_and_close_ends_the_session_while_the_page_is_alive(launch):
    """A large module's end is too big for a closing tab: the learner can end the session first."""
    page, frame = launch()
    given = first_chapter(frame)
    frame.get_by_role("button", name="Save and close").click()
    wait_until(page, "window.lms.finished === true")
    assert "You can close this page now" in frame.locator(".module-status").inner_text()
    assert frame.locator("section.quiz input").first.is_disabled()
    assert stored(page)["total"] > 0
    calls = page.evaluate("window.lms.calls.length")
    page.evaluate("document.getElementById('sco').src = 'about:blank'")
    wait_until(page, "document.getElementById('sco').contentDocument.URL === 'about:blank'")
    assert page.evaluate("window.lms.calls.length") == calls

    page, frame = launch()
    assert answers_lost(given, answers(frame)) == 0
