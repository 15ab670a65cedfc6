// The shared message formatting of the quiz and diagnostic runtimes (`node --test tests/js`).
const test = require("node:test");
const assert = require("node:assert/strict");
const { format } = require("../../cpch/sphinxext/static/cpch-shared.js");
const quiz = require("../../cpch/sphinxext/static/cpch-quiz.js");

const left = { one: "{count} question left.", other: "{count} questions left." };

test("plural messages follow each language's rules", () => {
  assert.equal(format(left, { count: 1 }, "en"), "1 question left.");
  assert.equal(format(left, { count: 0 }, "en"), "0 questions left.");
  assert.equal(format(left, { count: 0 }, "fr"), "0 question left.");  // French counts zero as one
  assert.equal(format(left, { count: 2 }, "fr"), "2 questions left.");
  assert.equal(format(left, { count: 3 }, "no-such-language-xx"), "3 questions left.");
});

test("plain messages fill their placeholders", () => {
  assert.equal(format("Question {n} of {total}.", { n: 2, total: 9 }), "Question 2 of 9.");
  assert.equal(format("{missing}!", {}), "!");
});

test("an unanswered question earns no feedback at all", () => {
  const single = { type: "single", correct: [0], feedback: ["Yes, blue.", "Green is the grass."] };
  assert.deepEqual(quiz.feedbackFor(single, null), []);
  assert.deepEqual(quiz.feedbackFor(single, "1"), ["Green is the grass."]);
  const text = { type: "short-text", correct: ["Paris"], feedback: ["Right.", "No."] };
  assert.deepEqual(quiz.feedbackFor(text, ""), []);
  assert.deepEqual(quiz.feedbackFor(text, "Lyon"), ["No."]);
});

test("ordering marks each position and finds shared positions", () => {
  assert.deepEqual(quiz.rightPlaces({ type: "ordering", correct: ["1", "3", "2"] }, ["1", "2", "3"]), [true, false, false]);
  assert.deepEqual(quiz.duplicates(["1", "1", "", "", "2", "2"]), ["1", "2"]);
  assert.deepEqual(quiz.duplicates(["1", "2", ""]), []);
});
