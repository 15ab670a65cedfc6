// Pure functions of the SCORM module runtime, run with node's test runner (`node --test tests/js`).
const test = require("node:test");
const assert = require("node:assert/strict");
const core = require("../../cpch/scorm/static/cpch-module.js");
const scorm = require("../../cpch/scorm/static/cpch-scorm.js");

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
  state.time = 1790000000;
  const text = core.encodeState(state, QUESTIONS, "abc123");
  const back = core.decodeState(text, shape(3, 1));
  state.answers[5] = 'say "hi" '; // control characters become spaces, so the 1.2 size bound holds
  assert.deepEqual(back, state);
  assert.ok(text.length < 140, text);
});

function shape(pages, quizzes, questions = QUESTIONS, identity = "abc123") {
  return { pages, quizzes, questions, identity };
}

test("suspend data of another shape or question set is ignored", () => {
  assert.equal(core.decodeState("not json", shape(1, 1)), null);
  assert.equal(core.decodeState("", shape(1, 1)), null);
  assert.equal(core.decodeState('{"v":1,"h":"abc123","a":[]}', shape(1, 1)), null, "an older format");
  assert.equal(core.decodeState('{"v":2,"h":"other","a":["1"]}', shape(1, 1)), null, "another question set");
  assert.equal(core.decodeState('{"v":2,"h":"abc123","p":99,"a":[]}', shape(2, 1)).page, 1);
  assert.deepEqual(core.decodeState('{"v":2,"h":"abc123","s":"111","a":[]}', shape(2, 1)).seen, [false, false], "other pages");
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
    assert.equal(scorm.learnerResponse("1.2", { type }, outcome), v12, `1.2 ${type}`);
    assert.equal(scorm.learnerResponse("2004", { type }, outcome), v2004, `2004 ${type}`);
  }
});

test("session time is written in each version's format", () => {
  assert.equal(scorm.sessionTime("1.2", 3723450), "0001:02:03.45");
  assert.equal(scorm.sessionTime("2004", 3723450), "PT1H2M3.45S");
  assert.equal(scorm.sessionTime("1.2", 0), "0000:00:00.00");
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
  assert.equal(scorm.findApi(sco, "API").name, "lms");
  const popup = { opener: sco };
  popup.parent = popup;
  assert.equal(scorm.findApi(popup, "API").name, "lms");
  const lonely = {};
  lonely.parent = lonely;
  assert.equal(scorm.findApi(lonely, "API_1484_11"), null);
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
  const back = core.decodeState(core.encodeState(state, [], "form"), shape(1, 0, [], "form"));
  assert.deepEqual([back.form, back.reported], [form, true]);
});

test("the saved state comes from the LMS unless this browser holds a later or unconfirmed one", () => {
  const at = (time) => ({ ...core.emptyState(1, 1, 1), time });
  const lms = at(100);
  assert.equal(core.chooseState(lms, at(50), true), lms, "the LMS copy is newer");
  assert.equal(core.chooseState(lms, at(50), false), lms, "the LMS copy is newer, even unconfirmed");
  const later = at(200);
  assert.equal(core.chooseState(lms, later, true), later, "the LMS copy is older");
  const unconfirmed = at(20);
  assert.equal(core.chooseState(null, unconfirmed, false), unconfirmed, "the LMS copy is missing");
  assert.equal(core.chooseState(null, at(20), true), null, "a confirmed copy with nothing in the LMS: a new attempt");
  assert.equal(core.chooseState(null, null, false), null);
});

test("a state with nothing done is not progress", () => {
  const state = core.emptyState(2, 1, 2);
  state.seen = [true, false];
  assert.equal(core.hasProgress(state), false);
  state.answers[1] = "0";
  assert.equal(core.hasProgress(state), true);
  const form = core.emptyState(1, 0, 0);
  form.form = { a: {}, n: {}, m: [] };
  assert.equal(core.hasProgress(form), false);
  form.form.n["A.1"] = "notes";
  assert.equal(core.hasProgress(form), true);
});

test("the held result is read in each version's words", () => {
  const values = { "cmi.core.lesson_status": "failed", "cmi.core.score.raw": "40", "cmi.completion_status": "completed",
    "cmi.success_status": "passed", "cmi.score.raw": "" };
  const get = (element) => values[element] ?? "";
  assert.deepEqual(scorm.heldResult("1.2", get), { status: "failed", success: "", raw: 40 });
  assert.deepEqual(scorm.heldResult("2004", get), { status: "completed", success: "passed", raw: null });
  assert.equal(scorm.started({ status: "not attempted", success: "", raw: null }), false);
  assert.equal(scorm.started({ status: "unknown", success: "unknown", raw: null }), false);
  assert.equal(scorm.started({ status: "incomplete", success: "unknown", raw: null }), true);
  assert.equal(scorm.finished({ status: "incomplete", success: "", raw: null }), false);
  assert.equal(scorm.finished({ status: "failed", success: "", raw: 40 }), true);
});

test("a result is never written below the one the LMS holds", () => {
  const values = (version, held, percent, passed) => Object.fromEntries(
    scorm.resultValues(version, held, { complete: true, percent, passed }, true));
  const passedBefore = { status: "passed", success: "", raw: 90 };
  assert.deepEqual(values("1.2", passedBefore, 40, false),
    { "cmi.core.score.min": "0", "cmi.core.score.max": "100", "cmi.core.score.raw": "90", "cmi.core.lesson_status": "passed" });
  const failedBefore = { status: "completed", success: "failed", raw: 50 };
  const better = values("2004", failedBefore, 80, true);
  assert.equal(better["cmi.score.raw"], "80");
  assert.equal(better["cmi.score.scaled"], "0.8");
  assert.equal(better["cmi.success_status"], "passed");
  assert.equal(values("2004", { status: "unknown", success: "unknown", raw: null }, 0, false)["cmi.score.raw"], "0");
  assert.deepEqual(scorm.resultValues("2004", passedBefore, { complete: true, percent: 100, passed: true }, false),
    [["cmi.completion_status", "completed"]]);
});

test("every refused call is kept with the LMS's error code, text and diagnostic", () => {
  const api = {
    LMSInitialize: () => "true", LMSSetValue: (element) => (element === "cmi.suspend_data" ? "false" : "true"),
    LMSCommit: () => { throw new Error("gone"); }, LMSGetLastError: () => "405",
    LMSGetErrorString: (code) => `error ${code}`, LMSGetDiagnostic: () => "too long", LMSGetValue: () => "",
  };
  const lms = scorm.session(api, "1.2");
  assert.equal(lms.start(), true);
  assert.equal(lms.set("cmi.core.lesson_location", "1"), true);
  assert.equal(lms.set("cmi.suspend_data", "x"), false);
  assert.equal(lms.commit(), false);
  assert.deepEqual(lms.faults, [
    { call: "LMSSetValue", element: "cmi.suspend_data", code: "405", text: "error 405", diagnostic: "too long" },
    { call: "LMSCommit", element: "", code: "405", text: "error 405", diagnostic: "too long" },
  ]);
});

test("the worst-case state of the largest SCORM 1.2 module fits the build's bound, and 4096 characters", () => {
  // Written by tests/test_scorm_packages.py from the built module, which checks that it is current.
  const largest = require("./fixtures/largest-scorm12-module.json");
  largest.shape.questions.forEach((question, i) => Object.assign(question, { id: `q.${i}`, quiz: "q" }));
  const length = core.worstCase(largest.shape, largest.longest);
  assert.ok(length <= largest.bound, `${largest.module}: the runtime can write ${length} characters; the build allows for ${largest.bound}`);
  assert.ok(largest.bound <= largest.limit, `${largest.module}: ${largest.bound} > ${largest.limit}`);
  assert.ok(length > largest.bound * 0.8, `the bound (${largest.bound}) is far above the worst case (${length}): check both`);
});

test("the worst case is a state the runtime reads back", () => {
  const shape = { pages: 3, quizzes: 2, identity: "abc123", questions: QUESTIONS };
  const longest = [4, 5, 1, 6, 3, 60, 20];
  const length = core.worstCase(shape, longest);
  const state = core.emptyState(3, 2, QUESTIONS.length);
  state.answers = ["3", ["0", "1", "2", "3", "4"], "false", ["0", "1", "2", "3", "4", "5"], ["0", "1", "2"], '"'.repeat(60), '"'.repeat(20)];
  state.time = 4102444800;
  state.page = 2;
  state.seen.fill(true);
  state.checked.fill(true);
  state.results.fill("1");
  const text = core.encodeState(state, QUESTIONS, "abc123");
  assert.equal(length, text.length);
  assert.deepEqual(core.decodeState(text, shape), state);
});
