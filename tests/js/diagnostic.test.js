// Pure functions of the diagnostic runtime, run with node's test runner (`node --test tests/js`).
const test = require("node:test");
const assert = require("node:assert/strict");
const core = require("../../cpch/sphinxext/static/cpch-diagnostic.js");

const YPN = ["yes", "partly", "no"];
const INFOS = [
  { id: "A.1", kind: "choice", values: ["none", "informal", "formal"], weak: ["none"], evidence: { none: 1, informal: 2, formal: 3 }, selfCheck: false },
  { id: "A.2", kind: "yes-partly-no", values: YPN, weak: ["no", "partly"], evidence: { yes: 3, partly: 2, no: 1 }, selfCheck: false },
  { id: "A.3", kind: "yes-partly-no", values: YPN, weak: ["no"], evidence: { yes: 4, partly: 3, no: 1 }, selfCheck: false },
  { id: "A.4", kind: "yes-partly-no", values: YPN, weak: [], evidence: { yes: 3, partly: 2, no: 2 }, selfCheck: false },
  { id: "A.5", kind: "text", values: [], weak: [], evidence: {}, selfCheck: true },
  { id: "A.6", kind: "text", values: [], weak: [], evidence: {}, selfCheck: false },
  { id: "A.7", kind: "level", values: ["low", "mid", "high"], weak: ["low"], evidence: {}, selfCheck: false },
];
const state = (answers, notes = {}, marked = []) => ({ tool: "t", version: 1, answers, notes, marked });

test("an answer is weak only when the item lists it, or when a text item is ticked", () => {
  const cases = [
    ["A.1", state({ "A.1": "none" }), true],
    ["A.1", state({ "A.1": "formal" }), false],
    ["A.1", state({}), false],
    ["A.2", state({ "A.2": "partly" }), true],
    ["A.3", state({ "A.3": "partly" }), false],
    ["A.4", state({ "A.4": "no" }), false], // the source names no weakness
    ["A.5", state({ "A.5": "We have none." }), false],
    ["A.5", state({}, {}, ["A.5"]), true],
    ["A.6", state({}, {}, ["A.6"]), false], // no tick box: it cannot be marked
    ["A.7", state({ "A.7": "low" }), true],
  ];
  for (const [id, s, weak] of cases) {
    assert.equal(core.isWeak(INFOS.find((i) => i.id === id), s), weak, `${id} ${JSON.stringify(s.answers)}`);
  }
});

test("the suggested level is the lower middle of the levels the answers stand for", () => {
  const cases = [
    [{}, null, 0],
    [{ "A.1": "formal", "A.2": "yes" }, null, 2], // fewer than the minimum of three
    [{ "A.1": "formal", "A.2": "yes", "A.3": "yes" }, 3, 3], // 3 3 4
    [{ "A.1": "none", "A.2": "partly", "A.3": "yes" }, 2, 3], // 1 2 4
    [{ "A.1": "none", "A.2": "no", "A.3": "yes", "A.4": "yes" }, 1, 4], // 1 1 3 4: lower middle
    [{ "A.1": "informal", "A.2": "yes", "A.3": "yes", "A.4": "yes" }, 3, 4], // 2 3 3 4
    [{ "A.1": "formal", "A.2": "yes", "A.3": "partly", "A.5": "text", "A.7": "high" }, 3, 3], // text and level items never count
  ];
  for (const [answers, level, count] of cases) {
    const result = core.suggestLevel(INFOS, state(answers), 3);
    assert.equal(result.level, level, JSON.stringify(answers));
    assert.equal(result.count, count, JSON.stringify(answers));
  }
  const result = core.suggestLevel(INFOS, state({ "A.3": "no", "A.1": "formal", "A.2": "partly" }), 3);
  assert.deepEqual(result.levels, [1, 2, 3]);
  assert.deepEqual(result.used.map((u) => [u.id, u.value, u.level]), [["A.1", "formal", 3], ["A.2", "partly", 2], ["A.3", "no", 1]]);
});

test("a minimum of one suggests from a single answer", () => {
  assert.equal(core.suggestLevel(INFOS, state({ "A.3": "yes" }), 1).level, 4);
});

test("saved state is checked against the items, and what does not fit is left out", () => {
  const good = { tool: "t", version: 1, answers: { "A.1": "formal", "A.5": "Free text" }, notes: { "A.2": "a note" }, marked: ["A.5"] };
  assert.deepEqual(core.validateState(good, "t", 1, INFOS), { state: good, ignored: 0 });

  const mixed = {
    tool: "t", answers: { "A.1": "sometimes", "A.2": "yes", "Z.9": "yes", "A.3": 3 },
    notes: { "A.5": "notes belong to choices only", "A.2": "kept" }, marked: ["A.6", "A.5", "A.5"],
  };
  const result = core.validateState(mixed, "t", 2, INFOS);
  assert.deepEqual(result.state, { tool: "t", version: 2, answers: { "A.2": "yes" }, notes: { "A.2": "kept" }, marked: ["A.5"] });
  assert.equal(result.ignored, 6);
});

test("files that are not a saved state of this tool are refused with a reason", () => {
  const cases = [
    [null, "bad_shape"], [[], "bad_shape"], ["text", "bad_shape"], [{}, "bad_shape"],
    [{ tool: "other", answers: {} }, "wrong_tool"],
    [{ tool: "t", answers: [] }, "bad_shape"],
    [{ tool: "t", answers: {}, marked: "A.5" }, "bad_shape"],
    [{ tool: "t", answers: { "Q.1": "yes" } }, "nothing_valid"],
  ];
  for (const [data, error] of cases) assert.equal(core.validateState(data, "t", 1, INFOS).error, error, JSON.stringify(data));
  assert.equal(core.readStateText("{not json", "t", 1, INFOS).error, "not_json");
  assert.ok(core.readStateText('{"tool":"t"}', "t", 1, INFOS).state, "an empty state is a valid file");
});

test("an export reads back as the same state", () => {
  const s = state({ "A.1": "informal", "A.5": "line one\nline two, \"quoted\"" }, { "A.3": "é ü" }, ["A.5"]);
  const text = core.exportJson(s, new Date("2024-01-02T03:04:05Z"));
  assert.equal(JSON.parse(text).saved, "2024-01-02T03:04:05.000Z");
  assert.deepEqual(core.readStateText(text, "t", 1, INFOS).state, s);
});

test("CSV fields are quoted when needed and never start a formula", () => {
  const cases = [
    ["plain", "plain"], ["a,b", '"a,b"'], ['say "hi"', '"say ""hi"""'], ["two\nlines", '"two\nlines"'],
    ["=1+1", "'=1+1"], ["+33 1", "'+33 1"], ["-x", "'-x"], ["@SUM(A1)", "'@SUM(A1)"], ["=a,b", "\"'=a,b\""],
    [undefined, ""], [3, "3"],
  ];
  for (const [value, field] of cases) assert.equal(core.csvField(value), field, String(value));
  assert.equal(core.buildCsv([["a", "b"], ["c,d", "e"]]), 'a,b\r\n"c,d",e\r\n');
});

test("the CSV has a header and one row per question", () => {
  const infos = INFOS.map((info) => ({
    ...info, question: `Question ${info.id}?`, weaknesses: ["Weak, really."], solutions: [],
    optionTexts: Object.fromEntries(info.values.map((v) => [v, v.toUpperCase()])), links: [{ title: "Chapter", url: "http://x/c.html#a" }],
  }));
  const m = { csv_header: "N|Q|Answer|Notes|Weak|Weaknesses|Solutions|Read", yes: "Yes", no: "No" };
  const rows = core.csvRows(infos, state({ "A.1": "none", "A.2": "yes", "A.5": "Our text" }, { "A.2": "note" }, ["A.5"]), m);
  assert.equal(rows.length, 1 + INFOS.length);
  assert.deepEqual(rows[0], ["N", "Q", "Answer", "Notes", "Weak", "Weaknesses", "Solutions", "Read"]);
  assert.deepEqual(rows[1], ["A.1", "Question A.1?", "NONE", "", "Yes", "Weak, really.", "", "Chapter <http://x/c.html#a>"]);
  assert.deepEqual(rows[2].slice(0, 5), ["A.2", "Question A.2?", "YES", "note", "No"]);
  assert.deepEqual(rows[3].slice(2, 5), ["", "", ""]); // not answered: no verdict
  assert.deepEqual(rows[5].slice(2, 5), ["Our text", "", "Yes"]);
  const csv = core.buildCsv(rows);
  assert.equal(csv.split("\r\n").length - 1, 1 + INFOS.length, "one line per row: no field holds a CRLF");
});

test("messages fill their placeholders", () => {
  assert.equal(core.format("Level {number} {name}", { number: 2, name: "Two" }), "Level 2 Two");
  assert.equal(core.format("{missing}!", {}), "!");
});
