// @ts-check
/**
 * cpch quiz runtime: checking, feedback, score, retry and reset for quizzes the build rendered
 * as plain HTML forms. No framework, no globals, no eval. The pure functions at the top are
 * exported for node's test runner; the page wiring below them runs only in a browser.
 *
 * Other scripts connect through DOM events on the quiz's <section>, which bubble:
 * - "cpch-quiz:connect" (detail {quiz, version, store}): a listener may replace `store`
 *   ({load(): state | null, save(state)}) to keep progress elsewhere than localStorage;
 * - "cpch-quiz:answered" (detail {quiz, question, type, response, answered, correct, number}) after
 *   each answer (`number` is the parsed value of a numeric answer);
 * - "cpch-quiz:checked" (detail {quiz, score, results: [the same, for every question]}).
 */
(function (shared) {
  "use strict";
  const { format, localStore } = shared;

  /**
   * @typedef {{type: string, correct: any, feedback: string[], explanation: string}} KeyEntry
   * @typedef {Object<string, KeyEntry>} AnswerKey
   * @typedef {string | string[] | null} Response
   */

  /** @param {string} text */
  function normaliseText(text) {
    return String(text).trim().replace(/\s+/g, " ").replace(/\.$/, "").toLowerCase();
  }

  /**
   * A number as a learner types it: "1.5", "1,5", "1 000", "1,000". NaN when it is not one.
   * @param {string} text
   */
  function parseNumber(text) {
    let s = String(text).trim().replace(/[\s\u00a0\u202f]/g, "");
    if (/^[-+]?\d+,\d+$/.test(s) && !/^[-+]?\d{1,3}(,\d{3})+$/.test(s)) {
      s = s.replace(",", ".");
    } else {
      s = s.replace(/,(?=\d{3}(?!\d))/g, "");
    }
    return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(s) ? Number(s) : NaN;
  }

  /** @param {string} type @param {Response} response */
  function isAnswered(type, response) {
    if (response == null) return false;
    if (Array.isArray(response)) {
      return response.length > 0 && (type === "multiple" || response.every((value) => value !== ""));
    }
    return String(response).trim() !== "";
  }

  /** @param {KeyEntry} entry @param {Response} response */
  function isCorrect(entry, response) {
    if (!isAnswered(entry.type, response)) return false;
    const list = Array.isArray(response) ? response : [];
    switch (entry.type) {
      case "single":
        return Number(response) === entry.correct[0];
      case "multiple": {
        const chosen = list.map(Number).sort((a, b) => a - b);
        return chosen.length === entry.correct.length && chosen.every((v, i) => v === entry.correct[i]);
      }
      case "true-false":
        return response === entry.correct;
      case "ordering":
      case "matching":
        return list.length === entry.correct.length && list.every((v, i) => v === entry.correct[i]);
      case "short-text":
        return entry.correct.some((/** @type {string} */ a) => normaliseText(a) === normaliseText(String(response)));
      case "numeric":
        return Math.abs(parseNumber(String(response)) - entry.correct.value) <= entry.correct.tolerance + 1e-9;
      default:
        return false;
    }
  }

  /**
   * @param {AnswerKey} key
   * @param {Object<string, Response>} responses
   * @param {number} passMark percentage
   */
  function score(key, responses, passMark) {
    const ids = Object.keys(key);
    const points = ids.filter((id) => isCorrect(key[id], responses[id] ?? null)).length;
    const percent = ids.length ? Math.round((points * 100) / ids.length) : 0;
    return { points, max: ids.length, percent, passed: percent >= passMark };
  }

  /** The build XORs the key with "<quiz id>:<version>": obfuscation, not secrecy. */
  function decodeKey(/** @type {string} */ encoded, /** @type {string} */ quizId, /** @type {string} */ version) {
    const mask = new TextEncoder().encode(`${quizId}:${version}`);
    const bytes = Uint8Array.from(atob(encoded), (c, i) => c.charCodeAt(0) ^ mask[i % mask.length]);
    return JSON.parse(new TextDecoder().decode(bytes));
  }

  /**
   * For ordering and matching: whether each position (or pair) the learner gave is right.
   * @param {KeyEntry} entry @param {Response} response @returns {boolean[]}
   */
  function rightPlaces(entry, response) {
    const list = Array.isArray(response) ? response : [];
    return entry.correct.map((/** @type {string} */ value, /** @type {number} */ i) => list[i] === value);
  }

  /** Positions given to more than one item (empty choices aside). @param {string[]} values */
  function duplicates(values) {
    return [...new Set(values.filter((value, i) => value !== "" && values.indexOf(value) !== i))];
  }

  /**
   * The feedback the learner has earned: none for an unanswered question (it would give the answer
   * away); for choices, the feedback of each option chosen; otherwise the right or wrong note.
   * @param {KeyEntry} entry @param {Response} response @returns {string[]}
   */
  function feedbackFor(entry, response) {
    if (!isAnswered(entry.type, response)) return [];
    if (entry.type === "single" || entry.type === "multiple") {
      const chosen = Array.isArray(response) ? response : [response];
      return chosen.map((value) => entry.feedback[Number(value)] || "").filter(Boolean);
    }
    return [entry.feedback[isCorrect(entry, response) ? 0 : 1] || ""].filter(Boolean);
  }

  const core = { normaliseText, parseNumber, isAnswered, isCorrect, score, decodeKey, format, rightPlaces, duplicates, feedbackFor };
  if (typeof module === "object" && module.exports) {
    module.exports = core;
    return;
  }

  // ---- The page ----------------------------------------------------------------------------

  /** @param {HTMLElement} item */
  function readResponse(item) {
    const type = item.dataset.type;
    const inputs = /** @type {HTMLInputElement[]} */ ([...item.querySelectorAll("fieldset input")]);
    const selects = /** @type {HTMLSelectElement[]} */ ([...item.querySelectorAll("fieldset select")]);
    if (type === "single" || type === "true-false") return inputs.find((i) => i.checked)?.value ?? null;
    if (type === "multiple") return inputs.filter((i) => i.checked).map((i) => i.value);
    if (type === "ordering" || type === "matching") return selects.map((s) => s.value);
    return inputs[0].value;
  }

  /** @param {HTMLElement} item @param {Response} response */
  function writeResponse(item, response) {
    const inputs = /** @type {HTMLInputElement[]} */ ([...item.querySelectorAll("fieldset input")]);
    const selects = /** @type {HTMLSelectElement[]} */ ([...item.querySelectorAll("fieldset select")]);
    const values = Array.isArray(response) ? response : [response ?? ""];
    if (selects.length) selects.forEach((s, i) => { s.value = values[i] ?? ""; });
    else if (inputs[0] && inputs[0].type === "text") inputs[0].value = String(values[0]);
    else inputs.forEach((input) => { input.checked = values.includes(input.value); });
  }

  /** @param {Element} list @param {string} selector */
  function shuffleChildren(list, selector) {
    const children = [...list.children].filter((child) => child.matches(selector));
    for (let i = children.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [children[i], children[j]] = [children[j], children[i]];
    }
    children.forEach((child) => list.appendChild(child));
  }

  /** @param {HTMLElement} section */
  function setUp(section) {
    const data = section.dataset;
    const key = /** @type {AnswerKey} */ (decodeKey(data.key || "", data.quiz || "", data.version || ""));
    const messages = JSON.parse(data.messages || "{}");
    const passMark = Number(data.passMark);
    const connection = { quiz: data.quiz, version: data.version, store: localStore(`cpch-quiz:${data.quiz}:v${data.version}`) };
    section.dispatchEvent(new CustomEvent("cpch-quiz:connect", { bubbles: true, detail: connection }));
    const store = connection.store;
    const form = /** @type {HTMLFormElement} */ (section.querySelector("form"));
    const result = /** @type {HTMLElement} */ (section.querySelector(".quiz-result"));
    const items = /** @type {HTMLElement[]} */ ([...section.querySelectorAll(".quiz-question")]);

    /** @returns {Object<string, Response>} */
    const responses = () => Object.fromEntries(items.map((item) => [item.dataset.question, readResponse(item)]));
    let checked = false;
    const save = () => store.save({ answers: { ...(store.load()?.answers || {}), ...responses() }, checked });
    /** @param {string} name @param {any} detail */
    const tell = (name, detail) => section.dispatchEvent(new CustomEvent(name, { bubbles: true, detail: { quiz: data.quiz, ...detail } }));
    /** @param {HTMLElement} item */
    const outcome = (item) => {
      const entry = key[item.dataset.question || ""];
      const response = readResponse(item);
      return {
        question: item.dataset.question, type: entry.type, response, answered: isAnswered(entry.type, response),
        correct: isCorrect(entry, response), number: entry.type === "numeric" ? parseNumber(String(response)) : undefined,
      };
    };

    const locale = section.closest("[lang]")?.getAttribute("lang") || "en";
    /** @param {string} name @param {Object<string, any>} values */
    const say = (name, values = {}) => format(messages[name], values, locale);
    /** @param {HTMLElement} element @param {string} tag @param {string} text */
    const add = (element, tag, text) => {
      const child = element.appendChild(document.createElement(tag));
      child.textContent = text;
      return child;
    };
    /** @param {HTMLElement} item */
    const label = (item) => (item.querySelector(".quiz-number")?.textContent || "").trim();

    /** Every scored question counts once, a case's steps included, as in the score. */
    function renumber() {
      items.forEach((item, n) => {
        const number = item.querySelector(".quiz-number");
        if (number) number.textContent = say("question_number", { n: n + 1, total: items.length });
      });
      section.querySelectorAll(".quiz-scenario").forEach((scenario) => {
        const steps = [...scenario.querySelectorAll(".quiz-question")].map((step) => items.indexOf(/** @type {HTMLElement} */ (step)) + 1);
        const number = scenario.querySelector(".quiz-case-title .quiz-number");
        if (number) number.textContent = say("case_questions", { first: steps[0], last: steps[steps.length - 1], total: items.length });
      });
    }

    function shuffle() {
      if (data.shuffle !== "true") return;
      shuffleChildren(/** @type {Element} */ (section.querySelector(".quiz-questions")), "li");
      section.querySelectorAll(".quiz-options").forEach((list) => shuffleChildren(list, ".quiz-option"));
      items.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
      renumber();
    }

    /** @param {HTMLElement} item */
    const selectLabels = (item) => [...item.querySelectorAll(".quiz-selects li")].map((row) => {
      const name = (row.querySelector("label")?.textContent || "").trim();
      const select = /** @type {HTMLSelectElement | null} */ (row.querySelector("select"));
      return { row: /** @type {HTMLElement} */ (row), name, chosen: select?.selectedOptions[0]?.textContent || "" };
    });

    /** Which positions or pairs are right, on each row and in words. @param {HTMLElement} item @param {HTMLElement} box */
    function showPlaces(item, box) {
      const entry = key[item.dataset.question || ""];
      const places = rightPlaces(entry, readResponse(item));
      const rows = selectLabels(item);
      rows.forEach(({ row }, i) => { row.dataset.result = places[i] ? "correct" : "incorrect"; });
      const names = (/** @type {boolean} */ right) => rows.filter((_, i) => places[i] === right)
        .map(({ name, chosen }) => (entry.type === "matching" ? `${name} – ${chosen}` : name)).join("; ");
      const prefix = entry.type === "matching" ? "pairs" : "order";
      if (places.some(Boolean)) add(box, "p", say(`${prefix}_right`, { items: names(true) }));
      if (!places.every(Boolean)) add(box, "p", say(`${prefix}_wrong`, { items: names(false) }));
    }

    /** @param {HTMLElement} item */
    function showFeedback(item) {
      const entry = key[item.dataset.question || ""];
      const response = readResponse(item);
      const verdict = !isAnswered(entry.type, response) ? "unanswered" : isCorrect(entry, response) ? "correct" : "incorrect";
      item.dataset.result = verdict;
      const box = /** @type {HTMLElement} */ (item.querySelector(".quiz-feedback"));
      box.textContent = "";
      add(box, "p", messages[verdict]).className = "quiz-verdict";
      if (verdict === "unanswered") return; // nothing more: feedback or explanation would give the answer away
      if (verdict === "incorrect" && (entry.type === "ordering" || entry.type === "matching")) showPlaces(item, box);
      // Feedback and explanations are the build's own escaped, inline-Markdown HTML.
      box.insertAdjacentHTML("beforeend", feedbackFor(entry, response).map((note) => `<p>${note}</p>`).join("") +
        (entry.explanation ? `<p class="quiz-explanation">${entry.explanation}</p>` : ""));
    }

    /** An ordering question with two items in one position cannot be checked. @param {HTMLElement} item */
    function positionProblem(item) {
      if (item.dataset.type !== "ordering") return "";
      const twice = duplicates(/** @type {string[]} */ (readResponse(item)));
      return twice.length ? say("duplicate_position", { position: twice.join(", ") }) : "";
    }

    /** Say at once, beside the question, when two items share a position. @param {HTMLElement} item */
    function showPositionProblem(item) {
      const box = /** @type {HTMLElement} */ (item.querySelector(".quiz-feedback"));
      const problem = positionProblem(item);
      if (problem) {
        item.dataset.result = "duplicate";
        box.textContent = "";
        add(box, "p", problem).className = "quiz-verdict";
      } else if (item.dataset.result === "duplicate") {
        delete item.dataset.result;
        box.textContent = "";
      }
    }

    function clearFeedback() {
      items.forEach((item) => {
        delete item.dataset.result;
        item.querySelectorAll(".quiz-selects li").forEach((row) => { delete /** @type {HTMLElement} */ (row).dataset.result; });
        /** @type {HTMLElement} */ (item.querySelector(".quiz-feedback")).textContent = "";
      });
      result.textContent = "";
    }

    /** Links to the questions to look at again; following one moves the focus there. @param {HTMLElement[]} open */
    function reviewList(open) {
      const list = document.createElement("ul");
      list.className = "quiz-review";
      open.forEach((item) => {
        const link = /** @type {HTMLAnchorElement} */ (add(add(list, "li", ""), "a", `${label(item)} ${messages[item.dataset.result || "incorrect"]}`));
        link.href = `#${item.id}`;
        link.addEventListener("click", (event) => {
          event.preventDefault();
          const target = /** @type {HTMLElement | null} */ (item.querySelector("input, select"));
          item.scrollIntoView({ block: "start" });
          target?.focus({ preventScroll: true });
        });
      });
      return list;
    }

    function check() {
      checked = true;
      items.forEach(showFeedback);
      const total = score(key, responses(), passMark);
      const unanswered = items.filter((item) => item.dataset.result === "unanswered").length;
      const open = items.filter((item) => item.dataset.result !== "correct");
      result.textContent = "";
      add(result, "p", say("score", total));
      add(result, "p", say(total.passed ? "passed" : "failed", { pass_mark: passMark }));
      if (unanswered) add(result, "p", say("unanswered_left", { count: unanswered }));
      if (open.length) {
        add(result, "p", say("review", { count: open.length }));
        result.appendChild(reviewList(open));
      }
      section.dataset.outcome = total.passed ? "passed" : "failed";
      return total;
    }

    section.querySelectorAll(".quiz-nojs").forEach((note) => { /** @type {HTMLElement} */ (note).hidden = true; });
    /** @type {HTMLElement} */ (section.querySelector(".quiz-actions")).hidden = false;
    shuffle();

    const saved = store.load();
    if (saved && saved.answers) {
      items.forEach((item) => {
        const id = item.dataset.question || "";
        if (id in saved.answers) writeResponse(item, saved.answers[id]);
      });
      if (saved.checked) check();
      else result.textContent = messages.restored;
    }

    form.addEventListener("input", save);
    form.addEventListener("change", (event) => {
      save();
      const item = /** @type {HTMLElement} */ (event.target).closest(".quiz-question");
      if (!item) return;
      showPositionProblem(/** @type {HTMLElement} */ (item));
      tell("cpch-quiz:answered", outcome(/** @type {HTMLElement} */ (item)));
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const blocked = items.find((item) => positionProblem(item));
      if (blocked) {
        showPositionProblem(blocked);
        result.textContent = "";
        add(result, "p", say("fix_first", { question: label(blocked), problem: positionProblem(blocked) }));
        /** @type {HTMLElement | null} */ (blocked.querySelector("select"))?.focus();
        return;
      }
      const total = check();
      save();
      tell("cpch-quiz:checked", { score: total, results: items.map(outcome) });
      result.focus();
    });
    form.addEventListener("click", (event) => {
      const action = /** @type {HTMLElement} */ (event.target).closest("[data-action]")?.getAttribute("data-action");
      if (!action) return;
      checked = false;
      clearFeedback();
      delete section.dataset.outcome;
      if (action === "reset") {
        items.forEach((item) => writeResponse(item, null));
        store.save(null);
        result.textContent = messages.cleared;
      } else {
        save();
        shuffle();
      }
      /** @type {HTMLElement | null} */ (form.querySelector("input, select"))?.focus();
    });
  }

  function ready() {
    document.querySelectorAll("section.quiz[data-key]").forEach((section) => setUp(/** @type {HTMLElement} */ (section)));
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
  // In a page the build puts cpch-shared.js in front of this file; node's tests load it themselves.
})(typeof cpchShared === "object" ? cpchShared : require("./cpch-shared.js"));
