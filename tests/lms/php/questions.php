<?php
// What our scripts share about imported questions.
require_once($CFG->libdir . '/questionlib.php');

/** The latest version of the question with this id number in the course's question bank. */
function question_for(int $courseid, string $idnumber): question_definition {
    global $DB;
    $id = $DB->get_field_sql(
        "SELECT MAX(v.questionid)
           FROM {question_bank_entries} e
           JOIN {question_versions} v ON v.questionbankentryid = e.id
           JOIN {question_categories} c ON c.id = e.questioncategoryid
          WHERE c.contextid = ? AND e.idnumber = ?", [context_course::instance($courseid)->id, $idnumber]);
    if (!$id) {
        throw new moodle_exception("no question with id number $idnumber in course $courseid");
    }
    return question_bank::load_question($id);
}
