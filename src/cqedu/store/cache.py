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

import contextlib
import gc
import os
import sqlite3
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TypeAlias

from cqedu._version import __version__
from cqedu.core.errors import FactsError
from cqedu.facts.files import FactsFile, display_path, facts_files, path_bytes
from cqedu.facts.model import KIND_TABLES, KINDS, Country, Fact, FactsDocument, Level, Term

if TYPE_CHECKING:
    from concurrent.futures import Executor

    from cqedu.store.indexing import PartsIndex

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
#: Parts of a large file per core: more parts than cores, so that the first parts are
#: stored and indexed while the last are read (4, not 2: less is left to index after
#: the last part comes back).
PARTS_PER_CORE = 4
#: Chunks of many small files per core, each written into a database by its worker.
CHUNKS_PER_CORE = 4
#: Databases attached at once at most (SQLite's default limit is 10); one more is copied
#: row by row instead.
_MOST_ATTACHED = 8

# A line that starts a table, after the line break before it; its group is the array's
# name when the line starts a record table ([[stats]], ...). Compiled when a large file is
# split, not at start-up. Led by a line break rather than `^` in MULTILINE mode, so that
# the search skips from line break to line break (five times faster on 50 MB).
_TABLE_LINE = (
    rf"\n[ \t]*\[(?:\[[ \t]*({'|'.join(KIND_TABLES)})[ \t]*\]\][ \t]*(?:#[^\n]*)?\r?(?=\n|\Z))?"
)

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
    from cqedu.store.indexing import OWN_COLUMNS

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


def read_rows(path: str, base: int = 0) -> tuple[FileRows | None, str | None]:
    """Parse and validate one facts file into rows, or the message of its first fault.

    Rows are at `base` plus their index (the file's place times FILE_STRIDE), as stored.
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
        return document_rows(document, base)._replace(digest=content_digest(data)), None


def content_digest(data: bytes) -> bytes:
    """The SHA-256 of a facts file's bytes: what its content is known by when its status
    cannot vouch for it."""
    # deferred for start-up: hashlib loads OpenSSL (about 10 ms); only runs that read or
    # check a file's content need it
    import hashlib

    return hashlib.new(_DIGEST, data).digest()


def document_rows(
    document: FactsDocument, base: int = 0, positions: Sequence[int] | None = None
) -> FileRows:
    """The rows of a validated document, with the words its records add to the search index.

    A declaration's position is `base` plus its index; a record's is its entry in
    `positions` when given (a part of a file: see `read_part`), else `base` plus its index.
    The words are split here, in the worker that read the file, so that building the
    index later is only SQL.
    """
    # deferred for start-up: a query served from the cache never builds the search index
    from cqedu.store.indexing import record_words_rows

    facts = document.facts
    places = range(base, base + len(facts)) if positions is None else positions
    join = _SEP.join
    words, phrases = record_words_rows(facts, places)
    return FileRows(
        [
            (i, s.id, s.title, s.file, s.date, s.summary, _join(s.sections))
            for i, s in enumerate(document.sources, base)
        ],
        [(i, lv.id, lv.name, _join(lv.aliases)) for i, lv in enumerate(document.levels, base)],
        [(i, c.name, _join(c.aliases)) for i, c in enumerate(document.countries, base)],
        # Fact's three list fields come last (FACT_COLUMNS follow Fact's fields), joined;
        # inline rather than a call per record (a third less time).
        [
            (i, *fact[:-3], join(fact[-3]), join(fact[-2]), join(fact[-1]))
            for i, fact in zip(places, facts, strict=True)
        ],
        [(i, field) for i, fact in zip(places, facts, strict=True) for field in fact.fields],
        words,
        phrases,
        terms=[(i, t.term, _join(t.synonyms)) for i, t in enumerate(document.terms, base)],
    )


#: What reading one file gives: its rows or the message of its first fault; for a large
#: file read in parts, the reader that gives its rows part by part (`_PartsReader`).
_Read: TypeAlias = "tuple[FileRows | None, str | None] | _PartsReader | _ChunkFile"


def _read_all(
    files: Sequence[tuple[int, FactsFile]], *, vocabulary: bool = False
) -> Iterator[_Read]:
    """What each file at its place reads to, in order; many files, or a large one, are read
    on every core.

    Rows come as each file is read, so the caller stores one file while the next are read.
    """
    global parse_count  # noqa: PLW0603 - a process-wide counter is what tests observe
    parse_count += len(files)
    with _no_collection():  # also while the caller stores rows: the rows are many objects
        yield from _read_each(files, vocabulary=vocabulary)


def _read_each(
    files: Sequence[tuple[int, FactsFile]], *, vocabulary: bool = False
) -> Iterator[_Read]:
    """`_read_all`; with `vocabulary` (a search index is built part by part), the workers
    of a large file's last parts also write their vocabulary (`read_part`)."""
    bases = [place * FILE_STRIDE for place, _ in files]
    names = [file.label for _, file in files]
    cores = os.cpu_count() or 1
    large = any(file.size >= SPLIT_BYTES for _, file in files)
    if (
        cores < 2
        or sum(file.size for _, file in files) < PARALLEL_BYTES
        or (len(files) < 2 and not large)
    ):
        yield from map(read_rows, names, bases)
        return
    # deferred for start-up: worker processes only for first runs over many files
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    method = _start_method()
    parts = min(cores * PARTS_PER_CORE, _MOST_ATTACHED)
    # A large first file is split before the pool exists, so that forked workers inherit
    # its text instead of being sent its parts (pickling 50 MB costs the main process
    # 0.17 s, and the workers as much again to take them back).
    first: _Split | tuple[FileRows | None, str | None] | None = None
    if method == "fork" and files[0][1].size >= SPLIT_BYTES:
        first = _split_file(names[0], parts, bases[0], workers=cores, defer_strings=True)
        if isinstance(first, _Split):
            first = _share(first)
    shared = first.shared if isinstance(first, _Split) else None
    small_files = [
        (name, base)
        for name, base, (_, file) in zip(names, bases, files, strict=True)
        if file.size < SPLIT_BYTES
    ]
    done = 0
    try:
        pool = ProcessPoolExecutor(cores, mp_context=multiprocessing.get_context(method))
    except (OSError, RuntimeError):  # no processes allowed here: read them one by one
        _unshare(shared)
        yield from map(read_rows, names, bases)
        return
    scratch = _scratch_folder()
    try:
        read_small = _read_small(pool, small_files, scratch, cores)
        for (_, file), base in zip(files, bases, strict=True):
            if file.size >= SPLIT_BYTES:
                read = _read_in_parts(
                    file.label,
                    pool,
                    parts,
                    base,
                    scratch,
                    workers=cores,
                    split=first,
                    vocabulary=vocabulary,
                )
                first = None  # only the first file is split before; its bytes can go
                yield read
            else:
                yield next(read_small)
            done += 1
    except (OSError, RuntimeError):  # the pool broke: read the rest here
        yield from map(read_rows, names[done:], bases[done:])
    finally:
        pool.shutdown(cancel_futures=True)  # also when the caller stops early
        _unshare(shared)  # no worker starts after the pool's end
        if scratch is not None:  # what is attached goes when detached (_detach_parts)
            import shutil  # deferred: only a first run over many files gets here

            shutil.rmtree(scratch, ignore_errors=True)


def _start_method() -> str | None:
    """How worker processes start: fork where it is safe (it starts them in milliseconds,
    cqedu imported, and lets them inherit a large file's text), else the platform's
    default (spawn on macOS, whose system frameworks may not survive a fork, and on
    Windows)."""
    import multiprocessing  # deferred: only first runs over many files start workers

    if sys.platform != "darwin" and "fork" in multiprocessing.get_all_start_methods():
        return "fork"
    return None


def _read_small(
    pool: "Executor", files: list[tuple[str, int]], scratch: str | None, cores: int
) -> Iterator[_Read]:
    """What each of many small files (name, base) reads to, in order, read in `pool`.

    With a `scratch` folder, the files are read in a few chunks, each written by its
    worker into a database there (`read_files_into`); else their rows are sent back.
    """
    if scratch is None:
        chunk = max(1, len(files) // (cores * 8))
        yield from pool.map(read_rows, *zip(*files, strict=True), chunksize=chunk)
        return
    count = min(len(files), CHUNKS_PER_CORE * cores, _MOST_ATTACHED)
    # The last chunks (one per worker) half as large when there are files enough: less
    # is left to store and index after the last comes back.
    shares = [1.0] * count
    if len(files) >= 4 * count:
        shares[-min(cores, count - 1) :] = [0.5] * min(cores, count - 1)
    ends = [sum(shares[: number + 1]) for number in range(count)]
    futures = []
    start = 0
    for number in range(count):
        end = round(len(files) * ends[number] / ends[-1])
        names, bases = zip(*files[start:end], strict=True)
        database = str(Path(scratch) / f"files-{number}.sqlite3")
        futures.append(pool.submit(read_files_into, list(names), list(bases), database))
        start = end
    # the chunk after which only the chunks the workers are reading are left
    last_waited = max(0, count - 1 - cores)
    for place, future in enumerate(futures):
        read = future.result()
        if isinstance(read, FilesWritten):
            written = _WrittenChunk(read, last_waited=place == last_waited)
            yield from (_ChunkFile(written, number) for number in range(len(read.results)))
        else:
            yield from read


class FilesWritten(NamedTuple):
    """Facts files whose rows a worker wrote into a database of its own."""

    database: str
    """The database's path; its tables are the store's, its rows at their final positions."""
    results: list[tuple[int, bytes] | str]
    """Per file, in order: (its number of records, its digest), or its first fault."""


def read_files_into(
    names: list[str], bases: list[int], database: str
) -> FilesWritten | list[tuple[FileRows | None, str | None]]:
    """Read facts files (each at its base) and write their rows into a new database at
    `database`; their rows themselves when it cannot be written. Runs in worker processes."""
    read = list(map(read_rows, names, bases))
    try:
        _write_rows(database, [rows for rows, _ in read if rows is not None])
    except (OSError, sqlite3.Error):
        return read
    return FilesWritten(
        database,
        [
            (len(rows.facts), rows.digest) if rows is not None else (problem or "")
            for rows, problem in read
        ],
    )


class _WrittenChunk:
    """A chunk of files written into a database, copied into the store at its first file."""

    def __init__(self, written: FilesWritten, *, last_waited: bool = False) -> None:
        self.written = written
        self.copied = False
        self.last_waited = last_waited
        """Whether only the chunks the workers are reading are left once it is copied."""


class _ChunkFile(NamedTuple):
    """One file of a chunk written into a database: what `_store_read` stores."""

    chunk: _WrittenChunk
    number: int


def split_facts_text(text: str, parts: int) -> list[str] | None:
    """A facts text as about `parts` facts texts, each its head and a run of its records.

    The head is everything before the first record table: schema, sources, levels and
    countries. None when the text cannot be split safely: a multi-line string (where a
    line may look like a table), a table other than a record table after the first
    record, or too few records to be worth it.
    """
    split = split_facts_parts(text, parts)
    return None if split is None else [part for part, _ in split]


def split_facts_parts(
    text: str, parts: int, *, light_tail: int = 0
) -> list[tuple[str, list[int]]] | None:
    """`split_facts_text`, with the number of records of each table (in KINDS order) that
    each part's record tables hold. The last `light_tail` parts are about half as long as
    the others: what is left to store after the last part comes back is then less."""
    spans = _split_spans(text, parts, light_tail=light_tail)
    if spans is None:
        return None
    head, found = spans
    return [(text[:head] + text[start:end], counts) for start, end, counts in found]


#: Where the parts of a facts text are: the end of its head, and each part's run of
#: records (start, end) with the number of records of each table (in KINDS order).
_Spans: TypeAlias = tuple[int, list[tuple[int, int, list[int]]]]


def _split_spans(
    text: str, parts: int, *, light_tail: int = 0, strings: bool = True
) -> _Spans | None:
    """`split_facts_parts` as places in `text`, not copies of it; without `strings`, a
    multi-line string is not looked for (the caller does it: `_multi_line_strings`)."""
    if strings and _multi_line_strings(text):
        return None
    # deferred for start-up: only when a large file is split into parts
    import re
    from math import ceil

    # Only the first record, each part's first record and each part's table names are
    # sought: the tables are named by one findall a part (no match object, no Python step
    # a record), about 0.15 s less on 130,000 records than a loop over every match.
    table_line = re.compile(_TABLE_LINE)
    opening = re.match(_TABLE_LINE.removeprefix(r"\n"), text)
    if opening is not None and opening[1] is not None:
        first = 0
    else:
        # the first line, then each line after a line break (a match's start is the
        # break's, one before the line's)
        for match in table_line.finditer(text):
            if match[1] is not None:
                first = match.start() + 1
                break
        else:
            return None
    # deferred for start-up: only when a large file is split into parts
    from itertools import pairwise

    tail = min(light_tail, parts - 1)
    step = (len(text) - first) / (parts - tail / 2)
    bounds = [first]
    for number in range(1, parts):
        light = max(0, number - (parts - tail))  # light parts before this one's start
        target = first + (number - light / 2) * step
        # the first table line that starts at or after the target (one after its break)
        found = table_line.search(text, max(0, ceil(target) - 1))
        if found is not None and found.start() + 1 > bounds[-1]:
            bounds.append(found.start() + 1)
    bounds.append(len(text))
    split: list[tuple[int, int, list[int]]] = []
    records = 0
    for low, high in pairwise(bounds):
        # a part's own first line is found by its break, the one before `low`
        names = table_line.findall(text, max(0, low - 1), high)
        if low == 0 and opening is not None:  # the opening line has no break before it
            names.insert(0, opening[1])
        if "" in names:  # a table other than a record table after the first record
            return None
        records += len(names)
        split.append((low, high, [names.count(table) for table in KIND_TABLES]))
    if records < parts * PART_RECORDS:
        return None
    return first, split


def _multi_line_strings(text: str) -> bool:
    """Whether a facts text may hold a multi-line string, in which a line may look like a
    table (its parts are then not where its table lines are)."""
    # 0.09 s on 130,000 records (2.7 million '"' to try): a large first file's reader
    # looks once its workers have started (`_PartsReader`), not before.
    return '"""' in text or "'''" in text


class _Split(NamedTuple):
    """A large facts file split into parts, not yet read."""

    data: bytes
    """The file's bytes (hashed while the workers read)."""
    text: str
    spans: _Spans
    shared: int | None = None
    """The key its text is inherited under by forked workers (`_share`); None: each
    part's text is sent to its worker."""
    strings_checked: bool = True
    """Whether the text was found to hold no multi-line string (else its reader looks)."""


def _split_file(
    label: str, parts: int, base: int = 0, *, workers: int = 1, defer_strings: bool = False
) -> _Split | tuple[FileRows | None, str | None]:
    """A large facts file split into about `parts` parts (the last `workers` light); its
    rows read whole when it cannot be split, or its fault. With `defer_strings`, its
    reader looks for multi-line strings once the parts are sent (`_PartsReader`)."""
    # deferred for start-up: a query served from the cache never reads TOML
    from cqedu.facts.loader import facts_text, read_facts_bytes

    try:
        data = read_facts_bytes(Path(label))
        text = facts_text(data, label)
    except FactsError as error:
        return None, str(error)
    spans = _split_spans(text, parts, light_tail=workers, strings=not defer_strings)
    if spans is None:
        return read_rows(label, base)
    return _Split(data, text, spans, strings_checked=not defer_strings)


#: Texts of large files that workers forked from this process inherit, by key (`_share`).
_SHARED_TEXTS: dict[int, str] = {}


def _share(split: _Split) -> _Split:
    """`split`, its text kept where workers forked from now on find it (`read_shared_part`)."""
    key = max(_SHARED_TEXTS, default=0) + 1
    _SHARED_TEXTS[key] = split.text
    return split._replace(shared=key)


def _unshare(key: int | None) -> None:
    """Forget the text shared under `key` (once no worker that may need it is left to start)."""
    if key is not None:
        _SHARED_TEXTS.pop(key, None)


class PartWritten(NamedTuple):
    """A part of a large facts file whose rows a worker wrote into a database of its own."""

    database: str
    """The database's path; its tables are the store's, its rows at their final positions."""
    ids: list[str]
    """The ids of the part's records, in order."""
    related: set[str]
    """Every id the part's records name in `related`."""
    records: int
    """How many records the part holds."""


def read_part(
    label: str,
    text: str,
    positions: list[int],
    counts: list[int],
    database: str | None = None,
    *,
    vocabulary: bool = False,
) -> FileRows | PartWritten | None:
    """Rows of a part of a facts file, its records at `positions` (those of its tables in
    KINDS order, then as written), when it holds `counts` records of each table.

    With a `database` path, the rows are written there rather than returned (sending
    them back between processes costs more than the main process copying them by SQL);
    with `vocabulary` too, the words its records give the search index, with their
    stems (`index.vocabulary_rows`), so that the main process need not split them.
    None at the part's first fault, or when its records are not as counted: the caller
    then reads the whole file for the message. Runs in worker processes.
    """
    # deferred for start-up: a query served from the cache never reads TOML
    from cqedu.facts.loader import parse_facts_part

    with _no_collection():
        try:
            document = parse_facts_part(text, label)
        except FactsError:
            return None
        found = [0] * len(KINDS)
        kinds = {kind: place for place, kind in enumerate(KINDS)}
        for fact in document.facts:
            found[kinds[fact.kind]] += 1
        if found != counts:
            return None
        rows = document_rows(document, positions[0] if positions else 0, positions)
        if database is None:
            return rows
        try:
            _write_rows(database, [rows], vocabulary=vocabulary)
        except (OSError, sqlite3.Error):
            return rows
        ids = [fact.id for fact in document.facts]
        related = {other for fact in document.facts for other in fact.related}
        return PartWritten(database, ids, related, len(ids))


def read_shared_part(
    label: str,
    span: tuple[int, int, int, int],
    positions: list[int],
    counts: list[int],
    database: str | None = None,
    *,
    vocabulary: bool = False,
) -> FileRows | PartWritten | None:
    """`read_part` of a part of the text shared under key span[0] (`_share`): its head
    (up to span[1]) and its run of records from span[2] to span[3]. None when this
    process does not hold that text (not forked from the one that shared it): the file
    is then read whole. Runs in worker processes."""
    key, head, start, end = span
    text = _SHARED_TEXTS.get(key)
    if text is None:
        return None
    part = text[:head] + text[start:end]
    return read_part(label, part, positions, counts, database, vocabulary=vocabulary)


def _write_rows(database: str, files: Sequence[FileRows], *, vocabulary: bool = False) -> None:
    """A new database at `database` with the store's tables, holding the rows of `files`;
    with `vocabulary`, the words they give the search index too."""
    with contextlib.closing(sqlite3.connect(database, isolation_level=None)) as connection:
        # No journal, no syncs: a scratch file, read once by the main process.
        connection.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")
        connection.executescript(_schema())
        connection.execute("BEGIN")
        for rows in files:
            _insert(connection, rows)
        if vocabulary:
            # deferred for start-up: a query served from the cache never builds the index
            from cqedu.store.indexing import write_vocabulary

            write_vocabulary(connection, [row for rows in files for row in rows.words])
        connection.execute("COMMIT")


class _PartsReader:
    """A large facts file read in parts in a pool of processes, given part by part.

    Each part's records are given the positions they have in the whole file (by table,
    then as written) before it is parsed, from the record tables' header lines, so the
    caller stores each part as it comes while the others are read. Checks across parts
    (unique ids, `related` ids that exist) are made at the end (`finish`).
    """

    def __init__(
        self,
        label: str,
        split: _Split,
        pool: "Executor",
        base: int,
        *,
        scratch: str | None,
        workers: int = 1,
        vocabulary: bool = False,
    ) -> None:
        self.label = label
        self.base = base
        head, spans = split.spans
        #: The part after which only the parts the workers are reading are left: the
        #: store's indexes are made then, beside them, rather than after the last.
        self.last_waited = max(0, len(spans) - 1 - workers)
        self.ids: list[object] = []
        self.related: set[str] = set()
        self.failed = False
        totals = [sum(counts[kind] for _, _, counts in spans) for kind in range(len(KINDS))]
        first = [base + sum(totals[:kind]) for kind in range(len(KINDS))]
        self.futures = []
        for number, (start, end, counts) in enumerate(spans):
            positions = [
                position
                for kind, count in enumerate(counts)
                for position in range(first[kind], first[kind] + count)
            ]
            name = f"part-{base // FILE_STRIDE}-{number}.sqlite3"
            database = None if scratch is None else str(Path(scratch) / name)
            # The parts indexed after the vocabulary is copied (`PartsIndex.index_early`)
            # bring their own, split by their workers rather than in the main process.
            late = vocabulary and number > self.last_waited
            if split.shared is None:
                text = split.text[:head] + split.text[start:end]
                future = pool.submit(
                    read_part, label, text, positions, counts, database, vocabulary=late
                )
            else:
                span = (split.shared, head, start, end)
                future = pool.submit(
                    read_shared_part, label, span, positions, counts, database, vocabulary=late
                )
            self.futures.append(future)
            first = [at + count for at, count in zip(first, counts, strict=True)]
        if not split.strings_checked and _multi_line_strings(split.text):
            # Looked for while the workers start: the parts may cut a string, so the
            # file is read whole (`finish`) and no part is given.
            self.failed = True
            for future in self.futures:
                future.cancel()
        # Hashed while the workers read the first parts, not after the last.
        self.digest = content_digest(split.data)

    def parts(self) -> Iterator[FileRows | PartWritten]:
        """Each part's rows (or the database a worker wrote them into), in order, as they
        come; stops at a part that failed. Only the first part gives the declarations."""
        if self.failed:
            return
        related = FACT_COLUMNS.index("related") + 1
        for number, future in enumerate(self.futures):
            try:
                rows = future.result()
            except (OSError, RuntimeError):  # the pool broke: the file is read whole
                rows = None
            if rows is None:
                self.failed = True
                return
            if isinstance(rows, PartWritten):
                self.ids.extend(rows.ids)
                self.related.update(rows.related)
                yield rows
                continue
            self.ids.extend(row[1] for row in rows.facts)
            for row in rows.facts:
                if row[related]:
                    self.related.update(split_list(row[related]))  # type: ignore[arg-type] # a str column
            if number:  # the head (declarations) is the same in every part: stored once
                rows = rows._replace(sources=[], levels=[], countries=[], terms=[])
            yield rows

    def finish(self) -> tuple[FileRows | None, str | None] | None:
        """None when the parts given make the whole file; else the whole file's reading
        (its rows, or the message of its first fault), to store instead of the parts."""
        ids = set(self.ids)
        if not self.failed and len(ids) == len(self.ids) and self.related <= ids:
            return None
        return read_rows(self.label, self.base)


def _read_in_parts(
    label: str,
    pool: "Executor",
    parts: int,
    base: int = 0,
    scratch: str | None = None,
    *,
    workers: int = 1,
    split: _Split | tuple[FileRows | None, str | None] | None = None,
    vocabulary: bool = False,
) -> tuple[FileRows | None, str | None] | _PartsReader:
    """One large facts file, its parts parsed and validated in `pool` (of `workers`
    processes) at once (a reader of them); its rows read whole when it cannot be split,
    or its fault. With a `scratch` folder, the workers write the parts' rows into
    databases there (and, with `vocabulary`, the last parts' words for the search index).
    `split` is the file's `_split_file`, when already made."""
    if split is None:
        split = _split_file(label, parts, base, workers=workers, defer_strings=True)
    if not isinstance(split, _Split):
        return split
    return _PartsReader(
        label, split, pool, base, scratch=scratch, workers=workers, vocabulary=vocabulary
    )


# ---------------------------------------------------------------- the store


def open_store(
    paths: Sequence[Path], cache_dir: Path | None, *, for_search: bool = False
) -> tuple[sqlite3.Connection, Path | None]:
    """A connection to the knowledge base of the facts files at `paths`, and its cache file.

    Reads only the files that changed since the cache was written. `for_search` says a
    search will follow: a new cache file is then written with its search index. With no usable cache
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
            connection, fault = _new_cache(cache_file, files, for_search=for_search)
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
    _insert(memory, document_rows(document))
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


@contextlib.contextmanager
def written_beside(path: Path, prefix: str) -> Iterator[sqlite3.Connection]:
    """A new SQLite database, written in a scratch file beside `path` (named `prefix`...)
    and renamed over `path` when the block ends; removed instead when it raises.

    The connection is in autocommit mode, without a journal or syncs: readers only ever
    see the whole file, once renamed. OSError and sqlite3.Error propagate.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    import tempfile  # deferred: only a new database needs it

    fd, name = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=path.parent)
    os.close(fd)
    scratch = Path(name)
    try:
        with contextlib.closing(sqlite3.connect(scratch, isolation_level=None)) as connection:
            connection.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")
            yield connection
        scratch.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            scratch.unlink()
        raise


def data_copy(
    folder: Path | None,
    name: str,
    sources: Sequence[Path | None],
    fill: Callable[[sqlite3.Connection], None],
) -> sqlite3.Connection | None:
    """A read-only connection to an indexed copy of data files a package ships, kept in
    the cache `folder` as `name-<size>-<mtime>....sqlite3` (each source's size and time, so
    a new release is indexed anew rather than read stale) and written by `fill` (given a
    new database's connection) on first use; None when there is no folder or source, or
    the copy cannot be written or read."""
    if folder is None or any(source is None for source in sources):
        return None
    stamp = "-".join(
        f"{found.st_size}-{found.st_mtime_ns}"
        for found in (source.stat() for source in sources if source is not None)
    )
    path = folder / f"{name}-{stamp}.sqlite3"
    try:
        if not path.exists():
            with written_beside(path, f".{name}-") as connection:
                fill(connection)
        return sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, check_same_thread=False)
    except (OSError, sqlite3.Error):
        return None


def _new_cache(
    cache_file: Path, files: Sequence[FactsFile], *, for_search: bool = False
) -> tuple[sqlite3.Connection | None, str | None]:
    """A store of `files` written beside `cache_file` and renamed over it, and its fault.

    The connection is None when the cache cannot be written. Files that read well are
    kept even when another has a fault, so fixing it reads only that file again. With
    `for_search`, the search index is built before the rename, as the rest was: without
    a journal or a sync, and with the store's pages still in memory.
    """
    try:
        with written_beside(cache_file, ".kb-") as connection:
            fault = _update(connection, files, search=for_search)
            if for_search and fault is None and not _search_index_built(connection):
                _build_search_index(connection)
    except (OSError, sqlite3.Error):
        return None, None
    return _open_cache(cache_file), fault


def _update(
    connection: sqlite3.Connection, files: Sequence[FactsFile], *, search: bool = False
) -> str | None:
    """Bring the store up to date with `files`, reading only those that changed.

    Returns the message of the first fault (a bad file, or a clash across files), if any.
    With `search`, a new store of one large file gets its search index built as its parts
    are copied in (`PartsIndex`), when it can be.
    """
    if not _up_to_date(connection, files):  # the usual case costs one read, no lock
        connection.executescript(_schema())
        if connection.execute("SELECT COUNT(*) FROM meta").fetchone() == (0,):
            connection.execute("INSERT INTO meta VALUES ('format', ?)", (_format(),))
        # One writer at a time; a second process waits, then finds the work done.
        connection.execute("BEGIN IMMEDIATE")
        try:
            fault = _update_files(connection, files, search=search)
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        finally:
            _detach_parts(connection)  # the parts of large files, copied by SQL
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


def _update_files(
    connection: sqlite3.Connection, files: Sequence[FactsFile], *, search: bool = False
) -> str | None:
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
    # A new store makes its indexes while the last parts or chunks are read, and with
    # `search` its search index as each part or chunk is copied in.
    parts_index = _parts_index(connection) if search and not stored else None
    for name, old in stored.items():
        if name not in wanted or name in changed_names:
            _delete_file(connection, old[0])
    _move(connection, moves)
    fault: str | None = None
    reads = _read_all(changed, vocabulary=parts_index is not None)
    for (place, file), read in zip(changed, reads, strict=True):
        result = _store_read(connection, place, read, parts_index, early_indexes=not stored)
        if isinstance(result, str):
            fault = fault or result
            continue  # not recorded in `files`, so it is read again next time
        records, digest = result
        connection.execute(
            "INSERT INTO files VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                place,
                path_bytes(file.path),
                display_path(file.path),
                file.size,
                _stored_stamp(file),
                digest,
                records,
            ),
        )
    _create_indexes(connection)
    if sound:
        same_declarations = declared is not None and declared == _declarations(connection, touched)
        clash = _recheck(connection, touched, same_declarations=same_declarations)
    else:
        clash = _merge_vocabularies(connection)
        if clash is None and len(files) > 1:  # one file cannot clash with another
            clash = _clashing_ids(connection)
    if clash is None:
        connection.execute("DELETE FROM meta WHERE key = 'problem'")
    else:
        connection.execute("INSERT OR REPLACE INTO meta VALUES ('problem', ?)", (clash,))
    if (
        parts_index is not None
        and parts_index.built
        and clash is None
        and fault is None
        and parts_index.finish(one_file=len(files) == 1)
    ):
        return fault
    if parts_index is not None:
        parts_index.abandon()
    drop_search_index(connection)
    return fault


def _parts_index(connection: sqlite3.Connection) -> "PartsIndex | None":
    """A search index to build part by part, when this SQLite has FTS5."""
    # deferred for start-up: a query served from the cache never builds the search index
    from cqedu.store.index import fts5_available
    from cqedu.store.indexing import PartsIndex

    return PartsIndex(connection) if fts5_available() else None


def _search_index_built(connection: sqlite3.Connection) -> bool:
    # deferred for start-up: a query served from the cache never builds the search index
    from cqedu.store.index import is_built

    return is_built(connection)


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
    _delete_rows(connection, place)
    connection.execute("DELETE FROM files WHERE place = ?", (place,))


def _delete_rows(connection: sqlite3.Connection, place: int) -> None:
    """Take out the rows of the file at `place`."""
    low, high = place * FILE_STRIDE, (place + 1) * FILE_STRIDE
    for table in _FILE_TABLES:
        connection.execute(f"DELETE FROM {table} WHERE pos >= ? AND pos < ?", (low, high))  # noqa: S608 - fixed table names


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


def _store_read(
    connection: sqlite3.Connection,
    place: int,
    read: _Read,
    parts_index: "PartsIndex | None" = None,
    *,
    early_indexes: bool = False,
) -> tuple[int, bytes] | str:
    """Store what a file read to: (its number of records, its digest), or its fault.

    A large file read in parts is stored part by part as they come (and, with a
    `parts_index`, indexed for search); when the parts do not make the file (a fault, ids
    that clash across parts), they are taken out again and the file's whole reading is
    stored instead. A chunk of files written by a worker is copied (and indexed) at its
    first file. Whatever is not stored part by part or chunk by chunk abandons the
    `parts_index`. With `early_indexes` (a new store), the store's indexes are made while
    the last parts or chunks are read.
    """
    if isinstance(read, _PartsReader) and parts_index is not None:
        return _store_parts(connection, place, read, parts_index)
    if isinstance(read, _ChunkFile):
        return _store_chunk_file(connection, read, parts_index, early_indexes=early_indexes)
    if parts_index is not None:
        parts_index.abandon()
    if isinstance(read, _PartsReader):
        records = 0
        for number, part in enumerate(read.parts()):
            if isinstance(part, PartWritten):
                _copy_part(connection, part.database, head=number == 0)
                records += part.records
            else:
                _insert(connection, part)
                records += len(part.facts)
            if early_indexes and number == read.last_waited:
                _create_indexes(connection)  # as in `_store_parts`
        whole = read.finish()
        if whole is None:
            return records, read.digest
        _delete_rows(connection, place)
        read = whole
    rows, problem = read
    if rows is None:
        return problem or ""
    _insert(connection, rows)
    return len(rows.facts), rows.digest


def _store_chunk_file(
    connection: sqlite3.Connection,
    read: _ChunkFile,
    parts_index: "PartsIndex | None",
    *,
    early_indexes: bool,
) -> tuple[int, bytes] | str:
    """`_store_read` of one file of a chunk a worker wrote: the chunk is copied (and
    indexed for search) at its first file."""
    chunk = read.chunk
    if not chunk.copied:
        name = _copy_part(connection, chunk.written.database, head=True)
        chunk.copied = True
        if parts_index is not None:
            _index_part(connection, parts_index, name, merge=True)
        if early_indexes and chunk.last_waited:
            _create_indexes(connection)  # as in `_store_parts`
            if parts_index is not None:
                parts_index.index_early()
    return chunk.written.results[read.number]


def _store_parts(
    connection: sqlite3.Connection, place: int, read: _PartsReader, parts_index: "PartsIndex"
) -> tuple[int, bytes] | str:
    """`_store_read` of a large file read in parts, each part indexed for search as it is
    copied (the vocabularies merged from the first, which declares them)."""
    records = 0
    for number, part in enumerate(read.parts()):
        if not isinstance(part, PartWritten):
            parts_index.abandon()
            _insert(connection, part)
            records += len(part.facts)
            continue
        name = _copy_part(connection, part.database, head=number == 0)
        records += part.records
        _index_part(connection, parts_index, name, merge=number == 0)
        if number == read.last_waited:
            # The last parts are being read: index what is in now (the rest of the rows
            # go into the indexes as they are copied), instead of after the last part.
            _create_indexes(connection)
            parts_index.index_early()
    whole = read.finish()
    if whole is None:
        return records, read.digest
    parts_index.abandon()
    _delete_rows(connection, place)
    rows, problem = whole
    if rows is None:
        return problem or ""
    _insert(connection, rows)
    return len(rows.facts), rows.digest


def _index_part(
    connection: sqlite3.Connection, parts_index: "PartsIndex", name: str | None, *, merge: bool
) -> None:
    """Index the records of the part or chunk attached as `name` (None: copied row by row,
    which abandons the index), after merging the vocabularies when it declares levels,
    countries or terms not declared before (a folder's files mostly repeat them)."""
    if name is not None and merge:
        declared = set(
            connection.execute(
                f"SELECT 'level', id, name, aliases FROM {name}.file_levels UNION "  # noqa: S608 - fixed names
                f"SELECT 'country', name, aliases, NULL FROM {name}.file_countries UNION "
                f"SELECT 'term', term, synonyms, NULL FROM {name}.file_terms"
            )
        )
        merge = not declared <= parts_index.declared
        parts_index.declared |= declared
    if name is None or (merge and _merge_vocabularies(connection) is not None):
        parts_index.abandon()
    parts_index.add(name or "")


#: The schema names of the part databases attached while a store is written.
_PART_SCHEMA = "cqedu_part"
#: Record tables, as opposed to the declarations every part of a file repeats.
_RECORD_TABLES = ("facts", "program_fields", "fact_words", "fact_phrases")


def _scratch_folder() -> str | None:
    """A new folder for the databases workers write; None when none can be made."""
    import tempfile  # deferred: only a first run over many files or a large one needs it

    try:
        return tempfile.mkdtemp(prefix="cqedu-parts-")
    except OSError:
        return None


def _copy_part(connection: sqlite3.Connection, database: str, *, head: bool) -> str | None:
    """Copy the rows of a part's database into the store by SQL (the declarations only from
    the `head` part); the schema name it is attached as, None when copied row by row. The
    database stays attached until the transaction ends: SQLite detaches none within one
    (`_detach_parts` does it after)."""
    attached = {row[1] for row in connection.execute("PRAGMA database_list")}
    name = next(
        f"{_PART_SCHEMA}{n}"
        for n in range(len(attached) + 1)
        if f"{_PART_SCHEMA}{n}" not in attached
    )
    tables = _FILE_TABLES if head else _RECORD_TABLES
    try:
        connection.execute(f"ATTACH DATABASE ? AS {name}", (database,))
    except sqlite3.OperationalError:  # too many attached: copied row by row instead
        with contextlib.closing(sqlite3.connect(database)) as part:
            for table in tables:
                rows = part.execute(f"SELECT * FROM {table}")  # noqa: S608 - fixed table names
                marks = ", ".join("?" * len(rows.description))
                connection.executemany(f"INSERT INTO main.{table} VALUES ({marks})", rows)  # noqa: S608 - fixed table names
        _remove_scratch(database)
        return None
    for table in tables:
        connection.execute(f"INSERT INTO main.{table} SELECT * FROM {name}.{table}")  # noqa: S608 - fixed names
    return name


def _detach_parts(connection: sqlite3.Connection) -> None:
    """Detach the part databases `_copy_part` attached, and delete them."""
    for _, name, path in connection.execute("PRAGMA database_list").fetchall():
        if name.startswith(_PART_SCHEMA):
            connection.execute(f"DETACH DATABASE {name}")
            _remove_scratch(path)


def _remove_scratch(database: str) -> None:
    """Delete a part's database, and its folder once empty."""
    with contextlib.suppress(OSError):
        Path(database).unlink()
        Path(database).parent.rmdir()


def _insert(connection: sqlite3.Connection, rows: FileRows) -> None:
    """Rows of a file, at their positions; a row's file is known by its position's place."""
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
                table_rows,
            )
    connection.executemany(
        "INSERT INTO program_fields (pos, field) VALUES (?, ?)", rows.program_fields
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


def _build_search_index(connection: sqlite3.Connection) -> None:
    """Build the search index into the store (cqedu.store.index)."""
    # deferred for start-up: a query served from the cache never builds the search index
    from cqedu.store.indexing import create

    connection.execute("BEGIN")
    try:
        create(connection)
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise


def drop_search_index(connection: sqlite3.Connection) -> None:
    """Forget the search index, so the next search builds it from the changed records."""
    # deferred for start-up: a query served from the cache never builds the search index
    from cqedu.store.indexing import drop

    drop(connection)


def _join(values: Iterable[str]) -> str:
    return _SEP.join(values)


def split_list(value: str | None) -> tuple[str, ...]:
    """A list column back as a tuple."""
    return tuple(value.split(_SEP)) if value else ()
