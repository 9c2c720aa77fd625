"""The SQLite store of a knowledge base read from one or more facts files, and its cache.

Parsing TOML takes seconds at scale, so what each facts file contributes (its sources,
levels, countries and records) is kept in one SQLite file per set of paths, tagged with
the file it came from. Each file is known by its path's bytes (any name a file system
allows) and keyed by its size, modification and status-change times and inode, with the
hash of its content: on load every file is stat'ed, and only the files whose content
changed are read again (in parallel processes when there are many), their rows replaced
in one transaction. A file of the same size whose other status changed, or one that
changed too recently for its timestamps to be trusted, is hashed and read again only
when its hash differs (see `_changed_files`). SQLite, not pickle: reading a cache never
runs code. A stale, corrupt or foreign cache is rebuilt, an unwritable one replaced by a
store in memory, and deleting the cache folder is always safe.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from cqedu._version import __version__
from cqedu.core.errors import FactsError
from cqedu.facts.files import FactsFile, display_path, facts_files, path_bytes
from cqedu.facts.model import KIND_TABLES, KINDS, Country, Fact, FactsDocument, Level, Term

if TYPE_CHECKING:
    from concurrent.futures import Executor

#: Bump when the tables below change, so old caches are rebuilt.
INDEX_FORMAT = 13
_SEP = "\x1f"  # joins list fields; the loader refuses control characters in values

#: Records of the file at place `n` (in the order files are given) have positions
#: n * FILE_STRIDE + their index, so `pos` orders records by file, then as written.
#: A file holds far fewer records than this (the loader refuses files over 256 MiB).
FILE_STRIDE = 1 << 24
#: Reading this many bytes or more of changed files uses every core.
PARALLEL_BYTES = 1024 * 1024
#: A file this large is read in parts, one per core, when it can be split safely.
SPLIT_BYTES = 4 * 1024 * 1024
#: Fewer records than this per part are not worth splitting a file for.
PART_RECORDS = 16

# A line that starts a table; and one that starts a record table ([[stats]], ...). Compiled
# when a large file is split, not at start-up.
_TABLE_LINE = r"^[ \t]*\["
_RECORD_LINE = rf"[ \t]*\[\[[ \t]*(?:{'|'.join(KIND_TABLES)})[ \t]*\]\][ \t]*(?:#[^\n]*)?\r?"

#: The hash that knows a facts file's content when its status cannot (see _changed_files).
_DIGEST = "sha256"

#: Columns of the facts table: Fact's fields in order, so a row rebuilds a Fact.
FACT_COLUMNS: tuple[str, ...] = Fact._fields


# Tables per facts file are keyed by pos (file place * FILE_STRIDE + index); `levels` and
# `countries` hold the merged vocabularies every query reads. In `files`, `name` is the
# resolved path's bytes (what a file is known by), `path` the text messages show
# (files.display_path), `stamp` its FactsFile.stamp, empty for a racy file (one that had
# changed too recently for its status to vouch for its content), and `digest` the hash
# of the content read.
def _schema() -> str:
    """The tables of a store (the search index's word columns come from cqedu.store.index, which
    a query served from the cache never imports)."""
    # deferred for start-up: a query served from the cache never builds the search index
    from cqedu.store.index import OWN_COLUMNS

    return f"""
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (place INTEGER PRIMARY KEY, name BLOB NOT NULL UNIQUE,
                                  path TEXT NOT NULL, size INTEGER NOT NULL,
                                  stamp TEXT NOT NULL, digest BLOB NOT NULL,
                                  records INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS sources (pos INTEGER PRIMARY KEY, id TEXT, title TEXT, file TEXT,
                                    date TEXT, summary TEXT, sections TEXT);
CREATE TABLE IF NOT EXISTS file_levels (pos INTEGER PRIMARY KEY, id TEXT, name TEXT,
                                        aliases TEXT);
CREATE TABLE IF NOT EXISTS file_countries (pos INTEGER PRIMARY KEY, name TEXT, aliases TEXT);
CREATE TABLE IF NOT EXISTS levels (pos INTEGER PRIMARY KEY, id TEXT, name TEXT, aliases TEXT);
CREATE TABLE IF NOT EXISTS countries (pos INTEGER PRIMARY KEY, name TEXT, aliases TEXT);
CREATE TABLE IF NOT EXISTS file_terms (pos INTEGER PRIMARY KEY, term TEXT, synonyms TEXT);
CREATE TABLE IF NOT EXISTS terms (pos INTEGER PRIMARY KEY, term TEXT, synonyms TEXT);
CREATE TABLE IF NOT EXISTS facts (pos INTEGER PRIMARY KEY, {", ".join(FACT_COLUMNS)});
CREATE TABLE IF NOT EXISTS program_fields (field TEXT, pos INTEGER);
CREATE TABLE IF NOT EXISTS fact_words (pos INTEGER PRIMARY KEY, name_length INTEGER,
                                       name_phrase TEXT, id_phrase TEXT,
                                       {", ".join(OWN_COLUMNS)});
CREATE TABLE IF NOT EXISTS fact_phrases (pos INTEGER, phrase TEXT, strength INTEGER);
"""


# Indexes are made after the first rows are in: much faster than growing them row by row.
_INDEXES = """
CREATE INDEX IF NOT EXISTS facts_id ON facts (id);
CREATE INDEX IF NOT EXISTS facts_kind ON facts (kind);
CREATE INDEX IF NOT EXISTS facts_level ON facts (level);
CREATE INDEX IF NOT EXISTS facts_source ON facts (source);
CREATE INDEX IF NOT EXISTS program_fields_field ON program_fields (field);
CREATE INDEX IF NOT EXISTS program_fields_pos ON program_fields (pos);
CREATE INDEX IF NOT EXISTS fact_phrases_pos ON fact_phrases (pos);
"""
#: Tables whose rows belong to one facts file, by position.
_FILE_TABLES = (
    "sources",
    "file_levels",
    "file_countries",
    "file_terms",
    "facts",
    "program_fields",
    "fact_words",
    "fact_phrases",
)

#: Counts facts files parsed in this process (tests observe the cache with it).
parse_count = 0


class FileRows(NamedTuple):
    """What one facts file contributes, as rows cheap to send between processes.

    Positions are the index within the file; the store adds the file's base.
    """

    sources: list[tuple[object, ...]]
    """(index, id, title, file, date, summary, sections)."""
    levels: list[tuple[object, ...]]
    """(index, id, name, aliases)."""
    countries: list[tuple[object, ...]]
    """(index, name, aliases)."""
    facts: list[tuple[object, ...]]
    """(index, *FACT_COLUMNS)."""
    program_fields: list[tuple[object, ...]]
    """(index, field) for each subject field of each record."""
    words: list[tuple[object, ...]]
    """(index, name length, name phrase, id phrase, *words of index.OWN_COLUMNS)."""
    phrases: list[tuple[object, ...]]
    """(index, phrase, strength) for each record's exact keywords but its name and id."""
    digest: bytes = b""
    """The hash of the file's bytes (content_digest); empty for a part of a file."""
    terms: list[tuple[object, ...]] = []  # noqa: RUF012 - a NamedTuple default, never mutated
    """(index, term, synonyms)."""


def default_cache_dir() -> Path | None:
    """$CQEDU_CACHE_DIR, else the platform's user cache folder; None without a usable home."""
    configured = os.environ.get("CQEDU_CACHE_DIR")
    if configured:
        return Path(configured)
    # On POSIX a process without $HOME (a service, a sandbox) gets no cache rather than one
    # in the password database's home, which may belong to someone else's session.
    home = (
        os.environ.get("HOME", "") if os.name == "posix" else os.path.expanduser("~")  # noqa: PTH111 - unlike Path.home(), it does not raise
    )
    if not home or home.startswith("~") or not Path(home).is_absolute():
        return None  # no home folder known: store in memory rather than beside the user's files
    from platformdirs import user_cache_dir  # deferred: only when no folder is configured

    found = Path(user_cache_dir("cqedu", appauthor=False))
    return found if found.is_absolute() else None


# ---------------------------------------------------------------- reading files


@contextlib.contextmanager
def _no_collection() -> Iterator[None]:
    """Python's cycle collector paused: reading builds millions of objects, none in a
    cycle, and the collector would walk them all again and again (a third of the time)."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def read_rows(path: str) -> tuple[FileRows | None, str | None]:
    """Parse and validate one facts file into rows, or the message of its first fault.

    Runs in worker processes, so it takes and returns only plain, picklable values.
    """
    # deferred for start-up: a query served from the cache never reads TOML
    from cqedu.facts.loader import parse_facts, read_facts_bytes

    with _no_collection():
        try:
            data = read_facts_bytes(Path(path))
            document = parse_facts(data, path)
        except FactsError as error:
            return None, str(error)
        return document_rows(document)._replace(digest=content_digest(data)), None


def content_digest(data: bytes) -> bytes:
    """The SHA-256 of a facts file's bytes: what its content is known by when its status
    cannot vouch for it."""
    # deferred for start-up: hashlib loads OpenSSL (about 10 ms); only runs that read or
    # check a file's content need it
    import hashlib

    return hashlib.new(_DIGEST, data).digest()


def document_rows(document: FactsDocument) -> FileRows:
    """The rows of a validated document, with the words its records add to the search index.

    The words are split here, in the worker that read the file, so that building the
    index later is only SQL.
    """
    # deferred for start-up: a query served from the cache never builds the search index
    from cqedu.store.index import record_words_rows

    words, phrases = record_words_rows(document.facts)
    return FileRows(
        [
            (i, s.id, s.title, s.file, s.date, s.summary, _join(s.sections))
            for i, s in enumerate(document.sources)
        ],
        [(i, lv.id, lv.name, _join(lv.aliases)) for i, lv in enumerate(document.levels)],
        [(i, c.name, _join(c.aliases)) for i, c in enumerate(document.countries)],
        [(i, *_fact_row(fact)) for i, fact in enumerate(document.facts)],
        [(i, field) for i, fact in enumerate(document.facts) for field in fact.fields],
        words,
        phrases,
        terms=[(i, t.term, _join(t.synonyms)) for i, t in enumerate(document.terms)],
    )


def _read_all(files: Sequence[FactsFile]) -> Iterator[tuple[FileRows | None, str | None]]:
    """Rows of each file, in order; many files, or a large one, are read on every core.

    Rows come as each file is read, so the caller stores one file while the next are read.
    """
    global parse_count  # noqa: PLW0603 - a process-wide counter is what tests observe
    parse_count += len(files)
    with _no_collection():  # also while the caller stores rows: the rows are many objects
        yield from _read_each(files)


def _read_each(files: Sequence[FactsFile]) -> Iterator[tuple[FileRows | None, str | None]]:
    names = [file.label for file in files]
    cores = os.cpu_count() or 1
    large = any(file.size >= SPLIT_BYTES for file in files)
    if (
        cores < 2
        or sum(file.size for file in files) < PARALLEL_BYTES
        or (len(files) < 2 and not large)
    ):
        yield from (read_rows(name) for name in names)
        return
    # deferred for start-up: worker processes only for first runs over many files
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork starts workers in milliseconds with cqedu already imported; elsewhere the default.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    small = [file.label for file in files if file.size < SPLIT_BYTES]
    done = 0
    try:
        pool = ProcessPoolExecutor(cores, mp_context=context)
    except (OSError, RuntimeError):  # no processes allowed here: read them one by one
        yield from (read_rows(name) for name in names)
        return
    try:
        chunk = max(1, len(small) // (cores * 8))
        read_small = pool.map(read_rows, small, chunksize=chunk)
        for file in files:
            if file.size >= SPLIT_BYTES:
                yield _read_in_parts(file.label, pool, cores)
            else:
                yield next(read_small)
            done += 1
    except (OSError, RuntimeError):  # the pool broke: read the rest here
        yield from (read_rows(name) for name in names[done:])
    finally:
        pool.shutdown(cancel_futures=True)  # also when the caller stops early


def split_facts_text(text: str, parts: int) -> list[str] | None:
    """A facts text as about `parts` facts texts, each its head and a run of its records.

    The head is everything before the first record table: schema, sources, levels and
    countries. None when the text cannot be split safely: a multi-line string (where a
    line may look like a table), a table other than a record table after the first
    record, or too few records to be worth it.
    """
    if '"""' in text or "'''" in text:
        return None
    # deferred for start-up: only when a large file is split into parts
    import re

    record_line = re.compile(_RECORD_LINE)
    starts: list[int] = []
    for match in re.finditer(_TABLE_LINE, text, re.MULTILINE):
        end = text.find("\n", match.start())
        if record_line.fullmatch(text, match.start(), len(text) if end < 0 else end):
            starts.append(match.start())
        elif starts:
            return None
    if len(starts) < parts * PART_RECORDS:
        return None
    # deferred for start-up: only when a large file is split into parts
    from bisect import bisect_left
    from itertools import pairwise

    first = starts[0]
    step = (len(text) - first) / parts
    bounds = [first]
    for number in range(1, parts):
        at = bisect_left(starts, first + number * step)
        if at < len(starts) and starts[at] > bounds[-1]:
            bounds.append(starts[at])
    bounds.append(len(text))
    head = text[:first]
    return [head + text[low:high] for low, high in pairwise(bounds)]


def read_part(label: str, text: str) -> tuple[FileRows, list[int]] | None:
    """Rows of a part of a facts file, and each record's table (its place in KINDS).

    None at the part's first fault: the caller then reads the whole file for the message.
    Runs in worker processes.
    """
    # deferred for start-up: a query served from the cache never reads TOML
    from cqedu.facts.loader import parse_facts_part

    with _no_collection():
        try:
            document = parse_facts_part(text, label)
        except FactsError:
            return None
        kinds = {kind: place for place, kind in enumerate(KINDS)}
        return document_rows(document), [kinds[fact.kind] for fact in document.facts]


def _read_in_parts(label: str, pool: Executor, parts: int) -> tuple[FileRows | None, str | None]:
    """Rows of one large facts file, its parts parsed and validated in `pool` at once.

    The parts' records are put back in the file's order (by table, then as written) and
    the checks across parts (unique ids, `related` ids that exist) done here. A file that
    cannot be split, or that has any fault, is read whole, for its exact first message.
    """
    # deferred for start-up: a query served from the cache never reads TOML
    from cqedu.facts.loader import facts_text, read_facts_bytes

    try:
        data = read_facts_bytes(Path(label))
        texts = split_facts_text(facts_text(data, label), parts)
    except FactsError as error:
        return None, str(error)
    if texts is None:
        return read_rows(label)
    read = list(pool.map(read_part, [label] * len(texts), texts))
    found = [part for part in read if part is not None]
    if len(found) < len(read):
        return read_rows(label)
    order = sorted(
        (table, number, index)
        for number, (_, tables) in enumerate(found)
        for index, table in enumerate(tables)
    )
    places: list[list[int]] = [[0] * len(tables) for _, tables in found]
    for place, (_, number, index) in enumerate(order):
        places[number][index] = place

    def merged(field: int) -> list[tuple[object, ...]]:
        parts: list[list[tuple[object, ...]]] = [part[field] for part, _ in found]  # type: ignore[misc] # fields 3-6 are lists of rows
        rows: list[tuple[object, ...]] = [
            (places[number][int(row[0])], *row[1:])  # type: ignore[call-overload] # an int
            for number, part_rows in enumerate(parts)
            for row in part_rows
        ]
        rows.sort(key=lambda row: row[0])  # type: ignore[arg-type,return-value] # int index
        return rows

    head = found[0][0]
    facts, program_fields, words, phrases = map(merged, range(3, 7))
    rows = FileRows(
        head.sources,
        head.levels,
        head.countries,
        facts,
        program_fields,
        words,
        phrases,
        content_digest(data),
        terms=head.terms,
    )
    ids = {row[1] for row in rows.facts}
    related = FACT_COLUMNS.index("related") + 1
    if len(ids) < len(rows.facts) or any(
        other not in ids
        for row in rows.facts
        for other in split_list(row[related])  # type: ignore[arg-type] # a str column
    ):
        return read_rows(label)
    return rows, None


# ---------------------------------------------------------------- the store


def open_store(
    paths: Sequence[Path], cache_dir: Path | None
) -> tuple[sqlite3.Connection, Path | None]:
    """A connection to the knowledge base of the facts files at `paths`, and its cache file.

    Reads only the files that changed since the cache was written. With no usable cache
    folder (`cache_dir` None, unwritable, or no home) the store is built in memory and no
    file is returned. Raises FactsError for the first fault of the first bad file, or for
    records, sources or levels that clash across files; its message shows a path's bytes
    that are not UTF-8 as `\\xNN` (files.display_path), so it can always be printed.
    """
    files = facts_files(paths)
    if cache_dir is not None:
        # Named by the paths as given, so a file added to a folder keeps the others' rows.
        cache_file = _cache_file(cache_dir, [_absolute(path) for path in paths])
        connection = _open_cache(cache_file)
        fault: str | None = None
        if connection is None:
            connection, fault = _new_cache(cache_file, files)
        else:
            try:
                fault = _update(connection, files)
            except sqlite3.Error:  # a cache that fails while written: keep it in memory
                connection.close()
                connection = None
        if connection is not None:
            if fault is not None:
                connection.close()
                raise FactsError(display_path(fault))
            return connection, cache_file
    memory = sqlite3.connect(":memory:", isolation_level=None)
    memory.execute("PRAGMA journal_mode = OFF")
    fault = _update(memory, files)
    if fault is not None:
        raise FactsError(display_path(fault))
    return memory, None


def build_memory_index(document: FactsDocument) -> sqlite3.Connection:
    """A store in memory for a document that is already validated."""
    memory = sqlite3.connect(":memory:", isolation_level=None)
    memory.executescript(_schema())
    memory.execute("INSERT INTO meta VALUES ('format', ?)", (_format(),))
    memory.execute("INSERT INTO files VALUES (0, x'', '', 0, '', x'', ?)", (len(document.facts),))
    _insert(memory, 0, document_rows(document))
    _merge_vocabularies(memory)
    _create_indexes(memory)
    return memory


def _absolute(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a symlink loop: its own name will do
        return path.absolute()


def _format() -> str:
    return f"{__version__}|{INDEX_FORMAT}"


def _cache_file(cache_dir: Path, files: Sequence[Path]) -> Path:
    # The paths' own bytes: any name a file system allows, and two names never one.
    joined = b"\0".join(path_bytes(path) for path in files)
    return cache_dir / f"kb-{_fnv1a(joined):016x}.sqlite3"


def _fnv1a(data: bytes) -> int:
    """64-bit FNV-1a: names the cache file of a set of paths (hashlib would load OpenSSL).

    A collision only costs a rebuild: the stored file keys, not the name, decide validity.
    """
    value = 0xCBF29CE484222325
    for byte in data:
        value = ((value ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return value


def _open_cache(cache_file: Path) -> sqlite3.Connection | None:
    """The cache at `cache_file` when it is one of this version; None when absent or not."""
    if not cache_file.is_file():
        return None
    try:
        connection = sqlite3.connect(cache_file, isolation_level=None, timeout=30)
    except (sqlite3.Error, OSError):
        return None
    try:
        row = connection.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
        if row is not None and row[0] == _format():
            return connection
    except sqlite3.Error:
        pass  # a corrupt or foreign file: replaced below
    connection.close()
    return None


def _new_cache(
    cache_file: Path, files: Sequence[FactsFile]
) -> tuple[sqlite3.Connection | None, str | None]:
    """A store of `files` written beside `cache_file` and renamed over it, and its fault.

    The connection is None when the cache cannot be written. Files that read well are
    kept even when another has a fault, so fixing it reads only that file again.
    """
    temp_name: str | None = None
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        import tempfile  # deferred: only a new cache needs it

        fd, temp_name = tempfile.mkstemp(prefix=".kb-", suffix=".tmp", dir=cache_file.parent)
        os.close(fd)
        with contextlib.closing(sqlite3.connect(temp_name, isolation_level=None)) as connection:
            # No journal, no syncs: the file is renamed into place only when complete.
            connection.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")
            fault = _update(connection, files)
        Path(temp_name).replace(cache_file)
        temp_name = None
    except (OSError, sqlite3.Error):
        return None, None
    finally:
        if temp_name is not None:
            with contextlib.suppress(OSError):
                Path(temp_name).unlink()
    return _open_cache(cache_file), fault


def _update(connection: sqlite3.Connection, files: Sequence[FactsFile]) -> str | None:
    """Bring the store up to date with `files`, reading only those that changed.

    Returns the message of the first fault (a bad file, or a clash across files), if any.
    """
    if not _up_to_date(connection, files):  # the usual case costs one read, no lock
        connection.executescript(_schema())
        if connection.execute("SELECT COUNT(*) FROM meta").fetchone() == (0,):
            connection.execute("INSERT INTO meta VALUES ('format', ?)", (_format(),))
        # One writer at a time; a second process waits, then finds the work done.
        connection.execute("BEGIN IMMEDIATE")
        try:
            fault = _update_files(connection, files)
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        if fault is not None:
            return fault
    return _stored_problem(connection)


def _up_to_date(connection: sqlite3.Connection, files: Sequence[FactsFile]) -> bool:
    """Whether the store holds exactly `files`, each at its place with the same stamp (a
    racy file's stored stamp is empty, so it is hashed first, in `_update_files`)."""
    try:
        stored = connection.execute("SELECT name, stamp FROM files ORDER BY place").fetchall()
    except sqlite3.OperationalError:  # no tables yet
        return False
    # Two columns and no call per file but the path's: this runs for every file, every run.
    return stored == [(path_bytes(file.path), file.stamp) for file in files]


def _stored_stamp(file: FactsFile) -> str:
    """The stamp to store: none for a racy file, whose stamp cannot vouch for it."""
    return "" if file.racy else file.stamp


#: A facts file as the store last read or checked it: (place, size, stamp, digest).
_Stored = tuple[int, int, str, bytes]


def _changed_files(
    stored: dict[bytes, _Stored], files: Sequence[FactsFile]
) -> tuple[list[tuple[int, FactsFile]], list[FactsFile]]:
    """The files to read again (with their places), and those whose content is as stored
    although their stamp is not (or was racy), so only their stamp is updated.

    A different size proves a change. The same stamp, stored when the file was not racy,
    proves none: whatever writes a file sets its ctime, which nothing sets back, and a
    racy file (one that changed within a timestamp tick of being read) is stored without
    a stamp. Anything else (tar -x, rsync -t or cp -p putting the mtime back, a second
    edit within one tick, a touch, chmod or a new inode) is settled by the content's hash.
    """
    changed: list[tuple[int, FactsFile]] = []
    same: list[FactsFile] = []
    for place, file in enumerate(files):
        old = stored.get(path_bytes(file.path))
        if old is None or old[1] != file.size:
            changed.append((place, file))
        elif old[2] == file.stamp:
            continue
        elif _file_digest(Path(file.path)) == old[3]:
            same.append(file)
        else:
            changed.append((place, file))
    return changed, same


def _file_digest(path: Path) -> bytes | None:
    """The content_digest of the file at `path`, read in blocks (a large file is never held
    whole); None when it cannot be read (it is then read again, and its fault reported)."""
    # deferred for start-up: hashlib loads OpenSSL (about 10 ms); only runs that check a
    # file's content need it
    import hashlib

    try:
        with path.open("rb") as file:
            return hashlib.file_digest(file, _DIGEST).digest()
    except OSError:
        return None


def _update_files(connection: sqlite3.Connection, files: Sequence[FactsFile]) -> str | None:
    """Replace the rows of changed files; the first fault of a file read, if any."""
    stored = {
        name: (place, size, stamp, digest)
        for place, name, size, stamp, digest in connection.execute(
            "SELECT place, name, size, stamp, digest FROM files"
        )
    }
    changed, same = _changed_files(stored, files)
    connection.executemany(
        "UPDATE files SET stamp = ? WHERE name = ?",
        [(_stored_stamp(file), path_bytes(file.path)) for file in same],
    )
    wanted = {path_bytes(file.path): place for place, file in enumerate(files)}
    changed_names = {path_bytes(file.path) for _, file in changed}
    moves = [
        (old[0], wanted[name])
        for name, old in stored.items()
        if name in wanted and name not in changed_names and old[0] != wanted[name]
    ]
    if not changed and not moves and len(stored) == len(files):
        return None  # the same files with the same content: rows, indexes and search stand
    # A store that held files without a clash needs only the changed files checked again
    # (see _recheck); `touched` are the places whose rows are replaced.
    sound = bool(stored) and _stored_problem(connection) is None
    touched = sorted(
        {old[0] for name, old in stored.items() if name not in wanted or name in changed_names}
        | {place for place, _ in changed}
    )
    declared = _declarations(connection, touched) if sound and not moves else None
    for name, old in stored.items():
        if name not in wanted or name in changed_names:
            _delete_file(connection, old[0])
    _move(connection, moves)
    fault: str | None = None
    for (place, file), (rows, problem) in zip(
        changed, _read_all([file for _, file in changed]), strict=True
    ):
        if rows is None:
            fault = fault or problem
            continue  # not recorded in `files`, so it is read again next time
        connection.execute(
            "INSERT INTO files VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                place,
                path_bytes(file.path),
                display_path(file.path),
                file.size,
                _stored_stamp(file),
                rows.digest,
                len(rows.facts),
            ),
        )
        _insert(connection, place, rows)
    _create_indexes(connection)
    if sound:
        same_declarations = declared is not None and declared == _declarations(connection, touched)
        clash = _recheck(connection, touched, same_declarations=same_declarations)
    else:
        clash = _merge_vocabularies(connection) or _clashing_ids(connection)
    if clash is None:
        connection.execute("DELETE FROM meta WHERE key = 'problem'")
    else:
        connection.execute("INSERT OR REPLACE INTO meta VALUES ('problem', ?)", (clash,))
    drop_search_index(connection)
    return fault


def _stored_problem(connection: sqlite3.Connection) -> str | None:
    """The clash across files the store holds, if any (see _update)."""
    row = connection.execute("SELECT value FROM meta WHERE key = 'problem'").fetchone()
    return None if row is None else str(row[0])


#: The tables of what each file declares, which the merged vocabularies are made of.
_DECLARATION_TABLES = ("file_levels", "file_countries", "file_terms")


def _declarations(
    connection: sqlite3.Connection, places: Sequence[int]
) -> list[tuple[object, ...]]:
    """Every level, country and term the files at `places` declare, as stored."""
    found: list[tuple[object, ...]] = []
    for table in _DECLARATION_TABLES:
        for place in places:
            found.append((table, place))
            found.extend(
                connection.execute(
                    f"SELECT * FROM {table} WHERE pos >= ? AND pos < ? ORDER BY pos",  # noqa: S608 - fixed table names
                    (place * FILE_STRIDE, (place + 1) * FILE_STRIDE),
                )
            )
    return found


#: Above this many replaced files, every id is checked at once rather than theirs alone.
_RECHECK_PLACES = 64


def _recheck(
    connection: sqlite3.Connection, touched: Sequence[int], *, same_declarations: bool
) -> str | None:
    """The first clash after the files at `touched` were replaced in a store that had none.

    Gives what `_merge_vocabularies` then `_clashing_ids` give, for less: the vocabularies
    are merged again only when the replaced files declare other levels, countries or
    terms than before (their rows are otherwise what they were), and only the ids of the
    replaced files can now be in two files, since the others' were not.
    """
    if not same_declarations:
        clash = _merge_vocabularies(connection)
        if clash is not None:
            return clash
    if len(touched) > _RECHECK_PLACES:
        return _clashing_ids(connection)
    return _clashing_ids(connection, touched)


def _create_indexes(connection: sqlite3.Connection) -> None:
    # One statement at a time: executescript would commit the open transaction first.
    for statement in _INDEXES.split(";"):
        if statement.strip():
            connection.execute(statement)


def _delete_file(connection: sqlite3.Connection, place: int) -> None:
    low, high = place * FILE_STRIDE, (place + 1) * FILE_STRIDE
    for table in _FILE_TABLES:
        connection.execute(f"DELETE FROM {table} WHERE pos >= ? AND pos < ?", (low, high))  # noqa: S608 - fixed table names
    connection.execute("DELETE FROM files WHERE place = ?", (place,))


def _move(connection: sqlite3.Connection, moves: Iterable[tuple[int, int]]) -> None:
    """Give the rows of files that changed place their new positions.

    Rows pass through negative positions so that no move collides with a row not yet moved.
    """
    moves = list(moves)
    if not moves:
        return
    for old, new in moves:
        low, high = old * FILE_STRIDE, (old + 1) * FILE_STRIDE
        shift = (new - old) * FILE_STRIDE
        for table in _FILE_TABLES:
            connection.execute(
                f"UPDATE {table} SET pos = -(pos + ?) - 1 WHERE pos >= ? AND pos < ?",  # noqa: S608 - fixed table names
                (shift, low, high),
            )
        connection.execute("UPDATE files SET place = -? - 1 WHERE place = ?", (new, old))
    for table in _FILE_TABLES:
        connection.execute(f"UPDATE {table} SET pos = -pos - 1 WHERE pos < 0")  # noqa: S608 - fixed table names
    connection.execute("UPDATE files SET place = -place - 1 WHERE place < 0")


def _insert(connection: sqlite3.Connection, place: int, rows: FileRows) -> None:
    """Rows of the file at `place`; a row's file is known by its position's place."""
    base = place * FILE_STRIDE
    tables = (
        ("sources", rows.sources),
        ("file_levels", rows.levels),
        ("file_countries", rows.countries),
        ("file_terms", rows.terms),
        ("facts", rows.facts),
        ("fact_words", rows.words),
        ("fact_phrases", rows.phrases),
    )
    for table, table_rows in tables:
        if table_rows:
            marks = ", ".join("?" * len(table_rows[0]))
            connection.executemany(
                f"INSERT INTO {table} VALUES ({marks})",  # noqa: S608 - fixed table names
                [(base + row[0], *row[1:]) for row in table_rows],  # type: ignore[operator] # a row starts with its index, an int
            )
    connection.executemany(
        "INSERT INTO program_fields VALUES (?, ?)",
        [(row[1], base + row[0]) for row in rows.program_fields],  # type: ignore[operator] # a row starts with its index, an int
    )


def file_of(connection: sqlite3.Connection, pos: int) -> str:
    """The facts file a row at `pos` was read from, as text to show (files.display_path)."""
    row = connection.execute(
        "SELECT path FROM files WHERE place = ?", (pos // FILE_STRIDE,)
    ).fetchone()
    return str(row[0]) if row else ""


def _merge_vocabularies(connection: sqlite3.Connection) -> str | None:
    """Fill `levels`, `countries` and `terms` from every file's; the first clash, if any."""
    # deferred for start-up: merging only after files were read
    from cqedu.facts.merge import merge_countries, merge_levels, merge_terms

    places = dict(connection.execute("SELECT place, path FROM files"))
    # Files repeat the same declarations: each distinct one is merged once, where it first
    # appears, which merges to the same vocabularies and finds the same first clash.
    levels, clash = merge_levels(
        (places.get(pos // FILE_STRIDE, ""), Level(i, name, split_list(aliases)))
        for pos, i, name, aliases in connection.execute(
            "SELECT MIN(pos) AS first, id, name, aliases FROM file_levels "
            "GROUP BY id, name, aliases ORDER BY first"
        )
    )
    countries = merge_countries(
        Country(name, split_list(aliases))
        for _, name, aliases in connection.execute(
            "SELECT MIN(pos) AS first, name, aliases FROM file_countries "
            "GROUP BY name, aliases ORDER BY first"
        )
    )
    terms = merge_terms(
        Term(term, split_list(synonyms))
        for _, term, synonyms in connection.execute(
            "SELECT MIN(pos) AS first, term, synonyms FROM file_terms "
            "GROUP BY term, synonyms ORDER BY first"
        )
    )
    connection.execute("DELETE FROM levels")
    connection.execute("DELETE FROM countries")
    connection.execute("DELETE FROM terms")
    connection.executemany(
        "INSERT INTO terms VALUES (?, ?, ?)",
        [(i, t.term, _join(t.synonyms)) for i, t in enumerate(terms)],
    )
    connection.executemany(
        "INSERT INTO levels VALUES (?, ?, ?, ?)",
        [(i, lv.id, lv.name, _join(lv.aliases)) for i, lv in enumerate(levels)],
    )
    connection.executemany(
        "INSERT INTO countries VALUES (?, ?, ?)",
        [(i, c.name, _join(c.aliases)) for i, c in enumerate(countries)],
    )
    return clash


def _clashing_ids(
    connection: sqlite3.Connection, places: Sequence[int] | None = None
) -> str | None:
    """The message for the first record or source id found in two files, if any.

    With `places`, only the ids of the files at those places are looked for (a store
    whose other ids are known to be unique).
    """
    # deferred for start-up: merging only after files were read
    from cqedu.facts.merge import clash_message

    params: tuple[int, ...]
    for what, table in (("source", "sources"), ("record", "facts")):
        among, params = "", ()
        if places is not None:
            ranges = " OR ".join(["pos >= ? AND pos < ?"] * len(places)) or "0"
            among = f"WHERE id IN (SELECT id FROM {table} WHERE {ranges}) "  # noqa: S608 - fixed table names
            params = tuple(
                bound
                for place in places
                for bound in (place * FILE_STRIDE, (place + 1) * FILE_STRIDE)
            )
        row = connection.execute(
            f"SELECT id, MIN(pos), MAX(pos) FROM {table} {among}GROUP BY id "  # noqa: S608 - fixed table names
            "HAVING COUNT(*) > 1 ORDER BY MIN(pos) LIMIT 1",
            params,
        ).fetchone()
        if row is not None:
            first, second = file_of(connection, row[1]), file_of(connection, row[2])
            return clash_message(what, row[0], first, second)
    return None


def drop_search_index(connection: sqlite3.Connection) -> None:
    """Forget the search index, so the next search builds it from the changed records."""
    # deferred for start-up: a query served from the cache never builds the search index
    from cqedu.store.index import drop

    drop(connection)


def _join(values: Iterable[str]) -> str:
    return _SEP.join(values)


def split_list(value: str | None) -> tuple[str, ...]:
    """A list column back as a tuple."""
    return tuple(value.split(_SEP)) if value else ()


def _fact_row(fact: Fact) -> tuple[object, ...]:
    # Fact's three list fields come last (FACT_COLUMNS follow Fact's fields): this runs
    # for every record read, so no lookup per column.
    *scalars, fields, keywords, related = fact
    return (*scalars, _join(fields), _join(keywords), _join(related))
