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


def stage(package: Path, version: str, folder: Path) -> Path:
    """A folder holding the test LMS, with scorm-again's API for `version`, and the package unzipped under pkg/."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name in ("lms.html", "lms.js", "lms.css"):
        shutil.copy(HARNESS / name, folder / name)
    # Only the version's API, minified: each launch loads and compiles it (the other and the
    # unminified builds are four times as much script).
    shutil.copy(SCORM_AGAIN / f"scorm{version.replace('.', '')}.min.js", folder / "scorm-api.js")
    with zipfile.ZipFile(package) as archive:
        archive.extractall(folder / "pkg")
    return folder


CLOCK_START = 1_800_000_000_000  # any fixed time, in ms since 1970


def launcher(package, version, browser, folder):
    """Open `package` in the test LMS: each call of the result is a new launch, returning (page, frame)."""
    folder = stage(package, version, folder)
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

    def close():
        context.close()
        server.shutdown()
        server.server_close()

    open_module.close = close
    return open_module


def answer_key(frame, quiz: str) -> dict:
    section = frame.locator(f'section.quiz[data-quiz="{quiz}"]')
    return decode_key(section.get_attribute("data-key"), quiz, section.get_attribute("data-version"))


def response(entry: dict, right: bool) -> list[str]:
    """What a learner puts in one question's controls, rightly or wrongly: the values of the boxes to
    check (choices), or each select's or the text box's value, in order."""
    kind, correct = entry["type"], entry.get("correct")
    if kind in ("single", "multiple"):
        others = [i for i in range(len(entry["feedback"])) if i not in correct]  # a feedback per option
        # Wrong: one option that is not right, or (if every option is right) too few of them.
        return [str(i) for i in (correct if right else others[:1] or correct[1:])]
    if kind == "true-false":
        return [correct if right else ("false" if correct == "true" else "true")]
    if kind in ("ordering", "matching"):
        return list(correct) if right else list(correct[1:]) + list(correct[:1])
    if kind == "short-text":
        return [correct[0] if right else "no such answer"]
    number = correct["value"] if right else correct["value"] + correct["tolerance"] + 1000
    return [f"{number:g}"]


BOX_STATES = "els => els.map(e => [e.value, e.checked, e.type === 'radio'])"


def answer_question(item, entry: dict, right: bool, states: list | None = None) -> None:
    """Answer one question through its controls, as a learner would, rightly or wrongly. `states`:
    its boxes' [value, checked, is a radio], if already read."""
    values = response(entry, right)
    if entry["type"] in ("single", "multiple", "true-false"):
        # Only the boxes to change are clicked.
        boxes = item.locator("fieldset input")
        states = boxes.evaluate_all(BOX_STATES) if states is None else states
        for index, (value, checked, radio) in enumerate(states):
            # Checking a radio unchecks the others, so a radio is only ever clicked to check it.
            if (value in values) != checked and (value in values or not radio):
                boxes.nth(index).click()
    elif entry["type"] in ("ordering", "matching"):
        for select, value in zip(item.locator("fieldset select").all(), values):
            select.select_option(value)
    else:
        text = item.locator("fieldset input")
        text.fill(values[0])
        text.blur()  # a text box's change fires as the learner leaves it (a box's or select's as it changes)


def language(frame) -> str:
    """The module's language, as its launch page says: the buttons' names are in it."""
    return frame.locator("html").get_attribute("lang") or "en"


def answer_quiz(frame, quiz: str, right: bool) -> int:
    key = answer_key(frame, quiz)
    items = frame.locator(f'section.quiz[data-quiz="{quiz}"] .quiz-question')
    # Every question's id and boxes' states, in one round trip.
    found = items.evaluate_all(
        f"""items => items.map((item) => [item.dataset.question,
          ({BOX_STATES})([...item.querySelectorAll("fieldset input")])])"""
    )
    for index, (question, states) in enumerate(found):
        answer_question(items.nth(index), key[question], right, states)
    check = quiz_messages(language(frame))["check"]
    frame.locator(f'section.quiz[data-quiz="{quiz}"]').get_by_role("button", name=check).click()
    return len(found)


def scored_quizzes(frame) -> list[str]:
    return frame.locator("body").get_attribute("data-quizzes").split()


def visible_page(frame) -> int:
    return int(frame.locator(".module-page:not([hidden])").get_attribute("data-page"))


KEYS = """(body) => [...body.ownerDocument.querySelectorAll("section.quiz[data-key]")]
  .map((section) => [section.dataset.quiz, section.dataset.key, section.dataset.version])"""


def answer_plan(frame, quizzes: set[str], right: bool) -> dict:
    """{quiz: {question: its response}} for every quiz of `quizzes` in the module, read in one round trip."""
    found = frame.locator("body").evaluate(KEYS)
    keys = {quiz: decode_key(key, quiz, version) for quiz, key, version in found if quiz in quizzes}
    return {quiz: {question: response(entry, right) for question, entry in key.items()} for quiz, key in keys.items()}


# Answers and checks the planned quizzes of the page shown, then turns the page if `turn`, in one round
# trip, through the events a learner's input fires: click() on a box or button (click, then input and
# change on a box: what a real click fires), or a new value then input and change on a select or text
# box (what select_option, or fill and leaving the box, fire). A control a learner could not use
# (hidden or disabled) or a value a select does not offer fails, as a Playwright click or
# select_option would. Returns the number of questions answered.
ANSWER_PAGE = """(body, [plan, turn]) => {
  const press = (button) => {
    if (!button || button.disabled || !button.checkVisibility()) throw new Error(`${button?.outerHTML} cannot be pressed`);
    button.click();
  };
  let answered = 0;
  for (const section of body.querySelectorAll(".module-page:not([hidden]) section.quiz")) {
    const questions = plan[section.dataset.quiz];
    if (!questions) continue;
    for (const item of section.querySelectorAll(".quiz-question")) {
      const values = questions[item.dataset.question];
      [...item.querySelectorAll("fieldset input, fieldset select")].forEach((control, index) => {
        if (control.disabled || !control.checkVisibility()) throw new Error(`${control.id} cannot be used`);
        if (control.type === "radio" || control.type === "checkbox") {
          const wanted = values.includes(control.value);
          // Checking a radio unchecks the others, so a radio is only ever clicked to check it.
          if (wanted !== control.checked && (wanted || control.type !== "radio")) control.click();
          return;
        }
        control.value = values[index];
        if (control.value !== values[index]) throw new Error(`${control.id} has no value ${values[index]}`);
        control.dispatchEvent(new Event("input", { bubbles: true }));
        control.dispatchEvent(new Event("change", { bubbles: true }));
      });
      answered += 1;
    }
    press(section.querySelector("button[type=submit]"));
  }
  if (turn) press(body.querySelector(".module-pager [data-go=next]"));
  return answered;
}"""


def turn_page(frame) -> None:
    """Press Next page through a script, as work_through does without clicks."""
    frame.locator("body").evaluate(ANSWER_PAGE, [{}, True])


def work_through(frame, right: bool, stop_after_pages: int | None = None, clicks: bool = True) -> int:
    """Read every page in order, answering and checking each scored quiz on the way. With `clicks`,
    each control is used through Playwright, as a learner would (the input itself is the subject);
    without, each page's answers go in through one script firing the same events (for tests whose
    subject is what the module does with the answers: scores, the LMS exchange, persistence)."""
    quizzes, questions = set(scored_quizzes(frame)), 0
    pages = frame.locator(".module-page").count()
    plan = None if clicks else answer_plan(frame, quizzes, right)
    next_page = module_messages(language(frame))["next"] if clicks else None
    for number in range(pages):
        last = number == pages - 1 or (stop_after_pages is not None and number + 1 >= stop_after_pages)
        if plan is not None:
            questions += frame.locator("body").evaluate(ANSWER_PAGE, [plan, not last])
        else:
            for section in frame.locator(".module-page:not([hidden]) section.quiz").all():
                if section.get_attribute("data-quiz") in quizzes:
                    questions += answer_quiz(frame, section.get_attribute("data-quiz"), right)
            if not last:
                frame.get_by_role("button", name=next_page).click()
        if last:
            break
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
