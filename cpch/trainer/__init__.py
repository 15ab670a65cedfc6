"""Pages for trainers, outside the learner site: a catalogue of quizzes and modules, and answer keys."""
