"""Translations of the question banks, the diagnostic and the module titles, in gettext catalogues.

- `fields`: which texts are translatable, under which stable id (one walk for extracting and applying);
- `sources`: the translatable files and where their catalogues live;
- `catalogues`: extract and update catalogues (Babel), changed English marked fuzzy;
- `check`: a catalogue complete, up to date, and keeping the English's markup;
- `command`: `cpch i18n extract|check`.
"""
