"""SCORM 1.2 and 2004 packages of book chapters and their quizzes, one self-contained zip per module."""
