<?php
// Attempt imported questions through Moodle's question engine and report the mark each response gets.
// Standard input: {"course": id, "cases": [{"idnumber": ..., "response": {...}}, ...]}, where a response
// names what a learner picks, by position in the question as imported (Moodle keeps the file's order):
//   {"choose": [i, ...]}  multichoice: these answers          {"value": true|false}  truefalse
//   {"text": "..."}       shortanswer, numerical              {"order": [i, ...]}    ordering: answers in this order
//   {"pairs": [j, ...]}   match: stem i gets stem j's answer
// Prints, per case: the question type, the fraction awarded (0..1) and the final state.
require(__DIR__ . '/bootstrap.php');
require_once(__DIR__ . '/questions.php');

/** Moodle's submitted data for `response`, in the question's shuffled order for this attempt. */
function submitted_data(question_definition $question, question_attempt $qa, array $response): array {
    $step = $qa->get_step(0);
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
        case 'numerical':
            return ['answer' => $response['text']];
        case 'ordering':
            $answers = array_values($question->answers);
            return [$question->get_response_fieldname() =>
                implode(',', array_map(fn($i) => $answers[$i]->md5key, $response['order']))];
        case 'match':
            $stems = array_keys($question->stems);
            $data = [];
            foreach (explode(',', $step->get_qt_var('_stemorder')) as $key => $stemid) {
                $given = $stems[$response['pairs'][array_search($stemid, $stems)]];
                $data["sub$key"] = $question->get_right_choice_for($given);
            }
            return $data;
    }
    throw new coding_exception('no response for question type ' . $question->get_type_name());
}

$input = read_json_stdin();
$context = context_course::instance($input['course']);
$results = [];
foreach ($input['cases'] as $case) {
    $question = question_for($input['course'], $case['idnumber']);
    $quba = question_engine::make_questions_usage_by_activity('core_question_preview', $context);
    $quba->set_preferred_behaviour('deferredfeedback');
    $slot = $quba->add_question($question, 1);
    $quba->start_all_questions();
    $quba->process_action($slot, submitted_data($question, $quba->get_question_attempt($slot), $case['response']));
    $quba->finish_all_questions();
    question_engine::save_questions_usage_by_activity($quba);
    $results[] = ['idnumber' => $case['idnumber'], 'qtype' => $question->get_type_name(),
        'fraction' => (float)$quba->get_question_fraction($slot), 'state' => (string)$quba->get_question_state($slot),
        'summary' => $quba->get_response_summary($slot)];
}
print_json($results);
