// Reads GIFT documents from stdin, one JSON string per line, and answers each with one JSON line: what
// gift-pegjs makes of it, [{type, title, id, tags}] per question, or {"error": message}.
// The export tests (tests/test_fuzz.py) keep one process running for all their documents.
import { createInterface } from "node:readline";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { parse } = require("gift-pegjs");

function read(text) {
  try {
    return parse(text).map((q) => ({ type: q.type, title: q.title ?? null, id: q.id ?? null, tags: q.tags ?? null }));
  } catch (error) {
    return { error: String(error.message) };
  }
}

for await (const line of createInterface({ input: process.stdin })) {
  process.stdout.write(JSON.stringify(read(JSON.parse(line))) + "\n");
}
