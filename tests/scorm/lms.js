// The test LMS: creates the SCORM API in this (top) window, launches the package in a frame, and
// keeps what each successful commit sent, as an LMS would store it between launches. It behaves as
// Moodle 4.3 does where that matters: the entry after a normal exit is "" (1.2) or "ab-initio" on the
// same attempt (2004), with the stored values kept; total_time grows by session_time at a successful
// finish only. Faults can be injected through the query:
//   version=1.2|2004 &mastery=70 &package=pkg/index.html
//   refuse=N           refuse the next N commits
//   refuseSet=RE[:N]   refuse SetValue of elements matching the regular expression RE (N times; always without N)
//   noapi=1            no SCORM API at all
//   attempt=new        a new attempt: the stored values are dropped first
// `window.lms.calls` lists every commit and finish in order, and `window.lms.closing = true` makes every later commit and finish fail with error 101, as Moodle's
// requests do when the browser refuses them while the tab closes.
(function () {
  "use strict";
  const params = new URLSearchParams(location.search);
  const version = params.get("version");
  const storeKey = `test-lms:${version}`;
  if (params.get("attempt") === "new") localStorage.removeItem(storeKey);
  const saved = JSON.parse(localStorage.getItem(storeKey) || "null");
  const lms = {
    version, refuse: Number(params.get("refuse") || 0), commits: 0, refused: 0, refusedSets: 0, finished: false,
    finishes: 0, closing: false, stored: saved, calls: [],
  };
  window.lms = lms;
  window.addEventListener("DOMContentLoaded", () => {
    document.getElementById("sco").src = params.get("package") || "pkg/index.html";
  });
  if (params.get("noapi")) return;

  const settings = {
    autocommit: false, lmsCommitUrl: false, logLevel: 5,
    autoCompleteLessonStatus: true, mastery_override: true,
  };
  const api = version === "1.2" ? new Scorm12API(settings) : new Scorm2004API(settings);
  // Moodle 4.3 hands a SCORM 2004 launch the stored values only after an exit of "suspend" (its
  // reading of RTE 4.2.8); SCORM 1.2 gets them after any exit.
  const kept = saved && (version === "1.2" || saved.exit === "suspend") ? saved : null;
  const total = kept ? kept.total || 0 : 0;
  const start = kept ? JSON.parse(JSON.stringify(kept.cmi)) : {};
  const entry = !saved ? "ab-initio" : saved.exit === "suspend" ? "resume" : version === "1.2" ? "" : "ab-initio";
  if (version === "1.2") {
    start.core = Object.assign(start.core || {}, {
      entry, lesson_mode: "normal", credit: "credit", student_id: "learner-1", student_name: "Learner, Test",
      total_time: clock12(total),
    });
    delete start.core.session_time;
    start.student_data = Object.assign(start.student_data || {}, { mastery_score: params.get("mastery") || "" });
  } else {
    Object.assign(start, { entry, mode: "normal", credit: "credit", learner_id: "learner-1", learner_name: "Learner, Test",
      total_time: `PT${total.toFixed(2)}S`,
      scaled_passing_score: params.get("mastery") ? String(Number(params.get("mastery")) / 100) : "" });
    delete start.session_time;
  }
  api.loadFromJSON(start);

  const names = version === "1.2"
    ? { set: "LMSSetValue", commit: "LMSCommit", finish: "LMSFinish", error: "LMSGetLastError", diagnostic: "LMSGetDiagnostic" }
    : { set: "SetValue", commit: "Commit", finish: "Terminate", error: "GetLastError", diagnostic: "GetDiagnostic" };
  const original = {
    set: api[names.set].bind(api), commit: api[names.commit].bind(api), finish: api[names.finish].bind(api),
    error: api[names.error].bind(api), diagnostic: api[names.diagnostic].bind(api),
  };
  const [pattern, times] = (params.get("refuseSet") || "").split(":");
  let refusals = times ? Number(times) : Infinity;
  /** The error of the last call this harness refused, until the next call. */
  let injected = null;

  function seconds(text) {
    const clock = /^(\d+):(\d+):(\d+(?:\.\d+)?)$/.exec(text || "");
    if (clock) return Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
    const iso = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(text || "");
    return iso ? Number(iso[1] || 0) * 3600 + Number(iso[2] || 0) * 60 + Number(iso[3] || 0) : 0;
  }
  function clock12(value) {
    const pad = (n) => String(Math.floor(n)).padStart(2, "0");
    return `${String(Math.floor(value / 3600)).padStart(4, "0")}:${pad((value % 3600) / 60)}:${(value % 60).toFixed(2).padStart(5, "0")}`;
  }
  let sessionTime = ""; // as the module last set it (the element is write-only)
  const sessionSeconds = () => seconds(sessionTime);
  const keep = (finishing, session) => {
    const cmi = JSON.parse(JSON.stringify(api.cmi));
    const exit = version === "1.2" ? cmi.core.exit : cmi.exit;
    const before = lms.stored ? lms.stored.total || 0 : 0;
    lms.stored = { cmi, exit, total: finishing ? total + session : before, session };
    localStorage.setItem(storeKey, JSON.stringify(lms.stored));
  };
  const refuse = (code, text) => {
    injected = { code: String(code), text };
    return "false";
  };

  api[names.set] = function (element, value) {
    injected = null;
    if (pattern && new RegExp(pattern).test(element) && refusals > 0) {
      refusals -= 1;
      lms.refusedSets += 1;
      return refuse(version === "1.2" ? 101 : 351, `the test LMS refused ${element}`);
    }
    const result = original.set(element, value);
    if (/session_time$/.test(element) && String(result) === "true") sessionTime = String(value);
    return result;
  };
  api[names.commit] = function (parameter) {
    injected = null;
    lms.calls.push("commit");
    if (lms.closing || lms.refuse > 0) {
      if (!lms.closing) lms.refuse -= 1;
      lms.refused += 1;
      return refuse(lms.closing ? 101 : 391, "the test LMS refused the commit");
    }
    const result = original.commit(parameter);
    if (String(result) === "true") {
      lms.commits += 1;
      keep(false, sessionSeconds());
    }
    return result;
  };
  api[names.finish] = function (parameter) {
    injected = null;
    lms.calls.push("finish");
    lms.finishes += 1;
    if (lms.closing) {
      lms.finished = true; // the frame is gone, and what it sent last with it
      return refuse(101, "the request could not be sent while the tab closed");
    }
    const session = sessionSeconds(); // read before the API closes the session
    const result = original.finish(parameter);
    lms.finished = String(result) === "true";
    if (lms.finished) keep(true, session);
    return result;
  };
  api[names.error] = () => (injected ? injected.code : original.error());
  api[names.diagnostic] = (code) => (injected ? injected.text : original.diagnostic(code));
  window[version === "1.2" ? "API" : "API_1484_11"] = api;
  window.lmsApi = api;
})();
