"""The search index of a knowledge base: built from its records, read by search."""

from __future__ import annotations

import contextlib
import sqlite3
from array import array
from pathlib import Path

from cqedu.model import Fact, FactsDocument
from cqedu.text import normalise_phrase, words

#: How much a word found in each field counts in search, highest first: a word
#: takes the first field it is found in. A field's code is its place here.
FIELD_WEIGHTS: dict[str, float] = {
    "name": 1.0,
    "keywords": 1.0,
    "as_written": 1.0,
    "country": 1.0,
    "fields": 0.95,
    "id": 0.9,  # ids echo names, but may carry words the name does not
    "level": 0.9,
    "category": 0.9,
    "unit": 0.9,
    "date": 0.9,
    "kind": 0.85,
    "period": 0.85,
    "summary": 0.85,
    "section": 0.6,
}
FIELD_NAMES: tuple[str, ...] = tuple(FIELD_WEIGHTS)
_CODE = {name: code for code, name in enumerate(FIELD_NAMES)}

#: Words are keyed as themselves; exact phrases (ids, names, keywords) behind this
#: prefix, which sorts before every word, so one table serves both lookups.
PHRASE_PREFIX = "\x1f"

# The search index, built only when a search needs it (see add_word_index).
_WORD_TABLES = (
    "CREATE {temp} TABLE blobs (name TEXT PRIMARY KEY, data BLOB) WITHOUT ROWID",
    "CREATE {temp} TABLE words (word TEXT PRIMARY KEY, postings BLOB) WITHOUT ROWID",
)


def has_word_index(connection: sqlite3.Connection) -> bool:
    """Whether the search index has been built."""
    found = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE name = 'words' UNION ALL "
        "SELECT 1 FROM sqlite_temp_master WHERE name = 'words'"
    )
    return found.fetchone() is not None


def add_word_index(
    connection: sqlite3.Connection, cache_file: Path | None, document: FactsDocument
) -> None:
    """Build the search index: into the cache file when it can be written, else in memory."""
    if cache_file is not None:
        try:
            with contextlib.closing(sqlite3.connect(cache_file, timeout=30)) as writer:
                writer.execute("BEGIN IMMEDIATE")  # one builder at a time
                if not has_word_index(writer):
                    create_word_index(writer, document, temp="")
                writer.commit()
            if has_word_index(connection):
                return
        except (OSError, sqlite3.Error):
            pass  # read-only or broken cache: keep the index in memory for this run
    create_word_index(connection, document, temp="TEMP")


def create_word_index(connection: sqlite3.Connection, document: FactsDocument, temp: str) -> None:
    """Create the search tables (in the TEMP schema when `temp` says so) and fill them."""
    for statement in _WORD_TABLES:
        connection.execute(statement.format(temp=temp))
    _fill_word_index(connection, document)


def _fill_word_index(connection: sqlite3.Connection, document: FactsDocument) -> None:
    """Postings per word and per exact phrase, each packed as position * 256 + code.

    The code is the field's place in FIELD_NAMES for words, the strength (2 for an id or
    name, 1 for a keyword) for phrases. Positions must stay below 2**24, which the
    loader's 256 MiB file limit (well under a million records) guarantees.
    """
    from cqedu.search import STOPWORDS

    shared = _SharedWords(document)
    postings: dict[str, list[int]] = {}
    name_lengths = array("H")
    for pos, fact in enumerate(document.facts):
        base = pos << 8
        name_words = words(fact.name)
        for word, code in _record_words(fact, name_words, shared).items():
            found = postings.get(word)
            if found is None:
                postings[word] = [base | code]
            else:
                found.append(base | code)
        name_lengths.append(min(len([w for w in name_words if w not in STOPWORDS]), 0xFFFF))
        # An exact id or name outranks an exact keyword, which outranks the rest.
        strengths = {normalise_phrase(k): 1 for k in fact.keywords}
        strengths[" ".join(words(fact.id))] = 2
        strengths[" ".join(name_words)] = 2
        for phrase, strength in strengths.items():
            if phrase:
                postings.setdefault(PHRASE_PREFIX + phrase, []).append(base | strength)
    connection.executemany(
        "INSERT INTO words VALUES (?, ?)",
        ((word, array("I", packed).tobytes()) for word, packed in postings.items()),
    )
    connection.execute("INSERT INTO blobs VALUES ('name_lengths', ?)", (name_lengths.tobytes(),))


class _SharedWords:
    """Words of texts many records share (levels, countries, units, ...), split once."""

    def __init__(self, document: FactsDocument) -> None:
        self.levels = {
            lv.id: [w for text in (lv.id, lv.name, *lv.aliases) for w in words(text)]
            for lv in document.levels
        }
        self.countries = {
            c.name: [w for text in (c.name, *c.aliases) for w in words(text)]
            for c in document.countries
        }
        self._memo: dict[str, list[str]] = {}

    def of(self, text: str) -> list[str]:
        found = self._memo.get(text)
        if found is None:
            found = self._memo[text] = words(text)
        return found


def _record_words(fact: Fact, name_words: list[str], shared: _SharedWords) -> dict[str, int]:
    """Each word of a record with the code of the best field it is found in."""
    found: list[tuple[str, list[str]]] = [("name", name_words)]
    found.extend(("keywords", words(keyword)) for keyword in fact.keywords)
    if fact.as_written:
        found.append(("as_written", words(fact.as_written)))
    if fact.value is not None:
        found.append(("as_written", words(repr(fact.value))))
    if fact.country:
        found.append(("country", shared.countries.get(fact.country) or shared.of(fact.country)))
    found.extend(("fields", shared.of(field)) for field in fact.fields)
    found.append(("id", words(fact.id)))
    if fact.level:
        found.append(("level", shared.levels.get(fact.level) or shared.of(fact.level)))
    for column, field in _SHARED_COLUMNS:
        text = getattr(fact, column)
        if text:
            found.append((field, shared.of(text)))
    found.append(("summary", words(fact.summary)))
    found.append(("section", shared.of(fact.section)))
    # Best field first in `found`; applying them worst first lets the best overwrite.
    best: dict[str, int] = {}
    for field, field_words in reversed(found):
        best.update(dict.fromkeys(field_words, _CODE[field]))
    return best


# Columns whose texts repeat across records, in weight order, with their search field.
_SHARED_COLUMNS = (
    ("category", "category"),
    ("unit", "unit"),
    ("date", "date"),
    ("date_as_written", "date"),
    ("kind", "kind"),
    ("period", "period"),
)
