<?php
// Shared start of our CLI scripts: Moodle's config (from MOODLE_DIR), acting as the site admin, JSON out.
define('CLI_SCRIPT', true);
require(getenv('MOODLE_DIR') . '/config.php');
\core\session\manager::set_user(get_admin());

function print_json($value): void {
    echo json_encode($value, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE), "\n";
}

function read_json_stdin() {
    return json_decode(file_get_contents('php://stdin'), true, 512, JSON_THROW_ON_ERROR);
}
