"""The search index of a knowledge base: an SQLite FTS5 table built from its record tables."""

import contextlib
import sqlite3
from collections.abc import Collection
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from cqedu.facts.fields import SEARCH_WEIGHTS

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

#: The fields search reports, in the order that breaks ties between equal weights.
REPORTED = (
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
    for column in REPORTED
}
#: The index's columns, one per field search reports, best weight first.
COLUMNS: tuple[str, ...] = tuple(sorted(REPORTED, key=lambda column: -WEIGHTS[column]))
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
    from cqedu.store.indexing import Columns  # deferred: only an explained result needs it

    return dict(zip(COLUMNS, Columns().of(row), strict=True))


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
