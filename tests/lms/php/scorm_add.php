<?php
// Upload a SCORM package as a trainer does with the "Add a SCORM package" form: the package is checked with
// scorm_validate_package() (the form's validation), then added with the site's default SCORM settings.
// Standard input: {"course": id, "package": path, "name": "...", "settings": {...}} (settings: overrides, if any).
// Prints {"errors": {...}} when the package is refused, else {"cmid": id, "scorm": id, "errors": {}}.
require(__DIR__ . '/bootstrap.php');
require_once($CFG->dirroot . '/course/modlib.php');
require_once($CFG->dirroot . '/mod/scorm/locallib.php');

$input = read_json_stdin();
$draftid = file_get_unused_draft_itemid();
$file = get_file_storage()->create_file_from_pathname(['contextid' => context_user::instance($USER->id)->id,
    'component' => 'user', 'filearea' => 'draft', 'itemid' => $draftid, 'filepath' => '/',
    'filename' => basename($input['package'])], $input['package']);
$errors = scorm_validate_package($file);
if ($errors) {
    print_json(['errors' => $errors]);
    exit(0);
}

// The form's defaults (mod/scorm/mod_form.php), each from the site's SCORM settings.
$cfg = get_config('scorm');
$defaults = ['popup' => $cfg->popup, 'width' => $cfg->framewidth, 'height' => $cfg->frameheight,
    'skipview' => $cfg->skipview, 'hidebrowse' => $cfg->hidebrowse, 'displaycoursestructure' => $cfg->displaycoursestructure,
    'hidetoc' => $cfg->hidetoc, 'nav' => $cfg->nav, 'navpositionleft' => $cfg->navpositionleft,
    'navpositiontop' => $cfg->navpositiontop, 'displayattemptstatus' => $cfg->displayattemptstatus,
    'grademethod' => $cfg->grademethod, 'maxgrade' => $cfg->maxgrade, 'maxattempt' => $cfg->maxattempt,
    'whatgrade' => $cfg->whatgrade, 'forcenewattempt' => $cfg->forcenewattempt, 'lastattemptlock' => $cfg->lastattemptlock,
    'forcecompleted' => $cfg->forcecompleted, 'auto' => $cfg->auto, 'autocommit' => $cfg->autocommit,
    'masteryoverride' => $cfg->masteryoverride, 'updatefreq' => $cfg->updatefreq];
$defaults += scorm_get_popup_options_array();
$module = (object)array_merge($defaults, [
    'modulename' => 'scorm', 'course' => $input['course'], 'section' => 0, 'visible' => 1,
    'name' => $input['name'], 'introeditor' => ['text' => '', 'format' => FORMAT_HTML, 'itemid' => 0],
    'scormtype' => SCORM_TYPE_LOCAL, 'packagefile' => $draftid, 'timeopen' => 0, 'timeclose' => 0,
], $input['settings'] ?? []);
$module = create_module($module);
print_json(['cmid' => (int)$module->coursemodule, 'scorm' => (int)$module->instance, 'errors' => new stdClass()]);
