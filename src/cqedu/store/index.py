"""The search index of a knowledge base: an SQLite FTS5 table built from its record tables."""

import contextlib
import sqlite3
from collections.abc import Collection, Iterable, Iterator, Sequence
from functools import cache
from operator import itemgetter
from pathlib import Path
from typing import Any, NamedTuple

from cqedu.core.text import normalise_phrase, stem, words
from cqedu.facts.fields import SEARCH_WEIGHTS
from cqedu.facts.model import TABLE_OF_KIND, Fact

#: Words of natural phrasing that say nothing about which record is meant: dropped from
#: queries, and not counted in a name's length (shorter names win ties).
STOPWORDS = frozenset(
    (
        "a an the of in on at for to with and or by from about into how many much what which"
        " who whom whose where when why is are was were be been being do does did has have had"
        " there their its it this that these those number count total me show tell give list"
        " find i we you any some all city cq s"
    ).split()
)

# Searched fields indexed under the field they are reported as: a value's digits are
# found as the figure as written, a date as written as the date.
_REPORTED_AS = {"value": "as_written", "date_as_written": "date"}

# The fields search reports, in the order that breaks ties between equal weights.
_REPORTED = (
    "name",
    "keywords",
    "as_written",
    "country",
    "fields",
    "id",
    "level",
    "category",
    "unit",
    "date",
    "kind",
    "period",
    "summary",
    "section",
)
#: How much a query word found in each column counts: the field registry's weight, the
#: highest of the fields indexed together in one column.
WEIGHTS: dict[str, float] = {
    column: max(
        weight
        for field, weight in SEARCH_WEIGHTS.items()
        if _REPORTED_AS.get(field, field) == column
    )
    for column in _REPORTED
}
#: The index's columns, one per field search reports, best weight first.
COLUMNS: tuple[str, ...] = tuple(sorted(_REPORTED, key=lambda column: -WEIGHTS[column]))
# Where the name and the id are among the columns; whether no weight reorders them.
_NAME, _ID = COLUMNS.index("name"), COLUMNS.index("id")
_IN_REPORTED_ORDER = COLUMNS == _REPORTED

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

# What the index's columns are made of, read from the record tables: levels come with
# their names and aliases, countries with theirs (list columns keep their separator,
# which `text.words` splits on).
_SOURCE_SQL = """
SELECT f.pos, f.name, f.keywords, f.as_written, f.value,
       coalesce(c.name || char(31) || c.aliases, f.country), f.fields, f.id,
       coalesce(l.id || char(31) || l.name || char(31) || l.aliases, f.level),
       f.category, f.unit, f.date, f.date_as_written, f.kind, f.period, f.summary, f.section
FROM facts AS f
LEFT JOIN levels AS l ON l.id = f.level
LEFT JOIN countries AS c ON c.name = f.country
"""

#: The index columns whose words depend on the merged vocabularies (a level comes with its
#: name and aliases, which several files may declare); every other column's words are
#: split per record when its file is read (see `record_words_rows`) and kept in the store.
SHARED_COLUMNS = ("country", "level")
#: The columns split per record, in COLUMNS order.
OWN_COLUMNS: tuple[str, ...] = tuple(c for c in COLUMNS if c not in SHARED_COLUMNS)

# A CASE, not a join: a joined table of weights would be scanned outside the index.
_WEIGHT_SQL = " ".join(f"WHEN '{column}' THEN {weight!r}" for column, weight in WEIGHTS.items())
# A record's score, its total / :words rounded to one decimal as Python's round() does:
# in SQL unless the tenths fall within a hair of a half, where only Python is sure, but
# for an exact half. The mean's tenths are one exactly when it is an odd number of
# quarters (a tenth is not a binary fraction): 4 * mean, exact in binary as the mean is,
# is then a whole number m (odd, as the tenths are near a half), the tenths (5m - 1) / 2
# and a half, rounded to the even neighbour as Python does. Such ties are common (a
# total of 90.5 over two words) and the call into Python for each one cost a fifth of a
# large search's ranking.
_TENTHS = "(total * 10.0 / :words)"
_QUARTERS = "(total * 4.0 / :words)"
_TIED_TENTHS = f"((5 * CAST({_QUARTERS} AS INTEGER) - 1) / 2)"
_SCORE_SQL = (
    f"CASE WHEN abs({_TENTHS} - CAST({_TENTHS} AS INTEGER) - 0.5) > 1e-9"
    f" THEN CAST({_TENTHS} + 0.5 AS INTEGER) / 10.0"
    f" WHEN {_QUARTERS} > 0 AND {_QUARTERS} = CAST({_QUARTERS} AS INTEGER)"
    f" THEN ({_TIED_TENTHS} + {_TIED_TENTHS} % 2) / 10.0"
    " ELSE cqedu_score(total, :words) END"
)

# The best records for a query. `search_query` holds (term, query word number, 0-100 score)
# for every index word a query word matches. A record's total is, summed over the query's
# words, each word's best match times the weight of the column it is in (one GROUP BY:
# a MAX per query word); its score the total's mean, rounded. Then the tie rules: exact
# id or name, exact keyword, shorter name, file order. CROSS JOIN keeps the matched terms
# outside, so the index is read by term rather than scanned whole. The scores are counted
# on their own: a count over the ranked rows (a window) would keep all of them, joined,
# where ORDER BY ... LIMIT keeps only the best (half the time of a large result). Used
# twice, `scored` is made once (SQLite 3.35 and later materialise such a CTE).
_RANK_SQL = """
WITH totals AS (
    SELECT i.doc AS doc, {total} AS total
    FROM temp.search_query AS q
    CROSS JOIN {schema}search_instance AS i ON i.term = q.term{within}
    GROUP BY i.doc HAVING total >= :floor
),
scored AS (SELECT doc, {score} AS score FROM totals),
exact AS (
    SELECT pos, MAX(strength) AS strength FROM {schema}search_phrases
    WHERE phrase = :phrase GROUP BY pos
)
SELECT s.doc, s.score,
       (SELECT COUNT(*) FROM scored AS s {sources} WHERE s.score >= :cutoff) AS found,
       {exact}, r.name_length
FROM scored AS s {sources}
LEFT JOIN {schema}search_records AS r ON r.pos = s.doc
LEFT JOIN exact AS e ON e.pos = s.doc
WHERE s.score >= :cutoff
ORDER BY s.score DESC, {exact} DESC, r.name_length, s.doc
LIMIT :limit
"""
# How exactly the query's phrase names a record: 2 for its id or name, 1 for one of its
# keywords (found in `exact`), else 0.
_EXACT_SQL = """(CASE WHEN :phrase != '' AND (r.name_phrase = :phrase OR r.id_phrase = :phrase)
    THEN 2 ELSE coalesce(e.strength, 0) END)"""
# One query word's best weighted match in a record (0 when the record has none).
_WORD_BEST_SQL = (
    f"coalesce(MAX(CASE q.word WHEN {{word}} THEN q.score * CASE i.col {_WEIGHT_SQL} END END), 0)"
)


class Ranked(NamedTuple):
    """The best records for a query's matched words."""

    scores: list[tuple[int, float]]
    """(position in the facts table, 0-100 score) of the best records, best first."""
    found: int
    """How many records reach the cutoff, shown or not."""


@cache
def fts5_available() -> bool:
    """Whether this Python's sqlite3 has FTS5 (CPython's usual builds do)."""
    with contextlib.closing(sqlite3.connect(":memory:")) as probe:
        # Compiled in (CPython's usual builds): known without creating a table, which
        # costs every search and question about a millisecond.
        if probe.execute("SELECT sqlite_compileoption_used('ENABLE_FTS5')").fetchone()[0]:
            return True
        try:  # or loaded as an extension
            probe.execute("CREATE VIRTUAL TABLE probe USING fts5(text)")
        except sqlite3.OperationalError:
            return False
    return True


def _schema_of(connection: sqlite3.Connection) -> str | None:
    """'main' or 'temp', whichever holds a usable finished index; None when there is none.

    An FTS5 index (say in a cache file written by another Python) is unusable without FTS5.
    """
    for schema in ("main", "temp"):
        tables = {
            row[0]
            for row in connection.execute(
                f"SELECT name FROM {schema}.sqlite_master "  # noqa: S608 - fixed names
                "WHERE name IN ('search_records', 'search_text')"
            )
        }
        if "search_records" in tables and ("search_text" not in tables or fts5_available()):
            return schema
    return None


def is_built(connection: sqlite3.Connection) -> bool:
    """Whether a search index this Python can read has been built."""
    return _schema_of(connection) is not None


#: What the tables of a dropped index in a cache file are renamed to (see `drop`).
_STALE = "stale_"


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
    if fts5_available() or FTS5_MISSING_NOTE in _given:
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
    if fts5_available():
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
    columns = _Columns()
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


class _Columns:
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
        return tuple(in_reported_order[_REPORTED.index(column)] for column in COLUMNS)


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


def _score(total: float, count: int) -> float:
    """A record's 0-100 score: the mean of its query words' best matches, to one decimal."""
    return round(total / count, 1)


def _add_functions(connection: sqlite3.Connection) -> None:
    """The SQL functions the index's statements call, on this connection."""
    connection.create_function("cqedu_score", 2, _score, deterministic=True)


class Vocabulary(NamedTuple):
    """The words of an index that typos and prefixes can match, with when they were read."""

    stamp: tuple[int, int]
    """The main and temp schema versions: any build or drop changes one of them."""
    words: list[str]
    """The index's words but numbers, sorted in code point order (as bisect needs).

    Numbers match only exactly (see `has_word`), and a word of letters is never close to
    one: leaving them out halves a large synthetic index's vocabulary.
    """


def _stamp(connection: sqlite3.Connection) -> tuple[int, int]:
    # The query table first, so that creating it does not change the stamp later.
    connection.execute(
        "CREATE TEMP TABLE IF NOT EXISTS search_query (term TEXT, word INTEGER, score REAL)"
    )
    main = connection.execute("PRAGMA main.schema_version").fetchone()[0]
    temp = connection.execute("PRAGMA temp.schema_version").fetchone()[0]
    return int(main), int(temp)


def vocabulary(connection: sqlite3.Connection, previous: Vocabulary | None = None) -> Vocabulary:
    """The index's words but numbers; `previous` is reused while no index was built or dropped."""
    stamp = _stamp(connection)
    if previous is not None and previous.stamp == stamp:
        return previous
    schema = f"{_schema_of(connection)}."
    # Words that start with a digit are numbers: `text.words` splits "14th" in two.
    rows = connection.execute(
        f"SELECT term FROM {schema}search_words WHERE term < '0' UNION ALL "  # noqa: S608 - fixed names
        f"SELECT term FROM {schema}search_words WHERE term >= ':'"
    )
    return Vocabulary(stamp, [row[0] for row in rows])


def stem_of(connection: sqlite3.Connection, word: str) -> str:
    """The stem of a word the index holds (as `text.stem` gives it), without stemming."""
    schema = f"{_schema_of(connection)}."
    found = connection.execute(
        f"SELECT stem FROM {schema}search_stems WHERE term = ?",  # noqa: S608 - fixed names
        (word,),
    ).fetchone()
    return word if found is None else str(found[0])


def same_stem(connection: sqlite3.Connection, word_stem: str) -> list[str]:
    """The index's words whose stem is `word_stem` (from `text.stem`), but the stem itself."""
    schema = f"{_schema_of(connection)}."
    found = connection.execute(
        f"SELECT term FROM {schema}search_stems WHERE stem = ?",  # noqa: S608 - fixed names
        (word_stem,),
    )
    return [row[0] for row in found]


def has_word(connection: sqlite3.Connection, word: str) -> bool:
    """Whether the index holds this word (numbers included)."""
    schema = f"{_schema_of(connection)}."
    found = connection.execute(
        f"SELECT 1 FROM {schema}search_words WHERE term = ?",  # noqa: S608 - fixed names
        (word,),
    )
    return found.fetchone() is not None


def query(
    connection: sqlite3.Connection,
    matches: list[dict[str, float]],
    phrase: str,
    *,
    limit: int,
    cutoff: float,
    sources: Collection[str] | None = None,
    kinds: Collection[str] | None = None,
) -> Ranked:
    """The best `limit` records whose words the query's words match.

    `matches` has, per query word, the index words it matches with their 0-100 scores.
    A record scores the mean over query words of each one's best match times its column's
    weight, rounded to one decimal; records below `cutoff` are left out, and so are those
    whose source is not in `sources` or whose kind is not in `kinds` (when given).
    `phrase` is the whole query normalised: a record whose id, name or keyword it is wins
    a tie.
    """
    schema = f"{_schema_of(connection)}."
    _stamp(connection)
    _add_functions(connection)
    connection.execute("DELETE FROM temp.search_query")
    connection.executemany(
        "INSERT INTO temp.search_query VALUES (?, ?, ?)",
        [
            (term, word, score)
            for word, found in enumerate(matches)
            for term, score in found.items()
        ],
    )
    count = len(matches)
    params: dict[str, object] = {
        "words": count,
        "floor": (cutoff - 0.1) * count,  # a little below: the rounded score decides
        "phrase": phrase,
        "cutoff": cutoff,
        "limit": limit,
    }
    kept: list[str] = []
    for column, allowed in (("source", sources), ("kind", kinds)):
        if allowed is not None:
            names = [f"{column}{number}" for number in range(len(allowed))]
            kept.append(f"f.{column} IN ({', '.join(f':{name}' for name in names)})")
            params.update(zip(names, allowed, strict=True))
    sources_sql = f"JOIN facts AS f ON f.pos = s.doc AND {' AND '.join(kept)}" if kept else ""
    total = " + ".join(_WORD_BEST_SQL.format(word=word) for word in range(count))
    sql = _RANK_SQL.format(
        total=total, score=_SCORE_SQL, schema=schema, sources=sources_sql, exact=_EXACT_SQL,
        within="{within}",
    )  # fmt: skip
    halves = _halves(connection, schema)
    if halves is None:
        picked = connection.execute(sql.replace("{within}", ""), params).fetchall()
        found = picked[0][2] if picked else 0
    else:
        picked, found = _rank_in_halves(connection, sql, params, *halves, limit=limit)
    return Ranked([(row[0], row[1]) for row in picked], found)


#: A ranking over at least this many records is shared by two threads (`_rank_in_halves`).
SPLIT_RANKING = 40_000


def _halves(connection: sqlite3.Connection, schema: str) -> tuple[str, int] | None:
    """The cache file and the record position at which a large index's ranking is split
    in two; None to rank in one query (a small index, one core, an index in memory or in
    TEMP, a connection inside a transaction, whose writes another would not see)."""
    # deferred: only a ranking asks
    import os

    if schema != "main." or connection.in_transaction or (os.cpu_count() or 1) < 2:
        return None
    path = next(
        (file for _, name, file in connection.execute("PRAGMA database_list") if name == "main"),
        "",
    )
    if not path:
        return None
    records, low, high = connection.execute(
        "SELECT (SELECT sum(records) FROM files), min(pos), max(pos) FROM facts"
    ).fetchone()
    if records is None or records < SPLIT_RANKING:
        return None
    return path, (low + high + 1) // 2


#: The files a store was read from, as they were: two connections with the same read the same.
_FILES_SQL = "SELECT place, stamp, digest FROM files ORDER BY place"


def _rank_in_halves(
    connection: sqlite3.Connection,
    sql: str,
    params: dict[str, object],
    path: str,
    middle: int,
    *,
    limit: int,
) -> tuple[list[tuple[Any, ...]], int]:
    """The ranking query's rows and count, its records below `middle` ranked by a second
    connection to the cache file at `path`, in a thread, while this one ranks the rest:
    the rows of both merged in the query's own order (score, exact name, name length,
    position, which no two records share), so they are the rows one query gives. SQLite
    lets go of Python's lock while it steps, so the halves run on two cores: about half
    the time of a large search's ranking (0.26 s of `synthetic schools` on 130,000
    records), the last step of a first search, when the workers are done."""
    # deferred: only a large index's ranking needs a thread
    import threading

    query_rows = connection.execute("SELECT term, word, score FROM temp.search_query").fetchall()
    stamp = connection.execute(_FILES_SQL).fetchall()
    lower: list[list[tuple[Any, ...]] | None] = [None]

    def rank_lower() -> None:
        try:
            uri = f"{Path(path).as_uri()}?mode=ro"
            with contextlib.closing(sqlite3.connect(uri, uri=True)) as other:
                # the same store: the cache file may have been replaced since it was opened
                if other.execute(_FILES_SQL).fetchall() != stamp:
                    return
                _stamp(other)
                _add_functions(other)
                other.executemany("INSERT INTO temp.search_query VALUES (?, ?, ?)", query_rows)
                lower[0] = other.execute(
                    sql.replace("{within}", " WHERE i.doc < :middle"), {**params, "middle": middle}
                ).fetchall()
        except (sqlite3.Error, OSError, ValueError):
            pass  # ranked whole below

    thread = threading.Thread(target=rank_lower, name="cqedu-rank")
    thread.start()
    try:
        upper = connection.execute(
            sql.replace("{within}", " WHERE i.doc >= :middle"), {**params, "middle": middle}
        ).fetchall()
    finally:
        thread.join()
    below = lower[0]
    if below is None:  # the second connection failed: one query, as on a small index
        picked = connection.execute(sql.replace("{within}", ""), params).fetchall()
        return picked, picked[0][2] if picked else 0
    found = (below[0][2] if below else 0) + (upper[0][2] if upper else 0)
    merged = sorted(below + upper, key=_rank_order)
    return merged[:limit], found


def _rank_order(row: tuple[Any, ...]) -> tuple[object, ...]:
    """The ranking query's ORDER BY of one of its rows (doc, score, found, exact, name
    length): score and exact name descending, name length ascending with NULL first, as
    SQLite orders it, then position."""
    doc, score, _found, exact, length = row
    return (-score, -exact, length is not None, length or 0, doc)


def record_words(connection: sqlite3.Connection, pos: int) -> dict[str, list[str]]:
    """The words of each column of one record, as the index holds them."""
    row = connection.execute(f"{_SOURCE_SQL} WHERE f.pos = ?", (pos,)).fetchone()
    return dict(zip(COLUMNS, _Columns().of(row), strict=True))


def document_frequency(connection: sqlite3.Connection, terms: Collection[str]) -> dict[str, int]:
    """How many records hold each of `terms` (index words), from FTS5's own vocabulary."""
    schema = f"{_schema_of(connection)}."
    marks = ", ".join("?" * len(terms))
    if not terms:
        return {}
    if fts5_available():
        sql = f"SELECT term, doc FROM {schema}search_vocab WHERE term IN ({marks})"  # noqa: S608 - placeholders only
    else:
        sql = (
            f"SELECT term, COUNT(DISTINCT doc) FROM {schema}search_instance "  # noqa: S608 - placeholders only
            f"WHERE term IN ({marks}) GROUP BY term"
        )
    return {str(term): int(count) for term, count in connection.execute(sql, tuple(terms))}


def records_with(connection: sqlite3.Connection, terms: Collection[str]) -> list[int]:
    """Positions of the records that hold any of `terms` (index words), in file order."""
    if not terms:
        return []
    schema = f"{_schema_of(connection)}."
    marks = ", ".join("?" * len(terms))
    rows = connection.execute(
        f"SELECT DISTINCT doc FROM {schema}search_instance WHERE term IN ({marks}) ORDER BY doc",  # noqa: S608 - placeholders only
        tuple(terms),
    )
    return [int(row[0]) for row in rows]
