// @ts-check
/**
 * cpch SCORM adapter: the one place that speaks to the learning platform (LMS). It finds the SCORM
 * 1.2 or 2004 API, knows both versions' vocabulary, reads the result the LMS already holds, writes
 * status and score without ever lowering that result, and keeps every refused call with the LMS's
 * own error code and diagnostic. It holds no learner state: the module runtime (cpch-module.js) does.
 *
 * The module runtime asks for the adapter with a `cpch-scorm:connect` event on document; the
 * listener fills `detail.connect(version)`. This script is loaded first. No globals, no eval. The
 * pure functions are exported for node's test runner.
 */
(function () {
  "use strict";

  /**
   * @typedef {"1.2" | "2004"} Version
   * @typedef {{id: string, quiz: string, type: string}} Question
   * @typedef {{status: string, success: string, raw: number | null}} Held
   * @typedef {{complete: boolean, percent: number, passed: boolean}} Result
   * @typedef {{call: string, element: string, code: string, text: string, diagnostic: string}} Fault
   */

  // finishedExit: the exit written once a module is finished. SCORM 2004 keeps "suspend", because
  // Moodle hands a 2004 launch its stored values only after a suspend exit, and a finished learner's
  // next launch must find the result and answers; SCORM 1.2 LMSs hand them on after a normal exit.
  const VOCABULARY = {
    "1.2": {
      api: "API", init: "LMSInitialize", get: "LMSGetValue", set: "LMSSetValue", commit: "LMSCommit",
      finish: "LMSFinish", lastError: "LMSGetLastError", errorString: "LMSGetErrorString",
      diagnostic: "LMSGetDiagnostic", entry: "cmi.core.entry", location: "cmi.core.lesson_location",
      exit: "cmi.core.exit", finishedExit: "", sessionTime: "cmi.core.session_time", score: "cmi.core.score",
      learner: "cmi.core.student_id", response: "student_response", wrong: "wrong",
    },
    "2004": {
      api: "API_1484_11", init: "Initialize", get: "GetValue", set: "SetValue", commit: "Commit",
      finish: "Terminate", lastError: "GetLastError", errorString: "GetErrorString",
      diagnostic: "GetDiagnostic", entry: "cmi.entry", location: "cmi.location",
      exit: "cmi.exit", finishedExit: "suspend", sessionTime: "cmi.session_time", score: "cmi.score",
      learner: "cmi.learner_id", response: "learner_response", wrong: "incorrect",
    },
  };

  const INTERACTION_TYPES = {
    single: "choice", multiple: "choice", "true-false": "true-false", ordering: "sequencing",
    matching: "matching", "short-text": "fill-in", numeric: "numeric",
  };

  /** @param {number | string} index */
  const letter = (index) => String.fromCharCode(97 + Number(index));

  /** Learner response in the format each SCORM version requires for the interaction type. */
  function learnerResponse(/** @type {string} */ version, /** @type {{type: string}} */ question, /** @type {any} */ outcome) {
    const list = version === "1.2" ? "," : "[,]";
    const pair = version === "1.2" ? "." : "[.]";
    const response = outcome.response;
    switch (question.type) {
      case "single":
        return letter(response);
      case "multiple":
        return response.map(letter).join(list);
      case "true-false":
        return version === "1.2" ? response.charAt(0) : response;
      case "ordering": // the response gives the chosen position of each item as displayed
        return response.map((/** @type {string} */ position, /** @type {number} */ item) => [Number(position), item])
          .sort((/** @type {number[]} */ a, /** @type {number[]} */ b) => a[0] - b[0] || a[1] - b[1])
          .map((/** @type {number[]} */ entry) => letter(entry[1])).join(list);
      case "matching":
        return response.map((/** @type {string} */ right, /** @type {number} */ left) => `${letter(left)}${pair}${letter(right)}`).join(list);
      case "numeric":
        return Number.isFinite(outcome.number) ? String(outcome.number) : null;
      default:
        return String(response).replace(/\[[,.]\]/g, " ").slice(0, 250);
    }
  }

  /** A duration in the version's format: 1.2 HHHH:MM:SS.SS, 2004 ISO 8601 (two decimals, as Moodle reads it). */
  function sessionTime(/** @type {string} */ version, /** @type {number} */ milliseconds) {
    const centiseconds = Math.max(0, Math.round(milliseconds / 10));
    const hours = Math.floor(centiseconds / 360000);
    const minutes = Math.floor((centiseconds % 360000) / 6000);
    const seconds = (centiseconds % 6000) / 100;
    if (version === "1.2") {
      const pad = (/** @type {number} */ n) => String(n).padStart(2, "0");
      return `${String(Math.min(hours, 9999)).padStart(4, "0")}:${pad(minutes)}:${seconds.toFixed(2).padStart(5, "0")}`;
    }
    return `PT${hours}H${minutes}M${seconds.toFixed(2)}S`;
  }

  /** What the LMS holds at launch, from its raw values, so a relaunch never lowers it. */
  function heldResult(/** @type {Version} */ version, /** @type {(element: string) => string} */ get) {
    const raw = Number.parseFloat(get(`${VOCABULARY[version].score}.raw`));
    const score = Number.isFinite(raw) ? raw : null;
    if (version === "1.2") return { status: get("cmi.core.lesson_status"), success: "", raw: score };
    return { status: get("cmi.completion_status"), success: get("cmi.success_status"), raw: score };
  }

  /** Whether the held result shows the module was started, or finished (completed, passed or failed). */
  const started = (/** @type {Held} */ held) => !["", "not attempted", "unknown"].includes(held.status) || held.success === "passed" || held.success === "failed";
  const finished = (/** @type {Held} */ held) => ["completed", "passed", "failed"].includes(held.status);

  /**
   * The status and score elements to write for a complete module: the better of the held result and
   * this one, so that a relaunch or a weaker second try never lowers what the LMS recorded.
   * @param {Version} version @param {Held} held @param {Result} result @param {boolean} scored
   * @returns {[string, string][]}
   */
  function resultValues(version, held, result, scored) {
    if (!scored) return [[version === "1.2" ? "cmi.core.lesson_status" : "cmi.completion_status", "completed"]];
    const raw = Math.max(held.raw ?? -1, result.percent);
    const passed = result.passed || held.status === "passed" || held.success === "passed";
    const score = VOCABULARY[version].score;
    const values = /** @type {[string, string][]} */ ([[`${score}.min`, "0"], [`${score}.max`, "100"], [`${score}.raw`, String(raw)]]);
    if (version === "1.2") return [...values, ["cmi.core.lesson_status", passed ? "passed" : "failed"]];
    return [...values, ["cmi.score.scaled", String(raw / 100)], ["cmi.completion_status", "completed"],
      ["cmi.success_status", passed ? "passed" : "failed"]];
  }

  /** The LMS API object: this window, its parents, then the window that opened it, and theirs. */
  function findApi(/** @type {any} */ win, /** @type {string} */ name, depth = 0) {
    for (let current = win, steps = 0; current && steps < 12; steps++) {
      try {
        if (current[name]) return current[name];
        if (current.parent === current) break;
        current = current.parent;
      } catch (error) {
        break; // a frame of another origin
      }
    }
    try {
      if (depth < 3 && win.opener) return findApi(win.opener, name, depth + 1);
    } catch (error) {
      // the opener is gone or of another origin
    }
    return null;
  }

  /**
   * An LMS session through `api`. Each call returns whether the LMS accepted it; a refusal is kept in
   * `faults` (oldest first, at most 20) with the LMS's error code, its text and its diagnostic.
   * @param {any} api @param {Version} version
   */
  function session(api, version) {
    const words = VOCABULARY[version];
    /** @type {Fault[]} */
    const faults = [];
    const raw = (/** @type {string} */ method, /** @type {any[]} */ ...args) => {
      try {
        return String(api[method](...args));
      } catch (error) {
        return "false";
      }
    };
    /** @param {string} callName @param {string} element @param {string} result */
    const checked = (callName, element, result) => {
      if (result === "true") return true;
      const code = raw(words.lastError);
      faults.push({ call: callName, element, code, text: raw(words.errorString, code), diagnostic: raw(words.diagnostic, code) });
      if (faults.length > 20) faults.shift();
      return false;
    };
    return {
      version, words, faults,
      start: () => checked(words.init, "", raw(words.init, "")),
      get: (/** @type {string} */ element) => raw(words.get, element),
      set: (/** @type {string} */ element, /** @type {any} */ value) => checked(words.set, element, raw(words.set, element, String(value))),
      commit: () => checked(words.commit, "", raw(words.commit, "")),
      finish: () => checked(words.finish, "", raw(words.finish, "")),
      held: () => heldResult(version, (element) => raw(words.get, element)),
    };
  }

  const adapter = { VOCABULARY, INTERACTION_TYPES, learnerResponse, sessionTime, heldResult, started, finished, resultValues, findApi, session };
  if (typeof module === "object" && module.exports) {
    module.exports = adapter;
    return;
  }
  document.addEventListener("cpch-scorm:connect", (event) => {
    const detail = /** @type {CustomEvent} */ (event).detail;
    detail.adapter = adapter;
    /** @param {Version} version */
    detail.connect = (version) => {
      const api = findApi(window, VOCABULARY[version].api);
      return api ? session(api, version) : null;
    };
  });
})();
