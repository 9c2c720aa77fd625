"""The search index: built from the record tables, kept in the cache, dropped, and without FTS5."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import cqedu
from cqedu.core.text import words
from cqedu.facts.model import TABLE_OF_KIND
from cqedu.knowledge import KnowledgeBase
from cqedu.store import cache as store
from cqedu.store import index, indexing
from tests.conftest import MINI_FACTS


@pytest.fixture
def facts_copy(tmp_path: Path) -> Path:
    path = tmp_path / "facts.toml"
    path.write_bytes(MINI_FACTS.read_bytes())
    return path


def built_in(cache: Path) -> bool:
    with sqlite3.connect(cache) as connection:
        return index.is_built(connection)


def only_cache_file(cache: Path) -> Path:
    (found,) = sorted(cache.glob("kb-*.sqlite3"))
    return found


def search_ids(kb: KnowledgeBase, query: str, limit: int = 10) -> list[str]:
    return [hit.fact.id for hit in kb.search(query, limit)]


def test_the_search_index_is_built_by_the_first_search_and_kept(
    facts_copy: Path, isolated_environment: Path
) -> None:
    kb = cqedu.load(facts_copy)
    cache = only_cache_file(isolated_environment)
    assert not built_in(cache)
    assert search_ids(kb, "oxbridge") == ["mini-oxbridge"]
    assert built_in(cache)
    again = cqedu.load(facts_copy)
    assert search_ids(again, "oxbridge") == ["mini-oxbridge"]


def test_loading_for_search_builds_both_indexes_at_once(
    facts_copy: Path, isolated_environment: Path
) -> None:
    cqedu.load(facts_copy, for_search=True)
    assert built_in(only_cache_file(isolated_environment))


def test_an_unwritable_cache_file_keeps_the_search_index_in_memory(
    facts_copy: Path, tmp_path: Path
) -> None:
    connection, _ = store.open_store([facts_copy], None)
    folder = tmp_path / "folder"
    folder.mkdir()
    indexing.build(connection, folder)  # a folder is not a database
    assert index.is_built(connection)
    assert list(folder.iterdir()) == []
    kb = KnowledgeBase(connection, facts_copy)
    assert search_ids(kb, "oxbrige") == ["mini-oxbridge"]


def test_the_index_is_built_from_the_stored_words_not_from_python_records(
    facts_copy: Path,
) -> None:
    connection, _ = store.open_store([facts_copy], None)
    connection.execute(
        "UPDATE fact_words SET name = 'gryphon academy' "
        "WHERE pos = (SELECT pos FROM facts WHERE id = 'mini-oxbridge')"
    )
    kb = KnowledgeBase(connection, facts_copy)
    assert search_ids(kb, "gryphon") == ["mini-oxbridge"]


def test_a_records_level_words_come_from_the_merged_levels(facts_copy: Path) -> None:
    connection, _ = store.open_store([facts_copy], None)
    connection.execute(
        "UPDATE levels SET aliases = 'kindergarten' || char(31) || 'nursery' WHERE id = 'preschool'"
    )
    kb = KnowledgeBase(connection, facts_copy)
    preschool = [fact.id for fact in kb.facts() if fact.level == "preschool"]
    assert preschool
    assert sorted(search_ids(kb, "nursery", 50)) == sorted(preschool)


def test_the_words_split_when_a_file_is_read_are_those_the_index_reports(
    facts_copy: Path,
) -> None:
    connection, _ = store.open_store([facts_copy], None)
    stored = connection.execute(
        f"SELECT pos, {', '.join(indexing.OWN_COLUMNS)} FROM fact_words ORDER BY pos"  # noqa: S608 - fixed column names
    ).fetchall()
    assert len(stored) == connection.execute("SELECT COUNT(*) FROM facts").fetchone()[0]
    for pos, *texts in stored:
        reported = index.record_words(connection, pos)
        seen: set[str] = set()
        for column, text in zip(indexing.OWN_COLUMNS, texts, strict=True):
            expected = [word for word in reported[column] if word not in seen]
            seen.update(reported[column])
            assert (text or "").split() == expected


def test_drop_makes_the_next_search_see_changed_records(facts_copy: Path) -> None:
    connection, _ = store.open_store([facts_copy], None)
    kb = KnowledgeBase(connection, facts_copy)
    assert search_ids(kb, "gryphon") == []
    connection.execute(
        "UPDATE fact_words SET name = 'gryphon academy' "
        "WHERE pos = (SELECT pos FROM facts WHERE id = 'mini-oxbridge')"
    )
    indexing.drop(connection)
    assert not index.is_built(connection)
    assert search_ids(kb, "gryphon") == ["mini-oxbridge"]


def test_drop_empties_a_cache_file_index(facts_copy: Path, isolated_environment: Path) -> None:
    cqedu.load(facts_copy, for_search=True)
    cache = only_cache_file(isolated_environment)
    with sqlite3.connect(cache) as connection:
        indexing.drop(connection)
        tables = connection.execute(
            "SELECT name FROM sqlite_master WHERE name LIKE 'search%'"
        ).fetchall()
    assert tables == []
    assert search_ids(cqedu.load(facts_copy), "oxbridge") == ["mini-oxbridge"]
    assert built_in(cache)


def test_a_cache_file_index_is_renamed_away_by_drop_and_dropped_by_the_next_build(
    facts_copy: Path, isolated_environment: Path
) -> None:
    cqedu.load(facts_copy, for_search=True)
    cache = only_cache_file(isolated_environment)
    stale = "SELECT name FROM sqlite_master WHERE name LIKE 'stale%' ORDER BY name"
    with sqlite3.connect(cache) as connection:
        indexing.drop(connection)
        renamed = [row[0] for row in connection.execute(stale)]
        indexing.drop(connection)  # nothing left to drop: the renamed tables stay as they are
        assert [row[0] for row in connection.execute(stale)] == renamed
    assert "stale_search_text" in renamed
    assert "stale_search_records" in renamed
    cqedu.load(facts_copy, for_search=True)
    with sqlite3.connect(cache) as connection:
        assert connection.execute(stale).fetchall() == []
        assert index.is_built(connection)


def test_columns_hold_normalised_words_with_shared_texts_joined_in(
    mini_kb: KnowledgeBase,
) -> None:
    mini_kb.search("schools")
    connection = mini_kb._db  # the index's own tables are what is tested
    schools_pos = mini_kb.ids().index("mini-schools")
    held = index.record_words(connection, schools_pos)
    assert held["as_written"] == ["1234", "1234"]  # as written, then the value
    assert held["level"] == ["system", "wide", "system", "wide", "overall"]
    assert held["kind"] == ["stat", "stats"]
    oxbridge = index.record_words(connection, mini_kb.ids().index("mini-oxbridge"))
    assert oxbridge["country"] == ["united", "kingdom", "uk", "britain"]
    rate = index.record_words(connection, mini_kb.ids().index("mini-preschool-rate"))
    assert rate["as_written"] == ["88.5", "88.5"]
    assert index.has_word(connection, "88.5")
    assert "88.5" not in index.vocabulary(connection).words  # numbers match only exactly


def ranked(kb: KnowledgeBase, query: str) -> list[tuple[str, float, str]]:
    return [(hit.fact.id, hit.score, hit.matched_field) for hit in kb.search(query)]


def test_without_fts5_search_finds_the_same_and_says_so_once(
    facts_copy: Path, isolated_environment: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    queries = ("oxbrige", "school", "schools", "1,234", "robot club members", "stats", "britain")
    with_fts5 = {query: ranked(cqedu.load(MINI_FACTS, cache=False), query) for query in queries}
    assert with_fts5["oxbrige"] == [("mini-oxbridge", 93.3, "name")]
    assert with_fts5["schools"][:2] == [  # "school" meets "schools" by its stem, both ways
        ("mini-schools", 100.0, "name"),
        ("mini-lion-school", 95.0, "name"),
    ]
    monkeypatch.setattr(index, "fts5_available", lambda: False)
    monkeypatch.setattr(indexing, "_given", set())  # as in a new process
    kb = cqedu.load(facts_copy, for_search=True)  # built while loading, still said
    first = kb.search_outcome("oxbrige")
    assert first.notes == (indexing.FTS5_MISSING_NOTE,)
    assert kb.search_outcome("oxbrige").notes == ()
    for query, expected in with_fts5.items():
        assert ranked(kb, query) == expected, query
    with sqlite3.connect(only_cache_file(isolated_environment)) as connection:
        kinds = dict(connection.execute("SELECT name, type FROM sqlite_master"))
    assert kinds["search_instance"] == "table"
    assert kinds["search_vocab"] == "view"
    assert kinds["search_stems"] == "table"


def python_words(kb: KnowledgeBase) -> set[str]:
    """Every word search should know, split by text.words from the records themselves."""
    levels = {lv.id: (lv.id, lv.name, *lv.aliases) for lv in kb.levels}
    countries = {c.name: (c.name, *c.aliases) for c in kb.countries}
    found: set[str] = set()
    for fact in kb.facts():
        texts = [fact.name, fact.id, fact.summary, fact.section, fact.kind, *fact.keywords]
        texts += [*fact.fields, *levels.get(fact.level or "", (fact.level or "",))]
        texts += [*countries.get(fact.country or "", (fact.country or "",))]
        texts += [fact.as_written or "", fact.category or "", fact.unit or "", fact.period or ""]
        texts += [fact.date or "", fact.date_as_written or ""]
        if fact.value is not None:
            texts.append(repr(fact.value))
        for text in texts:
            found.update(words(text))
    return found | set(TABLE_OF_KIND.values())


def test_the_index_splits_words_exactly_as_search_does(real_kb: KnowledgeBase) -> None:
    real_kb.search("leicester")
    connection = real_kb._db  # the index's own words are tested
    vocabulary = index.vocabulary(connection).words
    assert vocabulary == sorted(vocabulary)
    held = {row[0] for row in connection.execute("SELECT term FROM search_words")}
    assert held == python_words(real_kb)
    assert set(vocabulary) == {word for word in held if not word[0].isdigit()}


def test_digits_and_non_ascii_letters_are_words_as_search_splits_them() -> None:
    document = cqedu.load(MINI_FACTS, cache=False).document()
    tricky = document.facts[0]._replace(
        name="Straße Café 14th", as_written="1,234.5 ÉCOLES", value=1234.5, keywords=()
    )
    kb = cqedu.from_document(document._replace(facts=(tricky, *document.facts[1:])))
    assert [(h.fact.id, h.matched_field) for h in kb.search("strasse café 14 th", 1)] == [
        ("mini-schools", "name")
    ]
    held = index.record_words(kb._db, 0)  # the index's own words are tested
    assert held["name"] == ["strasse", "cafe", "14", "th"]  # accents folded for matching
    assert held["as_written"] == ["1234.5", "ecoles", "1234.5"]
    assert {"strasse", "cafe", "ecoles"} <= set(index.vocabulary(kb._db).words)
    assert {"straße", "café"}.isdisjoint(index.vocabulary(kb._db).words)
    assert index.has_word(kb._db, "1234.5")


def test_without_fts5_a_cached_fts5_index_is_passed_over(
    facts_copy: Path, isolated_environment: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cqedu.load(facts_copy, for_search=True)  # an FTS5 index in the cache file
    monkeypatch.setattr(index, "fts5_available", lambda: False)
    monkeypatch.setattr(indexing, "_given", set())  # as in a new process
    kb = cqedu.load(facts_copy)
    outcome = kb.search_outcome("oxbridge")
    assert [h.fact.id for h in outcome.hits] == ["mini-oxbridge"]
    assert outcome.notes == (indexing.FTS5_MISSING_NOTE,)


def test_drop_removes_the_index_built_without_fts5(
    facts_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index, "fts5_available", lambda: False)
    connection, _ = store.open_store([facts_copy], None)
    kb = KnowledgeBase(connection, facts_copy)
    assert search_ids(kb, "oxbridge") == ["mini-oxbridge"]
    indexing.drop(connection)
    left = connection.execute("SELECT name FROM sqlite_temp_master WHERE name LIKE 'search%'")
    assert [row[0] for row in left] == ["search_query"]  # the query's scratch table only
    assert search_ids(kb, "oxbridge") == ["mini-oxbridge"]


def test_values_and_dates_as_written_report_as_their_fields(mini_kb: KnowledgeBase) -> None:
    assert [(h.fact.id, h.score, h.matched_field) for h in mini_kb.search("2500000")] == [
        ("mini-teachers", 100.0, "as_written")
    ]
    assert [(h.fact.id, h.score, h.matched_field) for h in mini_kb.search("january")] == [
        ("mini-open-day", 90.0, "date")
    ]
