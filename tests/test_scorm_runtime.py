"""SCORM packages end to end: Chromium, with scorm-again playing the LMS as Moodle is set up by default."""

import json
import zipfile

import pytest

from browser import axe_violations
from scorm_lms import (
    close_module,
    interactions,
    launcher,
    scored_quizzes,
    stored,
    visible_page,
    wait_until,
    work_through,
)

MODULE = "integrity"  # the smallest module: two chapters and the glossary, two quizzes
VERSIONS = ["1.2", "2004"]


@pytest.fixture(params=VERSIONS)
def launch(request, packages, browser, tmp_path):
    open_module = launcher(packages[(MODULE, request.param)], request.param, browser, tmp_path / "lms")
    yield open_module
    open_module.close()


# Every scored module but the whole handbook, whose quizzes are exactly these modules' quizzes together:
# its scale (state size, tab closing) is proven by tests/js (worst-case state) and the Moodle tier
# (tests/lms), which works through it in both versions.
@pytest.fixture(
    params=[
        (m, v) for m in ("integrity", "foundations", "working-together", "international-support") for v in VERSIONS
    ],
    ids=lambda p: f"{p[0]}-{p[1]}",
)
def launch_any(request, packages, browser, tmp_path):
    module, version = request.param
    open_module = launcher(packages[(module, version)], version, browser, tmp_path / "lms")
    open_module.module = module
    yield open_module
    open_module.close()


def status(cmi, version):
    if version == "1.2":
        return cmi["core"]["lesson_status"], cmi["core"]["score"]["raw"]
    return (cmi["completion_status"], cmi["success_status"]), cmi["score"]["raw"]


def test_all_right_passes_with_full_score_and_its_interactions(launch_any):
    page, frame = launch_any()
    per_quiz = frame.locator("body").get_attribute("data-interactions") == "quiz"
    quizzes = scored_quizzes(frame)
    # The smallest module is answered through real clicks and keys, in both versions; the others
    # through a script firing the same events (their subject is the scores and interactions sent).
    questions = work_through(frame, right=True, clicks=launch_any.module == MODULE)
    close_module(page)
    cmi = stored(page)["cmi"]
    expected = "passed" if launch_any.version == "1.2" else ("completed", "passed")
    assert status(cmi, launch_any.version) == (expected, "100")
    records = interactions(cmi)
    if per_quiz:  # one per quiz: its questions' results in order, and the fraction right
        assert [r["id"] for r in records] == quizzes
        assert all(r["type"] == "other" and r["result"] == "1" for r in records)
        assert sum(len(r["learner_response"]) for r in records) == questions
        assert all(set(r["learner_response"]) == {"1"} for r in records)
    else:
        assert len(records) == questions and all(r["result"] == "correct" for r in records)
        assert len({r["id"] for r in records}) == questions
    if launch_any.version == "2004":
        assert cmi["score"]["scaled"] == "1" and cmi["exit"] == "suspend"
        assert cmi["session_time"].startswith("PT")
    else:
        assert len(cmi["suspend_data"]) <= 4096 and cmi["core"]["exit"] == ""
    assert launch_any.errors == []


def test_all_wrong_fails(launch):
    page, frame = launch()
    questions = work_through(frame, right=False, clicks=False)
    close_module(page)
    cmi = stored(page)["cmi"]
    expected = "failed" if launch.version == "1.2" else ("completed", "failed")
    assert status(cmi, launch.version) == (expected, "0")
    wrong = "wrong" if launch.version == "1.2" else "incorrect"
    assert [r["result"] for r in interactions(cmi)] == [wrong] * questions


def test_closing_mid_way_resumes_answers_and_location(launch):
    page, frame = launch()
    work_through(frame, right=True, stop_after_pages=1, clicks=False)  # the first chapter and its quiz
    frame.get_by_role("button", name="Next page").click()
    first_quiz = scored_quizzes(frame)[0]
    answered = frame.locator(f'section.quiz[data-quiz="{first_quiz}"] input:checked').count()
    close_module(page)
    saved = stored(page)
    assert saved["exit"] == "suspend"
    assert (
        saved["cmi"]["core"]["lesson_status"] if launch.version == "1.2" else saved["cmi"]["completion_status"]
    ) == "incomplete"

    page, frame = launch()  # relaunch: the LMS passes entry=resume
    entry = "cmi.core.entry" if launch.version == "1.2" else "cmi.entry"
    assert page.evaluate(f"window.lmsApi.cmi.{entry.removeprefix('cmi.')}") == "resume"
    assert visible_page(frame) == 1
    assert frame.locator(f'section.quiz[data-quiz="{first_quiz}"] input:checked').count() == answered > 0
    assert frame.locator(f'section.quiz[data-quiz="{first_quiz}"] .quiz-question[data-result="correct"]').count() > 0


def test_a_refused_commit_loses_nothing(launch):
    page, frame = launch("&refuse=1000")
    work_through(frame, right=True, stop_after_pages=1, clicks=False)
    assert page.evaluate("window.lms.refused") > 0 and page.evaluate("window.lms.commits") == 0
    assert "did not save" in frame.locator(".module-status").inner_text()
    page.evaluate("window.lms.refuse = 0")  # the LMS recovers
    frame.get_by_role("button", name="Next page").click()  # the next commit
    assert page.evaluate("window.lms.commits") > 0
    saved = json.loads(stored(page)["cmi"]["suspend_data"])
    assert saved["r"].count("1") == frame.locator(".quiz-question[data-result='correct']").count() > 0
    assert saved["c"].startswith("1")


def test_a_refused_commit_is_retried_without_waiting_for_the_learner(launch):
    page, frame = launch("&refuse=1", clock=True)  # the commit made at launch is refused
    wait_until(page, "window.lms.refused === 1")
    assert page.evaluate("window.lms.commits") == 0
    page.clock.run_for(2000)  # the module's first retry is due
    wait_until(page, "window.lms.commits > 0")
    assert "saved" in frame.locator(".module-status").inner_text()


def test_without_an_lms_the_module_runs_on_its_own(launch):
    standalone = launch.context.new_page()  # the package alone, without the test LMS around it
    standalone.goto(f"{launch.url}pkg/index.html")
    assert "No learning platform found" in standalone.locator(".module-status").inner_text()
    work_through(standalone, right=True, stop_after_pages=1, clicks=False)
    standalone.get_by_role("button", name="Next page").click()
    standalone.reload()
    assert visible_page(standalone) == 1
    assert standalone.locator(".quiz-question[data-result='correct']").count() > 0


def test_module_page_is_accessible(packages, browser, tmp_path):
    """axe over the running module, in one version: both versions' packages run the same page and
    scripts, the page naming its version aside (asserted here)."""
    pages, assets = {}, {}
    for version in VERSIONS:
        with zipfile.ZipFile(packages[(MODULE, version)]) as archive:
            pages[version] = archive.read("index.html").decode().replace(f'data-scorm="{version}"', "", 1)
            assets[version] = {name: archive.read(name) for name in archive.namelist() if name.startswith("assets/")}
    assert pages["1.2"] == pages["2004"] and assets["1.2"] == assets["2004"]
    open_module = launcher(packages[(MODULE, "2004")], "2004", browser, tmp_path / "lms")
    try:
        page, _ = open_module()
        assert axe_violations(page.frames[1]) == []
    finally:
        open_module.close()


@pytest.fixture()
def launch_form(packages, browser, tmp_path):
    open_module = launcher(packages[("diagnostic", "2004")], "2004", browser, tmp_path / "lms")
    yield open_module
    open_module.close()


def test_the_self_assessment_keeps_answers_across_sessions_and_completes_with_its_report(launch_form):
    page, frame = launch_form()
    first = frame.locator("[data-item] input[type=radio]").first
    first.check()
    notes = frame.locator("[data-item] textarea").first
    notes.fill("We meet every month.")
    notes.blur()
    close_module(page)
    saved = stored(page)
    assert saved["exit"] == "suspend" and saved["cmi"]["completion_status"] == "incomplete"
    assert json.loads(saved["cmi"]["suspend_data"])["f"]["a"]

    page, frame = launch_form()  # the team comes back
    assert frame.locator("[data-item] input[type=radio]").first.is_checked()
    assert frame.locator("[data-item] textarea").first.input_value() == "We meet every month."
    assert int(frame.locator("[data-item] textarea").first.get_attribute("maxlength")) >= 200

    with page.expect_download():
        frame.locator("a[data-export=csv]").first.click()
    wait_until(page, "window.lmsApi.cmi.completion_status === 'completed'")
    close_module(page)
    cmi = stored(page)["cmi"]
    assert cmi["completion_status"] == "completed" and cmi["success_status"] == "unknown"
    assert stored(page)["exit"] == "suspend"  # kept open, so the answers stay for next time
    assert launch_form.errors == []


def test_the_self_assessment_loses_nothing_when_a_commit_is_refused(launch_form):
    page, frame = launch_form("&refuse=1000", clock=True)
    frame.locator("[data-item] input[type=radio]").first.check()
    page.clock.run_for(1500)  # the form commits once the learner pauses
    wait_until(page, "window.lms.refused > 1")
    assert "did not save" in frame.locator(".module-status").inner_text()
    page.evaluate("window.lms.refuse = 0")
    frame.locator("[data-item] textarea").first.fill("Monthly meetings.")
    assert page.evaluate("window.lms.commits") == 0
    page.clock.run_for(1500)  # the next commit, once typing pauses
    wait_until(page, "window.lms.commits > 0")
    form = json.loads(stored(page)["cmi"]["suspend_data"])["f"]
    assert len(form["a"]) >= 1 and "Monthly meetings." in [*form["n"].values(), *form["a"].values()]


def test_the_self_assessment_runs_without_an_lms(launch_form):
    standalone = launch_form.context.new_page()  # the package alone, without the test LMS around it
    standalone.goto(f"{launch_form.url}pkg/index.html")
    assert "No learning platform found" in standalone.locator(".module-status").inner_text()
    standalone.locator("[data-item] input[type=radio]").first.check()
    standalone.reload()
    assert standalone.locator("[data-item] input[type=radio]").first.is_checked()
