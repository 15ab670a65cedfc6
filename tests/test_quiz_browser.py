"""The quiz runtime in Chromium: every type by mouse and by keyboard, feedback, score, progress, CSP, axe."""

import shutil
from pathlib import Path

import pytest

from browser import axe_violations, cold_load, tab_to
from cpch.build import build_site
from cpch.serve import serve_in_background

TESTS = Path(__file__).parent
STORAGE_KEY = "cpch-quiz:every-type:v2"
RIGHT = {  # question id -> how to answer it right
    "pick-one": ("choose", ["Blue"]),
    "pick-many": ("choose", ["2", "3"]),
    "true-or-false": ("choose", ["True"]),
    "put-in-order": ("select", {"One": "1", "Two": "2", "Three": "3", "Four": "4"}),
    "match-them": ("select", {"Cat": "Meow", "Dog": "Woof", "Cow": "Moo"}),
    "type-it": ("type", "paris"),
    "count-it": ("type", "7"),
    "a-case-first": ("choose", ["Pick up the key"]),
    "a-case-then": ("choose", ["True"]),
}
WRONG = {
    "pick-one": ("choose", ["Green"]),
    "pick-many": ("choose", ["2", "4"]),
    "true-or-false": ("choose", ["False"]),
    "put-in-order": ("select", {"One": "2", "Two": "1", "Three": "3", "Four": "4"}),
    "match-them": ("select", {"Cat": "Woof", "Dog": "Meow", "Cow": "Moo"}),
    "type-it": ("type", "Lyon"),
    "count-it": ("type", "6"),
    "a-case-first": ("choose", ["Walk away"]),
    "a-case-then": ("choose", ["False"]),
}


@pytest.fixture(scope="session")
def quiz_url(tmp_path_factory):
    root = tmp_path_factory.mktemp("quizbook")
    shutil.copytree(TESTS / "banks", root / "banks")
    shutil.copytree(TESTS / "roots" / "quiz", root / "roots" / "quiz")
    book = root / "roots" / "quiz"
    assert build_site(book, root / "html", book, jobs="1") == 0
    server, url = serve_in_background(root / "html")
    yield url + "index.html"
    server.shutdown()


@pytest.fixture()
def page(browser, quiz_url):
    page, load = cold_load(browser, quiz_url, viewport={"width": 1000, "height": 900})
    page.load = load
    yield page
    page.context.close()


def question(page, qid):
    return page.locator(f'.quiz-question[data-question="{qid}"]')


def answer_with_mouse(page, answers):
    for qid, (how, value) in answers.items():
        item = question(page, qid)
        if how == "choose":
            labels = item.locator(".quiz-option label")
            states = labels.evaluate_all(
                "all => all.map(l => [l.textContent, l.parentElement.querySelector('input').checked])"
            )
            for n, (text, checked) in enumerate(states):
                if (text in value) != checked:
                    labels.nth(n).click()
        elif how == "select":
            for left, right in value.items():
                item.get_by_label(left, exact=True).select_option(label=right)
        else:
            item.get_by_label("Your answer").fill(value)


def answer_with_keyboard(page, answers):
    page.locator("body").focus()
    for qid, (how, value) in answers.items():
        item = question(page, qid)
        if how == "choose":
            for option in item.locator(".quiz-option").all():
                text, box = option.locator("label").text_content(), option.locator("input")
                if text in value:
                    if box.get_attribute("type") == "radio":
                        # Arrow keys move within a radio group: reach the group, then step to the option.
                        tab_to(
                            page,
                            item.locator("input").first
                            if not item.locator("input:checked").count()
                            else item.locator("input:checked"),
                        )
                        for _ in range(item.locator("input").count()):
                            if box.evaluate("element => element === document.activeElement"):
                                break
                            page.keyboard.press("ArrowDown")
                        page.keyboard.press("Space")
                    else:
                        tab_to(page, box)
                        page.keyboard.press("Space")
        elif how == "select":
            # In the order Tab reaches them: the items are shown shuffled.
            done = []
            for select in item.locator("select").all():
                left, options, current = select.evaluate(
                    "s => [s.labels[0].textContent.trim(), [...s.options].map(o => o.textContent), s.selectedIndex]"
                )
                if left not in value:
                    continue
                done.append(left)
                tab_to(page, select)
                target = options.index(value[left])
                for _ in range(abs(target - current)):
                    page.keyboard.press("ArrowDown" if target > current else "ArrowUp")
            assert sorted(done) == sorted(value), (qid, done)
        else:
            tab_to(page, item.get_by_label("Your answer"))
            page.keyboard.type(value)


def check(page, by_keyboard=False):
    button = page.get_by_role("button", name="Check answers")
    if by_keyboard:
        tab_to(page, button)
        page.keyboard.press("Enter")
    else:
        button.click()
    return page.locator(".quiz-result").inner_text()


def results(page):
    """Each question's data-result (None before it is checked), read in one go."""
    marks = dict(
        page.locator(".quiz-question").evaluate_all("all => all.map(q => [q.dataset.question, q.dataset.result])")
    )
    return {qid: marks[qid] for qid in RIGHT}


def test_all_right_with_the_mouse(page):
    answer_with_mouse(page, RIGHT)
    summary = check(page)
    assert results(page) == dict.fromkeys(RIGHT, "correct")
    assert "You scored 9 out of 9 (100%)" in summary and "You passed" in summary
    assert "Yes, blue." in question(page, "pick-one").locator(".quiz-feedback").inner_text()
    assert page.load.errors == []


def test_all_wrong_with_the_keyboard_only(page):
    answer_with_keyboard(page, WRONG)
    summary = check(page, by_keyboard=True)
    assert results(page) == dict.fromkeys(RIGHT, "incorrect")
    assert "You scored 0 out of 9 (0%)" in summary and "Not passed yet" in summary
    assert "Green is the grass." in question(page, "pick-one").locator(".quiz-feedback").inner_text()
    assert "4 is 2 times 2." in question(page, "pick-many").locator(".quiz-feedback").inner_text()
    assert page.evaluate("document.activeElement.className") == "quiz-result"


def test_all_right_with_the_keyboard_only(page):
    answer_with_keyboard(page, RIGHT)
    assert "9 out of 9" in check(page, by_keyboard=True)


def test_feedback_is_announced_and_explained(page):
    answer_with_mouse(page, {"pick-one": RIGHT["pick-one"]})
    check(page)
    assert page.locator(".quiz-result").get_attribute("role") == "status"
    feedback = question(page, "pick-one").locator(".quiz-feedback")
    assert "Correct." in feedback.inner_text() and "scatters blue light" in feedback.inner_text()
    fieldset = question(page, "pick-one").locator("fieldset")
    assert fieldset.get_attribute("aria-describedby") == feedback.get_attribute("id")
    assert "8 questions are not answered yet" in page.locator(".quiz-result").inner_text()


def test_reload_restores_progress_and_reset_clears_it(page):
    answer_with_mouse(page, RIGHT)
    check(page)
    page.reload()
    assert question(page, "type-it").get_by_label("Your answer").input_value() == "paris"
    assert (
        question(page, "match-them").get_by_label("Dog", exact=True).evaluate("s => s.selectedOptions[0].text")
        == "Woof"
    )
    assert results(page) == dict.fromkeys(RIGHT, "correct")

    page.get_by_role("button", name="Start over").click()
    assert page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") is None
    page.reload()
    assert question(page, "type-it").get_by_label("Your answer").input_value() == ""
    assert not question(page, "pick-one").locator("input:checked").count()


def test_answers_are_saved_before_checking(page):
    answer_with_mouse(page, {"type-it": RIGHT["type-it"]})
    page.reload()
    assert question(page, "type-it").get_by_label("Your answer").input_value() == "paris"
    assert page.locator(".quiz-result").inner_text() == "Your earlier answers were restored."


def test_try_again_keeps_answers_and_hides_feedback(page):
    answer_with_mouse(page, WRONG)
    check(page)
    page.get_by_role("button", name="Try again").click()
    assert question(page, "type-it").get_by_label("Your answer").input_value() == "Lyon"
    assert results(page) == dict.fromkeys(RIGHT)


def test_served_under_a_strict_content_security_policy(page, quiz_url):
    response = page.request.get(quiz_url)
    assert "script-src 'self'" in response.headers["content-security-policy"]
    answer_with_mouse(page, RIGHT)
    check(page)
    assert page.load.errors == []  # a blocked inline script or style would be logged here


def test_no_serious_accessibility_violation_before_and_after_checking(page):
    assert axe_violations(page) == []
    answer_with_mouse(page, WRONG)
    check(page)
    assert axe_violations(page) == []


def test_hostile_bank_shows_text_and_runs_nothing(browser, quiz_url):
    page, load = cold_load(browser, quiz_url.replace("index.html", "hostile.html"))
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.locator(".quiz-option label").first.click()
    page.get_by_role("button", name="Check answers").click()
    page.locator(".quiz-hint summary").click()
    page.locator(".quiz-hint b, .quiz-hint").first.hover()
    assert dialogs == [] and load.errors == []
    assert '<script>alert("prompt")</script>' in page.locator("legend").inner_text()
    page.context.close()


# ---- Quizzes that teach and never leak, at a phone's and a laptop's size -----------------------

SCREENS = {"phone": {"width": 360, "height": 740}, "laptop": {"width": 1366, "height": 768}}


@pytest.fixture(params=SCREENS)
def screen(request, browser, quiz_url):
    page, load = cold_load(browser, quiz_url, viewport=SCREENS[request.param])
    page.load = load
    yield page
    page.context.close()


def feedback(page, qid):
    return question(page, qid).locator(".quiz-feedback").inner_text()


def test_an_unanswered_check_gives_nothing_away(screen):
    answer_with_mouse(screen, {"pick-many": ("choose", ["4"])})
    check(screen)
    for qid in RIGHT:
        if qid != "pick-many":
            assert feedback(screen, qid) == "Not answered.", qid
    # Only the option chosen has its say, and the explanation comes with an answer.
    assert "4 is 2 times 2." in feedback(screen, "pick-many")
    assert "Yes, blue." not in screen.locator("section.quiz").inner_text()
    assert screen.load.errors == []


def test_intro_numbers_and_score_count_the_same_questions(screen):
    intro = screen.locator(".quiz-intro").inner_text()
    assert intro.startswith("9 questions.") and "Each step of a case counts as one question." in intro
    assert question(screen, "a-case-then").locator(".quiz-number").inner_text() == "Question 9 of 9."
    assert screen.locator(".quiz-case-title").inner_text() == "Case for questions 8 to 9 of 9."
    answer_with_mouse(screen, {qid: how for qid, how in RIGHT.items() if qid != "count-it"})
    summary = check(screen)
    assert "You scored 8 out of 9" in summary and "1 question is not answered yet." in summary


def test_ordering_and_matching_say_which_places_are_right(screen):
    answer_with_mouse(
        screen,
        {
            "put-in-order": ("select", {"One": "1", "Two": "3", "Three": "2", "Four": "4"}),
            "match-them": ("select", {"Cat": "Meow", "Dog": "Moo", "Cow": "Woof"}),
        },
    )
    check(screen)

    def said(text, lead):  # the items named after `lead`, in any order (items are shown shuffled)
        line = next(line for line in text.splitlines() if line.startswith(lead))
        return set(line[len(lead) :].rstrip(".").split("; "))

    order = feedback(screen, "put-in-order")
    assert said(order, "In the right position: ") == {"One", "Four"}
    assert said(order, "In the wrong position: ") == {"Two", "Three"}
    pairs = feedback(screen, "match-them")
    assert said(pairs, "Right pairs: ") == {"Cat – Meow"} and said(pairs, "Wrong pairs: ") == {
        "Dog – Moo",
        "Cow – Woof",
    }
    rows = question(screen, "put-in-order").locator(".quiz-selects li")
    marks = {rows.nth(i).locator("label").inner_text(): rows.nth(i).get_attribute("data-result") for i in range(4)}
    assert marks == {"One": "correct", "Two": "incorrect", "Three": "incorrect", "Four": "correct"}


def test_ordering_refuses_two_items_in_one_position(screen):
    answer_with_mouse(screen, {"put-in-order": ("select", {"One": "1", "Two": "1"})})
    assert "Two items have position 1." in feedback(screen, "put-in-order")
    summary = check(screen)
    assert "Not checked yet." in summary and "You scored" not in summary
    assert screen.evaluate("document.activeElement.tagName") == "SELECT"
    assert screen.evaluate("document.activeElement.closest('.quiz-question').dataset.question") == "put-in-order"


def test_multiple_response_says_select_all_that_apply(screen):
    assert "Select all that apply." in question(screen, "pick-many").locator("fieldset").inner_text()
    assert "Select all that apply." not in question(screen, "pick-one").inner_text()


def test_the_review_list_leads_to_each_question_to_look_at(screen):
    answer_with_mouse(screen, {qid: how for qid, how in RIGHT.items() if qid not in ("type-it", "count-it")})
    answer_with_mouse(screen, {"type-it": WRONG["type-it"]})
    summary = check(screen)
    assert "Questions to review:" in summary
    links = screen.locator(".quiz-review a")
    assert links.all_inner_texts() == ["Question 6 of 9. Not quite.", "Question 7 of 9. Not answered."]
    links.nth(1).focus()
    screen.keyboard.press("Enter")
    assert screen.evaluate("document.activeElement.id") == question(screen, "count-it").get_by_label(
        "Your answer"
    ).get_attribute("id")
    assert question(screen, "count-it").is_visible()
