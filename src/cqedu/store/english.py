"""General English word frequencies (pyspellchecker's list), indexed once in the cache folder.

Loading pyspellchecker's English list costs about 0.3 s (a gzipped JSON of 160,000 words),
which a question holding a possible typo ("kindergarden") would pay on every run. The
first such question copies the list into an SQLite table in the cache folder; every later
one looks up its few words there (well under a millisecond). Without a usable cache folder
the list is loaded into memory, as before.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Mapping
from functools import cache
from pathlib import Path

from cqedu.store.cache import default_cache_dir, written_beside

#: The table's name and shape; a change here must change the file's name too.
_SCHEMA = "CREATE TABLE words (word TEXT PRIMARY KEY, count INTEGER NOT NULL) WITHOUT ROWID"
_FORMAT = 1


def _source() -> Path | None:
    """pyspellchecker's English list, found without importing the package."""
    # deferred for start-up: only a question holding a possible typo asks
    import importlib.util

    spec = importlib.util.find_spec("spellchecker")
    if spec is None or spec.origin is None:
        return None
    found = Path(spec.origin).parent / "resources" / "en.json.gz"
    return found if found.is_file() else None


def _loaded() -> Mapping[str, int]:
    """The whole list in memory: word -> how often it occurs in pyspellchecker's corpus."""
    # deferred: about 0.3 s to load
    from spellchecker import SpellChecker

    frequencies: Mapping[str, int] = SpellChecker(distance=1).word_frequency.dictionary
    return frequencies


def _table_path(folder: Path, source: Path) -> Path:
    """The indexed copy's file: named by the list's size and time, so a new release of
    pyspellchecker is indexed anew rather than read stale."""
    stat = source.stat()
    return folder / f"english-words-{_FORMAT}-{stat.st_size}-{stat.st_mtime_ns}.sqlite3"


def _build(path: Path) -> None:
    """Write the indexed copy atomically: a reader sees the whole table or no file."""
    with written_beside(path, ".english-") as connection:
        connection.execute(_SCHEMA)
        connection.execute("BEGIN")
        connection.executemany("INSERT INTO words VALUES (?, ?)", _loaded().items())
        connection.execute("COMMIT")


@cache
def _table() -> sqlite3.Connection | None:
    """A read-only connection to the indexed copy, built on first use; None when there is
    no cache folder to keep it in, or it cannot be written or read."""
    folder, source = default_cache_dir(), _source()
    if folder is None or source is None:
        return None
    path = _table_path(folder, source)
    try:
        if not path.exists():
            _build(path)
        return sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, check_same_thread=False)
    except (OSError, sqlite3.Error):
        return None


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
