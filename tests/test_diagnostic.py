"""The diagnostic: its loader, the directive in a real build, and the book's page in Chromium under the site's CSP."""

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest

from browser import PHONE, axe_violations, cold_load, tab_to
from conftest import BOOK
from cpch.build import build_site
from cpch.diagnostic import DiagnosticError, load_diagnostic
from cpch.quiz.labels import book_labels
from cpch.serve import serve_in_background

TESTS = Path(__file__).parent
FILES = TESTS / "diagnostic"
SMALL = FILES / "good" / "small.yml"
ROOT_BOOK = TESTS / "roots" / "diagnostic"
BAD = sorted((FILES / "bad").glob("*.yml"))
LABELS = {"sec-a", "sec-b"}
STORAGE_KEY = "cpch-diagnostic:cpch-diagnostic"


def expected_message(path: Path) -> str:
    first = path.read_bytes().split(b"\n")[0].decode()  # some bad files are not UTF-8 past this line
    assert first.startswith("# expect: "), f"{path.name} must say what it expects"
    return f"{path}:{first.removeprefix('# expect: ')}"


def the_book_diagnostic():
    return load_diagnostic(BOOK / "diagnostic.yml", book_labels(BOOK))


def suggested(diagnostic, answers: dict):
    """The documented rule, written again: the lower middle of the levels the answers stand for."""
    levels = sorted(
        dict(i.evidence)[answers[i.number]] for i in diagnostic.items if answers.get(i.number) in dict(i.evidence)
    )
    return levels[(len(levels) - 1) // 2] if len(levels) >= diagnostic.minimum else None


# ---- The loader -------------------------------------------------------------------------------


def test_a_good_file_loads_every_answer_kind():
    diagnostic = load_diagnostic(SMALL, LABELS)
    assert (diagnostic.id, diagnostic.version, diagnostic.minimum) == ("small-check", 3, 2)
    assert [level.id for level in diagnostic.levels] == ["low", "middle", "high"]
    assert [level.number for level in diagnostic.levels] == [1, 2, 3]
    assert [i.kind for i in diagnostic.items] == ["yes-partly-no", "choice", "text", "text", "level", "yes-partly-no"]
    first, choice, written, _, level, _ = diagnostic.items
    assert [o.value for o in first.options] == ["yes", "partly", "no"] and first.weak == ("no",)
    assert dict(first.evidence) == {"yes": 3, "partly": 2, "no": 1}
    assert first.solutions == ("Open the door.", "Oil the hinges.")
    assert (choice.options[0].value, choice.options[0].text) == (
        "red",
        "Red",
    ) and choice.notes == "Which shade? (optional)"
    assert written.self_check and not diagnostic.item("Q.3").self_check
    assert [o.value for o in level.options] == ["low", "middle", "high"] and level.weak == ("low",)
    assert [i.number for i in diagnostic.select(("Q.2",))] == ["Q.2.1", "Q.2.2"]
    assert choice.slug == "q2-1"


def test_the_book_diagnostic_covers_the_handbook_questions():
    diagnostic = the_book_diagnostic()  # also checks that every chapter label exists in the book
    groups = {re.match(r"A\.\d+", item.number).group() for item in diagnostic.items}
    assert groups == {f"A.{n}" for n in range(1, 20)}
    assert len(diagnostic.items) == 27
    assert [level.name for level in diagnostic.levels] == [
        "Coexistence",
        "Communication",
        "Cooperation",
        "Coordination",
        "Collaboration",
    ]
    assert diagnostic.item("A.18").kind == "level"
    for kind in ("yes-partly-no", "choice", "level", "text"):
        assert any(item.kind == kind for item in diagnostic.items), kind
    # Where the handbook gives nothing, the file says so with an empty list; it never invents advice.
    assert diagnostic.item("A.8").weaknesses == () and diagnostic.item("A.8").solutions == ()
    assert diagnostic.item("A.5.1").solutions == () and diagnostic.item("A.5.1").weak == ("no",)
    counted = [item.number for item in diagnostic.items if item.evidence]
    assert counted == ["A.1", "A.2.1", "A.3.1", "A.4.1", "A.6", "A.13", "A.14.1"]
    assert all(item.number in (BOOK / "diagnostic.md").read_text() for item in diagnostic.items if item.evidence)


def test_the_book_page_keeps_every_label_and_shows_each_group_under_it():
    page = (BOOK / "diagnostic.md").read_text()
    for n in range(1, 20):
        assert re.search(
            rf"^\(diagnostic-a{n}\)=\n## A\.{n} .+\n\n```{{diagnostic}} diagnostic\.yml\n:show: A\.{n}\n```", page, re.M
        ), n
    assert "(diagnostic)=" in page and "(diagnostic-how-to)=" in page and "(diagnostic-overview)=" in page


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.stem)
def test_a_bad_file_fails_with_its_message(path):
    with pytest.raises(DiagnosticError) as error:
        load_diagnostic(path, LABELS)
    assert expected_message(path) in str(error.value)


def test_every_problem_of_a_file_is_reported_at_once():
    with pytest.raises(DiagnosticError) as error:
        load_diagnostic(FILES / "bad" / "one-level.yml")
    assert len(error.value.problems) == 3


def test_without_labels_the_chapters_are_not_checked():
    assert load_diagnostic(FILES / "bad" / "unknown-label.yml").items[0].chapters == ("sec-a", "no-such-section")


# ---- The directive in a build ---------------------------------------------------------------------


@pytest.fixture()
def book(tmp_path):
    """A private copy of the test book and its files, laid out as in the repository."""
    shutil.copytree(FILES, tmp_path / "diagnostic")
    shutil.copytree(ROOT_BOOK, tmp_path / "roots" / "diagnostic")
    return tmp_path / "roots" / "diagnostic"


def build(book: Path, capsys):
    out = book.parent / "out" / "html"
    status = build_site(book, out, book, jobs="1")
    return status, out, capsys.readouterr().err


def test_the_diagnostic_is_real_html_without_javascript(book, capsys):
    status, out, err = build(book, capsys)
    assert status == 0, err
    page = (out / "index.html").read_text()
    assert page.count("<fieldset") == 6 and page.count("<legend>") == 6
    assert re.search(
        r'<input type="radio" id="([^"]+)" name="small-check-q1" value="no" data-field="answer"><label for="\1">No</label>',
        page,
    )
    assert (
        '<label for="small-check-q2-1-notes">Which shade? (optional)</label><textarea id="small-check-q2-1-notes"'
        in page
    )
    assert '<label for="small-check-q2-2-answer">Your answer to Q.2.2</label><textarea' in page
    assert (
        '<label for="small-check-q2-2-marked">This common weakness applies to us: Nobody has written the way down.</label>'
        in page
    )
    assert 'data-weak="[&quot;no&quot;]"' in page and 'data-evidence="{&quot;yes&quot;: 3' in page
    assert "<li>Open the door.</li><li>Oil the hinges.</li>" in page  # readable without JavaScript
    assert "The handbook lists no common weakness and suggests no solution for this question." in page  # Q.3
    assert "Take the <em>middle</em> level of your answers." in page
    assert 'Read more: <a href="#sec-a">Section A</a>, <a href="#sec-b">Section B</a>' in page
    assert page.count("data-config=") == 1 and page.count('class="diagnostic-nojs"') == 2
    assert '<div class="diagnostic-tools" hidden>' in page and '<div class="diagnostic-exports" hidden>' in page
    assert 'src="_static/cpch-diagnostic.js' in page and 'href="_static/cpch-diagnostic.css' in page
    assert "cpch-diagnostic.js" not in (out / "search.html").read_text()  # assets only where a page uses them
    assert "<script>" not in page.split("<main", 1)[1].split("</main>", 1)[0]  # no inline script


def test_a_page_can_split_the_diagnostic_under_its_own_headings(book, capsys):
    status, out, err = build(book, capsys)
    assert status == 0, err
    page = (out / "split.html").read_text()
    assert page.count("data-config=") == 1  # the runtime settings, once, on the first block
    q1 = page.index('id="split-q1"')
    assert q1 < page.index('data-item="Q.1"') < page.index('id="split-q2"') < page.index('data-item="Q.2.1"')
    assert page.index('id="split-report"') < page.index('class="diagnostic-report"')
    assert 'class="diagnostic-report" data-heading="3"' in page  # under an h2: the report's headings are h3


def test_hostile_text_is_escaped(book, capsys):
    status, out, _ = build(book, capsys)
    assert status == 0
    page = (out / "index.html").read_text()
    block = page[page.index('<div class="diagnostic"') :]
    assert "<script>alert" not in block and "<img src=x" not in block and "<b onmouseover" not in block
    assert 'href="javascript:' not in block
    assert "Hostile &lt;script&gt;alert(&quot;question&quot;)&lt;/script&gt; text?" in block


def test_editing_the_file_rebuilds_the_page(book, capsys):
    status, out, _ = build(book, capsys)
    assert status == 0
    small = book.parent.parent / "diagnostic" / "good" / "small.yml"
    small.write_text(small.read_text().replace("Is the door open?", "Is the window open?"))
    status, out, err = build(book, capsys)
    assert status == 0, err
    assert "Is the window open?" in (out / "index.html").read_text()


def test_a_bad_file_fails_the_build_with_its_location(book, capsys):
    small = book.parent.parent / "diagnostic" / "good" / "small.yml"
    small.write_text(small.read_text().replace("answer: choice", "answer: essay"))
    status, out, err = build(book, capsys)
    assert status != 0
    assert re.search(r"index\.md:\d+: WARNING: .*small\.yml:\d+:13: unknown answer kind 'essay'", err), err
    assert not out.exists()


def test_an_unknown_chapter_label_fails_the_build(book, capsys):
    small = book.parent.parent / "diagnostic" / "good" / "small.yml"
    small.write_text(small.read_text().replace("chapters: [sec-b]", "chapters: [sec-z]", 1))
    status, _, err = build(book, capsys)
    assert status != 0
    assert re.search(r"small\.yml:\d+:1: unknown section label 'sec-z'", err), err


def test_a_report_must_have_every_question_on_its_page(book, capsys):
    page = book / "split.md"
    page.write_text(page.read_text().replace(":show: Q.3, Q.4, Q.5", ":show: Q.4, Q.5"))
    status, _, err = build(book, capsys)
    assert status != 0
    assert re.search(
        r"split\.md:\d+: WARNING: diagnostic 'small-check': the report needs every question on its page; missing: Q\.3",
        err,
    ), err


def test_an_unknown_question_or_file_fails_the_build(book, capsys):
    page = book / "split.md"
    page.write_text(
        page.read_text()
        .replace(":show: Q.1\n", ":show: Q.1, Q.9\n")
        .replace("This page shows", "```{diagnostic} no-such.yml\n```\n\nThis page shows")
    )
    status, _, err = build(book, capsys)
    assert status != 0
    assert re.search(r"split\.md:\d+: WARNING: diagnostic 'small-check': no question is numbered Q\.9", err), err
    assert re.search(r"split\.md:\d+: WARNING: diagnostic: no file at .*no-such\.yml", err), err


def test_the_book_page_keeps_its_anchors(site):
    page = (site / "diagnostic.html").read_text()
    for n in range(1, 20):
        assert f'id="diagnostic-a{n}"' in page, n
    for item in the_book_diagnostic().items:
        assert f'id="cpch-diagnostic-{item.slug}"' in page, item.number
    assert 'href="diagnostic.html#diagnostic"' in (site / "conclusion.html").read_text()


# ---- The book's page in Chromium ------------------------------------------------------------------


@pytest.fixture(scope="session")
def diagnostic():
    return the_book_diagnostic()


@pytest.fixture()
def page(browser, site_url):
    page, load = cold_load(browser, f"{site_url}diagnostic.html", viewport={"width": 1000, "height": 900})
    page.load = load
    yield page
    page.context.close()


def item(page, number):
    return page.locator(f'.diagnostic-item[data-item="{number}"]')


def answers_for(diagnostic, text='Answer to {}, with a comma and "quotes".') -> dict:
    """One answer for every question: each kind and each value in turn (`text` for written answers,
    holding its question's number)."""
    answers = {}
    for n, entry in enumerate(diagnostic.items):
        if entry.kind == "text":
            answers[entry.number] = text.format(entry.number)
        else:
            answers[entry.number] = entry.options[n % len(entry.options)].value
    return answers


def page_state(page) -> dict:
    """What the page shows: {number: answer}, notes and ticked boxes, read from the form itself."""
    return page.evaluate("""() => {
        const state = {answers: {}, notes: {}, marked: []};
        for (const item of document.querySelectorAll('.diagnostic-item')) {
            const id = item.dataset.item;
            const radio = item.querySelector('input[type=radio]:checked');
            const text = item.querySelector('textarea[data-field=answer]');
            const value = radio ? radio.value : text ? text.value : '';
            if (value) state.answers[id] = value;
            const notes = item.querySelector('textarea[data-field=notes]');
            if (notes && notes.value) state.notes[id] = notes.value;
            const box = item.querySelector('input[data-field=marked]');
            if (box && box.checked) state.marked.push(id);
        }
        return state;
    }""")


def answer_with_mouse(page, diagnostic, answers: dict, marked=()):
    for number, value in answers.items():
        entry = diagnostic.item(number)
        if entry.kind == "text":
            item(page, number).locator("textarea[data-field=answer]").fill(value)
        else:
            item(page, number).locator(f'input[value="{value}"]').check()
    for number in marked:
        item(page, number).locator("input[data-field=marked]").check()


def answer_with_keyboard(page, diagnostic, answers: dict, notes: dict, marked=()):
    page.locator("body").focus()
    for entry in diagnostic.items:
        box = item(page, entry.number)
        if entry.kind == "text":
            tab_to(page, box.locator("textarea[data-field=answer]"))
            page.keyboard.type(answers[entry.number])
            if entry.number in marked:
                tab_to(page, box.locator("input[data-field=marked]"))
                page.keyboard.press("Space")
            continue
        # Tab reaches a radio group on its first option; arrow keys then move and choose.
        radios = box.locator("input[type=radio]")
        tab_to(page, radios.first)
        target = [option.value for option in entry.options].index(answers[entry.number])
        if target == 0:
            page.keyboard.press("Space")
        for _ in range(target):
            page.keyboard.press("ArrowDown")
        if entry.number in notes:
            tab_to(page, box.locator("textarea[data-field=notes]"))
            page.keyboard.type(notes[entry.number])


def self_checks(diagnostic):
    return [entry.number for entry in diagnostic.items if entry.self_check]


def test_every_question_answered_by_keyboard_is_kept_after_a_reload(page, diagnostic):
    # Short written answers, still with a comma and quotes: each key typed saves and redraws the report.
    answers = answers_for(diagnostic, text='{}, "typed"')
    notes = {"A.1": "An MOU is being drafted.", "A.11": "Shared through a joint unit."}
    answer_with_keyboard(page, diagnostic, answers, notes, marked=self_checks(diagnostic))
    expected = {"answers": answers, "notes": notes, "marked": self_checks(diagnostic)}
    assert page_state(page) == expected
    assert page.locator(".diagnostic-status").inner_text().startswith("Saved in this browser at")

    page.reload()

    assert page_state(page) == expected
    assert page.locator(".diagnostic-status").inner_text() == "Your earlier answers were restored from this browser."
    saved = json.loads(page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')"))
    assert (saved["tool"], saved["answers"], saved["notes"], saved["marked"]) == (
        "cpch-diagnostic",
        answers,
        notes,
        expected["marked"],
    )
    assert page.load.errors == []


# What each question shows of its advice, read in one go: the flag's text if shown, whether the
# advice is open, the text of every element shown in it, and whether a "Read more" link is shown.
# Shown as Playwright's is_visible means it: a non-empty box, not visibility:hidden.
ADVICE_SHOWN = """(items) => {
  const shown = (element) => {
    if (!element) return false;
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== "hidden";
  };
  return Object.fromEntries(items.map((item) => {
    const flag = item.querySelector(".diagnostic-flag");
    const advice = item.querySelector("details.diagnostic-details");
    return [item.dataset.item, {
      weak: item.classList.contains("diagnostic-weak"),
      flag: shown(flag) ? flag.innerText : null,
      open: Boolean(advice && advice.open),
      texts: [...(advice ? advice.querySelectorAll("*") : [])].filter(shown).map((e) => e.textContent.replace(/\\s+/g, " ").trim()),
      read: shown(item.querySelector(".diagnostic-advice > .diagnostic-read a")),
    }];
  }));
}"""


def test_weaknesses_and_solutions_appear_next_to_the_answers_that_point_to_them(page, diagnostic):
    weak_answers = {e.number: e.weak[0] for e in diagnostic.items if e.weak}
    sound_answers = {
        e.number: next(o.value for o in e.options if o.value not in e.weak)
        for e in diagnostic.items
        if e.kind != "text"
    }
    answer_with_mouse(page, diagnostic, weak_answers, marked=self_checks(diagnostic))
    flagged = set(weak_answers) | set(self_checks(diagnostic))
    shown = page.locator(".diagnostic-item").evaluate_all(ADVICE_SHOWN)
    for entry in diagnostic.items:
        state = shown[entry.number]
        if entry.number not in flagged:
            assert state["flag"] is None, entry.number
            continue
        assert state["weak"], entry.number
        assert state["flag"].startswith("Your answer points to a common weakness"), entry.number
        assert state["open"], entry.number
        for text in entry.weaknesses + (entry.solutions or ("The handbook suggests none.",)):
            assert text in state["texts"], (entry.number, text)
        assert state["read"], entry.number
    report = page.locator(".diagnostic-report-body").inner_text()
    assert f"Weaknesses found ({len(flagged)})" in report
    assert "Put in place an MOU or MOA between customs and police. (A.1)" in report

    answer_with_mouse(page, diagnostic, sound_answers)
    shown = page.locator(".diagnostic-item").evaluate_all(ADVICE_SHOWN)
    for number in sound_answers:
        assert shown[number]["flag"] is None and not shown[number]["open"], number
    assert f"Weaknesses found ({len(self_checks(diagnostic))})" in page.locator(".diagnostic-report-body").inner_text()


@pytest.mark.parametrize(
    "choice",
    [
        {"A.1": "formal", "A.2.1": "yes"},  # two answers: fewer than the minimum
        {"A.1": "none", "A.2.1": "partly", "A.4.1": "yes"},  # 1 2 4
        {"A.1": "none", "A.2.1": "partly", "A.4.1": "yes", "A.14.1": "yes"},  # 1 2 4 4: the lower middle, 2
        {
            "A.1": "informal",
            "A.2.1": "no",
            "A.3.1": "no",
            "A.6": "partly",
            "A.13": "no",
            "A.14.1": "yes",
            "A.4.1": "partly",
        },
        {
            "A.1": "formal",
            "A.2.1": "yes",
            "A.3.1": "yes",
            "A.4.1": "yes",
            "A.6": "yes",
            "A.13": "yes",
            "A.14.1": "yes",
            "A.5.1": "no",
        },
    ],
    ids=["too-few", "odd", "even", "mixed", "all-high"],
)
def test_the_suggested_level_follows_the_documented_rule(page, diagnostic, choice):
    answer_with_mouse(page, diagnostic, choice)
    line = item(page, "A.18").locator(".diagnostic-suggested")
    assert line.get_attribute("aria-live") == "polite"
    expected = suggested(diagnostic, choice)
    counted = sum(1 for number, value in choice.items() if value in dict(diagnostic.item(number).evidence))
    if expected is None:
        assert line.inner_text().startswith(f"Answer at least {diagnostic.minimum} of the questions"), line.inner_text()
    else:
        name = diagnostic.level(expected).name
        assert line.inner_text() == f"Suggested level: {expected} {name} (from {counted} answers).", line.inner_text()
        reasons = item(page, "A.18").locator(".diagnostic-reasoning li").all_inner_texts()
        assert len(reasons) == counted + 1 and reasons[-1].endswith(f"The middle one is {expected}.")
        assert line.inner_text() in page.locator(".diagnostic-report-body").inner_text()


def wait_for_status(page, text):
    """Wait for the saved-status line to say `text` (a file is read asynchronously)."""
    page.locator(".diagnostic-status", has_text=text).wait_for(timeout=5000)
    assert page.locator(".diagnostic-status").inner_text() == text


def download(page, name):
    with page.expect_download() as info:
        page.get_by_role("link", name=name).click()
    return info.value


def test_export_then_clear_then_import_gives_back_the_same_answers(page, diagnostic, tmp_path):
    answers = answers_for(diagnostic)
    answer_with_mouse(page, diagnostic, answers, marked=self_checks(diagnostic))
    item(page, "A.9").locator("textarea[data-field=notes]").fill("Needs new equipment; ask the police.")
    before = page_state(page)
    saved_before = page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')")

    exported = download(page, "Download your answers (JSON file)")
    assert re.fullmatch(r"cpch-diagnostic-\d{4}-\d{2}-\d{2}\.json", exported.suggested_filename)
    path = tmp_path / "answers.json"
    exported.save_as(path)
    data = json.loads(path.read_text())
    assert (data["tool"], data["version"], data["answers"]) == ("cpch-diagnostic", 1, before["answers"])

    page.get_by_role("button", name="Clear all answers").click()
    assert page.evaluate("document.activeElement.textContent").startswith("This deletes every answer")
    page.get_by_role("button", name="Yes, clear all answers").click()
    assert page_state(page) == {"answers": {}, "notes": {}, "marked": []}
    assert page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") is None
    assert page.locator(".diagnostic-status").inner_text() == "All answers were cleared."

    page.get_by_label("Continue from a file you downloaded earlier").set_input_files(path)
    wait_for_status(page, "Answers loaded from answers.json.")

    assert page_state(page) == before
    assert json.loads(page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')")) == json.loads(saved_before)
    assert page.load.errors == []  # a download the CSP blocked would be logged here


def test_a_file_that_is_not_a_saved_diagnostic_is_refused(page, diagnostic, tmp_path):
    answer_with_mouse(page, diagnostic, {"A.1": "formal"})
    for content, reason in [
        ("{not json", "it is not a JSON file."),
        ('{"tool": "another-tool", "answers": {}}', "it holds answers to other questions."),
        ('{"tool": "cpch-diagnostic", "answers": {"A.1": "maybe"}}', "it holds no answer to these questions."),
    ]:
        path = tmp_path / "bad.json"
        path.write_text(content)
        page.get_by_label("Continue from a file you downloaded earlier").set_input_files(path)
        wait_for_status(page, f"This file could not be loaded: {reason}")
        assert page_state(page)["answers"] == {"A.1": "formal"}
        page.locator(".diagnostic-status").evaluate("element => element.textContent = ''")


def test_the_csv_has_one_row_per_question(page, diagnostic, tmp_path):
    answers = answers_for(diagnostic)
    answer_with_mouse(page, diagnostic, answers, marked=self_checks(diagnostic))
    item(page, "A.1").locator("textarea[data-field=notes]").fill('=HYPERLINK("x")')
    table = download(page, "Download a table (CSV file, one row per question)")
    assert table.suggested_filename.endswith(".csv")
    path = tmp_path / "table.csv"
    table.save_as(path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 mark, so spreadsheets read accents right
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows[0][:3] == ["Number", "Question", "Answer"]
    assert [row[0] for row in rows[1:]] == [entry.number for entry in diagnostic.items]
    by_number = {row[0]: row for row in rows[1:]}
    assert by_number["A.2.2"][2] == answers["A.2.2"]  # commas and quotes survive
    assert by_number["A.1"][3] == '\'=HYPERLINK("x")'  # never a live formula
    for entry in diagnostic.items:
        weak = answers[entry.number] in entry.weak or entry.self_check
        assert by_number[entry.number][4] == ("Yes" if weak else "No"), entry.number
    assert by_number["A.17"][6].splitlines() == list(diagnostic.item("A.17").solutions)
    assert (
        "diagnostic.html" not in by_number["A.1"][7]
        and "cooperation/implementing.html#coop-implementing-mou" in by_number["A.1"][7]
    )


def test_print_shows_the_report_alone_without_navigation(page, diagnostic, tmp_path):
    page.emulate_media(media="print")
    assert item(page, "A.1").is_visible()  # nothing answered yet: the questionnaire itself prints,
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")  # with its advice and rule open
    assert page.locator("details.diagnostic-details:not([open])").count() == 0
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.locator("details.diagnostic-details[open]").count() == 0
    page.emulate_media(media="screen")
    answer_with_mouse(page, diagnostic, answers_for(diagnostic), marked=self_checks(diagnostic))
    page.emulate_media(media="print")
    for selector in (
        ".site-header",
        ".site-nav",
        ".prev-next",
        ".site-footer",
        ".diagnostic-item",
        ".diagnostic-controls",
        ".diagnostic-exports",
        "main h1",
    ):
        assert not page.locator(selector).first.is_visible(), selector
    report = page.locator(".diagnostic-report-body")
    assert report.is_visible() and report.locator(".diagnostic-report-title").inner_text() == "Report: Diagnostic tool"
    assert report.get_by_text("Summary of your answers").is_visible()
    for paper, width_mm in (("A4", 210), ("Letter", 215.9)):
        # The printable width at 96 px an inch, less the page margins: nothing may stick out of it.
        page.set_viewport_size({"width": int((width_mm - 28) / 25.4 * 96), "height": 1000})
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0, paper
        pdf = page.pdf(format=paper)
        assert pdf.startswith(b"%PDF"), paper


def test_no_serious_accessibility_problem_and_no_console_error_once_answered(browser, site_url, diagnostic):
    # The unanswered page, loaded the same way, has every axe rule run in test_site_pages.
    page, load = cold_load(browser, f"{site_url}diagnostic.html", viewport=PHONE)
    answer_with_mouse(page, diagnostic, answers_for(diagnostic), marked=self_checks(diagnostic))
    page.get_by_role("button", name="Clear all answers").click()
    assert axe_violations(page) == []
    page.get_by_role("button", name="No, keep my answers").click()
    assert page.evaluate("document.activeElement.textContent") == "Clear all answers"
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    assert load.errors == []
    page.context.close()


def test_the_page_works_under_the_site_content_security_policy(page, site_url):
    response = page.request.get(f"{site_url}diagnostic.html")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "default-src 'self'" in policy
    assert page.locator(".diagnostic-tools").is_visible()  # the runtime ran
    assert page.locator(".diagnostic-nojs").first.is_hidden()
    assert page.load.errors == []


# ---- The test book in Chromium: hostile text runs nothing -----------------------------------------


def test_hostile_text_runs_nothing(browser, tmp_path):
    shutil.copytree(FILES, tmp_path / "diagnostic")
    shutil.copytree(ROOT_BOOK, tmp_path / "roots" / "diagnostic")
    book = tmp_path / "roots" / "diagnostic"
    assert build_site(book, tmp_path / "html", book, jobs="1") == 0
    server, url = serve_in_background(tmp_path / "html")
    try:
        page, load = cold_load(browser, url + "index.html", viewport={"width": 1000, "height": 900})
        dialogs = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        box = page.locator('.diagnostic-item[data-item="Q.5"]')
        box.locator('input[value="yes"]').check()
        box.locator("textarea").fill('<img src=x onerror="alert(4)">')
        box.locator(".diagnostic-details li").first.hover()
        page.locator(".diagnostic-report-body li").first.hover()
        assert dialogs == [] and load.errors == []
        assert '<script>alert("question")</script>' in box.locator("legend").inner_text()
        assert '<img src=x onerror="alert(4)">' in page.locator(".diagnostic-report-body").inner_text()
        page.context.close()
    finally:
        server.shutdown()


UNREADABLE = [
    "alias-bomb",
    "non-scalar-key",
    "deep-nesting",
    "huge-integer",
    "control-character",
    "lone-surrogate",
    "not-utf8",
]


def test_files_the_reader_refuses_give_located_warnings_not_a_crash(book, capsys):
    page = book / "index.md"
    for name in UNREADABLE:
        page.write_text(page.read_text() + f"\n```{{diagnostic}} ../../diagnostic/bad/{name}.yml\n```\n")
    status, out, err = build(book, capsys)
    assert status != 0 and not out.exists()
    assert "Exception occurred" not in err and "Traceback" not in err
    for name in UNREADABLE:
        expected = (FILES / "bad" / f"{name}.yml").read_bytes().split(b"\n")[0].decode().removeprefix("# expect: ")
        assert re.search(rf"index\.md:\d+: WARNING: \S*{name}\.yml:{re.escape(expected)}", err), (name, err)
