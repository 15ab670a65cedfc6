<?php
// Restore a Common Cartridge into a new course as the course restore page does (the file is unpacked,
// converted from IMS CC 1.1 to Moodle's format, then restored), and describe the course it made.
// Standard input: {"file": path}. Prints {"course": id, "problems": [...], "sections": [{"name", "activities":
// [{"modname", "name", "cmid", "instance", "content" (pages), "questions", "grade",
// "sumgrades" (quizzes: questions as [{"name", "qtype"}], the maximum grade and the total of marks))}]}]}.
require(__DIR__ . '/bootstrap.php');
require_once($CFG->dirroot . '/backup/util/includes/restore_includes.php');
require_once($CFG->dirroot . '/course/lib.php');

$input = read_json_stdin();
// Show every PHP warning and every debugging() call, so that none passes unseen.
$CFG->debug = DEBUG_DEVELOPER;
$CFG->debugdisplay = 1;
error_reporting(E_ALL);
ini_set('display_errors', '1');

$problems = [];
$courseid = null;
ob_start();
try {
    // The converter reads its templates from paths relative to backup/, where the restore page runs.
    chdir($CFG->dirroot . '/backup');
    $folder = 'cartridge_' . uniqid();
    $path = make_backup_temp_directory($folder);
    get_file_packer('application/vnd.moodle.backup')->extract_to_pathname($input['file'], $path);
    [$fullname, $shortname] = restore_dbops::calculate_course_names(0, 'Restoring course', 'restoring');
    $courseid = restore_dbops::create_new_course($fullname, $shortname, 1);
    $rc = new restore_controller($folder, $courseid, backup::INTERACTIVE_NO, backup::MODE_GENERAL,
        get_admin()->id, backup::TARGET_NEW_COURSE);
    if ($rc->get_status() == backup::STATUS_REQUIRE_CONV) {
        $rc->convert();
    }
    if (!$rc->execute_precheck()) {
        $results = $rc->get_precheck_results();
        foreach (['errors', 'warnings'] as $kind) {
            foreach ($results[$kind] ?? [] as $message) {
                $problems[] = "precheck $kind: $message";
            }
        }
    }
    $rc->execute_plan();
    $rc->destroy();
} catch (Throwable $e) {
    $problems[] = get_class($e) . ': ' . $e->getMessage() . (isset($e->debuginfo) ? ' (' . $e->debuginfo . ')' : '');
}
$output = ob_get_clean();
// PHP's warnings and notices, and debugging() messages (printed as '++ message ++' on the command line).
preg_match_all('/^(Warning|Notice|Deprecated|Fatal error): .*$|^\+\+ .* \+\+$|^!! .* !!$/m', $output, $found);
$problems = array_merge($problems, $found[0]);

$sections = [];
if ($courseid) {
    rebuild_course_cache($courseid, true);
    $modinfo = get_fast_modinfo($courseid);
    foreach ($modinfo->get_section_info_all() as $section) {
        $activities = [];
        foreach ($modinfo->sections[$section->section] ?? [] as $cmid) {
            $cm = $modinfo->cms[$cmid];
            $activity = ['modname' => $cm->modname, 'name' => $cm->name, 'cmid' => (int)$cm->id,
                'instance' => (int)$cm->instance];
            if ($cm->modname === 'page') {
                $activity['content'] = $DB->get_field('page', 'content', ['id' => $cm->instance]);
            }
            if ($cm->modname === 'quiz') {
                $activity['questions'] = array_values(array_map(fn($q) => ['name' => $q->name, 'qtype' => $q->qtype],
                    $DB->get_records_sql(
                        "SELECT s.slot, q.name, q.qtype
                           FROM {quiz_slots} s
                           JOIN {question_references} r ON r.itemid = s.id AND r.component = 'mod_quiz'
                                AND r.questionarea = 'slot'
                           JOIN {question_versions} v ON v.questionbankentryid = r.questionbankentryid
                           JOIN {question} q ON q.id = v.questionid
                          WHERE s.quizid = ?
                       ORDER BY s.slot", [$cm->instance])));
                $quiz = $DB->get_record('quiz', ['id' => $cm->instance]);
                $activity['grade'] = (float)$quiz->grade;
                $activity['sumgrades'] = (float)$quiz->sumgrades;
            }
            $activities[] = $activity;
        }
        $sections[] = ['name' => get_section_name($courseid, $section), 'summary' => $section->summary,
            'activities' => $activities];
    }
}
print_json(['course' => $courseid ? (int)$courseid : null, 'problems' => $problems, 'sections' => $sections]);
