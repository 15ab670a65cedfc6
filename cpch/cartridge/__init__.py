"""IMS Common Cartridge 1.1: a module's chapters as web pages and its quizzes as QTI 1.2 assessments, in one file.

    cpch cartridge --site _build/html/en --out _build/cartridge
    cpch cartridge --site _build/html/fr --language fr --out _build/cartridge   # <module-id>-fr.imscc

One `<module-id>.imscc` per scored module of quizzes/modules.yml. An LMS (Moodle: course restore) makes a
course of it: one section per part of the book, a page per chapter, then the chapter's quiz.
Question types the cartridge's QTI profile cannot carry are left out and listed (see README.md).
"""
