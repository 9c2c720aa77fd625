"""A new store read in parts (a large file) or chunks (many small files, each chunk written
by a worker): what is made while the last parts are read, and the search index built part
by part being the one a whole build makes."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

import pytest

from cqedu.facts.files import facts_files
from cqedu.store import cache as store
from cqedu.store import index, indexing
from tests.conftest import MINI_FACTS

STORE_INDEXES = {
    "facts_id",
    "facts_kind",
    "facts_level",
    "facts_source",
    "program_fields_field",
    "program_fields_pos",
    "fact_phrases_pos",
}
#: What a search reads of the index: (term, record, column) rows and the small tables.
SEARCH_TABLES = (
    "search_instance",
    "search_words",
    "search_stems",
    "search_phrases",
    "search_records",
)
#: The store's own tables, as a whole read makes them.
STORE_TABLES = ("facts", "fact_words", "program_fields", "fact_phrases", "levels", "countries")


def article(number: int, *, more_aliases: bool = False) -> str:
    """The mini facts file as article `number`: its own source and record ids; with
    `more_aliases`, its primary level has one more alias than the mini file gives it."""
    text = MINI_FACTS.read_text(encoding="utf-8")
    text = text.replace('id = "mini"', f'id = "article{number}"')
    text = text.replace('"mini-', f'"article{number}-')
    if more_aliases:
        text = text.replace('aliases = ["elementary"]', 'aliases = ["elementary", "grade school"]')
    return text


def rows(connection: sqlite3.Connection, tables: tuple[str, ...]) -> dict[str, list[object]]:
    return {
        table: sorted(connection.execute(f"SELECT * FROM {table}").fetchall(), key=repr)  # noqa: S608 - fixed names
        for table in tables
    }


class NewCache:
    """A new cache of `paths`, read by two workers in parts or chunks, as each part or
    chunk is copied in: the indexes the store then holds, and what the search index
    was built from."""

    def __init__(
        self, paths: list[Path], cache: Path, monkeypatch: pytest.MonkeyPatch, *, search: bool
    ) -> None:
        split = paths[0].is_file()  # a large file in parts; a folder's files whole
        whole = sqlite3.connect(":memory:", isolation_level=None)
        assert store._update(whole, facts_files(paths)) is None  # read whole, in this process
        if search:
            indexing.create(whole)
        monkeypatch.setattr(store, "PART_RECORDS", 1)
        monkeypatch.setattr(store, "SPLIT_BYTES", 1 if split else 1 << 30)
        monkeypatch.setattr(store, "PARALLEL_BYTES", 1)
        monkeypatch.setattr(store.os, "cpu_count", lambda: 2)
        self.held: list[set[str]] = []
        #: Whether the search index's vocabulary was copied when each part was copied.
        self.vocabulary: list[bool] = []
        #: Whether each part or chunk came with its words split by its worker.
        self.worded: list[bool] = []
        self.added: list[str] = []
        #: FTS5's 'automerge' once each part or chunk was indexed, and in the finished index.
        self.automerge: list[object] = []
        self.final_automerge: object = None
        self.built: list[sqlite3.Connection] = []
        real_copy, real_add, real_build = (
            store._copy_part,
            indexing.PartsIndex.add,
            store._build_search_index,
        )

        def copy(connection: sqlite3.Connection, database: str, *, head: bool) -> str | None:
            listed = connection.execute("SELECT name FROM main.sqlite_master WHERE type = 'index'")
            self.held.append({row[0] for row in listed if not row[0].startswith("sqlite_")})
            tables = connection.execute("SELECT name FROM main.sqlite_master WHERE type = 'table'")
            self.vocabulary.append("search_words" in {row[0] for row in tables})
            with contextlib.closing(sqlite3.connect(database)) as part:
                listed = part.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
                self.worded.append(indexing.PART_VOCABULARY in {row[0] for row in listed})
            return real_copy(connection, database, head=head)

        def add(parts: indexing.PartsIndex, source: str) -> None:
            self.added.append(source)
            real_add(parts, source)
            self.automerge.append(automerge(parts.connection))

        def build(connection: sqlite3.Connection) -> None:
            self.built.append(connection)
            real_build(connection)

        monkeypatch.setattr(store, "_copy_part", copy)
        monkeypatch.setattr(indexing.PartsIndex, "add", add)
        monkeypatch.setattr(store, "_build_search_index", build)
        connection, fault = store._new_cache(cache, facts_files(paths), for_search=search)
        assert fault is None
        assert connection is not None
        with contextlib.closing(connection), contextlib.closing(whole):
            assert rows(connection, STORE_TABLES) == rows(whole, STORE_TABLES)
            assert index.is_built(connection) == search
            if search:
                assert rows(connection, SEARCH_TABLES) == rows(whole, SEARCH_TABLES)
                self.final_automerge = automerge(connection)


def automerge(connection: sqlite3.Connection) -> object:
    """The 'automerge' setting of a store's FTS5 table (None: FTS5's default, unset)."""
    found = connection.execute("SELECT v FROM search_text_config WHERE k = 'automerge'")
    row = found.fetchone()
    return None if row is None else row[0]


def large_file(tmp_path: Path) -> list[Path]:
    path = tmp_path / "facts.toml"
    path.write_bytes(MINI_FACTS.read_bytes())
    return [path]


def folder(tmp_path: Path, *, more_aliases_last: bool = False) -> list[Path]:
    """A folder of six articles, read in six chunks of one file each."""
    found = tmp_path / "kb"
    found.mkdir()
    for number in range(6):
        text = article(number, more_aliases=more_aliases_last and number == 5)
        (found / f"{number}.toml").write_text(text, encoding="utf-8")
    return [found]


def test_a_large_file_makes_its_indexes_while_the_last_parts_are_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = NewCache(large_file(tmp_path), tmp_path / "kb.sqlite3", monkeypatch, search=False)
    # two workers: made once all but the last two parts are in, as the workers read those
    assert len(made.held) > 2
    assert made.held == [set()] * (len(made.held) - 2) + [STORE_INDEXES] * 2
    assert made.worded == [False] * len(made.held)  # no search index: no words split for it


def test_a_folder_makes_its_indexes_while_the_last_chunks_are_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = NewCache(folder(tmp_path), tmp_path / "kb.sqlite3", monkeypatch, search=False)
    assert made.held == [set()] * 4 + [STORE_INDEXES] * 2


@pytest.mark.skipif(not index.fts5_available(), reason="built part by part only with FTS5")
def test_a_large_file_for_search_indexes_its_phrases_before_the_last_parts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = NewCache(large_file(tmp_path), tmp_path / "kb.sqlite3", monkeypatch, search=True)
    assert len(made.held) > 2
    indexed = STORE_INDEXES | {"search_phrases_phrase"}
    assert made.held == [set()] * (len(made.held) - 2) + [indexed] * 2
    # the vocabulary so far copied then too: the last parts' words are added to it, as
    # their workers split them
    assert made.vocabulary == [False] * (len(made.held) - 2) + [True] * 2
    assert made.worded == made.vocabulary
    assert len(made.added) == len(made.held)
    assert made.built == []


@pytest.mark.skipif(not index.fts5_available(), reason="built part by part only with FTS5")
def test_a_folder_for_search_is_indexed_chunk_by_chunk_as_a_whole_build_indexes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = NewCache(folder(tmp_path), tmp_path / "kb.sqlite3", monkeypatch, search=True)
    assert made.held == [set()] * 4 + [STORE_INDEXES | {"search_phrases_phrase"}] * 2
    assert made.vocabulary == [False] * 4 + [True] * 2
    assert made.worded == [False] * 6  # a chunk's words are split in the main process
    assert len(made.added) == 6  # each chunk indexed as it came
    assert made.built == []  # nothing left to build after the store
    assert made.automerge == [0] * 6  # no segments merged while the workers read
    assert made.final_automerge == 4  # FTS5's default again once finished


@pytest.mark.skipif(not index.fts5_available(), reason="built part by part only with FTS5")
def test_a_large_file_is_indexed_without_merging_segments_until_it_is_finished(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = NewCache(large_file(tmp_path), tmp_path / "kb.sqlite3", monkeypatch, search=True)
    assert len(made.added) > 2
    assert made.automerge == [0] * len(made.added)
    assert made.final_automerge == 4


@pytest.mark.skipif(not index.fts5_available(), reason="built part by part only with FTS5")
def test_a_folder_whose_last_file_adds_to_a_level_is_indexed_again_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The first five files' primary-level records were indexed without "grade school",
    # which the merged vocabulary gives them once the sixth file is in.
    paths = folder(tmp_path, more_aliases_last=True)
    made = NewCache(paths, tmp_path / "kb.sqlite3", monkeypatch, search=True)
    assert len(made.added) == 6
    assert len(made.built) == 1  # the chunk-by-chunk index taken out, then built whole


def test_the_last_parts_of_a_large_file_are_about_half_as_long() -> None:
    text = MINI_FACTS.read_text(encoding="utf-8")
    head = text[: text.index("[[stats]]")]
    body = text[len(head) :]
    records = head + "".join(body.replace('"mini-', f'"copy{n}-') for n in range(40))
    even = store.split_facts_parts(records, 6)
    light = store.split_facts_parts(records, 6, light_tail=2)
    assert even is not None
    assert light is not None
    assert [part for part, _ in light] != [part for part, _ in even]
    assert "".join(part[len(head) :] for part, _ in light) == records[len(head) :]
    sizes = [sum(counts) for _, counts in light]
    assert sum(sizes) == sum(sum(counts) for _, counts in even)
    assert len(sizes) == 6
    full, half = sum(sizes[:4]) / 4, sum(sizes[4:]) / 2
    assert 0.35 < half / full < 0.65


def test_a_text_whose_first_line_is_a_record_table_splits_with_no_head() -> None:
    text = MINI_FACTS.read_text(encoding="utf-8")
    body = text[text.index("[[stats]]") :]
    records = "".join(body.replace('"mini-', f'"copy{n}-') for n in range(40))
    split = store.split_facts_parts(records, 4)
    assert split is not None
    assert "".join(part for part, _ in split) == records
    assert all(part.startswith("[[stats]]\n") for part, _ in split)
    headed = store.split_facts_parts("  [levels]\n" + records, 4)  # a table before records
    assert headed is not None
    assert all(part.startswith("  [levels]\n[[stats]]\n") for part, _ in headed)
    assert store.split_facts_parts(records + "[levels]\n", 4) is None  # a table after records


def test_each_part_counts_the_record_tables_it_holds_and_a_table_in_any_part_stops_it() -> None:
    text = MINI_FACTS.read_text(encoding="utf-8")
    head = text[: text.index("[[stats]]")]
    body = text[len(head) :].replace("[[stats]]", "  [[ stats ]] # indented")
    records = head + "".join(body.replace('"mini-', f'"copy{n}-') for n in range(40))
    split = store.split_facts_parts(records, 5, light_tail=1)
    assert split is not None
    for part, counts in split:
        tables = [
            line.split("[[")[1].split("]]")[0].strip()
            for line in part.splitlines()
            if line.lstrip().startswith("[[")
        ]
        assert counts == [tables.count(table) for table in store.KIND_TABLES]
    middle = len(head) + (len(records) - len(head)) // 2
    at = records.index("\n", middle) + 1
    assert store.split_facts_parts(records[:at] + " [other]\n" + records[at:], 5) is None


@pytest.mark.skipif(not index.fts5_available(), reason="built part by part only with FTS5")
def test_a_word_too_long_for_fts5_in_a_last_part_is_in_the_vocabulary_as_fts5_keeps_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = MINI_FACTS.read_text(encoding="utf-8")
    head = text[: text.index("[[stats]]")]
    body = text[len(head) :]
    copies = [body.replace('"mini-', f'"copy{n}-') for n in range(100)]
    # A word of 8,200 four-byte letters (Deseret, which folding keeps) in the last copy's
    # first summary: FTS5 keeps its first 32 KiB.
    at = copies[-1].index('summary = "') + len('summary = "')
    copies[-1] = copies[-1][:at] + "\U00010428" * 8_200 + " " + copies[-1][at:]
    path = tmp_path / "facts.toml"
    path.write_text(head + "".join(copies), encoding="utf-8")
    # NewCache compares the vocabulary with a whole build's
    made = NewCache([path], tmp_path / "kb.sqlite3", monkeypatch, search=True)
    assert made.vocabulary[-3:] == [False, True, True]  # the word came in a last part
    assert made.worded[-3:] == [False, True, True]  # split by its worker
    with contextlib.closing(sqlite3.connect(tmp_path / "kb.sqlite3")) as connection:
        longest = connection.execute("SELECT max(length(CAST(term AS BLOB))) FROM search_words")
        assert longest.fetchone() == (32768,)
