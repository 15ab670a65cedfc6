// The test LMS: creates the SCORM API in this (top) window, launches the package in a frame, and
// keeps what each successful commit sent, as an LMS would store it between launches.
// Query: ?version=1.2|2004&mastery=70&package=pkg/index.html&refuse=N (refuse the next N commits).
(function () {
  "use strict";
  const params = new URLSearchParams(location.search);
  const version = params.get("version");
  const storeKey = `test-lms:${version}`;
  const saved = JSON.parse(localStorage.getItem(storeKey) || "null");
  const settings = {
    autocommit: false, lmsCommitUrl: false, logLevel: 5,
    autoCompleteLessonStatus: true, mastery_override: true,
  };
  const api = version === "1.2" ? new Scorm12API(settings) : new Scorm2004API(settings);
  const resume = saved && saved.exit === "suspend";
  const start = saved ? JSON.parse(JSON.stringify(saved.cmi)) : {};
  if (version === "1.2") {
    start.core = Object.assign(start.core || {}, { entry: resume ? "resume" : "ab-initio", lesson_mode: "normal", credit: "credit", student_id: "learner-1", student_name: "Learner, Test" });
    start.student_data = Object.assign(start.student_data || {}, { mastery_score: params.get("mastery") || "" });
  } else {
    Object.assign(start, { entry: resume ? "resume" : "ab-initio", mode: "normal", credit: "credit", learner_id: "learner-1", learner_name: "Learner, Test",
      scaled_passing_score: params.get("mastery") ? String(Number(params.get("mastery")) / 100) : "" });
  }
  api.loadFromJSON(start);
  const lms = { version, refuse: Number(params.get("refuse") || 0), commits: 0, refused: 0, finished: false, stored: saved };
  const keep = () => {
    const cmi = JSON.parse(JSON.stringify(api.cmi));
    const exit = version === "1.2" ? cmi.core.exit : cmi.exit;
    lms.stored = { cmi, exit };
    localStorage.setItem(storeKey, JSON.stringify(lms.stored));
  };
  const commitName = version === "1.2" ? "LMSCommit" : "Commit";
  const finishName = version === "1.2" ? "LMSFinish" : "Terminate";
  const commit = api[commitName].bind(api);
  const finish = api[finishName].bind(api);
  api[commitName] = function (parameter) {
    if (lms.refuse > 0) {
      lms.refuse -= 1;
      lms.refused += 1;
      return "false";
    }
    const result = commit(parameter);
    if (String(result) === "true") {
      lms.commits += 1;
      keep();
    }
    return result;
  };
  api[finishName] = function (parameter) {
    const result = finish(parameter);
    lms.finished = String(result) === "true";
    keep();
    return result;
  };
  window[version === "1.2" ? "API" : "API_1484_11"] = api;
  window.lms = lms;
  window.lmsApi = api;
  window.addEventListener("DOMContentLoaded", () => {
    document.getElementById("sco").src = params.get("package") || "pkg/index.html";
  });
})();
