<?php
// A learner's attempt at a quiz, answered and submitted, marked by Moodle's quiz and question engine.
// Standard input: {"course": id, "quiz": quiz id, "answers": {question name: response}}, where a response
// names what the learner picks, by position in the question as written in the file:
//   {"choose": [i, ...]}  multichoice     {"value": true|false}  truefalse     {"text": "..."}  shortanswer
// A question the input does not answer is left unanswered. Prints each slot's question, mark and state, the
// attempt's total and the quiz's maximum, and the learner's grade in the gradebook (out of the quiz's grade).
require(__DIR__ . '/bootstrap.php');
require_once($CFG->dirroot . '/mod/quiz/locallib.php');
require_once($CFG->dirroot . '/user/lib.php');
require_once($CFG->dirroot . '/enrol/manual/lib.php');
require_once($CFG->libdir . '/gradelib.php');

/** Moodle's submitted data for `response`, in the question's shuffled order for this attempt. */
function submitted_data(question_definition $question, question_attempt $qa, array $response): array {
    switch ($question->get_type_name()) {
        case 'multichoice':
            $ids = array_keys($question->answers);
            $order = $question->get_order($qa);
            $positions = array_map(fn($i) => array_search($ids[$i], $order), $response['choose']);
            if ($question instanceof qtype_multichoice_single_question) {
                return ['answer' => $positions[0]];
            }
            return array_fill_keys(array_map(fn($p) => "choice$p", $positions), 1);
        case 'truefalse':
            return ['answer' => $response['value'] ? 1 : 0];
        case 'shortanswer':
            return ['answer' => $response['text']];
    }
    throw new coding_exception('no response for question type ' . $question->get_type_name());
}

$input = read_json_stdin();
$name = 'learner-' . uniqid();
$userid = user_create_user((object)['username' => $name, 'password' => 'Learner-pass-1', 'firstname' => $name,
    'lastname' => 'Learner', 'email' => "$name@example.invalid", 'auth' => 'manual', 'confirmed' => 1,
    'mnethostid' => $CFG->mnet_localhost_id]);
$instance = $DB->get_record('enrol', ['courseid' => $input['course'], 'enrol' => 'manual'], '*', MUST_EXIST);
enrol_get_plugin('manual')->enrol_user($instance, $userid, $DB->get_field('role', 'id', ['shortname' => 'student']));
\core\session\manager::set_user(core_user::get_user($userid));

$quizobj = mod_quiz\quiz_settings::create($input['quiz'], $userid);
$attempt = quiz_prepare_and_start_new_attempt($quizobj, 1, null, false, [], [], $userid);
$quba = question_engine::load_questions_usage_by_activity($attempt->uniqueid);
$slots = [];
foreach ($quba->get_slots() as $slot) {
    $qa = $quba->get_question_attempt($slot);
    $question = $qa->get_question();
    if (isset($input['answers'][$question->name])) {
        $quba->process_action($slot, submitted_data($question, $qa, $input['answers'][$question->name]));
    }
}
question_engine::save_questions_usage_by_activity($quba);
$attemptobj = mod_quiz\quiz_attempt::create($attempt->id);
$attemptobj->process_finish(time(), false);

$attemptobj = mod_quiz\quiz_attempt::create($attempt->id);
foreach ($attemptobj->get_slots() as $slot) {
    $qa = $attemptobj->get_question_attempt($slot);
    $slots[] = ['name' => $qa->get_question()->name, 'qtype' => $qa->get_question()->get_type_name(),
        'fraction' => (float)$qa->get_fraction(), 'state' => (string)$qa->get_state(),
        'summary' => $qa->get_response_summary()];
}
$quiz = $quizobj->get_quiz();
$grades = grade_get_grades($input['course'], 'mod', 'quiz', $quiz->id, $userid);
$item = $grades->items[0] ?? null;
print_json(['slots' => $slots, 'sumgrades' => (float)$attemptobj->get_sum_marks(), 'maxsumgrades' => (float)$quiz->sumgrades,
    'gradebook' => $item ? (float)$item->grades[$userid]->grade : null, 'grademax' => $item ? (float)$item->grademax : null]);
