"""The lexicon kept in a cache file: read back whole, and only for the content it was kept for."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cqedu.store import lexicon
from cqedu.store.lexicon import StoredLexicon

KEPT = StoredLexicon(
    words=["education", "schools", "teachers"],
    records=7,
    # an empty phrase, a term without synonyms and one with two are all kept as they are
    terms=[("teachers", ["educators", "teaching staff"]), ("cq", []), ("", [""]), ("fair", [])],
    declared=frozenset({"chongqing", "uk", "espana"}),
    units=frozenset({"teachers", "percent"}),
    function_words=frozenset({"the", "how", "many"}),
    stemmed=["schools", "teachers", "the"],
    stems=["school", "teacher", "the"],
    close=lexicon.close_lines({"schools": [("school", 92.3076923076923)], "teachers": []}),
)


def store(path: Path, digests: list[bytes]) -> sqlite3.Connection:
    """A store with a files table holding these content digests, in place order."""
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("CREATE TABLE files (place INTEGER PRIMARY KEY, digest BLOB NOT NULL)")
    connection.executemany("INSERT INTO files VALUES (?, ?)", enumerate(digests))
    return connection


@pytest.fixture
def connection(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    found = store(tmp_path / "kb.sqlite3", [b"\x01" * 16, b"\x02" * 16])
    yield found
    found.close()


def test_a_kept_lexicon_reads_back_whole(connection: sqlite3.Connection) -> None:
    assert lexicon.read(connection, "list-1") is None  # nothing kept yet
    assert lexicon.keep(connection, "list-1", KEPT) is True
    assert lexicon.read(connection, "list-1") == KEPT


def test_an_empty_lexicon_reads_back_empty(connection: sqlite3.Connection) -> None:
    empty = StoredLexicon(
        words=[],
        records=0,
        terms=[],
        declared=frozenset(),
        units=frozenset(),
        function_words=frozenset(),
        stemmed=[],
        stems=[],
    )
    assert lexicon.keep(connection, "", empty) is True
    found = lexicon.read(connection, "")
    assert found == empty
    assert found is not None and found.close is None  # close spellings not worked out


def test_keeping_again_replaces_the_row(connection: sqlite3.Connection) -> None:
    lexicon.keep(connection, "list-1", KEPT)
    other = StoredLexicon(
        words=["schools"],
        records=8,
        terms=KEPT.terms,
        declared=KEPT.declared,
        units=KEPT.units,
        function_words=KEPT.function_words,
        stemmed=KEPT.stemmed,
        stems=KEPT.stems,
    )
    lexicon.keep(connection, "list-1", other)
    assert lexicon.read(connection, "list-1") == other
    assert connection.execute("SELECT COUNT(*) FROM ask_lexicon").fetchone() == (1,)


def test_other_content_or_dependencies_read_nothing(connection: sqlite3.Connection) -> None:
    lexicon.keep(connection, "list-1", KEPT)
    assert lexicon.read(connection, "list-2") is None  # another function word list
    connection.execute("UPDATE files SET digest = ? WHERE place = 1", (b"\x03" * 16,))
    assert lexicon.read(connection, "list-1") is None  # a file's content changed
    connection.execute("UPDATE files SET digest = ? WHERE place = 1", (b"\x02" * 16,))
    assert lexicon.read(connection, "list-1") == KEPT
    # the same files in another order are other content
    connection.execute("UPDATE files SET place = place + 10")
    connection.execute("UPDATE files SET place = 31 - place")
    assert lexicon.read(connection, "list-1") is None


def test_lexicons_are_equal_when_every_field_is() -> None:
    other = StoredLexicon(
        words=KEPT.words,
        records=KEPT.records,
        terms=KEPT.terms,
        declared=KEPT.declared,
        units=KEPT.units,
        function_words=KEPT.function_words,
        stemmed=KEPT.stemmed,
        stems=["school", "teacher", "th"],
    )
    assert other != KEPT
    assert KEPT != "a lexicon"
    assert repr(KEPT) == "StoredLexicon(records=7, words=3)"


def test_a_row_it_did_not_write_is_not_trusted(connection: sqlite3.Connection) -> None:
    lexicon.keep(connection, "list-1", KEPT)
    connection.execute("UPDATE ask_lexicon SET stems = 'one'")  # two stem keys, one stem
    assert lexicon.read(connection, "list-1") is None


def test_a_store_without_files_reads_nothing(tmp_path: Path) -> None:
    with sqlite3.connect(tmp_path / "empty.sqlite3") as connection:
        assert lexicon.read(connection, "list-1") is None


def test_a_read_only_cache_file_keeps_nothing(tmp_path: Path) -> None:
    path = tmp_path / "kb.sqlite3"
    store(path, [b"\x01" * 16]).close()
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, isolation_level=None)
    try:
        assert lexicon.keep(connection, "list-1", KEPT) is False
        assert lexicon.read(connection, "list-1") is None
        assert not connection.in_transaction
    finally:
        connection.close()


def test_a_table_of_other_columns_is_replaced(connection: sqlite3.Connection) -> None:
    connection.execute("CREATE TABLE ask_lexicon (stamp BLOB, words TEXT)")  # an older FORMAT
    assert lexicon.read(connection, "list-1") is None
    assert lexicon.keep(connection, "list-1", KEPT) is True
    assert lexicon.read(connection, "list-1") == KEPT


def test_a_cache_file_another_process_writes_is_not_waited_for(tmp_path: Path) -> None:
    path = tmp_path / "kb.sqlite3"
    mine = store(path, [b"\x01" * 16])
    mine.execute("PRAGMA busy_timeout = 30000")  # as the store's connection waits
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # another process holds the write lock
        started = time.monotonic()
        assert lexicon.keep(mine, "list-1", KEPT) is False
        assert time.monotonic() - started < 5  # not the store's 30 s
        assert mine.execute("PRAGMA busy_timeout").fetchone() == (30000,)
        other.execute("ROLLBACK")
        assert lexicon.keep(mine, "list-1", KEPT) is True
        assert lexicon.read(mine, "list-1") == KEPT
    finally:
        other.close()
        mine.close()


def test_close_spellings_read_back_as_written() -> None:
    text = lexicon.close_lines(
        {"schools": [("school", 92.3076923076923), ("scholars", 85.71428571428572)], "rate": []}
    )
    # a word spelt close to no other is left out: the reader finds nothing for it
    assert text == "schools\tschool\t92.3076923076923\tscholars\t85.71428571428572"
    assert lexicon.close_spellings(text) == {
        "schools": [("school", 92.3076923076923), ("scholars", 85.71428571428572)]
    }
    assert lexicon.close_spellings("") == {}


_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=12)


@given(
    st.dictionaries(
        _WORD,
        st.lists(st.tuples(_WORD, st.floats(min_value=0, max_value=100)), min_size=1, max_size=4),
        max_size=6,
    )
)
def test_any_close_spellings_read_back_exactly(close: dict[str, list[tuple[str, float]]]) -> None:
    assert lexicon.close_spellings(lexicon.close_lines(close)) == close
