"""Building the search index of a knowledge base: its FTS5 table, vocabulary, keyword
phrases and stems, whole or part by part (`cqedu.store.index` reads it).

Apart from the queries so that a search or question served from a built index never loads
the code that builds one.
"""

import contextlib
import sqlite3
from collections.abc import Collection, Iterable, Iterator, Sequence
from operator import itemgetter
from pathlib import Path
from typing import Any

from cqedu.core.text import normalise_phrase, stem, words
from cqedu.facts.model import TABLE_OF_KIND, Fact
from cqedu.store import index
from cqedu.store.index import COLUMNS, REPORTED, STOPWORDS, is_built

#: What the tables of a dropped index in a cache file are renamed to (see `drop`).
_STALE = "stale_"

# Where the name and the id are among the columns; whether no weight reorders them.
_NAME, _ID = COLUMNS.index("name"), COLUMNS.index("id")
_IN_REPORTED_ORDER = COLUMNS == REPORTED

#: The longest word (in characters of at most 4 UTF-8 bytes) FTS5 keeps whole: it cuts a
#: token at 32 KiB.
_LONGEST_TOKEN = 32768 // 4
#: The memory FTS5 gathers an index in before writing it out (its default is 1 MiB).
_FTS5_HASH_BYTES = 64 * 1024 * 1024
#: FTS5's default 'automerge': segments of a level merged once this many are there.
_FTS5_AUTOMERGE = 4

_LIST_SEP = "\x1f"  # how the store joins list fields, a separator `text.words` splits on

FTS5_MISSING_NOTE = "this Python's SQLite has no FTS5; search uses a slower index built in Python"

# Every table the index is made of; `search_records` is created last, so it marks a
# finished index.
_TABLES = (
    "search_instance",
    "search_vocab",
    "search_text",
    "search_words",
    "search_phrases",
    "search_stems",
    "search_records",
)

#: The index columns whose words depend on the merged vocabularies (a level comes with its
#: name and aliases, which several files may declare); every other column's words are
#: split per record when its file is read (see `record_words_rows`) and kept in the store.
SHARED_COLUMNS = ("country", "level")
#: The columns split per record, in COLUMNS order.
OWN_COLUMNS: tuple[str, ...] = tuple(c for c in COLUMNS if c not in SHARED_COLUMNS)


def drop(connection: sqlite3.Connection) -> None:
    """Remove the search index (call whenever records change); the next search rebuilds it.

    Costs a few DROP or RENAME statements, in the caller's transaction (nothing is
    committed here). In a cache file the tables holding rows are renamed out of the way
    rather than dropped, so an edit does not wait for a large index's pages to be freed:
    the next build drops them. An index in a read-only cache file is left alone: its
    records cannot change either.
    """
    for schema in ("temp", "main"):
        present = {
            name: (kind, sql or "")
            for name, kind, sql in connection.execute(
                f"SELECT name, type, sql FROM {schema}.sqlite_master WHERE name IN "  # noqa: S608 - fixed names
                f"({', '.join('?' * (2 * len(_TABLES)))})",
                (*_TABLES, *(_STALE + name for name in _TABLES)),
            )
        }
        # Renamed only while no older renamed tables are in the way.
        rename = schema == "main" and not any(_STALE + name in present for name in _TABLES)
        if rename and ("search_phrases" in present or "search_stems" in present):
            # An index keeps its name through a rename; these small ones go now.
            try:
                connection.execute("DROP INDEX IF EXISTS main.search_phrases_phrase")
                connection.execute("DROP INDEX IF EXISTS main.search_stems_stem")
            except sqlite3.OperationalError:
                break  # a read-only cache file
        for name in _TABLES:  # the vocabulary tables before the FTS5 table they read
            if name not in present:
                continue
            kind, sql = present[name]
            holds_rows = kind == "table" and (
                name == "search_text" or not sql.upper().startswith("CREATE VIRTUAL")
            )
            try:
                if rename and holds_rows:
                    connection.execute(f"ALTER TABLE main.{name} RENAME TO {_STALE}{name}")
                else:
                    connection.execute(f"DROP {kind.upper()} {schema}.{name}")
            except sqlite3.OperationalError:
                if schema == "temp":
                    raise
                break  # a read-only cache file


def _drop_stale(connection: sqlite3.Connection) -> None:
    """Drop the tables of an index that `drop` renamed out of the way."""
    stale = {
        row[0]
        for row in connection.execute(
            "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name IN "  # noqa: S608 - fixed names
            f"({', '.join('?' * len(_TABLES))})",
            tuple(_STALE + name for name in _TABLES),
        )
    }
    for name in _TABLES:
        if _STALE + name in stale:
            connection.execute(f"DROP TABLE main.{_STALE}{name}")


def build(connection: sqlite3.Connection, cache_file: Path | None = None) -> None:
    """Build the search index: into the cache file when it can be written, else in memory."""
    if cache_file is not None:
        try:
            with contextlib.closing(sqlite3.connect(cache_file, timeout=30)) as writer:
                writer.execute("BEGIN IMMEDIATE")  # one builder at a time
                if not is_built(writer):
                    create(writer)
                writer.commit()
            if is_built(connection):
                return
        except (OSError, sqlite3.Error):
            pass  # read-only or broken cache: keep the index in memory for this run
    create(connection, temp=True)


# Notes already given in this process: each is said once.
_given: set[str] = set()


def notes() -> list[str]:
    """What the user should hear about the search index, each note once per process."""
    if index.fts5_available() or FTS5_MISSING_NOTE in _given:
        return []
    _given.add(FTS5_MISSING_NOTE)
    return [FTS5_MISSING_NOTE]


def create(connection: sqlite3.Connection, *, temp: bool = False) -> None:
    """Create the search tables (in the TEMP schema when `temp`) from the record tables.

    The records' words, split when their files were read (`fact_words`), go into an FTS5
    table, one column per reported field, with the words of their level and country from
    the merged vocabularies; `fts5vocab` tables then give its vocabulary and which records
    and columns hold each word. Without FTS5, a plain table holds the same (term, record,
    column) rows. Keyword phrases are copied into a small indexed table, name lengths and
    name and id phrases into another, one row per record; the vocabulary's words under
    their stems into a third. All of it but the stems is done by SQLite statements: no
    record passes through Python, only the distinct words.
    """
    schema = "temp." if temp else ""
    if not temp:
        _drop_stale(connection)
    _shared_words(connection)
    if index.fts5_available():
        _create_text(connection, schema)
        connection.execute(
            f"INSERT INTO {schema}search_text (rowid, {', '.join(COLUMNS)}) {_texts_sql('')}"
        )
    else:
        connection.execute(
            f"CREATE TABLE {schema}search_instance (term TEXT, doc INTEGER, col TEXT, "
            "PRIMARY KEY (term, doc, col)) WITHOUT ROWID"
        )
        connection.executemany(
            f"INSERT OR IGNORE INTO {schema}search_instance VALUES (?, ?, ?)",  # noqa: S608 - fixed names
            (
                (word, pos, column)
                for pos, *column_texts in connection.execute(_texts_sql("")).fetchall()
                for column, text in zip(COLUMNS, column_texts, strict=True)
                if isinstance(text, str)
                for word in text.split()
            ),
        )
        connection.execute(
            f"CREATE VIEW {schema}search_vocab AS SELECT DISTINCT term FROM search_instance"  # noqa: S608 - fixed names
        )
    _vocabulary(connection, schema)
    # Keyword phrases, indexed; name and id phrases are in `search_records`, one row each.
    _create_phrases(connection, schema)
    _copy_phrases(connection, schema, "")
    _index_phrases(connection, schema)
    _create_records(connection, schema)
    _copy_records(connection, schema, "")


def _texts_sql(source: str) -> str:
    """What goes into the FTS5 table, read from the record tables in schema `source` ("" or
    "name."): each record's own columns' words with its level's and country's."""
    column_sql = ", ".join(
        f"{column[0]}.words" if column in SHARED_COLUMNS else f"w.{column}" for column in COLUMNS
    )
    return (
        f"SELECT w.pos, {column_sql} FROM {source}fact_words AS w "  # noqa: S608 - fixed names
        f"JOIN {source}facts AS f ON f.pos = w.pos "
        "LEFT JOIN temp.search_shared AS l ON l.kind = 'level' AND l.value = f.level "
        "LEFT JOIN temp.search_shared AS c ON c.kind = 'country' AND c.value = f.country"
    )


def _create_text(connection: sqlite3.Connection, schema: str) -> None:
    """The FTS5 table and its vocabulary tables, empty."""
    # Words arrive normalised and space-separated; the ascii tokenizer keeps any
    # non-ASCII letter and, with "." as a token character, decimals such as 93.5.
    # No column sizes: nothing ranks by them (bm25 is never asked), and storing them
    # is a write per record. A large in-memory hash: the index is written in a few
    # large segments rather than merged from many small ones (a third faster to build).
    connection.execute(
        f"CREATE VIRTUAL TABLE {schema}search_text USING fts5({', '.join(COLUMNS)}, "
        "content='', detail=column, columnsize=0, tokenize=\"ascii tokenchars '.'\")"
    )
    connection.execute(
        f"INSERT INTO {schema}search_text (search_text, rank) VALUES ('hashsize', ?)",  # noqa: S608 - fixed names
        (_FTS5_HASH_BYTES,),
    )
    # A vocabulary table names the schema of its FTS5 table only when it is in TEMP.
    target = "temp, " if schema == "temp." else ""
    for name, kind in (("search_vocab", "row"), ("search_instance", "instance")):
        connection.execute(
            f"CREATE VIRTUAL TABLE {schema}{name} USING fts5vocab({target}search_text, {kind})"
        )


def _create_phrases(connection: sqlite3.Connection, schema: str) -> None:
    connection.execute(
        f"CREATE TABLE {schema}search_phrases (phrase TEXT, pos INTEGER, strength INTEGER)"
    )


def _copy_phrases(connection: sqlite3.Connection, schema: str, source: str) -> None:
    """Keyword phrases from the record tables in schema `source` ("" or "name.")."""
    connection.execute(
        f"INSERT INTO {schema}search_phrases SELECT phrase, pos, strength FROM {source}fact_phrases"  # noqa: S608 - fixed names
    )


def _index_phrases(connection: sqlite3.Connection, schema: str) -> None:
    connection.execute(
        f"CREATE INDEX {schema}search_phrases_phrase ON search_phrases (phrase, pos)"
    )


def _create_records(connection: sqlite3.Connection, schema: str) -> None:
    connection.execute(
        f"CREATE TABLE {schema}search_records (pos INTEGER PRIMARY KEY, name_length INTEGER, "
        "name_phrase TEXT, id_phrase TEXT)"
    )


def _copy_records(connection: sqlite3.Connection, schema: str, source: str) -> None:
    """Name lengths and name and id phrases from the record tables in schema `source`."""
    connection.execute(
        f"INSERT INTO {schema}search_records "  # noqa: S608 - fixed names
        f"SELECT pos, name_length, name_phrase, id_phrase FROM {source}fact_words"
    )


def _vocabulary(connection: sqlite3.Connection, schema: str) -> None:
    """The vocabulary and its stems, once every record is in the FTS5 table."""
    _copy_vocabulary(connection, schema)
    _finish_vocabulary(connection, schema)


def _copy_vocabulary(connection: sqlite3.Connection, schema: str) -> None:
    """The vocabulary of the records in the FTS5 table, and its stems."""
    # The vocabulary, copied once: fts5vocab's row table counts every word's records as it
    # goes, which costs a large index a good part of a second per search.
    connection.execute(f"CREATE TABLE {schema}search_words (term TEXT PRIMARY KEY) WITHOUT ROWID")
    connection.execute(
        f"INSERT INTO {schema}search_words SELECT term FROM {schema}search_vocab"  # noqa: S608 - fixed names
    )
    # Each word whose stem differs from it, under its stem, so that a query word meets
    # the words of its stem ("enrolments" -> "enrol" -> enrollment, enrolment).
    connection.execute(
        f"CREATE TABLE {schema}search_stems (term TEXT PRIMARY KEY, stem TEXT) WITHOUT ROWID"
    )
    connection.executemany(
        f"INSERT INTO {schema}search_stems VALUES (?, ?)",  # noqa: S608 - fixed names
        [
            (term, found)
            for (term,) in connection.execute(
                f"SELECT term FROM {schema}search_words WHERE term >= ':'"  # noqa: S608 - fixed names
            )
            if (found := stem(term)) != term
        ],
    )


def _add_vocabulary(connection: sqlite3.Connection, terms: Collection[str]) -> None:
    """Add words (as the FTS5 table holds them) to a copied vocabulary, with their stems."""
    connection.executemany(
        "INSERT OR IGNORE INTO search_words VALUES (?)", [(term,) for term in terms]
    )
    connection.executemany(
        "INSERT OR IGNORE INTO search_stems VALUES (?, ?)",
        [
            (term, found)
            for term in terms
            if term >= ":" and (found := stem(term)) != term  # as _copy_vocabulary
        ],
    )


def _finish_vocabulary(connection: sqlite3.Connection, schema: str) -> None:
    connection.execute("DROP TABLE temp.search_shared")
    connection.execute(f"CREATE INDEX {schema}search_stems_stem ON search_stems (stem)")


class PartsIndex:
    """The search index of a new store built part by part, as each part of a large file
    or chunk of small files is copied in (while workers read the next), then finished
    (`finish`).

    The FTS5 table takes each part's records under their final positions; which records
    hold a word, and so every search's result, do not depend on the order they came in.
    A record's level and country words are those of the vocabularies merged so far; the
    index is kept only when the final vocabularies give the same words.
    """

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self.started = False
        self.abandoned = False
        self.phrases_indexed = False
        #: Once the vocabulary was copied before the last parts (`index_early`), the words
        #: of the parts added since, to add to it.
        self.later_words: set[str] | None = None
        #: The longest word its parts' workers added to the vocabulary (`add`).
        self.longest = 0
        #: The declarations (levels, countries, terms) of the parts given, as the store
        #: keeps them: a part that declares none other needs no merge before it is added.
        self.declared: set[tuple[object, ...]] = set()

    @property
    def built(self) -> bool:
        """Whether every part given was indexed (`finish` then completes the index)."""
        return self.started and not self.abandoned

    def add(self, source: str) -> None:
        """Index the records of the part attached as schema `source` (its first part first,
        after the store's vocabularies were merged from it)."""
        connection = self.connection
        if self.abandoned:
            return
        if not self.started:
            _create_text(connection, "")
            # Each part's rows are written out as a segment of their own (FTS5 flushes its
            # hash at the next statement of the transaction); merging them as they come
            # (FTS5's automerge) cost the main process 0.3-0.5 s of 130,000 records while
            # the workers need both cores. A search reads the few segments left as fast.
            connection.execute(
                "INSERT INTO search_text (search_text, rank) VALUES ('automerge', 0)"
            )
            _create_phrases(connection, "")
            # Marks a finished index, but the store is committed whole or not at all.
            _create_records(connection, "")
            connection.execute(
                "CREATE TEMP TABLE IF NOT EXISTS search_shared (kind TEXT, value TEXT, "
                "words TEXT, PRIMARY KEY (kind, value))"
            )
            connection.execute("DELETE FROM temp.search_shared")
            self.started = True
        _shared_words(connection, f"{source}.", keep=True)
        connection.execute(
            f"INSERT INTO search_text (rowid, {', '.join(COLUMNS)}) {_texts_sql(f'{source}.')}"
        )
        _copy_phrases(connection, "", f"{source}.")
        _copy_records(connection, "", f"{source}.")
        if self.later_words is not None and _has_table(connection, source, PART_VOCABULARY):
            # Split by the part's worker: added here, stems and all.
            connection.execute(
                f"INSERT OR IGNORE INTO search_words SELECT term FROM {source}.{PART_VOCABULARY}"  # noqa: S608 - fixed names
            )
            connection.execute(
                f"INSERT OR IGNORE INTO search_stems SELECT term, stem FROM {source}."  # noqa: S608 - fixed names
                f"{PART_VOCABULARY} WHERE stem != term"
            )
            longest = connection.execute(
                f"SELECT MAX(length(term)) FROM {source}.{PART_VOCABULARY}"  # noqa: S608 - fixed names
            ).fetchone()[0]
            self.longest = max(self.longest, longest or 0)
        elif self.later_words is not None:
            # The words the FTS5 table now holds for these records: each column's text is
            # its words joined by spaces, each word one token of the ascii tokenizer.
            later = self.later_words
            for texts in connection.execute(
                f"SELECT {', '.join(OWN_COLUMNS)} FROM {source}.fact_words"  # noqa: S608 - fixed names
            ):
                for text in texts:
                    if text:
                        later.update(text.split(" "))

    def index_early(self) -> None:
        """Index the keyword phrases and copy the vocabulary so far now, before the last
        parts are added (their phrases go into the index as they come, their words into
        the vocabulary at `finish`): less is left for `finish`."""
        self.index_phrases()
        if self.built and self.later_words is None:
            _copy_vocabulary(self.connection, "")
            self.later_words = set()

    def index_phrases(self) -> None:
        """Index the keyword phrases now, before the last parts are added (their phrases
        then go into the index as they come): less is left for `finish`."""
        if self.built and not self.phrases_indexed:
            _index_phrases(self.connection, "")
            self.phrases_indexed = True

    def finish(self, *, one_file: bool = False) -> bool:
        """Finish the index once every part is in; False, the index taken out, when the
        vocabularies merged from every part give a level or country other words than
        those its records were indexed with (a later file declared more of it). The parts
        of `one_file` share its declarations: nothing to check."""
        connection = self.connection
        if not one_file:
            indexed = set(connection.execute("SELECT * FROM temp.search_shared"))
            _shared_words(connection)  # from the final vocabularies, for every record
            if set(connection.execute("SELECT * FROM temp.search_shared")) != indexed:
                self.abandon()
                return False
        longest = max(self.longest, max(map(len, self.later_words or ()), default=0))
        if self.later_words is None or longest > _LONGEST_TOKEN:
            if self.later_words is not None:  # FTS5 cut a word: its vocabulary, copied again
                connection.execute("DROP TABLE search_words")
                connection.execute("DROP TABLE search_stems")
            _vocabulary(connection, "")
        else:
            # The levels' and countries' words were put in from `search_shared`.
            for (shared,) in connection.execute(
                "SELECT words FROM temp.search_shared WHERE words IS NOT NULL"
            ):
                self.later_words.update(shared.split(" "))
            _add_vocabulary(connection, self.later_words)
            _finish_vocabulary(connection, "")
        self.index_phrases()
        # FTS5's default again, for any later write (none is made: an edit drops the index).
        connection.execute(
            "INSERT INTO search_text (search_text, rank) VALUES ('automerge', ?)",
            (_FTS5_AUTOMERGE,),
        )
        return True

    def abandon(self) -> None:
        """Take out what was built: the index is built whole later."""
        if self.started and not self.abandoned:
            drop(self.connection)
            with contextlib.suppress(sqlite3.OperationalError):
                self.connection.execute("DROP TABLE temp.search_shared")
        self.abandoned = True


#: The table in which a worker writes the vocabulary of the records it read (`write_vocabulary`).
PART_VOCABULARY = "part_vocabulary"


def write_vocabulary(connection: sqlite3.Connection, rows: Iterable[Sequence[object]]) -> None:
    """Write into PART_VOCABULARY each word the FTS5 table will hold of records whose rows
    (from `record_words_rows`) these are, with its stem as `_copy_vocabulary` keeps it:
    the word itself for a number or a word that is its own stem."""
    found: set[str] = set()
    for row in rows:
        for text in row[4:]:
            if text:
                found.update(str(text).split(" "))
    connection.execute(f"CREATE TABLE {PART_VOCABULARY} (term TEXT, stem TEXT)")
    connection.executemany(
        f"INSERT INTO {PART_VOCABULARY} VALUES (?, ?)",  # noqa: S608 - fixed names
        [(term, stem(term) if term >= ":" else term) for term in found],
    )


def _has_table(connection: sqlite3.Connection, source: str, name: str) -> bool:
    """Whether the database attached as schema `source` holds a table `name`."""
    found = connection.execute(
        f"SELECT 1 FROM {source}.sqlite_master WHERE type = 'table' AND name = ?",  # noqa: S608 - fixed names
        (name,),
    )
    return found.fetchone() is not None


def _shared_words(connection: sqlite3.Connection, source: str = "", *, keep: bool = False) -> None:
    """A temporary table of the words of each level and country the records (in schema
    `source`, "" or "name.") name; with `keep`, added to the table's rows.

    A level's words are its id, name and aliases, a country's its name and aliases, as
    merged from every file; a name no vocabulary declares stands for itself.
    """
    connection.execute(
        "CREATE TEMP TABLE IF NOT EXISTS search_shared (kind TEXT, value TEXT, words TEXT, "
        "PRIMARY KEY (kind, value))"
    )
    if not keep:
        connection.execute("DELETE FROM temp.search_shared")
    # Each distinct value joined once, not each record (a third of the time on a part).
    found = [
        ("level", value, words(f"{value}{_LIST_SEP}{name}{_LIST_SEP}{aliases}"))
        if name is not None
        else ("level", value, words(value))
        for value, name, aliases in connection.execute(
            "SELECT f.level, l.name, l.aliases FROM "  # noqa: S608 - fixed names
            f"(SELECT DISTINCT level FROM {source}facts WHERE level IS NOT NULL) AS f "
            "LEFT JOIN levels AS l ON l.id = f.level"
        )
    ]
    found += [
        ("country", value, words(f"{value}{_LIST_SEP}{aliases}"))
        if aliases is not None
        else ("country", value, words(value))
        for value, aliases in connection.execute(
            "SELECT f.country, c.aliases FROM "  # noqa: S608 - fixed names
            f"(SELECT DISTINCT country FROM {source}facts WHERE country IS NOT NULL) AS f "
            "LEFT JOIN countries AS c ON c.name = f.country"
        )
    ]
    connection.executemany(
        "INSERT OR IGNORE INTO temp.search_shared VALUES (?, ?, ?)",
        [(kind, value, " ".join(found_words) or None) for kind, value, found_words in found],
    )


def record_words_rows(
    facts: Sequence[Fact], positions: Sequence[int] | None = None
) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """What the search index needs of each record, split where its file is read.

    Returns (index, name length, name phrase, id phrase, *the words of each of OWN_COLUMNS
    as text) per record, a word kept only in the first own column holding it; and
    (index, phrase, 1) for each exact keyword phrase that is not the record's name or id
    phrase (those rank higher, and come from the first list). Positions are the records'
    entries in `positions`, else their indexes in `facts`. A phrase is "" when its text
    has no words.
    """
    columns = Columns()
    own = itemgetter(*(COLUMNS.index(column) for column in OWN_COLUMNS))
    rows: list[tuple[object, ...]] = []
    phrases: list[tuple[object, ...]] = []
    join = _LIST_SEP.join
    places = range(len(facts)) if positions is None else positions
    for number, fact in zip(places, facts, strict=True):
        found = columns.of(
            (
                number,
                fact.name,
                join(fact.keywords),
                fact.as_written,
                fact.value,
                None,  # country: a shared column
                join(fact.fields),
                fact.id,
                None,  # level: a shared column
                fact.category,
                fact.unit,
                fact.date,
                fact.date_as_written,
                fact.kind,
                fact.period,
                fact.summary,
                fact.section,
            )
        )
        name_words = found[_NAME]
        name_phrase, id_phrase = " ".join(name_words), " ".join(found[_ID])
        if fact.keywords:  # as `_phrases` ranks them, without a dict and generator a record
            taken = {name_phrase, id_phrase, ""}
            for keyword in fact.keywords:
                phrase = normalise_phrase(keyword)
                if phrase not in taken:
                    taken.add(phrase)
                    phrases.append((number, phrase, 1))
        name_length = len([w for w in name_words if w not in STOPWORDS])
        texts = _best_column_texts(own(found))
        rows.append((number, name_length, name_phrase, id_phrase, *texts))
    return rows, phrases


def _best_column_texts(columns: tuple[list[str], ...]) -> list[str | None]:
    """Each column's words as text, a word kept only in the first (best) column holding it.

    A word scores by its best column alone: the others would only make the index bigger
    and every search over it slower.
    """
    seen: set[str] = set()
    texts: list[str | None] = []
    for column_words in columns:
        if not column_words:
            texts.append(None)
        elif seen.isdisjoint(column_words):  # the usual case, and the quick one
            seen.update(column_words)
            texts.append(" ".join(column_words))
        else:
            kept = [word for word in column_words if word not in seen]
            seen.update(kept)
            texts.append(" ".join(kept) or None)
    return texts


class Columns:
    """The words of each index column of a record, from a row of _SOURCE_SQL."""

    def __init__(self) -> None:
        # Levels, countries, units, sections, ... repeat over many records: split once.
        self._shared: dict[object, list[str]] = {None: [], "": []}

    def _shared_words(self, text: str | None) -> list[str]:
        found = self._shared.get(text)
        if found is None:
            found = self._shared[text] = words(text or "")
        return found

    def _kind_words(self, kind: str) -> list[str]:
        # A kind comes with the name of its table, so that "people" finds persons.
        found = self._shared.get(("kind", kind))
        if found is None:
            found = self._shared[("kind", kind)] = [kind, TABLE_OF_KIND.get(kind, kind)]
        return found

    def of(self, row: tuple[Any, ...]) -> tuple[list[str], ...]:
        """The words of each column, in COLUMNS order."""
        (_pos, name, keywords, as_written, value, country, fields, id_, level) = row[:9]
        (category, unit, date, date_as_written, kind, period, summary, section) = row[9:]
        shared = self._shared_words
        figure = _figure_words(as_written, value)
        dates = words(date) if date else []
        if date_as_written:
            dates += words(date_as_written)
        in_reported_order = (
            words(name),
            words(keywords) if keywords else [],
            figure,
            shared(country),
            shared(fields),
            words(id_),
            shared(level),
            shared(category),
            shared(unit),
            dates,
            self._kind_words(kind),
            shared(period),
            words(summary),
            shared(section),
        )
        if _IN_REPORTED_ORDER:
            return in_reported_order
        return tuple(in_reported_order[REPORTED.index(column)] for column in COLUMNS)


def _figure_words(as_written: str | None, value: object) -> list[str]:
    """The words of a figure as written, then those of the digits Python prints for its
    value (as search always used): `words` of each, quicker for the usual figure, a
    number as Python prints it (or a whole one with thousands separators), perhaps after
    a qualifier of plain letters and before a percent sign ("over 8,000", "93.5%")."""
    if as_written and type(value) in {int, float} and value >= 0:  # type: ignore[operator] # an int or float here
        shown = repr(value)
        head, _, numeral = as_written.rpartition(" ")
        if numeral.endswith("%"):
            numeral = numeral[:-1]
        if (
            (numeral == shown or (type(value) is int and numeral == f"{value:,}"))
            and shown.replace(".", "", 1).isdigit()  # no exponent, no inf or nan
            and (not head or (head.isascii() and all(map(str.isalpha, head.split(" ")))))
        ):
            # the qualifier's words as `words` folds them, the number's digits (a
            # thousands separator dropped) once for the text and once for the value
            return [*head.lower().split(), shown, shown]
    figure = words(as_written) if as_written else []
    if value is not None:
        figure += words(repr(value))
    return figure


def _phrases(
    pos: int, name_words: list[str], id_words: list[str], keywords: Sequence[str]
) -> Iterator[tuple[str, int, int]]:
    """(phrase, record, strength) for a record's exact id, name and keywords."""
    # An exact id or name outranks an exact keyword, which outranks the rest.
    strengths = dict.fromkeys((normalise_phrase(k) for k in keywords), 1)
    strengths[" ".join(id_words)] = 2
    strengths[" ".join(name_words)] = 2
    for phrase, strength in strengths.items():
        if phrase:
            yield phrase, pos, strength
