"""General English word frequencies (pyspellchecker's list) and British/American spellings
(breame's table), indexed once in the cache folder.

Loading pyspellchecker's English list costs about 0.3 s (a gzipped JSON of 160,000 words),
and importing breame's table about 4 ms, which a question holding a possible typo
("kindergarden") would pay on every run. The first such question copies both into SQLite
tables in the cache folder; every later one looks up its few words there (well under a
millisecond). Without a usable cache folder they are loaded into memory, as before.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Mapping
from functools import cache
from pathlib import Path

from cqedu.core.packages import package_file
from cqedu.store.cache import data_copy, default_cache_dir

#: The table's name and shape; a change here must change the file's name too.
_SCHEMA = "CREATE TABLE words (word TEXT PRIMARY KEY, count INTEGER NOT NULL) WITHOUT ROWID"
_SPELLINGS = "CREATE TABLE spellings (word TEXT PRIMARY KEY, other TEXT NOT NULL) WITHOUT ROWID"
_FORMAT = 2


def _source() -> Path | None:
    """pyspellchecker's English list, found without importing the package."""
    return package_file("spellchecker", "resources", "en.json.gz")


def _loaded() -> Mapping[str, int]:
    """The whole list in memory: word -> how often it occurs in pyspellchecker's corpus."""
    # deferred: about 0.3 s to load
    from spellchecker import SpellChecker

    frequencies: Mapping[str, int] = SpellChecker(distance=1).word_frequency.dictionary
    return frequencies


def _spellings_source() -> Path | None:
    """breame's table of dual spellings, found without importing the package."""
    return package_file("breame", "data", "spelling_constants.py")


def _dual_spellings() -> dict[str, str]:
    """Each word of two spellings, British or American, and its other spelling."""
    # deferred: about 4 ms to import the table
    from breame.data.spelling_constants import (  # type: ignore[import-untyped] # no hints
        AMERICAN_ENGLISH_SPELLINGS,
        BRITISH_ENGLISH_SPELLINGS,
    )

    pairs: dict[str, str] = {}
    for word in {*AMERICAN_ENGLISH_SPELLINGS, *BRITISH_ENGLISH_SPELLINGS}:
        other = BRITISH_ENGLISH_SPELLINGS.get(word) or AMERICAN_ENGLISH_SPELLINGS.get(word)
        if other and other != word:
            pairs[str(word)] = str(other)
    return pairs


def _fill(connection: sqlite3.Connection) -> None:
    """The indexed copy's tables: the words with their counts, and the dual spellings."""
    connection.execute(_SCHEMA)
    connection.execute(_SPELLINGS)
    connection.execute("BEGIN")
    connection.executemany("INSERT INTO words VALUES (?, ?)", _loaded().items())
    connection.executemany("INSERT INTO spellings VALUES (?, ?)", _dual_spellings().items())
    connection.execute("COMMIT")


@cache
def _table() -> sqlite3.Connection | None:
    """A read-only connection to the indexed copy, built on first use (named by both
    tables' sizes and times); None when there is no cache folder to keep it in, or it
    cannot be written or read."""
    sources = [_source(), _spellings_source()]
    return data_copy(default_cache_dir(), f"english-words-{_FORMAT}", sources, _fill)


@cache
def _in_memory() -> Mapping[str, int]:
    return _loaded()


def english_counts(words: Collection[str]) -> dict[str, int]:
    """How often each of `words` occurs in general English (pyspellchecker's corpus); a
    word that is no English word is absent from the result. Words are matched exactly, so
    pass them lower-case."""
    if not words:
        return {}
    table = _table()
    if table is not None:
        marks = ", ".join("?" * len(words))
        try:
            rows = table.execute(f"SELECT word, count FROM words WHERE word IN ({marks})", [*words])  # noqa: S608 -- only placeholders are formatted in
            return dict(rows)
        except sqlite3.Error:
            pass  # a copy removed or damaged under us: the list in memory answers
    frequencies = _in_memory()
    return {word: frequencies[word] for word in words if word in frequencies}


@cache
def _spellings_in_memory() -> Mapping[str, str]:
    return _dual_spellings()


@cache  # several steps ask about the same word
def other_spelling(word: str) -> str | None:
    """The word's other spelling, British or American ("centres": "centers"; "program":
    "programme"), from breame's table; None for a word of one spelling."""
    table = _table()
    if table is not None:
        try:
            row = table.execute("SELECT other FROM spellings WHERE word = ?", (word,)).fetchone()
            return None if row is None else str(row[0])
        except sqlite3.Error:
            pass  # a copy removed or damaged under us: the table in memory answers
    return _spellings_in_memory().get(word)
