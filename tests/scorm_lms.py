"""Drive SCORM packages in Chromium against scorm-again playing the LMS (tests/scorm/lms.js)."""

import re
import shutil
import zipfile
from pathlib import Path

from cpch.quiz.answer_key import decode_key
from cpch.quiz.messages import messages as quiz_messages
from cpch.scorm.messages import messages as module_messages
from cpch.serve import serve_in_background

ROOT = Path(__file__).resolve().parent.parent
HARNESS = Path(__file__).parent / "scorm"
SCORM_AGAIN = ROOT / "node_modules" / "scorm-again" / "dist"


def stage(package: Path, folder: Path) -> Path:
    """A folder holding the test LMS and the package unzipped under pkg/."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name in ("lms.html", "lms.js", "lms.css"):
        shutil.copy(HARNESS / name, folder / name)
    for name in ("scorm12.js", "scorm2004.js"):
        shutil.copy(SCORM_AGAIN / name, folder / name)
    with zipfile.ZipFile(package) as archive:
        archive.extractall(folder / "pkg")
    return folder


CLOCK_START = 1_800_000_000_000  # any fixed time, in ms since 1970


def launcher(package, version, browser, folder):
    """Open `package` in the test LMS: each call of the result is a new launch, returning (page, frame)."""
    folder = stage(package, folder)
    server, url = serve_in_background(folder)
    context = browser.new_context(viewport={"width": 1000, "height": 900})
    errors = []

    def open_module(query="", clock=False):
        """`clock`: the module's timers wait for page.clock.run_for (Playwright's clock, paused)."""
        page = context.new_page()
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        page.on("pageerror", lambda e: errors.append(str(e)))
        if clock:
            # Installed, the clock runs on until paused; pausing at its start time fails once it has
            # moved on, so pause an hour later (no page is open yet, so no timer fires on the way).
            page.clock.install(time=CLOCK_START)
            page.clock.pause_at(CLOCK_START + 3_600_000)
        page.goto(f"{url}lms.html?version={version}&mastery=70{query}")
        frame = page.frame_locator("#sco")
        frame.locator(".module-pager:not([hidden])").wait_for()
        return page, frame

    open_module.version = version
    open_module.errors = errors
    open_module.url = url
    open_module.context = context
    open_module.close = lambda: (context.close(), server.shutdown())
    return open_module


def answer_key(frame, quiz: str) -> dict:
    section = frame.locator(f'section.quiz[data-quiz="{quiz}"]')
    return decode_key(section.get_attribute("data-key"), quiz, section.get_attribute("data-version"))


def answer_question(item, entry: dict, right: bool) -> None:
    """Answer one question through its controls, as a learner would, rightly or wrongly."""
    kind, correct = entry["type"], entry.get("correct")
    if kind in ("single", "multiple"):
        # The boxes' states read in one round trip; only the boxes to change are clicked.
        boxes = item.locator("fieldset input")
        states = boxes.evaluate_all("els => els.map(e => [Number(e.value), e.checked, e.type === 'radio'])")
        others = [i for i in range(len(states)) if i not in correct]
        # Wrong: one option that is not right, or (if every option is right) too few of them.
        wanted = set(correct) if right else set(others[:1]) or set(correct[1:])
        for index, (value, checked, radio) in enumerate(states):
            # Checking a radio unchecks the others, so a radio is only ever clicked to check it.
            if (value in wanted) != checked and (value in wanted or not radio):
                boxes.nth(index).click()
    elif kind == "true-false":
        value = correct if right else ("false" if correct == "true" else "true")
        item.locator(f'fieldset input[value="{value}"]').check()
    elif kind in ("ordering", "matching"):
        values = list(correct) if right else list(correct[1:]) + list(correct[:1])
        for select, value in zip(item.locator("fieldset select").all(), values):
            select.select_option(value)
    elif kind == "short-text":
        item.locator("fieldset input").fill(correct[0] if right else "no such answer")
    else:
        number = correct["value"] if right else correct["value"] + correct["tolerance"] + 1000
        item.locator("fieldset input").fill(f"{number:g}")
    item.locator("fieldset input, fieldset select").last.blur()


def language(frame) -> str:
    """The module's language, as its launch page says: the buttons' names are in it."""
    return frame.locator("html").get_attribute("lang") or "en"


def answer_quiz(frame, quiz: str, right: bool) -> int:
    key = answer_key(frame, quiz)
    items = frame.locator(f'section.quiz[data-quiz="{quiz}"] .quiz-question')
    ids = items.evaluate_all("items => items.map((item) => item.dataset.question)")  # one round trip
    for index, question in enumerate(ids):
        answer_question(items.nth(index), key[question], right)
    check = quiz_messages(language(frame))["check"]
    frame.locator(f'section.quiz[data-quiz="{quiz}"]').get_by_role("button", name=check).click()
    return len(ids)


def scored_quizzes(frame) -> list[str]:
    return frame.locator("body").get_attribute("data-quizzes").split()


def visible_page(frame) -> int:
    return int(frame.locator(".module-page:not([hidden])").get_attribute("data-page"))


def work_through(frame, right: bool, stop_after_pages: int | None = None) -> int:
    """Read every page in order, answering and checking each scored quiz on the way."""
    quizzes, questions = set(scored_quizzes(frame)), 0
    pages = frame.locator(".module-page").count()
    for number in range(pages):
        for section in frame.locator(".module-page:not([hidden]) section.quiz").all():
            if section.get_attribute("data-quiz") in quizzes:
                questions += answer_quiz(frame, section.get_attribute("data-quiz"), right)
        if stop_after_pages is not None and number + 1 >= stop_after_pages:
            break
        if number < pages - 1:
            frame.get_by_role("button", name=module_messages(language(frame))["next"]).click()
    return questions


def wait_until(page, expression: str, timeout: float = 10.0) -> None:
    """Wait until `expression` is true in the page. It is passed as a function: Playwright evaluates a
    bare expression with eval on every poll, which the site's CSP forbids."""
    page.wait_for_function(f"() => {expression}", timeout=timeout * 1000)


def close_module(page) -> None:
    """The LMS closes the module's frame, as when the learner leaves it."""
    page.evaluate("document.getElementById('sco').src = 'about:blank'")
    wait_until(page, "window.lms.finished === true")


def stored(page) -> dict:
    return page.evaluate("window.lms.stored")


def interactions(cmi: dict) -> list[dict]:
    found = cmi.get("interactions") or {}
    items = found if isinstance(found, list) else [found[k] for k in sorted(found, key=int) if re.fullmatch(r"\d+", k)]
    return [item for item in items if item]


ANSWERS = """(body) => Object.fromEntries([...body.ownerDocument.querySelectorAll("section.quiz .quiz-question")]
  .map((item) => [`${item.closest("section.quiz").dataset.quiz}.${item.dataset.question}`,
    [...item.querySelectorAll("fieldset input, fieldset select")]
      .map((c) => (c.type === "radio" || c.type === "checkbox" ? (c.checked ? c.value : "") : c.value)).join("|")])
  .filter(([, value]) => value.replace(/\\|/g, "") !== ""))"""


def answers(frame) -> dict:
    """Every answered question of the module as shown: {"quiz.question": its controls' values}."""
    return frame.locator("body").evaluate(ANSWERS)


def answers_lost(before: dict, after: dict) -> int:
    """How many answers shown `before` are missing or different `after`."""
    return sum(after.get(question) != value for question, value in before.items())
