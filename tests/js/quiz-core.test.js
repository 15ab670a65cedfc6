// Pure scoring functions of the quiz runtime, run with node's test runner (`node --test tests/js`).
const test = require("node:test");
const assert = require("node:assert/strict");
const core = require("../../cpch/sphinxext/static/cpch-quiz.js");

test("text answers ignore case, spacing and a final full stop", () => {
  assert.equal(core.normaliseText("  I-24/7. "), "i-24/7");
  assert.equal(core.normaliseText("European   Anti-Fraud\nOffice"), "european anti-fraud office");
});

test("numbers are read as learners type them", () => {
  const cases = [["1.5", 1.5], ["1,5", 1.5], ["1,000", 1000], ["74.4", 74.4], ["1 000", 1000],
    ["205,000", 205000], ["-2", -2], [".5", 0.5], ["12,345,678", 12345678]];
  for (const [text, value] of cases) assert.equal(core.parseNumber(text), value, text);
  for (const text of ["", "abc", "1.2.3", "1e5", "7 days"]) assert.ok(Number.isNaN(core.parseNumber(text)), text);
});

test("each type is checked against its key", () => {
  const cases = [
    [{ type: "single", correct: [2] }, "2", true],
    [{ type: "single", correct: [2] }, "1", false],
    [{ type: "multiple", correct: [0, 2] }, ["2", "0"], true],
    [{ type: "multiple", correct: [0, 2] }, ["0"], false],
    [{ type: "multiple", correct: [0, 2] }, ["0", "1", "2"], false],
    [{ type: "true-false", correct: "false" }, "false", true],
    [{ type: "true-false", correct: "false" }, "true", false],
    [{ type: "ordering", correct: ["3", "1", "2"] }, ["3", "1", "2"], true],
    [{ type: "ordering", correct: ["3", "1", "2"] }, ["1", "2", "3"], false],
    [{ type: "ordering", correct: ["3", "1", "2"] }, ["3", "1", ""], false],
    [{ type: "matching", correct: ["1", "0"] }, ["1", "0"], true],
    [{ type: "matching", correct: ["1", "0"] }, ["0", "1"], false],
    [{ type: "short-text", correct: ["I-24/7", "I 24/7"] }, "i 24/7", true],
    [{ type: "short-text", correct: ["I-24/7"] }, "I-24", false],
    [{ type: "numeric", correct: { value: 74.4, tolerance: 0.1 } }, "74,5", true],
    [{ type: "numeric", correct: { value: 74.4, tolerance: 0.1 } }, "74.6", false],
    [{ type: "numeric", correct: { value: 1, tolerance: 0 } }, "1", true],
    [{ type: "numeric", correct: { value: 1, tolerance: 0 } }, "one", false],
  ];
  for (const [entry, response, expected] of cases) {
    assert.equal(core.isCorrect(entry, response), expected, `${entry.type} ${JSON.stringify(response)}`);
  }
});

test("an empty answer is never correct", () => {
  assert.equal(core.isCorrect({ type: "single", correct: [0] }, null), false);
  assert.equal(core.isCorrect({ type: "multiple", correct: [] }, []), false);
  assert.equal(core.isCorrect({ type: "short-text", correct: [""] }, "  "), false);
});

test("the score counts points and compares with the pass mark", () => {
  const key = {
    a: { type: "single", correct: [0] },
    b: { type: "true-false", correct: "true" },
    c: { type: "short-text", correct: ["x"] },
  };
  assert.deepEqual(core.score(key, { a: "0", b: "true", c: "y" }, 60), { points: 2, max: 3, percent: 67, passed: true });
  assert.deepEqual(core.score(key, { a: "0" }, 60), { points: 1, max: 3, percent: 33, passed: false });
  assert.deepEqual(core.score(key, { a: "0", b: "true", c: "X." }, 100), { points: 3, max: 3, percent: 100, passed: true });
});

test("the key decodes what the build encoded", () => {
  const mask = Buffer.from("quiz:3");
  const json = Buffer.from(JSON.stringify({ q: { type: "single", correct: [1] } }));
  const encoded = Buffer.from(json.map((b, i) => b ^ mask[i % mask.length])).toString("base64");
  assert.deepEqual(core.decodeKey(encoded, "quiz", "3"), { q: { type: "single", correct: [1] } });
});

test("messages are filled in by name", () => {
  assert.equal(core.format("{points} of {max}", { points: 2, max: 3 }), "2 of 3");
});
