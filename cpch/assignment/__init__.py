"""Assignments: questions picked from the banks by quiz, tag and count, packaged for an LMS."""
