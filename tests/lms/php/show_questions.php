<?php
// Render imported questions as Moodle shows them to a learner in a course whose language is forced.
// Standard input: {"course": id, "lang": "fr" (or "" for none), "idnumbers": [...]}.
// Turns on the "Multi-language content" filter for content and headings (as a trainer's admin does), forces
// the course's language (installing a minimal pack for it), and prints the language Moodle then uses, the
// installed languages and {idnumber: HTML of the question} from Moodle's question renderer.
require(__DIR__ . '/bootstrap.php');
require_once($CFG->libdir . '/filterlib.php');
require_once(__DIR__ . '/questions.php');

/**
 * No language pack can be downloaded here: a pack holding only langconfig.php is enough for Moodle to list
 * the language (so the course form offers it); every other string falls back to English.
 */
function install_minimal_pack(string $lang, string $name): void {
    global $CFG;
    if (get_string_manager()->translation_exists($lang, false)) {
        return;
    }
    $folder = "$CFG->dataroot/lang/$lang";
    check_dir_exists($folder);
    $strings = ['thislanguage' => $name, 'thislanguageint' => $name, 'parentlanguage' => '', 'iso6391' => $lang];
    $lines = array_map(fn($key, $value) => "\$string['$key'] = " . var_export($value, true) . ";",
        array_keys($strings), $strings);
    file_put_contents("$folder/langconfig.php", "<?php\n" . implode("\n", $lines) . "\n");
    get_string_manager()->reset_caches();
}

$input = read_json_stdin();
filter_set_global_state('multilang', TEXTFILTER_ON);
filter_set_applies_to_strings('multilang', true);
if ($input['lang'] !== '') {
    install_minimal_pack($input['lang'], $input['lang']);
}
require_once($CFG->dirroot . '/course/lib.php');
update_course((object)['id' => $input['course'], 'lang' => $input['lang']]);  // as the course settings form does
$course = get_course($input['course']);
$context = context_course::instance($course->id);
$PAGE->set_url('/course/view.php', ['id' => $course->id]);
$PAGE->set_course($course);
$PAGE->set_context($context);
$shown = [];
foreach ($input['idnumbers'] as $idnumber) {
    $quba = question_engine::make_questions_usage_by_activity('core_question_preview', $context);
    $quba->set_preferred_behaviour('deferredfeedback');
    $slot = $quba->add_question(question_for($course->id, $idnumber), 1);
    $quba->start_all_questions();
    $shown[$idnumber] = $quba->render_question($slot, new question_display_options());
}
$installed = array_keys(get_string_manager()->get_list_of_translations(true));
print_json(['language' => current_language(), 'installed' => $installed, 'questions' => $shown]);
