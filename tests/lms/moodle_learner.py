"""A learner in Chromium playing SCORM activities in Moodle, and what Moodle keeps of it."""

import re
import time
from dataclasses import dataclass, field

from scorm_lms import answer_quiz, scored_quizzes

from .moodle_site import Moodle

PASSWORD = "Learner-pass-1"
# The names of what Moodle tracks, per SCORM version.
CMI = {
    "1.2": {
        "status": "cmi.core.lesson_status",
        "score": "cmi.core.score.raw",
        "total": "cmi.core.total_time",
        "exit": "cmi.core.exit",
        "location": "cmi.core.lesson_location",
    },
    "2004": {
        "status": "cmi.completion_status",
        "success": "cmi.success_status",
        "score": "cmi.score.raw",
        "total": "cmi.total_time",
        "exit": "cmi.exit",
        "location": "cmi.location",
    },
}


def seconds(duration: str) -> float:
    """A SCORM time span in seconds: 1.2's HHHH:MM:SS.SS or 2004's ISO 8601 (PT1H2M3.4S)."""
    if match := re.fullmatch(r"(\d+):(\d\d):(\d\d(?:\.\d+)?)", duration):
        return int(match[1]) * 3600 + int(match[2]) * 60 + float(match[3])
    match = re.fullmatch(r"P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?)?", duration)
    if not match:
        raise ValueError(f"not a SCORM time span: {duration!r}")
    days, hours, minutes, secs = (float(part or 0) for part in match.groups())
    return days * 86400 + hours * 3600 + minutes * 60 + secs


@dataclass
class Activity:
    cmid: int
    scorm: int
    version: str


@dataclass
class Session:
    """One launch of an activity: the Moodle page and the package's frame in it, and when it ran."""

    page: object
    frame: object  # FrameLocator of the frame Moodle names scorm_object
    launched: float  # before the activity's page was asked for
    ready: float = field(default_factory=time.monotonic)  # once the module showed its pager
    closing: float = 0.0

    def close_tab(self) -> "Session":
        """The learner closes the browser tab."""
        self.closing = time.monotonic()
        with self.page.expect_event("close"):  # gone for good, so that a relaunch is not a second tab
            self.page.close(run_before_unload=True)
        return self

    def exit_activity(self) -> "Session":
        """The learner leaves with Moodle's own "Exit activity" button."""
        self.closing = time.monotonic()
        self.page.get_by_role("link", name="Exit activity").click()
        self.page.wait_for_url(lambda url: "player.php" not in url)
        return self

    def could_have_lasted(self, seconds: float) -> bool:
        """Whether a session time fits this launch: at least the module was ready, at most until now."""
        return self.closing - self.ready - 0.5 <= seconds <= time.monotonic() - self.launched + 0.5


class Learner:
    def __init__(self, moodle: Moodle, browser, course: int, name: str):
        self.moodle, self.name = moodle, name
        self.id = moodle.php_json(
            "scorm_course.php", stdin={"course": course, "learners": [name], "password": PASSWORD}
        )["users"][name]
        self.context = browser.new_context(viewport={"width": 1366, "height": 768})
        self.errors: list[str] = []
        page = self.context.new_page()
        page.goto(f"{moodle.url}/login/index.php")
        page.fill("#username", name)
        page.fill("#password", PASSWORD)
        page.click("#loginbtn")
        page.wait_for_url(re.compile(r"/my/"))
        page.close()

    def launch(self, activity: Activity, new_attempt: bool = False) -> Session:
        """Open the activity's page and press Enter, as a learner does; the module is ready when its pager shows."""
        launched = time.monotonic()
        page = self.context.new_page()
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.goto(f"{self.moodle.url}/mod/scorm/view.php?id={activity.cmid}")
        if new_attempt:
            page.get_by_label("Start a new attempt").check()
        page.get_by_role("button", name="Enter").click()
        frame = page.frame_locator("#scorm_object")
        frame.locator(".module-pager:not([hidden])").wait_for()
        return Session(page, frame, launched)

    def offers_a_new_attempt(self, activity: Activity) -> bool:
        """Whether the activity's page offers the "Start a new attempt" box."""
        page = self.context.new_page()
        page.goto(f"{self.moodle.url}/mod/scorm/view.php?id={activity.cmid}")
        offered = page.get_by_label("Start a new attempt").is_visible()
        page.close()
        return offered

    def tracking(self, activity: Activity) -> dict:
        return self.moodle.php_json("scorm_tracking.php", activity.scorm, self.id)

    def wait_for(self, activity: Activity, check, what: str, timeout: float = 20) -> dict:
        """Moodle's tracking once `check(tracking)` holds (saving on close takes a moment)."""
        deadline = time.monotonic() + timeout
        while True:
            found = self.tracking(activity)
            if check(found):
                return found
            if time.monotonic() > deadline:
                raise AssertionError(f"Moodle never held {what} within {timeout} s; it holds {found}")

    def close(self) -> None:
        self.context.close()


def attempt(tracking: dict, number: int = 1) -> dict:
    return tracking["attempts"].get(str(number), {})


def total_time(tracking: dict, version: str, number: int = 1) -> float:
    value = attempt(tracking, number).get(CMI[version]["total"])
    return seconds(value) if value else 0.0


def finish_from_here(frame, right: bool = True) -> int:
    """Answer and check every scored quiz from the page shown to the last page."""
    quizzes, questions = set(scored_quizzes(frame)), 0
    while True:
        for section in frame.locator(".module-page:not([hidden]) section.quiz").all():
            if section.get_attribute("data-quiz") in quizzes:
                questions += answer_quiz(frame, section.get_attribute("data-quiz"), right)
        following = frame.get_by_role("button", name="Next page")
        if not following.is_visible() or following.is_disabled():
            return questions
        following.click()
