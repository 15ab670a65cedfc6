<?php
// Learners enrolled as students in a course: a new one, or the one given.
// Standard input: {"learners": ["name", ...], "password": "...", "course": id (optional)}.
// Prints {"course": id, "users": {"name": id, ...}}.
require(__DIR__ . '/bootstrap.php');
require_once($CFG->dirroot . '/course/lib.php');
require_once($CFG->dirroot . '/user/lib.php');
require_once($CFG->dirroot . '/enrol/manual/lib.php');

$input = read_json_stdin();
$course = isset($input['course']) ? get_course($input['course'])
    : create_course((object)['fullname' => 'SCORM modules', 'shortname' => 'scorm-' . uniqid(), 'category' => 1]);
$enrol = enrol_get_plugin('manual');
$instance = $DB->get_record('enrol', ['courseid' => $course->id, 'enrol' => 'manual'], '*', MUST_EXIST);
$student = $DB->get_field('role', 'id', ['shortname' => 'student'], MUST_EXIST);
$users = [];
foreach ($input['learners'] as $name) {
    $id = user_create_user((object)['username' => $name, 'password' => $input['password'], 'firstname' => $name,
        'lastname' => 'Learner', 'email' => "$name@example.invalid", 'auth' => 'manual', 'confirmed' => 1,
        'mnethostid' => $CFG->mnet_localhost_id]);
    $enrol->enrol_user($instance, $id, $student);
    $users[$name] = $id;
}
print_json(['course' => (int)$course->id, 'users' => $users]);
