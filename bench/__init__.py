"""Benchmarks of the engine: build times against stock Jupyter Book, page weight and Lighthouse
scores, the quiz runtime's size and start-up time, export times and how they scale.

    python -m bench --out _build/bench            # every part, as `make bench` runs it
    python -m bench --help                         # options: pages, runs, parts to skip

The book's own choices (which pages to load, which chapter to edit) come from a small config
(`bench/package.json`, key "config") or from command-line options, never from this package.
"""
