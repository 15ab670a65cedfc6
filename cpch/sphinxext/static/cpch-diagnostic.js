// @ts-check
/**
 * cpch diagnostic runtime: weaknesses shown next to the answers that point to them, a suggested level,
 * a printable report, export to JSON and CSV, import, autosave and restore, for diagnostics the build
 * rendered as plain HTML. No framework, no globals, no eval, no inline code (the site runs under
 * `script-src 'self'`). The pure functions at the top are exported for node's test runner; the page
 * wiring below them runs only in a browser.
 *
 * State is plain, compact JSON: {tool, version, answers: {number: value}, notes: {number: text},
 * marked: [number]}. Another host (a SCORM wrapper, say) can keep it elsewhere without globals:
 *   - after each change, the diagnostic's first block dispatches a bubbling `cpch-diagnostic:change`
 *     event whose detail is {tool, state};
 *   - dispatching `cpch-diagnostic:load` on document with detail {tool, state} replaces the answers
 *     (the state is checked first, as an imported file is);
 *   - when the learner prints or exports the report, a bubbling `cpch-diagnostic:report` event
 *     (detail {tool, format}) says the report was produced;
 *   - before anything is restored, the first block dispatches a bubbling `cpch-diagnostic:connect`
 *     event (detail {tool, version, store}); a listener may replace `store` ({load(), save(state)})
 *     so the answers are kept only where the host keeps them (an LMS, by learner and attempt).
 */
(function (shared) {
  "use strict";
  const { format, localStore } = shared;

  /**
   * @typedef {{answers: Object<string, string>, notes: Object<string, string>, marked: string[], tool?: string, version?: number}} State
   * @typedef {{title: string, url: string}} Link
   * @typedef {{id: string, kind: string, values: string[], weak: string[], evidence: Object<string, number>,
   *   selfCheck: boolean, question?: string, optionTexts?: Object<string, string>, weaknesses?: string[],
   *   solutions?: string[], links?: Link[]}} Info
   * @typedef {{level: number | null, used: {id: string, value: string, level: number}[], levels: number[], count: number}} Suggestion
   */

  const MAX_TEXT = 20000; // characters kept from one imported text: a guard, not a limit anyone should meet

  /** @param {string} [tool] @param {number} [version] @returns {State} */
  function emptyState(tool, version) {
    return { tool, version, answers: {}, notes: {}, marked: [] };
  }

  /** @param {Info} info @param {State} state */
  function isAnswered(info, state) {
    const value = state.answers[info.id];
    return typeof value === "string" && value.trim() !== "";
  }

  /** Whether the answers to an item point to its common weakness. @param {Info} info @param {State} state */
  function isWeak(info, state) {
    if (info.kind === "text") return info.selfCheck && state.marked.includes(info.id);
    const value = state.answers[info.id];
    return value !== undefined && info.weak.includes(value);
  }

  /**
   * The suggested level: each answer named in an item's evidence stands for a level; the suggestion is
   * the middle one of those levels in order (the lower middle one for an even count), once `minimum`
   * answers count.
   * @param {Info[]} infos @param {State} state @param {number} minimum @returns {Suggestion}
   */
  function suggestLevel(infos, state, minimum) {
    /** @type {Suggestion["used"]} */
    const used = [];
    for (const info of infos) {
      const value = state.answers[info.id];
      if (value !== undefined && Object.prototype.hasOwnProperty.call(info.evidence || {}, value)) {
        used.push({ id: info.id, value, level: info.evidence[value] });
      }
    }
    const levels = used.map((u) => u.level).sort((a, b) => a - b);
    const level = levels.length && levels.length >= minimum ? levels[Math.floor((levels.length - 1) / 2)] : null;
    return { level, used, levels, count: used.length };
  }

  /** @param {unknown} value */
  const isRecord = (value) => typeof value === "object" && value !== null && !Array.isArray(value);

  /**
   * Check saved or imported data against the items on the page. Entries for unknown items or with
   * answers an item does not offer are left out and counted.
   * @param {unknown} data @param {string} tool @param {number} version @param {Info[]} infos
   * @returns {{state?: State, ignored?: number, error?: string}}
   */
  function validateState(data, tool, version, infos) {
    if (!isRecord(data)) return { error: "bad_shape" };
    const raw = /** @type {Object<string, any>} */ (data);
    if (raw.tool !== tool) return { error: typeof raw.tool === "string" ? "wrong_tool" : "bad_shape" };
    const answers = raw.answers ?? {}, notes = raw.notes ?? {}, marked = raw.marked ?? [];
    if (!isRecord(answers) || !isRecord(notes) || !Array.isArray(marked)) return { error: "bad_shape" };
    const byId = new Map(infos.map((info) => [info.id, info]));
    const state = emptyState(tool, version);
    let ignored = 0, kept = 0;
    for (const [id, value] of Object.entries(answers)) {
      const info = byId.get(id);
      const fits = info && typeof value === "string" &&
        (info.kind === "text" ? value.length <= MAX_TEXT : info.values.includes(value));
      if (fits) { state.answers[id] = value; kept++; } else ignored++;
    }
    for (const [id, value] of Object.entries(notes)) {
      const info = byId.get(id);
      if (info && info.kind !== "text" && typeof value === "string" && value.length <= MAX_TEXT) { state.notes[id] = value; kept++; } else ignored++;
    }
    for (const id of marked) {
      const info = byId.get(id);
      if (info && info.selfCheck && !state.marked.includes(id)) { state.marked.push(id); kept++; } else ignored++;
    }
    if (!kept && ignored) return { error: "nothing_valid" };
    return { state, ignored };
  }

  /** Parse a file's text, then check it. @param {string} text @param {string} tool @param {number} version @param {Info[]} infos */
  function readStateText(text, tool, version, infos) {
    let data;
    try {
      data = JSON.parse(text);
    } catch (error) {
      return { error: "not_json" };
    }
    return validateState(data, tool, version, infos);
  }

  /** The export file: the state and when it was saved, readable by people and by import. @param {State} state @param {Date} when */
  function exportJson(state, when) {
    const { tool, version, answers, notes, marked } = state;
    return JSON.stringify({ tool, version, saved: when.toISOString(), answers, notes, marked }, null, 2) + "\n";
  }

  /**
   * One CSV field (RFC 4180). A cell a spreadsheet would run as a formula gets a leading apostrophe.
   * @param {unknown} value
   */
  function csvField(value) {
    let text = String(value ?? "");
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  }

  /** @param {unknown[][]} rows */
  function buildCsv(rows) {
    return rows.map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
  }

  /** @param {Info} info @param {State} state */
  function answerText(info, state) {
    const value = state.answers[info.id] ?? "";
    return info.kind === "text" ? value : (info.optionTexts || {})[value] ?? "";
  }

  /**
   * The table: a header and one row per item, in page order.
   * @param {Info[]} infos @param {State} state @param {Object<string, string>} m messages
   */
  function csvRows(infos, state, m) {
    const rows = infos.map((info) => {
      const answered = isAnswered(info, state) || state.marked.includes(info.id);
      return [
        info.id, info.question ?? "", answerText(info, state), state.notes[info.id] ?? "",
        answered ? (isWeak(info, state) ? m.yes : m.no) : "",
        (info.weaknesses ?? []).join("\n"), (info.solutions ?? []).join("\n"),
        (info.links ?? []).map((link) => `${link.title} <${link.url}>`).join("\n"),
      ];
    });
    return [m.csv_header.split("|"), ...rows];
  }

  const core = { emptyState, isAnswered, isWeak, suggestLevel, validateState, readStateText, exportJson, csvField, buildCsv, csvRows, answerText, format };
  if (typeof module === "object" && module.exports) {
    module.exports = core;
    return;
  }

  // ---- The page ----------------------------------------------------------------------------

  /** @param {Element | null} element */
  const text = (element) => (element ? (element.textContent || "").replace(/\s+/g, " ").trim() : "");

  /** What the runtime needs to know about one item, read from the HTML the build made. @param {HTMLElement} element @returns {Info} */
  function readInfo(element) {
    const data = element.dataset;
    // Every item the build makes has a legend; an empty one keeps a hand-made page working.
    const legend = /** @type {HTMLElement} */ ((element.querySelector("legend") || document.createElement("legend")).cloneNode(true));
    legend.querySelector(".diagnostic-number")?.remove();
    /** @type {Object<string, string>} */
    const optionTexts = {};
    element.querySelectorAll('input[type="radio"]').forEach((input) => {
      const label = element.querySelector(`label[for="${CSS.escape(input.id)}"]`);
      const name = label && label.querySelector(".diagnostic-level-name");
      optionTexts[/** @type {HTMLInputElement} */ (input).value] = text(name || label).replace(/\.$/, "");
    });
    const links = [...element.querySelectorAll(".diagnostic-advice > .diagnostic-read a")].map((a) => ({
      title: text(a), url: /** @type {HTMLAnchorElement} */ (a).href,
    }));
    return {
      id: data.item || "", kind: data.kind || "", values: Object.keys(optionTexts),
      weak: JSON.parse(data.weak || "[]"), evidence: JSON.parse(data.evidence || "{}"),
      selfCheck: !!element.querySelector('[data-field="marked"]'), question: text(legend), optionTexts,
      weaknesses: [...element.querySelectorAll(".diagnostic-weaknesses li")].map(text),
      solutions: [...element.querySelectorAll(".diagnostic-solutions li")].map(text), links,
    };
  }

  /** @param {HTMLElement} element @param {string} field */
  const fieldOf = (element, field) => /** @type {HTMLInputElement[]} */ ([...element.querySelectorAll(`[data-field="${field}"]`)]);

  /** @param {HTMLElement[]} elements @returns {State} */
  function readPage(elements) {
    const state = emptyState();
    for (const element of elements) {
      const id = element.dataset.item || "";
      const answer = fieldOf(element, "answer");
      const value = answer.length && answer[0].type === "radio" ? answer.find((i) => i.checked)?.value : answer[0]?.value;
      if (value && value.trim() !== "") state.answers[id] = value;
      const notes = fieldOf(element, "notes")[0]?.value;
      if (notes && notes.trim() !== "") state.notes[id] = notes;
      if (fieldOf(element, "marked")[0]?.checked) state.marked.push(id);
    }
    return state;
  }

  /** @param {HTMLElement[]} elements @param {State} state */
  function writePage(elements, state) {
    for (const element of elements) {
      const id = element.dataset.item || "";
      for (const input of fieldOf(element, "answer")) {
        if (input.type === "radio") input.checked = input.value === state.answers[id];
        else input.value = state.answers[id] ?? "";
      }
      fieldOf(element, "notes").forEach((input) => { input.value = state.notes[id] ?? ""; });
      fieldOf(element, "marked").forEach((input) => { input.checked = state.marked.includes(id); });
    }
  }

  /**
   * @param {string} tag @param {Object<string, string> | null} [attributes]
   * @param {(Node | string | null | undefined | false)[]} [children]
   */
  function make(tag, attributes, children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) element.setAttribute(name, value);
    for (const child of children || []) if (child) element.append(child);
    return element;
  }

  /** @param {string} tool @param {HTMLElement[]} blocks */
  function setUp(tool, blocks) {
    const first = blocks.find((block) => block.dataset.config) || blocks[0];
    const config = JSON.parse(first.dataset.config || "{}");
    /** @type {Object<string, string>} */
    const m = config.messages || {};
    /** @type {{id: string, number: number, name: string}[]} */
    const levels = config.levels || [];
    const version = Number(first.dataset.version) || 1;
    /** @type {{tool: string, version: number, store: {load(): any, save(state: State | null): boolean}}} */
    const connection = { tool, version, store: localStore(`cpch-diagnostic:${tool}`) };
    first.dispatchEvent(new CustomEvent("cpch-diagnostic:connect", { bubbles: true, detail: connection }));
    const keeper = connection.store;
    const language = document.documentElement.lang || undefined;
    const elements = /** @type {HTMLElement[]} */ (blocks.flatMap((block) => [...block.querySelectorAll(".diagnostic-item")]));
    const infos = elements.map(readInfo);
    const find = (/** @type {string} */ selector) => /** @type {HTMLElement[]} */ (blocks.flatMap((block) => [...block.querySelectorAll(selector)]));
    const statuses = find(".diagnostic-status");
    const reports = find(".diagnostic-report");
    /** @type {WeakSet<HTMLDetailsElement>} */
    const openedHere = new WeakSet();
    /** @type {Map<HTMLAnchorElement, string>} */
    const objectUrls = new Map();
    let state = emptyState(tool, version);

    /**
     * Put a message in the status line, a polite live region. The same text is not set again (screen
     * readers would repeat "Saved" at every key press) unless `repeat` asks for it, as after an import.
     * @param {string} message @param {boolean} [repeat]
     */
    const say = (message, repeat) => statuses.forEach((status) => {
      if (status.textContent !== message) status.textContent = message;
      else if (repeat) {
        status.textContent = "";
        setTimeout(() => { status.textContent = message; }, 100);
      }
    });
    const levelName = (/** @type {number | null} */ number) => {
      const level = levels.find((l) => l.number === number);
      return level ? `${level.number} ${level.name}` : "";
    };
    const nameOf = (/** @type {string} */ id) => infos.find((info) => info.id === id);

    /** @param {Suggestion} suggestion */
    function suggestionText(suggestion) {
      return suggestion.level === null
        ? format(m.suggestion_wait, { minimum: config.minimum, count: suggestion.count })
        : format(m.suggested, { number: suggestion.level, name: levelName(suggestion.level).replace(/^\d+ /, ""), count: suggestion.count }, language);
    }

    /** @param {Suggestion} suggestion */
    function reasoning(suggestion) {
      const lines = suggestion.used.map((use) => make("li", null, [format(m.evidence_line, {
        number: use.id, answer: answerText(/** @type {Info} */ (nameOf(use.id)), state), level: use.level,
        name: levelName(use.level).replace(/^\d+ /, ""),
      })]));
      if (suggestion.level !== null) {
        lines.push(make("li", null, [format(m.median_line, { levels: suggestion.levels.join(", "), level: suggestion.level })]));
      }
      return lines;
    }

    /** @param {HTMLElement} body @param {number} level @param {Suggestion} suggestion */
    function renderReport(body, level, suggestion) {
      const heading = (/** @type {string} */ words) => make(`h${level}`, null, [words]);
      const answered = infos.filter((info) => isAnswered(info, state) || state.marked.includes(info.id));
      const weak = infos.filter((info) => isWeak(info, state));
      const byInfo = new Map(infos.map((info, n) => [info, elements[n]]));
      const rated = infos.filter((info) => info.kind === "level" && isAnswered(info, state)).map((info) => answerText(info, state));
      const strong = (/** @type {string} */ words) => make("strong", null, [words]);
      if (!answered.length && !Object.keys(state.notes).length) {
        body.replaceChildren(make("p", null, [m.report_empty]));
        return 0;
      }
      const clones = (/** @type {HTMLElement} */ element, /** @type {string} */ selector) =>
        [...element.querySelectorAll(selector)].map((node) => node.cloneNode(true));

      const solutions = new Map(), chapters = new Map(), unsolved = [];
      for (const info of weak) {
        if (!(info.solutions || []).length) unsolved.push(info.id);
        for (const solution of info.solutions || []) solutions.set(solution, [...(solutions.get(solution) || []), info.id]);
        for (const link of info.links || []) {
          const entry = chapters.get(link.url) || { link, ids: [] };
          entry.ids.push(info.id);
          chapters.set(link.url, entry);
        }
      }
      const actions = [
        ...[...solutions].map(([solution, ids]) => make("li", null, [`${solution} (${ids.join(", ")})`])),
        ...[...chapters.values()].map(({ link, ids }) => make("li", null, [
          m.read_more + " ", make("a", { href: link.url }, [link.title]), ` (${ids.join(", ")})`,
        ])),
      ];

      const parts = [
        make("p", { class: "diagnostic-report-title" }, [format(m.report_title, { title: config.title })]),
        make("p", null, [format(m.report_date, { date: new Date().toLocaleDateString(language, { dateStyle: "long" }) })]),
        make("p", null, [strong(m.your_rating + ": "), rated.join(", ") || m.not_rated]),
        make("p", null, [suggestionText(suggestion)]),
        make("ul", { class: "diagnostic-reasoning" }, reasoning(suggestion)),
        heading(format(m.weaknesses_found, { count: weak.length })),
        weak.length ? make("ol", { class: "diagnostic-findings" }, weak.map((info) => {
          const element = /** @type {HTMLElement} */ (byInfo.get(info));
          return make("li", null, [
            make("p", null, [strong(`${info.id} ${info.question}`)]),
            isAnswered(info, state) && make("p", null, [m.your_answer + " " + answerText(info, state)]),
            info.kind === "text" && make("p", null, [m.marked]),
            make("div", { class: "diagnostic-report-advice" }, clones(element, "details.diagnostic-details > :not(summary)")),
            ...clones(element, ".diagnostic-advice > .diagnostic-read"),
          ]);
        })) : make("p", null, [m.no_weaknesses]),
        heading(m.actions),
        actions.length ? make("ul", null, actions) : make("p", null, [m.no_weaknesses]),
        unsolved.length > 0 && make("p", null, [format(m.actions_none, { numbers: unsolved.join(", ") })]),
        heading(m.summary),
        make("ul", { class: "diagnostic-summary" }, infos.map((info) => make("li", null, [
          strong(`${info.id} `), info.question || "", make("br"),
          `${m.your_answer} ${isAnswered(info, state) ? answerText(info, state) : m.not_answered}`,
          state.notes[info.id] && make("br"), state.notes[info.id] && `${m.notes_short} ${state.notes[info.id]}`,
          state.marked.includes(info.id) && make("br"), state.marked.includes(info.id) && m.marked,
        ]))),
      ];
      body.replaceChildren(.../** @type {(Node | string)[]} */ (parts.filter(Boolean)));
      return answered.length;
    }

    function update() {
      elements.forEach((element, n) => {
        const weak = isWeak(infos[n], state);
        element.classList.toggle("diagnostic-weak", weak);
        const flag = element.querySelector(".diagnostic-flag");
        if (flag) flag.textContent = weak ? m.weak_flag : "";
        const details = /** @type {HTMLDetailsElement | null} */ (element.querySelector("details.diagnostic-details"));
        if (details && weak && !details.open) { details.open = true; openedHere.add(details); }
        if (details && !weak && openedHere.has(details)) { details.open = false; openedHere.delete(details); }
      });
      const suggestion = suggestLevel(infos, state, Number(config.minimum) || 1);
      find(".diagnostic-item .diagnostic-suggestion").forEach((box) => {
        const line = /** @type {HTMLElement} */ (box.querySelector(".diagnostic-suggested"));
        const words = suggestionText(suggestion);
        if (line.textContent !== words) line.textContent = words; // a live region: speak only on change
        /** @type {HTMLElement} */ (box.querySelector(".diagnostic-reasoning")).replaceChildren(...reasoning(suggestion));
      });
      let answered = 0;
      reports.forEach((report) => {
        answered = renderReport(/** @type {HTMLElement} */ (report.querySelector(".diagnostic-report-body")), Number(report.dataset.heading) || 3, suggestion);
      });
      // Once there is something to report, printing the page prints the report (see the style sheet).
      document.documentElement.classList.toggle("diagnostic-print-report", reports.length > 0 && answered > 0);
    }

    function persist() {
      const kept = keeper.save({ ...state, tool, version });
      const time = new Date().toLocaleTimeString(language, { hour: "2-digit", minute: "2-digit" });
      say(kept ? format(m.saved, { time }) : m.storage_blocked);
      first.dispatchEvent(new CustomEvent("cpch-diagnostic:change", { bubbles: true, detail: { tool, state: { ...state, tool, version } } }));
    }

    /** @param {State} next */
    function apply(next) {
      state = { ...next, tool, version };
      writePage(elements, state);
      update();
    }

    /** @param {string} fileText @param {string} fileName */
    function importText(fileText, fileName) {
      const result = readStateText(fileText, tool, version, infos);
      if (!result.state) {
        say(format(m.import_failed, { reason: m[result.error || "bad_shape"] }), true);
        return;
      }
      apply(result.state);
      persist();
      say(format(m.imported, { file: fileName }) + (result.ignored ? " " + format(m.import_ignored, { count: result.ignored }, language) : ""), true);
    }

    /** @param {HTMLAnchorElement} link */
    function prepareDownload(link) {
      const kind = link.dataset.export;
      const blob = kind === "csv"
        ? new Blob(["\ufeff" + buildCsv(csvRows(infos, state, m))], { type: "text/csv;charset=utf-8" })
        : new Blob([exportJson({ ...state, tool, version }, new Date())], { type: "application/json" });
      const previous = objectUrls.get(link);
      if (previous) URL.revokeObjectURL(previous);
      const url = URL.createObjectURL(blob);
      objectUrls.set(link, url);
      link.href = url;
      link.download = `${tool}-${new Date().toISOString().slice(0, 10)}.${kind === "csv" ? "csv" : "json"}`;
    }

    function onChange() {
      state = { ...readPage(elements), tool, version };
      update();
      persist();
    }

    /** @param {Event} event */
    function onClick(event) {
      const target = /** @type {HTMLElement} */ (event.target);
      const link = /** @type {HTMLAnchorElement | null} */ (target.closest("a[data-export]"));
      const produced = (/** @type {string} */ format) =>
        first.dispatchEvent(new CustomEvent("cpch-diagnostic:report", { bubbles: true, detail: { tool, format } }));
      if (link) {
        prepareDownload(link); // before the browser follows the link, so it downloads the answers as they are now
        produced(link.dataset.export || "json");
        return;
      }
      const action = target.closest("[data-action]")?.getAttribute("data-action");
      const block = /** @type {HTMLElement} */ (target.closest(".diagnostic"));
      const confirm = /** @type {HTMLElement | null} */ (block.querySelector(".diagnostic-confirm"));
      const clear = /** @type {HTMLElement | null} */ (block.querySelector('[data-action="clear"]'));
      if (action === "print") {
        produced("print");
        window.print();
      }
      if (action === "clear" && confirm) {
        confirm.hidden = false;
        const question = /** @type {HTMLElement} */ (confirm.querySelector("p"));
        question.tabIndex = -1;
        question.focus();
      }
      if ((action === "clear-yes" || action === "clear-no") && confirm) {
        confirm.hidden = true;
        if (action === "clear-yes") {
          apply(emptyState(tool, version));
          keeper.save(null);
          first.dispatchEvent(new CustomEvent("cpch-diagnostic:change", { bubbles: true, detail: { tool, state: { ...state } } }));
          say(m.cleared);
        }
        clear?.focus();
      }
    }

    for (const block of blocks) {
      block.querySelectorAll(".diagnostic-nojs").forEach((note) => { /** @type {HTMLElement} */ (note).hidden = true; });
      block.querySelectorAll(".diagnostic-tools, .diagnostic-exports").forEach((part) => { /** @type {HTMLElement} */ (part).hidden = false; });
      block.addEventListener("change", (event) => {
        const input = /** @type {HTMLInputElement} */ (event.target);
        if (input.type === "file") {
          const file = input.files && input.files[0];
          if (file) file.text().then((content) => importText(content, file.name), () => say(format(m.import_failed, { reason: m.not_json })));
          input.value = "";
        } else if (input.dataset.field) {
          onChange();
        }
      });
      block.addEventListener("input", (event) => {
        if (/** @type {HTMLElement} */ (event.target).dataset.field) onChange();
      });
      block.addEventListener("click", onClick);
    }
    document.addEventListener("cpch-diagnostic:load", (event) => {
      const detail = /** @type {CustomEvent} */ (event).detail || {};
      if (detail.tool !== tool) return;
      const result = validateState(detail.state, tool, version, infos);
      if (result.state) apply(result.state);
    });

    // A printed questionnaire (nothing answered yet) shows the advice and the rule, which sit in
    // closed <details> on screen; printing the report leaves them out anyway.
    /** @type {HTMLDetailsElement[]} */
    let openedForPrint = [];
    window.addEventListener("beforeprint", () => {
      openedForPrint = /** @type {HTMLDetailsElement[]} */ (find("details")).filter((details) => !details.open);
      openedForPrint.forEach((details) => { details.open = true; });
    });
    window.addEventListener("afterprint", () => {
      openedForPrint.forEach((details) => { details.open = false; });
      openedForPrint = [];
    });

    const saved = keeper.load();
    const restored = saved ? validateState(saved, tool, version, infos).state : undefined;
    if (restored && (Object.keys(restored.answers).length || Object.keys(restored.notes).length || restored.marked.length)) {
      apply(restored);
      say(m.restored);
    } else {
      update();
    }
  }

  function ready() {
    /** @type {Map<string, HTMLElement[]>} */
    const tools = new Map();
    document.querySelectorAll(".diagnostic[data-diagnostic]").forEach((block) => {
      const tool = /** @type {HTMLElement} */ (block).dataset.diagnostic || "";
      tools.set(tool, [...(tools.get(tool) || []), /** @type {HTMLElement} */ (block)]);
    });
    tools.forEach((blocks, tool) => setUp(tool, blocks));
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
  // In a page the build puts cpch-shared.js in front of this file; node's tests load it themselves.
})(typeof cpchShared === "object" ? cpchShared : require("./cpch-shared.js"));
