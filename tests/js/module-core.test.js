// Pure functions of the SCORM module runtime, run with node's test runner (`node --test tests/js`).
const test = require("node:test");
const assert = require("node:assert/strict");
const core = require("../../cpch/scorm/static/cpch-module.js");

const QUESTIONS = [
  { id: "q.a", quiz: "q", type: "single" },
  { id: "q.b", quiz: "q", type: "multiple" },
  { id: "q.c", quiz: "q", type: "true-false" },
  { id: "q.d", quiz: "q", type: "ordering" },
  { id: "q.e", quiz: "q", type: "matching" },
  { id: "q.f", quiz: "q", type: "short-text" },
  { id: "q.g", quiz: "q", type: "numeric" },
];

test("answers survive a round trip through the compact suspend data", () => {
  const state = core.emptyState(3, 1, QUESTIONS.length);
  state.page = 2;
  state.seen = [true, false, true];
  state.checked = [true];
  state.results = ["1", "0", "-", "1", "1", "0", "-"];
  state.answers = ["2", ["0", "11"], "false", ["3", "1", "", "2"], ["1", "0"], 'say "hi"\u0001', null];
  const text = core.encodeState(state, QUESTIONS);
  const back = core.decodeState(text, 3, 1, QUESTIONS);
  state.answers[5] = 'say "hi" '; // control characters become spaces, so the 1.2 size bound holds
  assert.deepEqual(back, state);
  assert.ok(text.length < 120, text);
});

test("suspend data of another shape is ignored", () => {
  assert.equal(core.decodeState("not json", 1, 1, QUESTIONS), null);
  assert.equal(core.decodeState('{"v":2,"a":[]}', 1, 1, QUESTIONS), null);
  assert.equal(core.decodeState('{"v":1,"p":99,"a":[]}', 2, 1, QUESTIONS).page, 1);
});

test("learner responses follow each version's format", () => {
  const cases = [
    ["single", { response: "2" }, "c", "c"],
    ["multiple", { response: ["0", "2"] }, "a,c", "a[,]c"],
    ["true-false", { response: "true" }, "t", "true"],
    ["ordering", { response: ["2", "3", "1"] }, "c,a,b", "c[,]a[,]b"],
    ["matching", { response: ["1", "0"] }, "a.b,b.a", "a[.]b[,]b[.]a"],
    ["short-text", { response: "I-24/7" }, "I-24/7", "I-24/7"],
    ["numeric", { response: "74,4", number: 74.4 }, "74.4", "74.4"],
    ["numeric", { response: "seven", number: NaN }, null, null],
  ];
  for (const [type, outcome, v12, v2004] of cases) {
    assert.equal(core.learnerResponse("1.2", { type }, outcome), v12, `1.2 ${type}`);
    assert.equal(core.learnerResponse("2004", { type }, outcome), v2004, `2004 ${type}`);
  }
});

test("session time is written in each version's format", () => {
  assert.equal(core.sessionTime("1.2", 3723450), "0001:02:03.45");
  assert.equal(core.sessionTime("2004", 3723450), "PT1H2M3.45S");
  assert.equal(core.sessionTime("1.2", 0), "0000:00:00.00");
});

test("the module is complete once every page is read and every quiz checked", () => {
  const state = core.emptyState(2, 2, 4);
  state.results = ["1", "1", "1", "0"];
  state.seen = [true, true];
  state.checked = [true, false];
  assert.deepEqual(core.progress(state, 70), { complete: false, points: 3, max: 4, percent: 75, passed: true });
  state.checked = [true, true];
  assert.equal(core.progress(state, 80).complete, true);
  assert.equal(core.progress(state, 80).passed, false);
});

test("the API is found in a parent frame, then through the opener", () => {
  const top = { API: { name: "lms" } };
  top.parent = top;
  const middle = { parent: top };
  const sco = { parent: middle };
  assert.equal(core.findApi(sco, "API").name, "lms");
  const popup = { opener: sco };
  popup.parent = popup;
  assert.equal(core.findApi(popup, "API").name, "lms");
  const lonely = {};
  lonely.parent = lonely;
  assert.equal(core.findApi(lonely, "API_1484_11"), null);
});

test("a form module is complete once its report is produced, whatever the quizzes", () => {
  const state = core.emptyState(1, 0, 0);
  state.seen = [true];
  assert.equal(core.progress(state, 70, "report").complete, false);
  state.reported = true;
  assert.equal(core.progress(state, 70, "report").complete, true);
});

test("a form's free text is cut to the limit the build set, and survives the suspend data", () => {
  const form = core.compactForm({ answers: { "A.1": "yes", "A.2": "x".repeat(50) }, notes: { "A.1": "a\tb" }, marked: ["A.3"] }, 20);
  assert.deepEqual(form, { a: { "A.1": "yes", "A.2": "x".repeat(20) }, n: { "A.1": "a b" }, m: ["A.3"] });
  const state = core.emptyState(1, 0, 0);
  state.form = form;
  state.reported = true;
  const back = core.decodeState(core.encodeState(state, []), 1, 0, []);
  assert.deepEqual([back.form, back.reported], [form, true]);
});
