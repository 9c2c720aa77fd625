"""What questions derive from a knowledge base's words, kept in its cache file.

Every question used to work out the same things again before reading a word of it: the
index's vocabulary, the declared names and terms split into words, the units' words,
the function words, and the Snowball stems of all of them (loading the stemmer alone
costs about 1.5 ms). The first question after the facts files change works them out and
keeps them here, in one row of the cache file; every later question reads that row
(`cqedu.ask.language.Lexicon` decides what goes in it and how it is used).

The row is stamped with the content digests of the facts files, in order, and with what
else the data depends on (`depends`, given by the caller): a row of other content is
never read, and is replaced by the next question. Plain text columns, not pickle:
reading the cache never runs code. A store without a cache file keeps nothing here.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

#: Bump when the columns below, or what the caller puts in them, change.
FORMAT = 2
#: How long `keep` waits for another process's write to the cache file, in milliseconds.
_LOCK_WAIT_MS = 200
_TABLE = "ask_lexicon"
_COLUMNS = (
    "words", "records", "terms", "declared", "units", "function_words", "stemmed", "stems",
    "close",
)  # fmt: skip
_SCHEMA = (
    f"CREATE TABLE {_TABLE} (stamp BLOB NOT NULL, words TEXT NOT NULL, "
    "records INTEGER NOT NULL, terms TEXT NOT NULL, declared TEXT NOT NULL, "
    "units TEXT NOT NULL, function_words TEXT NOT NULL, stemmed TEXT NOT NULL, "
    "stems TEXT NOT NULL, close TEXT)"
)
# Words (and the normalised phrases of terms) hold letters, digits and single spaces only
# (`cqedu.core.text.words`), so newlines and tabs can join them. No word is empty; a
# term's phrase may be, so each of a term's phrases ends with a tab.
_LINE, _FIELD = "\n", "\t"


class StoredLexicon:
    """The words questions weigh, as worked out from one knowledge base.

    A plain class, not a NamedTuple: building one of those costs every question about
    0.25 ms of start-up.
    """

    __slots__ = _COLUMNS

    def __init__(
        self,
        *,
        words: list[str],
        records: int,
        terms: list[tuple[str, list[str]]],
        declared: frozenset[str],
        units: frozenset[str],
        function_words: frozenset[str],
        stemmed: list[str],
        stems: list[str],
        close: str | None = None,
    ) -> None:
        self.words = words
        """The search index's words but numbers, sorted (`IndexWords.vocabulary`)."""
        self.records = records
        """How many records the knowledge base holds (all sources)."""
        self.terms = terms
        """Each declared term and its synonyms, normalised (`text.normalise_phrase`)."""
        self.declared = declared
        """The words of the declared names: countries, levels and terms, with aliases."""
        self.units = units
        """The words of the figures' units."""
        self.function_words = function_words
        """English function words and question words (`ask.language.function_words`)."""
        self.stemmed = stemmed
        """Every word above and every word of the terms, sorted."""
        self.stems = stems
        """The Snowball stem (`text.stem`) of each word of `stemmed`, in its order."""
        self.close = close
        """The close spellings of the words (`close_spellings` reads them), as lines of a
        word and, after tabs, each other word of `words` spelt close to it and its
        rapidfuzz ratio; None when they were not worked out (too many words)."""

    def _fields(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in _COLUMNS)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, StoredLexicon) and self._fields() == other._fields()

    __hash__ = None  # type: ignore[assignment] # mutable fields: not hashable

    def __repr__(self) -> str:
        return f"StoredLexicon(records={self.records}, words={len(self.words)})"


def _lines(values: Iterable[str]) -> str:
    return _LINE.join(values)


def _split(text: str) -> list[str]:
    return text.split(_LINE) if text else []


def _phrases(line: str) -> list[str]:
    """A term's phrases from its line: each ends with a tab."""
    return line.split(_FIELD)[:-1]


def close_lines(close: dict[str, list[tuple[str, float]]]) -> str:
    """The text of `StoredLexicon.close` for each word's close spellings (word: [(other
    word, ratio)]); a ratio is written as `repr` writes it, so it reads back the same."""
    return _lines(
        _FIELD.join([word, *(f"{other}{_FIELD}{ratio!r}" for other, ratio in spelt)])
        for word, spelt in close.items()
        if spelt
    )


def close_spellings(text: str) -> dict[str, list[tuple[str, float]]]:
    """Each word's close spellings from `StoredLexicon.close` (see `close_lines`)."""
    found: dict[str, list[tuple[str, float]]] = {}
    for line in _split(text):
        word, *rest = line.split(_FIELD)
        found[word] = [(rest[i], float(rest[i + 1])) for i in range(0, len(rest), 2)]
    return found


def _stamp(connection: sqlite3.Connection, depends: str) -> bytes:
    """The content digests of the store's facts files in order, with `depends` and FORMAT."""
    rows = connection.execute("SELECT digest FROM files ORDER BY place")
    digests = b"".join(row[0] for row in rows)
    return f"{FORMAT}|{depends}|".encode() + digests


def read(connection: sqlite3.Connection, depends: str) -> StoredLexicon | None:
    """The lexicon kept for these facts files' content and `depends`; None when there is
    none (never kept, kept for other content, or unreadable)."""
    try:
        row = connection.execute(
            f"SELECT stamp, {', '.join(_COLUMNS)} FROM {_TABLE}"  # noqa: S608 - fixed names
        ).fetchone()
        if row is None or row[0] != _stamp(connection, depends):
            return None
    except sqlite3.Error:
        return None  # no table yet (or no files table): never kept
    _, words, records, terms, declared, units, function_words, stemmed, stems, close = row
    keys, values = _split(stemmed), _split(stems)
    if len(keys) != len(values):
        return None  # not a row this module wrote: worked out again, and replaced
    return StoredLexicon(
        words=_split(words),
        records=int(records),
        terms=[(term, synonyms) for term, *synonyms in map(_phrases, _split(terms))],
        declared=frozenset(_split(declared)),
        units=frozenset(_split(units)),
        function_words=frozenset(_split(function_words)),
        stemmed=keys,
        stems=values,
        close=close,
    )


def keep(connection: sqlite3.Connection, depends: str, lexicon: StoredLexicon) -> bool:
    """Keep `lexicon` for these facts files' content and `depends`, replacing any other;
    whether it was kept (not in a read-only or busy cache file: the next question works
    it out again)."""
    values: Sequence[object] = (
        _lines(lexicon.words),
        lexicon.records,
        _lines("".join(f"{p}{_FIELD}" for p in (t, *synonyms)) for t, synonyms in lexicon.terms),
        _lines(sorted(lexicon.declared)),
        _lines(sorted(lexicon.units)),
        _lines(sorted(lexicon.function_words)),
        _lines(lexicon.stemmed),
        _lines(lexicon.stems),
        lexicon.close,
    )
    # Another process writing the cache file (a refresh, an index) is not waited for long:
    # keeping the lexicon only saves the next question a few milliseconds.
    waited = connection.execute("PRAGMA busy_timeout").fetchone()[0]
    connection.execute(f"PRAGMA busy_timeout = {_LOCK_WAIT_MS}")
    try:
        connection.execute("BEGIN IMMEDIATE")
    except sqlite3.Error:
        return False
    finally:
        connection.execute(f"PRAGMA busy_timeout = {int(waited)}")
    try:
        # made anew, so that a table of another FORMAT's columns never stays in the way
        connection.execute(f"DROP TABLE IF EXISTS {_TABLE}")
        connection.execute(_SCHEMA)
        connection.execute(
            f"INSERT INTO {_TABLE} VALUES (?, {', '.join('?' * len(values))})",  # noqa: S608 - placeholders only
            (_stamp(connection, depends), *values),
        )
        connection.execute("COMMIT")
    except sqlite3.Error:
        connection.execute("ROLLBACK")
        return False
    return True
