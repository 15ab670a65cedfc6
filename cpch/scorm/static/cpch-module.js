// @ts-check
/**
 * cpch module runtime: one page holds every chapter of a module; this script shows one chapter at
 * a time, tracks what was read and answered, and keeps it where it lasts: the learning platform
 * (LMS), through the SCORM adapter (cpch-scorm.js), and this browser's localStorage.
 *
 * One LMS session covers the whole module. Progress goes to suspend data after every change and is
 * committed after each answer, page turn and check, and when the tab is hidden, so that little is
 * left to send on pagehide, when the session ends. Whatever the LMS refuses is sent again, and the
 * browser's copy is restored when the LMS copy is missing or older. A relaunch restores the saved
 * answers whatever the LMS says of the entry ("resume", "" or "ab-initio"); only a state with no
 * saved answers starts clean. Saved state names the module's question set (`h`) and is ignored by
 * any other. A second tab of the same module is told to close and becomes read-only.
 *
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
   *   form: Form | null, reported: boolean, time: number}} State
   * @typedef {{pages: number, quizzes: number, questions: Question[], identity: string}} Shape
   * @typedef {{s: string, synced: boolean, pending: number}} LocalRecord
   */

  const FORMAT = 2;
  const TEXT_TYPES = ["short-text", "numeric"];

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
    Array.from({ length }, (_, i) => text.length === length && text.charAt(i) === "1");

  /** @param {number} pages @param {number} quizzes @param {number} questions @returns {State} */
  function emptyState(pages, quizzes, questions) {
    return {
      page: 0, seen: Array(pages).fill(false), checked: Array(quizzes).fill(false),
      results: Array(questions).fill("-"), answers: Array(questions).fill(null), form: null, reported: false, time: 0,
    };
  }

  /**
   * The suspend data: answers by position in the question set named by `h` (a hash of the questions'
   * ids and versions), so a position always means the same question; `t` is when it was saved.
   * @param {State} state @param {Question[]} questions @param {string} identity
   */
  function encodeState(state, questions, identity) {
    const answers = state.answers.map((response, i) => encodeAnswer(questions[i].type, response));
    while (answers.length && answers[answers.length - 1] == null) answers.pop();
    const data = {
      v: FORMAT, h: identity, t: Math.max(0, Math.floor(state.time)).toString(36), p: state.page,
      s: bits(state.seen), c: bits(state.checked), r: state.results.join(""), a: answers,
    };
    return JSON.stringify(state.form ? { ...data, f: state.form, d: state.reported ? 1 : 0 } : data);
  }

  /** @returns {State | null} null when `text` is not saved state of this module's question set */
  function decodeState(/** @type {string | null} */ text, /** @type {Shape} */ shape) {
    try {
      const data = JSON.parse(text || "null");
      if (!data || data.v !== FORMAT || data.h !== shape.identity || !Array.isArray(data.a)) return null;
      const { pages, quizzes, questions } = shape;
      const state = emptyState(pages, quizzes, questions.length);
      state.page = Math.min(Math.max(0, Number(data.p) || 0), pages - 1);
      state.seen = flags(String(data.s || ""), pages);
      state.checked = flags(String(data.c || ""), quizzes);
      state.results = questions.map((_, i) => String(data.r || "").charAt(i) || "-");
      state.answers = questions.map((q, i) => decodeAnswer(q.type, data.a[i] ?? null));
      state.form = data.f && typeof data.f === "object" ? data.f : null;
      state.reported = data.d === 1;
      state.time = parseInt(String(data.t || "0"), 36) || 0;
      return state;
    } catch (error) {
      return null;
    }
  }

  /** Whether a state holds anything the learner did: a fresh state is never restored over a saved one. */
  const hasProgress = (/** @type {State} */ state) => state.answers.some((a) => a != null) || state.checked.some(Boolean) ||
    state.reported || Boolean(state.form && (Object.keys(state.form.a).length || Object.keys(state.form.n).length || state.form.m.length));

  /**
   * Which saved state to start from: the LMS copy, unless this browser holds a later one, or holds one
   * the LMS never confirmed and the LMS has none. A browser copy the LMS did confirm, with nothing in
   * the LMS, belongs to an earlier attempt: the learner starts a new one clean.
   * @param {State | null} fromLms @param {State | null} fromBrowser @param {boolean} confirmed
   */
  function chooseState(fromLms, fromBrowser, confirmed) {
    if (fromBrowser && fromLms) return fromBrowser.time > fromLms.time ? fromBrowser : fromLms;
    if (fromBrowser && !confirmed) return fromBrowser;
    return fromLms;
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

  /**
   * The longest suspend data a module of this shape can need: every page seen, every quiz checked,
   * every question answered with its longest answer (`longest[i]`, from the build: choices, or the
   * text field's length), every character of text needing an escape. The node tests hold it to the
   * build's bound (cpch/scorm/suspend.py).
   * @param {Shape} shape @param {number[]} longest
   */
  function worstCase(shape, longest) {
    const state = emptyState(shape.pages, shape.quizzes, shape.questions.length);
    state.page = shape.pages - 1;
    state.seen.fill(true);
    state.checked.fill(true);
    state.results.fill("1");
    state.time = 4102444800; // 2100-01-01: no later time needs more characters
    state.answers = shape.questions.map((q, i) => {
      if (TEXT_TYPES.includes(q.type)) return '"'.repeat(longest[i]);
      if (q.type === "true-false") return "false";
      if (q.type === "single") return String(Math.max(0, longest[i] - 1));
      return Array.from({ length: longest[i] }, (_, n) => String(n));
    });
    return encodeState(state, shape.questions, shape.identity).length;
  }

  const core = { encodeAnswer, decodeAnswer, emptyState, encodeState, decodeState, hasProgress, chooseState, progress, compactForm, worstCase };
  if (typeof module === "object" && module.exports) {
    module.exports = core;
    return;
  }

  // ---- The page ------------------------------------------------------------------------------

  const body = document.body;
  const data = body.dataset;
  const version = /** @type {"1.2" | "2004"} */ (data.scorm === "2004" ? "2004" : "1.2");
  const passMark = Number(data.passMark);
  const completion = data.completion === "report" ? "report" : "quizzes";
  const textLimit = Number(data.textLimit) || 0;
  // "question": one interaction per question; "quiz": one per quiz, for a module whose per-question
  // record would not fit the LMS's save as the tab closes (see cpch/scorm/closing.py).
  const perQuiz = data.interactions === "quiz";
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
  /** @type {Shape} */
  const shape = { pages: pages.length, quizzes: scored.length, questions, identity: data.questionSet || "" };
  const indexOf = new Map(questions.map((q, i) => [q.id, i]));
  const status = /** @type {HTMLElement} */ (document.querySelector(".module-status"));

  /** @type {any} */
  const connection = {};
  document.dispatchEvent(new CustomEvent("cpch-scorm:connect", { detail: connection }));
  const scorm = connection.adapter;
  const lms = connection.connect ? connection.connect(version) : null;
  const started = Date.now();
  let storageKey = `cpch-module:${data.module}:${shape.identity}`;
  let carried = 0; // milliseconds of earlier sessions the LMS never received
  let held = { status: "", success: "", raw: /** @type {number | null} */ (null) };
  let finished = false;
  let passive = false; // another tab of this module came first: this one only shows
  let announcedCompletion = false;
  let retryDelay = 0;
  let retryTimer = 0;
  let pendingText = ""; // the suspend data last stored
  let committedState = ""; // what the LMS last accepted, as `unsaved()` gives it
  /** @type {Map<number, any>} interactions still to be accepted by the LMS (per quiz: no outcome) */
  const unsent = new Map();
  /** @type {Set<number>} interactions whose id and type the LMS holds */
  const described = new Set();
  /** @type {State} */
  let state = emptyState(pages.length, scored.length, questions.length);

  function say(/** @type {string} */ text) {
    if (status.textContent !== text) status.textContent = text;
  }

  /** @returns {LocalRecord | null} */
  function readLocal() {
    try {
      const record = JSON.parse(localStorage.getItem(storageKey) || "null");
      return record && typeof record.s === "string" ? record : null;
    } catch (error) {
      return null; // storage blocked or damaged
    }
  }

  function writeLocal(/** @type {string} */ text, /** @type {boolean} */ synced, /** @type {number} */ pending) {
    try {
      localStorage.setItem(storageKey, JSON.stringify({ s: text, synced, pending }));
    } catch (error) {
      // storage full or blocked: the LMS copy is all there is
    }
  }

  const elapsed = () => carried + Date.now() - started;

  function load() {
    if (!lms) {
      say(messages.standalone);
      state = decodeState(readLocal()?.s || "", shape) || state;
      return;
    }
    if (!lms.start()) reportFault();
    held = lms.held();
    const recorded = Number(lms.get("cmi.interactions._count")) || 0; // by an earlier session
    for (let n = 0; n < recorded; n++) described.add(n);
    storageKey += `:${lms.get(lms.words.learner)}`;
    const local = readLocal();
    carried = local && local.pending > 0 ? local.pending : 0;
    const fromLms = decodeState(lms.get("cmi.suspend_data"), shape);
    const fromBrowser = local ? decodeState(local.s, shape) : null;
    const chosen = chooseState(fromLms, fromBrowser, Boolean(local?.synced));
    if (chosen && hasProgress(chosen)) {
      state = chosen;
      announcedCompletion = scorm.finished(held); // said once, when it happened
      if (announcedCompletion) say(messages.finished_before);
      else if (chosen !== fromLms) say(messages.restored_local);
    }
    if (!scorm.started(held)) lms.set(version === "1.2" ? "cmi.core.lesson_status" : "cmi.completion_status", "incomplete");
  }

  /** Record the learner's result, never below what the LMS held; returns whether every value was accepted. */
  function storeResult() {
    const result = progress(state, passMark, completion);
    if (!result.complete) return lms.set(lms.words.exit, "suspend");
    announceCompletion();
    let accepted = true;
    for (const [element, value] of scorm.resultValues(version, held, result, completion === "quizzes")) {
      accepted = lms.set(element, value) && accepted;
      if (element.endsWith(".raw")) held.raw = Number(value);
      if (element === "cmi.core.lesson_status" || element === "cmi.completion_status") held.status = value;
      if (element === "cmi.success_status") held.success = value;
    }
    // A form module stays open (exit "suspend") so a team can come back to its answers.
    return lms.set(lms.words.exit, completion === "report" ? "suspend" : lms.words.finishedExit) && accepted;
  }

  /** Put the whole state where it is kept; returns whether the LMS accepted every value. */
  function store() {
    if (passive) return true;
    state.time = Date.now() / 1000;
    const text = encodeState(state, questions, shape.identity);
    if (!lms) {
      writeLocal(text, true, 0);
      return true;
    }
    writeLocal(text, false, elapsed());
    let accepted = lms.set("cmi.suspend_data", text);
    accepted = lms.set(lms.words.location, String(state.page)) && accepted;
    accepted = lms.set(lms.words.sessionTime, scorm.sessionTime(version, elapsed())) && accepted;
    for (const [index, outcome] of unsent) {
      if (recordInteraction(index, outcome)) unsent.delete(index);
      else accepted = false;
    }
    accepted = storeResult() && accepted;
    pendingText = text;
    return accepted;
  }

  function announceCompletion() {
    if (!announcedCompletion) {
      announcedCompletion = true;
      say(completion === "report" ? messages.reported : messages.completed);
    }
  }

  function reportFault() {
    const fault = lms && lms.faults[lms.faults.length - 1];
    if (fault) body.dataset.lmsFault = `${fault.call} ${fault.element}: ${fault.code} ${fault.text} ${fault.diagnostic}`.trim();
    say(messages.retrying);
  }

  /** What a commit would change in the LMS (not the time, which the session's end sends). */
  const unsaved = () => `${encodeState({ ...state, time: 0 }, questions, shape.identity)} ${unsent.size}`;

  /**
   * Send the state to the LMS, if anything changed since the last commit it accepted: while the tab
   * closes, the browser sends only a few kilobytes on the page's behalf, and a commit that repeats
   * the last one would use them up before the session's end is sent.
   */
  function commit() {
    if (finished || passive) return;
    if (lms && !retryDelay && unsaved() === committedState) return;
    const accepted = store();
    if (!lms) return;
    window.clearTimeout(retryTimer);
    const committed = lms.commit(); // what was accepted is kept even when some value was refused
    if (accepted && committed) {
      committedState = unsaved();
      writeLocal(pendingText, true, elapsed());
      if (retryDelay) say(messages.saved);
      retryDelay = 0;
      return;
    }
    reportFault();
    retryDelay = Math.min(retryDelay ? retryDelay * 2 : 2000, 10000);
    retryTimer = window.setTimeout(commit, retryDelay);
  }

  /**
   * End the session with one request (the LMS stores everything at its end, so no commit first).
   * The time of a session whose end the LMS did not receive is added to the next session's.
   */
  function finish() {
    if (finished || !lms || passive) return false;
    window.clearTimeout(retryTimer);
    const accepted = store();
    const ended = lms.finish();
    finished = true;
    writeLocal(pendingText, accepted && ended, ended ? 0 : elapsed());
    return ended;
  }

  /**
   * The learner ends the session while the page is alive: the LMS gets everything at once, however
   * large (a closing tab can send only a few kilobytes). The page then only shows the module.
   */
  function finishNow() {
    if (!finish()) {
      finished = false; // the LMS kept the session open: carry on and send again
      reportFault();
      return;
    }
    lockControls();
    finishing.hidden = true;
    say(messages.closed);
  }

  /**
   * Interaction n is question n of the module, or quiz n when recorded per quiz (the same in every
   * session, as the question set is fixed); earlier ones get their id and type first, since the LMS
   * numbers them in order.
   */
  function recordInteraction(/** @type {number} */ index, /** @type {any} */ outcome) {
    let accepted = true;
    for (let n = 0; n < index; n++) {
      if (described.has(n)) continue;
      const done = describe(n);
      if (done) described.add(n);
      accepted = done && accepted;
    }
    accepted = describe(index) && accepted;
    const prefix = `cmi.interactions.${index}`;
    const [response, right] = perQuiz ? quizRecord(index) : questionRecord(index, outcome);
    if (response != null) accepted = lms.set(`${prefix}.${lms.words.response}`, response) && accepted;
    accepted = lms.set(`${prefix}.result`, right) && accepted;
    if (accepted) described.add(index);
    return accepted;
  }

  /** Interaction n's id and type: those of question n, or of quiz n when recorded per quiz. */
  function describe(/** @type {number} */ n) {
    const prefix = `cmi.interactions.${n}`;
    return lms.set(`${prefix}.id`, perQuiz ? scored[n] : questions[n].id) &&
      lms.set(`${prefix}.type`, perQuiz ? "other" : scorm.INTERACTION_TYPES[questions[n].type]);
  }

  function questionRecord(/** @type {number} */ index, /** @type {any} */ outcome) {
    return [scorm.learnerResponse(version, questions[index], outcome), outcome.correct ? "correct" : lms.words.wrong];
  }

  /** A quiz's record: its questions' results in order (1 right, 0 wrong, - not answered) and the fraction right. */
  function quizRecord(/** @type {number} */ quizIndex) {
    const results = questions.map((q, i) => (q.quiz === scored[quizIndex] ? state.results[i] : "")).join("");
    const right = [...results].filter((r) => r === "1").length;
    return [results, String(Math.round((10000 * right) / Math.max(results.length, 1)) / 10000)];
  }

  /** @param {string} quiz @param {any} outcome */
  function noteOutcome(quiz, outcome) {
    const index = indexOf.get(`${quiz}.${outcome.question}`);
    if (index === undefined) return;
    state.answers[index] = outcome.response;
    state.results[index] = outcome.answered ? (outcome.correct ? "1" : "0") : "-";
    if (lms && outcome.answered) unsent.set(perQuiz ? scored.indexOf(quiz) : index, outcome);
  }

  // ---- A second tab of the same module ------------------------------------------------------

  function lockControls() {
    body.dataset.readOnly = "true";
    document.querySelectorAll("main input, main select, main textarea, main button:not([data-go])").forEach((control) => {
      /** @type {HTMLInputElement} */ (control).disabled = true;
    });
  }

  function becomePassive() {
    passive = true;
    window.clearTimeout(retryTimer);
    lockControls();
    finishing.hidden = true;
    say(messages.other_tab);
  }

  /** The tab opened first keeps working; a later one hears so and only shows the module. */
  function guardTabs() {
    if (typeof BroadcastChannel !== "function") return;
    const channel = new BroadcastChannel(storageKey);
    const me = `${started}-${Math.random().toString(36).slice(2)}`;
    channel.onmessage = (event) => {
      const message = event.data || {};
      if (message.hello && message.hello !== me && !passive && message.hello > me) channel.postMessage({ busy: message.hello });
      else if (message.busy === me && !passive) becomePassive();
    };
    channel.postMessage({ hello: me });
  }

  // ---- Pages ---------------------------------------------------------------------------------

  const pager = /** @type {HTMLElement} */ (document.querySelector(".module-pager"));
  const finishing = /** @type {HTMLElement} */ (document.querySelector(".module-finish"));
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
  guardTabs();

  document.addEventListener("cpch-quiz:connect", (event) => {
    const detail = /** @type {CustomEvent} */ (event).detail;
    const quizIndex = scored.indexOf(detail.quiz);
    if (quizIndex < 0) return;
    const own = questions.map((q, i) => ({ id: q.id.slice(detail.quiz.length + 1), quiz: q.quiz, index: i }))
      .filter((q) => q.quiz === detail.quiz);
    detail.store = {
      load() {
        const answered = own.filter((q) => state.answers[q.index] != null);
        if (!answered.length && !state.checked[quizIndex]) return null; // nothing saved: nothing to restore
        return { answers: Object.fromEntries(answered.map((q) => [q.id, state.answers[q.index]])), checked: state.checked[quizIndex] };
      },
      save(/** @type {any} */ saved) {
        own.forEach((q) => {
          state.answers[q.index] = saved && q.id in saved.answers ? saved.answers[q.id] : null;
          if (!saved) state.results[q.index] = "-";
        });
        state.checked[quizIndex] = Boolean(saved && saved.checked);
        store();
      },
    };
  });
  document.addEventListener("cpch-quiz:answered", (event) => {
    noteOutcome(/** @type {CustomEvent} */ (event).detail.quiz, /** @type {CustomEvent} */ (event).detail);
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
  // The module keeps the form's answers (in the LMS, by learner and attempt): the form keeps no copy
  // of its own, which would fill a new attempt, or another learner's, with these answers.
  document.addEventListener("cpch-diagnostic:connect", (event) => {
    /** @type {CustomEvent} */ (event).detail.store = { load: () => null, save: () => true };
  });
  // The form's own script runs after this one: hand it the saved answers once every script has run.
  document.addEventListener("DOMContentLoaded", () => {
    const form = document.querySelector("[data-diagnostic]");
    if (!form || !state.form) return;
    const saved = { answers: state.form.a, notes: state.form.n, marked: state.form.m };
    const tool = form.getAttribute("data-diagnostic");
    document.dispatchEvent(new CustomEvent("cpch-diagnostic:load", {
      detail: { tool, state: { ...saved, tool, version: Number(form.getAttribute("data-version")) } },
    }));
  });

  pager.hidden = false;
  finishing.hidden = !lms;
  finishing.addEventListener("click", finishNow);
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
    if (document.visibilityState === "hidden") {
      window.clearTimeout(formCommit);
      commit();
    }
  });
  window.addEventListener("pagehide", finish);

  if (!reveal(location.hash.slice(1))) showPage(state.page, false);
})();
