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
(function () {
  "use strict";

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

  /** @param {string} template @param {Object<string, any>} values */
  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ""));
  }

  const core = { normaliseText, parseNumber, isAnswered, isCorrect, score, decodeKey, format };
  if (typeof module === "object" && module.exports) {
    module.exports = core;
    return;
  }

  // ---- The page ----------------------------------------------------------------------------

  /** Progress kept in the browser, per quiz and version. @param {string} storageKey */
  function localStore(storageKey) {
    return {
      load() {
        try {
          return JSON.parse(localStorage.getItem(storageKey) || "null");
        } catch (error) {
          return null;
        }
      },
      /** @param {any} state */
      save(state) {
        try {
          if (state) localStorage.setItem(storageKey, JSON.stringify(state));
          else localStorage.removeItem(storageKey);
        } catch (error) {
          // Storage full or blocked: the quiz still works, it just will not survive a reload.
        }
      },
    };
  }

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

    function renumber() {
      const top = [...section.querySelectorAll(".quiz-questions > li")];
      top.forEach((li, n) => {
        const number = li.querySelector(".quiz-number");
        if (number) number.textContent = format(messages.question_number, { n: n + 1, total: top.length });
      });
    }

    function shuffle() {
      if (data.shuffle !== "true") return;
      shuffleChildren(/** @type {Element} */ (section.querySelector(".quiz-questions")), "li");
      section.querySelectorAll(".quiz-options").forEach((list) => shuffleChildren(list, ".quiz-option"));
      renumber();
    }

    /** @param {HTMLElement} item */
    function showFeedback(item) {
      const entry = key[item.dataset.question || ""];
      const response = readResponse(item);
      const verdict = !isAnswered(entry.type, response) ? "unanswered" : isCorrect(entry, response) ? "correct" : "incorrect";
      const chosen = Array.isArray(response) ? response : [response];
      const notes = entry.type === "single" || entry.type === "multiple"
        ? chosen.map((value) => entry.feedback[Number(value)] || "")
        : [entry.feedback[verdict === "correct" ? 0 : 1] || ""];
      item.dataset.result = verdict;
      const box = /** @type {HTMLElement} */ (item.querySelector(".quiz-feedback"));
      box.innerHTML = `<p class="quiz-verdict">${messages[verdict]}</p>` +
        notes.filter(Boolean).map((note) => `<p>${note}</p>`).join("") +
        (entry.explanation ? `<p class="quiz-explanation">${entry.explanation}</p>` : "");
    }

    function clearFeedback() {
      items.forEach((item) => {
        delete item.dataset.result;
        /** @type {HTMLElement} */ (item.querySelector(".quiz-feedback")).textContent = "";
      });
      result.textContent = "";
    }

    function check() {
      checked = true;
      items.forEach(showFeedback);
      const total = score(key, responses(), passMark);
      const open = items.filter((item) => item.dataset.result === "unanswered").length;
      result.innerHTML = `<p>${format(messages.score, total)}</p>` +
        `<p>${format(total.passed ? messages.passed : messages.failed, { pass_mark: passMark })}</p>` +
        (open ? `<p>${format(messages.unanswered_left, { count: open })}</p>` : "");
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
      if (item) tell("cpch-quiz:answered", outcome(/** @type {HTMLElement} */ (item)));
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
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
})();
