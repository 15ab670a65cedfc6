<?php
// Import question banks as Moodle's import page does, with its default options, each into a course of its own.
// Standard input: [{"file": path, "format": "xml"|"gift"}, ...].
// Prints, per file: the course, whether the importer reported success, every problem it printed,
// and the questions saved (id number, type, name).
require(__DIR__ . '/bootstrap.php');
require_once($CFG->dirroot . '/course/lib.php');
require_once($CFG->dirroot . '/question/editlib.php');
require_once($CFG->dirroot . '/question/format.php');

function import_one(string $file, string $format, int $number): array {
    global $CFG, $DB;
    // Show every PHP warning and every debugging() call, so that none passes unseen.
    $CFG->debug = DEBUG_DEVELOPER;
    $CFG->debugdisplay = 1;
    error_reporting(E_ALL);
    ini_set('display_errors', '1');
    $course = create_course((object)['fullname' => basename($file), 'shortname' => uniqid("bank$number-") . '-' . basename($file),
        'category' => 1]);
    $context = context_course::instance($course->id);
    $contexts = new core_question\local\bank\question_edit_contexts($context);
    $category = question_make_default_categories($contexts->all());

    require_once($CFG->dirroot . "/question/format/$format/format.php");
    $class = "qformat_$format";
    $qformat = new $class();
    // The import page's defaults (question/bank/importquestions/classes/form/import_form.php).
    $qformat->setCategory($category);
    $qformat->setContexts($contexts->having_one_edit_tab_cap('import'));
    $qformat->setCourse($course);
    $qformat->setFilename($file);
    $qformat->setRealfilename(basename($file));
    $qformat->setMatchgrades('error');
    $qformat->setCatfromfile(true);
    $qformat->setContextfromfile(true);
    $qformat->setStoponerror(true);

    ob_start();
    $ok = false;
    $exception = null;
    try {
        $ok = $qformat->importpreprocess() && $qformat->importprocess() && $qformat->importpostprocess();
    } catch (Throwable $e) {
        $exception = get_class($e) . ': ' . $e->getMessage() . (isset($e->debuginfo) ? ' (' . $e->debuginfo . ')' : '');
        if ($DB->is_transaction_started()) {
            $DB->force_transaction_rollback();
        }
    }
    $output = ob_get_clean();
    // The CLI renderer prints '++ message ++' for a success and '!! message !!' for anything else, and
    // debugging() prints '++ message ++' too: only the importer's two progress notes are expected.
    // Its error() prints a div of class importerror; PHP prints its warnings as 'Warning: ...'.
    preg_match_all('/^(\+\+|!!) (.*) (\+\+|!!)$|<div class="importerror">[\s\S]*?<\/div>|^(Warning|Notice|Deprecated|Fatal error): .*$/m',
        $output, $found, PREG_SET_ORDER);
    $problems = [];
    foreach ($found as $match) {
        if ($match[1] !== '++' || !preg_match('/^(Parsing questions from import file\.|Importing \d+ questions from file)$/', $match[2])) {
            $problems[] = trim($match[0]);
        }
    }
    if ($exception) {
        $problems[] = $exception;
    }
    $questions = $DB->get_records_sql(
        "SELECT q.id, q.qtype, q.name, e.idnumber
           FROM {question} q
           JOIN {question_versions} v ON v.questionid = q.id
           JOIN {question_bank_entries} e ON e.id = v.questionbankentryid
           JOIN {question_categories} c ON c.id = e.questioncategoryid
          WHERE c.contextid = ? AND q.parent = 0
       ORDER BY q.id", [$context->id]);
    return ['file' => $file, 'course' => (int)$course->id, 'ok' => (bool)$ok, 'problems' => $problems,
        'questions' => array_values(array_map(fn($q) => ['id' => (int)$q->id, 'qtype' => $q->qtype,
            'name' => $q->name, 'idnumber' => $q->idnumber], $questions))];
}

$results = [];
foreach (read_json_stdin() as $number => $bank) {
    $results[] = import_one($bank['file'], $bank['format'], $number);
}
print_json($results);
