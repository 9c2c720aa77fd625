"""The SQLite index of a validated facts file, and its cache in the user's cache folder.

Parsing a large TOML file takes seconds, so the validated records are kept in an
SQLite file keyed by the facts file's path, size, modification time, inode and
the cqedu version. SQLite, not pickle: reading a cache never runs code. A stale,
corrupt or unwritable cache is ignored and the TOML is read again.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from cqedu._version import __version__
from cqedu.fields import LIST_FIELDS
from cqedu.model import Fact, FactsDocument

#: Bump when the tables below change, so old caches are rebuilt.
INDEX_FORMAT = 5
_SEP = "\x1f"  # joins list fields; the loader refuses control characters in values

#: Columns of the facts table: Fact's fields in order, so a row rebuilds a Fact.
FACT_COLUMNS: tuple[str, ...] = Fact._fields

# Indexes are made after the rows are in: much faster than growing them row by row.
_INDEXES = """
CREATE UNIQUE INDEX facts_id ON facts (id);
CREATE INDEX facts_kind ON facts (kind);
CREATE INDEX facts_level ON facts (level);
CREATE INDEX program_fields_field ON program_fields (field);
"""
_SCHEMA = f"""
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE sources (pos INTEGER PRIMARY KEY, id TEXT, title TEXT, file TEXT, date TEXT,
                      summary TEXT, sections TEXT);
CREATE TABLE levels (pos INTEGER PRIMARY KEY, id TEXT, name TEXT, aliases TEXT);
CREATE TABLE countries (pos INTEGER PRIMARY KEY, name TEXT, aliases TEXT);
CREATE TABLE facts (pos INTEGER PRIMARY KEY, {", ".join(FACT_COLUMNS)});
CREATE TABLE program_fields (field TEXT, pos INTEGER);
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


def open_index(
    path: Path, cache_dir: Path | None, *, with_words: bool = False
) -> tuple[sqlite3.Connection, Path | None]:
    """A read-only connection to the index of the facts file at `path`, and its cache file.

    Uses the cached index when it matches the file; otherwise validates the file
    and writes a new cache. With no usable cache folder (`cache_dir` None,
    unwritable, or no home), the index is built in memory and no file is returned.
    `with_words` builds the search index too when the file has to be read anyway.
    """
    # The loader (tomllib, validation) is imported only when the cache cannot serve.
    try:
        handle = path.open("rb")
    except OSError as error:
        from cqedu.loader import unreadable

        raise unreadable(path, error) from None
    with handle:
        stat = os.fstat(handle.fileno())
        key = f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{stat.st_ino}"
        key += f"|{__version__}|{INDEX_FORMAT}"
        cache_file = _cache_file(cache_dir, path) if cache_dir is not None else None
        if cache_file is not None:
            cached = _open_cached(cache_file, key)
            if cached is not None:
                return cached, cache_file
        from cqedu.loader import parse_facts, read_open_facts, unreadable

        try:
            data = read_open_facts(handle.read, str(path))
        except OSError as error:
            raise unreadable(path, error) from None
    document = parse_facts(data, str(path))
    if cache_file is not None:
        written = _write_cache(cache_file, key, document, with_words)
        if written is not None:
            return written, cache_file
    return build_memory_index(document, with_words=with_words, key=key), None


def build_memory_index(
    document: FactsDocument, *, with_words: bool = True, key: str = "memory"
) -> sqlite3.Connection:
    """An index in memory for a document that is already validated."""
    memory = sqlite3.connect(":memory:")
    _fill(memory, key, document, with_words)
    return memory


def _cache_file(cache_dir: Path, path: Path) -> Path:
    return (
        cache_dir
        / f"facts-{_fnv1a(str(path.resolve()).encode('utf-8', 'surrogatepass')):016x}.sqlite3"
    )


def _fnv1a(data: bytes) -> int:
    """64-bit FNV-1a: names the cache file of a path (hashlib would load OpenSSL at start-up).

    A collision only costs a rebuild: the stored key, not the name, decides validity.
    """
    value = 0xCBF29CE484222325
    for byte in data:
        value = ((value ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return value


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


def _write_cache(
    cache_file: Path, key: str, document: FactsDocument, with_words: bool
) -> sqlite3.Connection | None:
    """Write the index next to its final name and rename it in; None when that is impossible."""
    temp_name: str | None = None
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        import tempfile  # deferred: only a cache miss writes

        fd, temp_name = tempfile.mkstemp(prefix=".facts-", suffix=".tmp", dir=cache_file.parent)
        os.close(fd)
        with contextlib.closing(sqlite3.connect(temp_name)) as connection:
            _fill(connection, key, document, with_words)
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


def _fill(
    connection: sqlite3.Connection, key: str, document: FactsDocument, with_words: bool
) -> None:
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
        if with_words:
            from cqedu import index

            index.create(connection)  # from the tables just filled
    connection.executescript(_INDEXES)


def _fact_row(fact: Fact) -> tuple[object, ...]:
    values: list[object] = []
    for column in FACT_COLUMNS:
        value = getattr(fact, column)
        values.append(_join(value) if column in LIST_FIELDS else value)
    return tuple(values)
