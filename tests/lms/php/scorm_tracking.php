<?php
// What Moodle holds for one learner in one SCORM activity: every attempt's tracked values
// (mdl_scorm_attempt, mdl_scorm_scoes_value, mdl_scorm_element) and the gradebook's grade.
// Arguments: scorm id, user id.
require(__DIR__ . '/bootstrap.php');
require_once($CFG->libdir . '/gradelib.php');

[$scormid, $userid] = array_map('intval', array_slice($argv, 1, 2));
$rows = $DB->get_records_sql(
    "SELECT v.id, a.attempt, e.element, v.value, v.timemodified
       FROM {scorm_attempt} a
       JOIN {scorm_scoes_value} v ON v.attemptid = a.id
       JOIN {scorm_element} e ON e.id = v.elementid
      WHERE a.scormid = ? AND a.userid = ?
   ORDER BY a.attempt, e.element", [$scormid, $userid]);
$attempts = [];
foreach ($rows as $row) {
    $attempts[$row->attempt][$row->element] = $row->value;
}
$scorm = $DB->get_record('scorm', ['id' => $scormid], '*', MUST_EXIST);
$grades = grade_get_grades($scorm->course, 'mod', 'scorm', $scormid, $userid);
$item = $grades->items[0] ?? null;
$grade = $item ? $item->grades[$userid] : null;
print_json([
    'attempts' => (object)$attempts,
    'grade_item' => $item ? ['gradetype' => (int)$item->gradetype, 'grademax' => (float)$item->grademax] : null,
    'grade' => $grade ? ['grade' => $grade->grade === null ? null : (float)$grade->grade, 'str_grade' => $grade->str_grade] : null,
]);
