"""A new store of one large file read in parts: what is made while the last parts are read."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

import pytest

from cqedu.facts.files import facts_files
from cqedu.store import cache as store
from cqedu.store import index
from tests.conftest import MINI_FACTS


def indexes_at_each_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *, for_search: bool
) -> list[set[str]]:
    """The indexes a new cache of the mini facts file, read in parts by two workers, holds
    as each part is copied in; checks the cache is then the one a whole read gives."""
    path = tmp_path / "facts.toml"
    path.write_bytes(MINI_FACTS.read_bytes())
    whole = sqlite3.connect(":memory:", isolation_level=None)
    assert store._update(whole, facts_files([path])) is None  # read whole, in this process
    if for_search:
        index.create(whole)
    monkeypatch.setattr(store, "PART_RECORDS", 1)
    monkeypatch.setattr(store, "SPLIT_BYTES", 1)
    monkeypatch.setattr(store, "PARALLEL_BYTES", 1)
    monkeypatch.setattr(store.os, "cpu_count", lambda: 2)
    held: list[set[str]] = []
    real_copy = store._copy_part

    def copy(connection: sqlite3.Connection, database: str, *, head: bool) -> str | None:
        listed = connection.execute("SELECT name FROM main.sqlite_master WHERE type = 'index'")
        held.append({row[0] for row in listed if not row[0].startswith("sqlite_")})
        return real_copy(connection, database, head=head)

    monkeypatch.setattr(store, "_copy_part", copy)
    cache = tmp_path / "kb.sqlite3"
    connection, fault = store._new_cache(cache, facts_files([path]), for_search=for_search)
    assert fault is None
    assert connection is not None
    with contextlib.closing(connection), contextlib.closing(whole):
        for table in ("facts", "fact_words", "program_fields", "fact_phrases", "levels"):
            query = f"SELECT * FROM {table} ORDER BY rowid"  # noqa: S608 - fixed names
            assert connection.execute(query).fetchall() == whole.execute(query).fetchall()
        if for_search:
            phrases = "SELECT * FROM search_phrases ORDER BY phrase, pos"
            assert connection.execute(phrases).fetchall() == whole.execute(phrases).fetchall()
    return held


STORE_INDEXES = {
    "facts_id",
    "facts_kind",
    "facts_level",
    "facts_source",
    "program_fields_field",
    "program_fields_pos",
    "fact_phrases_pos",
}


def test_the_store_indexes_are_made_while_the_last_parts_are_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = indexes_at_each_copy(tmp_path, monkeypatch, for_search=False)
    # two workers: made once all but the last two parts are in, as the workers read those
    assert len(held) == 6
    assert held == [set()] * 4 + [STORE_INDEXES] * 2


@pytest.mark.skipif(not index.fts5_available(), reason="built part by part only with FTS5")
def test_a_search_index_built_part_by_part_indexes_its_phrases_before_the_last_parts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = indexes_at_each_copy(tmp_path, monkeypatch, for_search=True)
    assert held == [set()] * 4 + [STORE_INDEXES | {"search_phrases_phrase"}] * 2
