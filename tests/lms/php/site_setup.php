<?php
// Once after install: nothing on a page may ask for anything off the machine (MathJax comes from a CDN).
require(__DIR__ . '/bootstrap.php');
require_once($CFG->libdir . '/filterlib.php');
filter_set_global_state('mathjaxloader', TEXTFILTER_DISABLED);
