<?php
// What a trainer does on a restored quiz's "Questions" page so that Moodle adds up its marks again: change
// the first question's mark and change it back. Each change runs what the page runs (mod/quiz/edit_rest.php).
// Standard input: {"quiz": quiz id}. Prints the quiz's total of marks before and after.
require(__DIR__ . '/bootstrap.php');
require_once($CFG->dirroot . '/mod/quiz/locallib.php');

$input = read_json_stdin();
$quizobj = mod_quiz\quiz_settings::create($input['quiz']);
$before = (float)$quizobj->get_quiz()->sumgrades;
$structure = $quizobj->get_structure();
$slot = $structure->get_slot_by_number(1);
foreach ([$slot->maxmark + 1, $slot->maxmark] as $maxmark) {
    if ($structure->update_slot_maxmark($structure->get_slot_by_id($slot->id), $maxmark)) {
        $quiz = $quizobj->get_quiz();
        quiz_delete_previews($quiz);
        $calculator = $quizobj->get_grade_calculator();
        $calculator->recompute_quiz_sumgrades();
        $calculator->recompute_all_attempt_sumgrades();
        $calculator->recompute_all_final_grades();
        quiz_update_grades($quiz, 0, true);
    }
    $quizobj = mod_quiz\quiz_settings::create($input['quiz']);
    $structure = $quizobj->get_structure();
}
print_json(['before' => $before, 'after' => (float)$quizobj->get_quiz()->sumgrades]);
