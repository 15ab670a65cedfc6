// @ts-check
/**
 * cpch module runtime: one page holds every chapter of a module; this script shows one chapter at
 * a time, tracks what was read and answered, and reports to the learning platform (LMS) through
 * the SCORM 1.2 or 2004 API, or, when no LMS is found, keeps progress in localStorage.
 *
 * One LMS session covers the whole module. Progress goes to suspend data after every change and is
 * committed after each answer, page turn and check, when the tab is hidden, and on pagehide, when
 * the session ends. A refused commit is retried; nothing is dropped meanwhile.
 * Quizzes connect through the quiz runtime's events (see cpch-quiz.js), a self-assessment form
 * through the diagnostic runtime's (see cpch-diagnostic.js). A module either is scored and complete
 * once every page is read and every quiz checked ("quizzes"), or is not scored and complete once the
 * form's report is printed or exported ("report"). No globals, no eval.
 */
(function () {
  "use strict";

  /**
   * @typedef {string | string[] | null} Response
   * @typedef {{id: string, quiz: string, type: string}} Question
   * @typedef {{a: Object<string, string>, n: Object<string, string>, m: string[]}} Form
   * @typedef {{page: number, seen: boolean[], checked: boolean[], results: string[], answers: Response[],
   *   form: Form | null, reported: boolean}} State
   */

  const TEXT_TYPES = ["short-text", "numeric"];

  /** @param {number | string} index */
  const letter = (index) => String.fromCharCode(97 + Number(index));

  /** One compact string per answer, so the largest module fits SCORM 1.2's 4096 characters. */
  function encodeAnswer(/** @type {string} */ type, /** @type {Response} */ response) {
    if (response == null) return null;
    if (TEXT_TYPES.includes(type)) return String(response).replace(/[\u0000-\u001f]/g, " ");
    if (type === "true-false") return response === "true" ? "t" : "f";
    if (type === "single") return Number(response).toString(36);
    return (/** @type {string[]} */ (response)).map((v) => (v === "" ? "-" : Number(v).toString(36))).join("");
  }

  function decodeAnswer(/** @type {string} */ type, /** @type {string | null} */ text) {
    if (text == null) return null;
    if (TEXT_TYPES.includes(type)) return text;
    if (type === "true-false") return text === "t" ? "true" : "false";
    if (type === "single") return String(parseInt(text, 36));
    return [...text].map((c) => (c === "-" ? "" : String(parseInt(c, 36))));
  }

  const bits = (/** @type {boolean[]} */ flags) => flags.map((flag) => (flag ? "1" : "0")).join("");
  const flags = (/** @type {string} */ text, /** @type {number} */ length) =>
    Array.from({ length }, (_, i) => text.charAt(i) === "1");

  /** @param {number} pages @param {number} quizzes @param {number} questions @returns {State} */
  function emptyState(pages, quizzes, questions) {
    return {
      page: 0, seen: Array(pages).fill(false), checked: Array(quizzes).fill(false),
      results: Array(questions).fill("-"), answers: Array(questions).fill(null), form: null, reported: false,
    };
  }

  /** @param {State} state @param {Question[]} questions */
  function encodeState(state, questions) {
    const answers = state.answers.map((response, i) => encodeAnswer(questions[i].type, response));
    while (answers.length && answers[answers.length - 1] == null) answers.pop();
    const data = { v: 1, p: state.page, s: bits(state.seen), c: bits(state.checked), r: state.results.join(""), a: answers };
    return JSON.stringify(state.form ? { ...data, f: state.form, d: state.reported ? 1 : 0 } : data);
  }

  /** @returns {State | null} null when `text` is not suspend data of this module's shape */
  function decodeState(/** @type {string} */ text, /** @type {number} */ pages, /** @type {number} */ quizzes,
    /** @type {Question[]} */ questions) {
    try {
      const data = JSON.parse(text);
      if (!data || data.v !== 1 || !Array.isArray(data.a)) return null;
      const state = emptyState(pages, quizzes, questions.length);
      state.page = Math.min(Math.max(0, Number(data.p) || 0), pages - 1);
      state.seen = flags(String(data.s || ""), pages);
      state.checked = flags(String(data.c || ""), quizzes);
      state.results = questions.map((_, i) => String(data.r || "").charAt(i) || "-");
      state.answers = questions.map((q, i) => decodeAnswer(q.type, data.a[i] ?? null));
      state.form = data.f && typeof data.f === "object" ? data.f : null;
      state.reported = data.d === 1;
      return state;
    } catch (error) {
      return null;
    }
  }

  /** Learner response in the format each SCORM version requires for the interaction type. */
  function learnerResponse(/** @type {string} */ version, /** @type {Question} */ question, /** @type {any} */ outcome) {
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

  const INTERACTION_TYPES = {
    single: "choice", multiple: "choice", "true-false": "true-false", ordering: "sequencing",
    matching: "matching", "short-text": "fill-in", numeric: "numeric",
  };

  /** @param {number} milliseconds */
  function sessionTime(version, milliseconds) {
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

  /** @param {State} state @param {number} passMark @param {string} [completion] "quizzes" or "report" */
  function progress(state, passMark, completion = "quizzes") {
    const points = state.results.filter((r) => r === "1").length;
    const max = state.results.length;
    const percent = max ? Math.round((points * 100) / max) : 100;
    const done = completion === "report" ? state.reported : state.checked.every(Boolean);
    return { complete: state.seen.every(Boolean) && done, points, max, percent, passed: percent >= passMark };
  }

  /**
   * A form's state as saved: free text cut to `limit` characters (the build sized the limit so the
   * largest form fits the suspend data) and control characters made spaces.
   * @param {{answers?: Object<string, string>, notes?: Object<string, string>, marked?: string[]}} state
   * @param {number} limit
   * @returns {Form}
   */
  function compactForm(state, limit) {
    const cut = (/** @type {Object<string, string>} */ texts) => Object.fromEntries(Object.entries(texts || {})
      .map(([item, text]) => [item, String(text).replace(/[\u0000-\u001f]/g, " ").slice(0, limit)]));
    return { a: cut(state.answers || {}), n: cut(state.notes || {}), m: [...(state.marked || [])] };
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

  const VOCABULARY = {
    "1.2": {
      api: "API", init: "LMSInitialize", get: "LMSGetValue", set: "LMSSetValue", commit: "LMSCommit",
      finish: "LMSFinish", entry: "cmi.core.entry", location: "cmi.core.lesson_location",
      exit: "cmi.core.exit", normalExit: "", sessionTime: "cmi.core.session_time", score: "cmi.core.score",
      response: "student_response", wrong: "wrong",
    },
    "2004": {
      api: "API_1484_11", init: "Initialize", get: "GetValue", set: "SetValue", commit: "Commit",
      finish: "Terminate", entry: "cmi.entry", location: "cmi.location",
      exit: "cmi.exit", normalExit: "normal", sessionTime: "cmi.session_time", score: "cmi.score",
      response: "learner_response", wrong: "incorrect",
    },
  };

  const core = {
    encodeAnswer, decodeAnswer, emptyState, encodeState, decodeState, learnerResponse, sessionTime, progress, findApi,
    compactForm,
  };
  if (typeof module === "object" && module.exports) {
    module.exports = core;
    return;
  }

  // ---- Where progress is kept ----------------------------------------------------------------

  /** An LMS session through the SCORM API. */
  function lmsBackend(/** @type {any} */ api, /** @type {"1.2" | "2004"} */ version) {
    const words = VOCABULARY[version];
    const call = (/** @type {string} */ method, /** @type {any[]} */ ...args) => {
      try {
        return String(api[method](...args));
      } catch (error) {
        return "false";
      }
    };
    return {
      words,
      start: () => call(words.init, "") === "true",
      get: (/** @type {string} */ element) => call(words.get, element),
      set: (/** @type {string} */ element, /** @type {any} */ value) => call(words.set, element, String(value)) === "true",
      commit: () => call(words.commit, "") === "true",
      finish: () => call(words.finish, "") === "true",
    };
  }

  // ---- The page ------------------------------------------------------------------------------

  const body = document.body;
  const data = body.dataset;
  const version = /** @type {"1.2" | "2004"} */ (data.scorm === "2004" ? "2004" : "1.2");
  const passMark = Number(data.passMark);
  const completion = data.completion === "report" ? "report" : "quizzes";
  const textLimit = Number(data.textLimit) || 0;
  const messages = JSON.parse(data.messages || "{}");
  const scored = (data.quizzes || "").split(" ").filter(Boolean);
  const pages = /** @type {HTMLElement[]} */ ([...document.querySelectorAll(".module-page")]);
  /** @type {Question[]} */
  const questions = [];
  scored.forEach((quiz) => {
    document.querySelectorAll(`section.quiz[data-quiz="${quiz}"] .quiz-question`).forEach((item) => {
      const element = /** @type {HTMLElement} */ (item);
      questions.push({ id: `${quiz}.${element.dataset.question}`, quiz, type: element.dataset.type || "" });
    });
  });
  const indexOf = new Map(questions.map((q, i) => [q.id, i]));
  const status = /** @type {HTMLElement} */ (document.querySelector(".module-status"));
  const storageKey = `cpch-module:${data.module}:v${data.version}`;
  const api = findApi(window, VOCABULARY[version].api);
  const lms = api ? lmsBackend(api, version) : null;
  const started = Date.now();
  let connected = false;
  let finished = false;
  let announcedCompletion = false;
  let retryDelay = 0;
  let retryTimer = 0;
  /** @type {State} */
  let state = emptyState(pages.length, scored.length, questions.length);

  function say(/** @type {string} */ text) {
    if (status.textContent !== text) status.textContent = text;
  }

  function load() {
    if (lms) {
      connected = lms.start();
      const resuming = lms.get(lms.words.entry) === "resume";
      const saved = resuming ? decodeState(lms.get("cmi.suspend_data"), pages.length, scored.length, questions) : null;
      if (saved) state = saved;
      if (!resuming && !progress(state, passMark, completion).complete) {
        if (version === "1.2") lms.set("cmi.core.lesson_status", "incomplete");
        else lms.set("cmi.completion_status", "incomplete");
      }
      lms.set(lms.words.exit, "suspend");
      return;
    }
    say(messages.standalone);
    try {
      state = decodeState(localStorage.getItem(storageKey) || "", pages.length, scored.length, questions) || state;
    } catch (error) {
      // storage blocked: progress lasts as long as the page
    }
  }

  /** Put the whole state where it is kept: suspend data and score in the LMS, or localStorage. */
  function store() {
    const text = encodeState(state, questions);
    if (!lms) {
      try {
        localStorage.setItem(storageKey, text);
      } catch (error) {
        // storage full or blocked
      }
      return;
    }
    lms.set("cmi.suspend_data", text);
    lms.set(lms.words.location, String(state.page));
    const result = progress(state, passMark, completion);
    if (!result.complete) return;
    announceCompletion();
    if (completion === "report") {
      // Not scored, and kept open (exit stays "suspend") so a team can come back to its answers.
      lms.set(version === "1.2" ? "cmi.core.lesson_status" : "cmi.completion_status", "completed");
      return;
    }
    const score = lms.words.score;
    lms.set(`${score}.min`, 0);
    lms.set(`${score}.max`, 100);
    lms.set(`${score}.raw`, result.percent);
    if (version === "1.2") {
      lms.set("cmi.core.lesson_status", result.passed ? "passed" : "failed");
    } else {
      lms.set("cmi.score.scaled", String(result.percent / 100));
      lms.set("cmi.completion_status", "completed");
      lms.set("cmi.success_status", result.passed ? "passed" : "failed");
    }
    lms.set(lms.words.exit, lms.words.normalExit);
  }

  function announceCompletion() {
    if (!announcedCompletion) {
      announcedCompletion = true;
      say(completion === "report" ? messages.reported : messages.completed);
    }
  }

  function commit() {
    if (finished) return;
    store();
    if (!lms) return;
    window.clearTimeout(retryTimer);
    if (lms.commit()) {
      if (retryDelay) say(messages.saved);
      retryDelay = 0;
      return;
    }
    say(messages.retrying);
    retryDelay = Math.min(retryDelay ? retryDelay * 2 : 2000, 10000);
    retryTimer = window.setTimeout(commit, retryDelay);
  }

  function finish() {
    if (finished || !lms) return;
    store();
    lms.set(lms.words.sessionTime, sessionTime(version, Date.now() - started));
    lms.commit();
    lms.finish();
    finished = true;
  }

  /** Interaction n is question n of the module; earlier ones get their id and type first. */
  function recordInteraction(/** @type {number} */ index, /** @type {any} */ outcome) {
    if (!lms || !outcome.answered) return;
    const count = Number(lms.get("cmi.interactions._count")) || 0;
    for (let n = Math.min(count, index); n <= index; n++) {
      const question = questions[n];
      if (n >= count) {
        lms.set(`cmi.interactions.${n}.id`, question.id);
        lms.set(`cmi.interactions.${n}.type`, INTERACTION_TYPES[question.type]);
      }
    }
    const prefix = `cmi.interactions.${index}`;
    lms.set(`${prefix}.id`, questions[index].id);
    lms.set(`${prefix}.type`, INTERACTION_TYPES[questions[index].type]);
    const response = learnerResponse(version, questions[index], outcome);
    if (response != null) lms.set(`${prefix}.${lms.words.response}`, response);
    lms.set(`${prefix}.result`, outcome.correct ? "correct" : lms.words.wrong);
  }

  /** @param {string} quiz @param {any} outcome */
  function noteOutcome(quiz, outcome) {
    const index = indexOf.get(`${quiz}.${outcome.question}`);
    if (index === undefined) return;
    state.answers[index] = outcome.response;
    state.results[index] = outcome.answered ? (outcome.correct ? "1" : "0") : "-";
    recordInteraction(index, outcome);
  }

  // ---- Pages ---------------------------------------------------------------------------------

  const pager = /** @type {HTMLElement} */ (document.querySelector(".module-pager"));
  const position = /** @type {HTMLElement} */ (pager.querySelector(".module-position"));
  const contents = [...document.querySelectorAll(".module-contents a")];

  function showPage(/** @type {number} */ index, /** @type {boolean} */ moveFocus) {
    state.page = index;
    state.seen[index] = true;
    pages.forEach((page, i) => { page.hidden = i !== index; });
    contents.forEach((link, i) => {
      if (i === index) link.setAttribute("aria-current", "page");
      else link.removeAttribute("aria-current");
    });
    position.textContent = messages.position.replace("{n}", String(index + 1)).replace("{total}", String(pages.length));
    /** @type {HTMLButtonElement} */ (pager.querySelector("[data-go=previous]")).disabled = index === 0;
    /** @type {HTMLButtonElement} */ (pager.querySelector("[data-go=next]")).disabled = index === pages.length - 1;
    if (moveFocus) {
      const heading = /** @type {HTMLElement | null} */ (pages[index].querySelector("h1"));
      if (heading) {
        heading.tabIndex = -1;
        heading.focus();
      }
    }
    commit();
  }

  /** Follow an in-page link, showing the chapter that holds its target. @param {string} id */
  function reveal(id) {
    const target = id ? document.getElementById(id) : null;
    const page = target?.closest(".module-page");
    if (!target || !page) return false;
    const index = pages.indexOf(/** @type {HTMLElement} */ (page));
    if (index !== state.page || pages[index].hidden) showPage(index, target === page);
    if (target !== page) target.scrollIntoView();
    return true;
  }

  // ---- Start ---------------------------------------------------------------------------------

  load();

  document.addEventListener("cpch-quiz:connect", (event) => {
    const detail = /** @type {CustomEvent} */ (event).detail;
    const quizIndex = scored.indexOf(detail.quiz);
    if (quizIndex < 0) return;
    const own = questions.map((q, i) => [q, i]).filter(([q]) => /** @type {Question} */ (q).quiz === detail.quiz);
    detail.store = {
      load() {
        const answers = Object.fromEntries(own
          .filter(([, i]) => state.answers[/** @type {number} */ (i)] != null)
          .map(([q, i]) => [/** @type {Question} */ (q).id.slice(detail.quiz.length + 1), state.answers[/** @type {number} */ (i)]]));
        return { answers, checked: state.checked[quizIndex] };
      },
      save(/** @type {any} */ saved) {
        own.forEach(([q, i]) => {
          const id = /** @type {Question} */ (q).id.slice(detail.quiz.length + 1);
          state.answers[/** @type {number} */ (i)] = saved && id in saved.answers ? saved.answers[id] : null;
          if (!saved) state.results[/** @type {number} */ (i)] = "-";
        });
        store();
      },
    };
  });
  document.addEventListener("cpch-quiz:answered", (event) => {
    const detail = /** @type {CustomEvent} */ (event).detail;
    noteOutcome(detail.quiz, detail);
    commit();
  });
  document.addEventListener("cpch-quiz:checked", (event) => {
    const detail = /** @type {CustomEvent} */ (event).detail;
    const quizIndex = scored.indexOf(detail.quiz);
    if (quizIndex < 0) return;
    detail.results.forEach((/** @type {any} */ outcome) => noteOutcome(detail.quiz, outcome));
    state.checked[quizIndex] = true;
    commit();
  });

  let formCommit = 0;
  document.addEventListener("cpch-diagnostic:change", (event) => {
    state.form = compactForm(/** @type {CustomEvent} */ (event).detail.state || {}, textLimit);
    store();
    // Typing sends a change per key: commit once the typing pauses.
    window.clearTimeout(formCommit);
    formCommit = window.setTimeout(commit, 1500);
  });
  document.addEventListener("cpch-diagnostic:report", () => {
    state.reported = true;
    commit();
  });
  // The form's own script runs after this one: hand it the saved answers once every script has run.
  document.addEventListener("DOMContentLoaded", () => {
    const form = document.querySelector("[data-diagnostic]");
    if (!form || !state.form) return;
    const saved = { answers: state.form.a, notes: state.form.n, marked: state.form.m };
    document.dispatchEvent(new CustomEvent("cpch-diagnostic:load", {
      detail: { tool: form.getAttribute("data-diagnostic"), state: { ...saved, tool: form.getAttribute("data-diagnostic"), version: Number(form.getAttribute("data-version")) } },
    }));
  });

  pager.hidden = false;
  pager.addEventListener("click", (event) => {
    const go = /** @type {HTMLElement} */ (event.target).closest("[data-go]")?.getAttribute("data-go");
    if (go === "next" && state.page < pages.length - 1) showPage(state.page + 1, true);
    if (go === "previous" && state.page > 0) showPage(state.page - 1, true);
  });
  document.addEventListener("click", (event) => {
    const link = /** @type {HTMLElement} */ (event.target).closest("a[href^='#']");
    if (link && reveal((link.getAttribute("href") || "").slice(1))) event.preventDefault();
  });
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") commit();
  });
  window.addEventListener("pagehide", finish);

  if (!reveal(location.hash.slice(1))) showPage(state.page, false);
  if (lms && !connected) say(messages.retrying);
})();
