<?php
// Change an activity's settings as its "Edit settings" form does. Standard input: {"cmid": id, "settings": {...}}.
require(__DIR__ . '/bootstrap.php');
require_once($CFG->dirroot . '/course/modlib.php');
require_once($CFG->libdir . '/gradelib.php');

$input = read_json_stdin();
[$course, $cm] = get_course_and_cm_from_cmid($input['cmid'], 'scorm');
[$cm, $context, $module, $data, $cw] = get_moduleinfo_data($cm, $course);
$data->packagefile = 0;  // the package stays as it is
foreach ($input['settings'] as $key => $value) {
    $data->$key = $value;
}
update_module($data);
print_json(['cmid' => (int)$cm->id]);
