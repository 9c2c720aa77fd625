"""The SQLite index of a validated facts file, and its cache in the user's cache folder.

Parsing a large TOML file takes seconds, so the validated records are kept in an
SQLite file keyed by the facts file's path, size, modification time, inode and
the cqedu version. SQLite, not pickle: reading a cache never runs code. A stale,
corrupt or unwritable cache is ignored and the TOML is read again.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from cqedu import __version__
from cqedu.loader import parse_facts, read_open_facts, unreadable
from cqedu.model import Fact, FactsDocument
from cqedu.search import STOPWORDS
from cqedu.text import normalise_phrase, words

#: Bump when the tables below change, so old caches are rebuilt.
INDEX_FORMAT = 1
_SEP = "\x1f"  # joins list fields; the loader refuses control characters in values

#: How much a word found in each field counts in search (the best field wins).
FIELD_WEIGHTS: dict[str, float] = {
    "name": 1.0,
    "id": 0.9,  # ids echo names, but may carry words the name does not
    "keywords": 1.0,
    "as_written": 1.0,
    "country": 1.0,
    "fields": 0.95,
    "level": 0.9,
    "category": 0.9,
    "unit": 0.9,
    "date": 0.9,
    "kind": 0.85,
    "period": 0.85,
    "summary": 0.85,
    "section": 0.6,
}

FACT_COLUMNS: tuple[str, ...] = (
    "id",
    "kind",
    "name",
    "summary",
    "section",
    "paragraph",
    "source",
    "value",
    "unit",
    "qualifier",
    "as_written",
    "level",
    "period",
    "date",
    "date_as_written",
    "inference",
    "country",
    "category",
    "fields",
    "keywords",
    "related",
)
_LIST_COLUMNS = frozenset({"fields", "keywords", "related"})

_SCHEMA = f"""
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE sources (pos INTEGER PRIMARY KEY, id TEXT, title TEXT, file TEXT, date TEXT,
                      summary TEXT, sections TEXT);
CREATE TABLE levels (pos INTEGER PRIMARY KEY, id TEXT, name TEXT, aliases TEXT);
CREATE TABLE countries (pos INTEGER PRIMARY KEY, name TEXT, aliases TEXT);
CREATE TABLE facts (pos INTEGER PRIMARY KEY, {", ".join(FACT_COLUMNS)});
CREATE UNIQUE INDEX facts_id ON facts (id);
CREATE INDEX facts_kind ON facts (kind);
CREATE INDEX facts_level ON facts (level);
CREATE TABLE program_fields (field TEXT, pos INTEGER);
CREATE INDEX program_fields_field ON program_fields (field);
CREATE TABLE words (word TEXT, pos INTEGER, weight REAL, field TEXT, name_len INTEGER,
                    PRIMARY KEY (word, pos)) WITHOUT ROWID;
CREATE TABLE vocab (word TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE phrases (phrase TEXT, pos INTEGER, strength INTEGER);
CREATE INDEX phrases_phrase ON phrases (phrase);
"""


def default_cache_dir() -> Path | None:
    """$CQEDU_CACHE_DIR, else $XDG_CACHE_HOME/cqedu, else ~/.cache/cqedu; None without a home."""
    configured = os.environ.get("CQEDU_CACHE_DIR")
    if configured:
        return Path(configured)
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and Path(xdg).is_absolute():
        return Path(xdg) / "cqedu"
    home = os.path.expanduser("~")  # noqa: PTH111 - unlike Path.home(), it does not raise
    if home.startswith("~") or not Path(home).is_absolute():
        return None  # no home folder known: index in memory rather than beside the user's files
    return Path(home) / ".cache" / "cqedu"


def open_index(path: Path, cache_dir: Path | None) -> sqlite3.Connection:
    """A read-only connection to the index of the facts file at `path`.

    Uses the cached index when it matches the file; otherwise validates the file
    and writes a new cache. With no usable cache folder (`cache_dir` None,
    unwritable, or no home), the index is built in memory.
    """
    try:
        handle = path.open("rb")
    except OSError as error:
        raise unreadable(path, error) from None
    with handle:
        stat = os.fstat(handle.fileno())
        key = f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{stat.st_ino}"
        key += f"|{__version__}|{INDEX_FORMAT}"
        cache_file = _cache_file(cache_dir, path) if cache_dir is not None else None
        if cache_file is not None:
            cached = _open_cached(cache_file, key)
            if cached is not None:
                return cached
        try:
            data = read_open_facts(handle.read, str(path))
        except OSError as error:
            raise unreadable(path, error) from None
    document = parse_facts(data, str(path))
    if cache_file is not None:
        written = _write_cache(cache_file, key, document)
        if written is not None:
            return written
    memory = sqlite3.connect(":memory:")
    _fill(memory, key, document)
    return memory


def build_memory_index(document: FactsDocument) -> sqlite3.Connection:
    """An index in memory for a document that is already validated."""
    memory = sqlite3.connect(":memory:")
    _fill(memory, "memory", document)
    return memory


def _cache_file(cache_dir: Path, path: Path) -> Path:
    digest = hashlib.sha256(str(path.resolve()).encode("utf-8", "surrogatepass")).hexdigest()
    return cache_dir / f"facts-{digest[:24]}.sqlite3"


def _open_cached(cache_file: Path, key: str) -> sqlite3.Connection | None:
    if not cache_file.is_file():
        return None
    try:
        connection = sqlite3.connect(f"{cache_file.as_uri()}?mode=ro", uri=True)
    except (sqlite3.Error, OSError, ValueError):
        return None
    try:
        row = connection.execute("SELECT value FROM meta WHERE key = 'key'").fetchone()
        if row is not None and row[0] == key:
            return connection
    except sqlite3.Error:
        pass  # a corrupt or foreign file: rebuilt below
    connection.close()
    return None


def _write_cache(cache_file: Path, key: str, document: FactsDocument) -> sqlite3.Connection | None:
    """Write the index next to its final name and rename it in; None when that is impossible."""
    temp_name: str | None = None
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        fd, temp_name = tempfile.mkstemp(prefix=".facts-", suffix=".tmp", dir=cache_file.parent)
        os.close(fd)
        with contextlib.closing(sqlite3.connect(temp_name)) as connection:
            _fill(connection, key, document)
        Path(temp_name).replace(cache_file)
        temp_name = None
    except (OSError, sqlite3.Error):
        return None
    finally:
        if temp_name is not None:
            with contextlib.suppress(OSError):
                Path(temp_name).unlink()
    return _open_cached(cache_file, key)


def _join(values: Iterable[str]) -> str:
    return _SEP.join(values)


def split_list(value: str | None) -> tuple[str, ...]:
    """A list column back as a tuple."""
    return tuple(value.split(_SEP)) if value else ()


def _fill(connection: sqlite3.Connection, key: str, document: FactsDocument) -> None:
    connection.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + _SCHEMA)
    with connection:
        connection.execute("INSERT INTO meta VALUES ('key', ?)", (key,))
        connection.executemany(
            "INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (i, s.id, s.title, s.file, s.date, s.summary, _join(s.sections))
                for i, s in enumerate(document.sources)
            ],
        )
        connection.executemany(
            "INSERT INTO levels VALUES (?, ?, ?, ?)",
            [(i, lv.id, lv.name, _join(lv.aliases)) for i, lv in enumerate(document.levels)],
        )
        connection.executemany(
            "INSERT INTO countries VALUES (?, ?, ?)",
            [(i, c.name, _join(c.aliases)) for i, c in enumerate(document.countries)],
        )
        placeholders = ", ".join("?" * (len(FACT_COLUMNS) + 1))
        connection.executemany(
            f"INSERT INTO facts VALUES ({placeholders})",  # noqa: S608 - fixed column list
            [(pos, *_fact_row(fact)) for pos, fact in enumerate(document.facts)],
        )
        connection.executemany(
            "INSERT INTO program_fields VALUES (?, ?)",
            [(f, pos) for pos, fact in enumerate(document.facts) for f in fact.fields],
        )
        level_words = {lv.id: [lv.id, lv.name, *lv.aliases] for lv in document.levels}
        country_words = {c.name: [c.name, *c.aliases] for c in document.countries}
        vocab: set[str] = set()
        word_rows: list[tuple[str, int, float, str, int]] = []
        phrase_rows: list[tuple[str, int, int]] = []
        for pos, fact in enumerate(document.facts):
            best = _best_words(fact, level_words, country_words)
            name_len = len([w for w in words(fact.name) if w not in STOPWORDS])
            word_rows.extend((w, pos, wt, field, name_len) for w, (wt, field) in best.items())
            vocab.update(best)
            # An exact id or name outranks an exact keyword, which outranks the rest.
            strengths = {normalise_phrase(k): 1 for k in fact.keywords}
            strengths |= {normalise_phrase(fact.id): 2, normalise_phrase(fact.name): 2}
            phrase_rows.extend((p, pos, strength) for p, strength in strengths.items() if p)
        connection.executemany("INSERT INTO words VALUES (?, ?, ?, ?, ?)", word_rows)
        connection.executemany("INSERT INTO vocab VALUES (?)", [(w,) for w in sorted(vocab)])
        connection.executemany("INSERT INTO phrases VALUES (?, ?, ?)", phrase_rows)


def _fact_row(fact: Fact) -> tuple[object, ...]:
    values: list[object] = []
    for column in FACT_COLUMNS:
        value = getattr(fact, column)
        values.append(_join(value) if column in _LIST_COLUMNS else value)
    return tuple(values)


def _field_texts(
    fact: Fact, level_words: dict[str, list[str]], country_words: dict[str, list[str]]
) -> Iterator[tuple[str, str]]:
    yield "name", fact.name  # before id: on a tie the name is the field reported
    yield "id", fact.id
    for keyword in fact.keywords:
        yield "keywords", keyword
    if fact.as_written:
        yield "as_written", fact.as_written
    if fact.value is not None:
        yield "as_written", repr(fact.value)
    if fact.country:
        for text in country_words.get(fact.country, [fact.country]):
            yield "country", text
    for field in fact.fields:
        yield "fields", field
    if fact.level:
        for text in level_words.get(fact.level, [fact.level]):
            yield "level", text
    for column in ("category", "unit", "date", "date_as_written", "period"):
        text = getattr(fact, column)
        if text:
            yield ("date" if column == "date_as_written" else column), text
    yield "kind", fact.kind
    yield "summary", fact.summary
    yield "section", fact.section


def _best_words(
    fact: Fact, level_words: dict[str, list[str]], country_words: dict[str, list[str]]
) -> dict[str, tuple[float, str]]:
    best: dict[str, tuple[float, str]] = {}
    for field, text in _field_texts(fact, level_words, country_words):
        weight = FIELD_WEIGHTS[field]
        for word in words(text):
            if word not in best or best[word][0] < weight:
                best[word] = (weight, field)
    return best
