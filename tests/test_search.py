"""Ranked, typo-tolerant search."""

from __future__ import annotations

import tomllib

import pytest

from cqedu.errors import QueryError
from cqedu.knowledge import KnowledgeBase
from cqedu.search import query_words
from tests.conftest import TESTS

LABELLED = tomllib.loads((TESTS / "data" / "labelled_queries.toml").read_text())["queries"]


def top_ids(kb: KnowledgeBase, query: str, limit: int = 3) -> list[str]:
    return [hit.fact.id for hit in kb.search(query, limit)]


def test_search_ranks_and_scores(mini_kb: KnowledgeBase) -> None:
    hits = mini_kb.search("oxbridge")
    assert [(h.fact.id, h.score, h.matched_field) for h in hits] == [
        ("mini-oxbridge", 100.0, "name"),
    ]
    assert hits[0].matched_words == frozenset({"oxbridge"})


def test_typos_are_forgiven(mini_kb: KnowledgeBase) -> None:
    assert top_ids(mini_kb, "oxbrige", 1) == ["mini-oxbridge"]
    assert top_ids(mini_kb, "teachrs", 1) == ["mini-teachers"]


def test_prefixes_find_words(mini_kb: KnowledgeBase) -> None:
    assert top_ids(mini_kb, "oxbr", 1) == ["mini-oxbridge"]


def test_figures_are_searchable_as_written(mini_kb: KnowledgeBase) -> None:
    assert top_ids(mini_kb, "1,234", 1) == ["mini-schools"]
    assert top_ids(mini_kb, "1234", 1) == ["mini-schools"]
    assert top_ids(mini_kb, "88.5", 1) == ["mini-preschool-rate"]


def test_numbers_match_exactly_not_fuzzily(mini_kb: KnowledgeBase) -> None:
    assert mini_kb.search("1235") == []


def test_natural_phrasing_drops_filler_words(mini_kb: KnowledgeBase) -> None:
    assert query_words("how many teachers are there?") == ["teachers"]
    assert top_ids(mini_kb, "how many teachers are there?", 1) == ["mini-teachers"]


def test_only_filler_words_are_still_searched() -> None:
    assert query_words("the") == ["the"]


def test_below_the_cutoff_is_not_a_result(mini_kb: KnowledgeBase) -> None:
    assert mini_kb.search("zebra crossing") == []


def test_limit_caps_results(mini_kb: KnowledgeBase) -> None:
    assert len(mini_kb.search("school", 2)) == 2
    with pytest.raises(QueryError) as caught:
        mini_kb.search("school", 0)
    assert str(caught.value) == "limit must be 1 or more, got 0"


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "empty query; give a word or phrase to search for"),
        ("   \t ", "empty query; give a word or phrase to search for"),
        ("?!", "query has no letters or digits; give a word or phrase to search for"),
        ("x" * 501, "query is too long (501 characters); use at most 500"),
        (
            " ".join(f"w{i}x" for i in range(17)),
            "query has 17 distinct words; use at most 16",
        ),
    ],
)
def test_unusable_queries_are_query_errors(
    mini_kb: KnowledgeBase, query: str, message: str
) -> None:
    with pytest.raises(QueryError) as caught:
        mini_kb.search(query)
    assert str(caught.value) == message


def test_cjk_and_emoji_find_nothing_without_error(mini_kb: KnowledgeBase) -> None:
    assert mini_kb.search("重庆 教育") == []
    assert mini_kb.search("school 😀") == mini_kb.search("school")


def test_exact_name_beats_a_fuzzier_tie(real_kb: KnowledgeBase) -> None:
    assert top_ids(real_kb, "Study in Chongqing", 1) == ["study-in-chongqing"]
    assert top_ids(real_kb, "leicester", 2) == [
        "university-of-leicester",
        "leicester-joint-college",
    ]


def test_every_name_and_id_ranks_its_record_first(real_kb: KnowledgeBase) -> None:
    for fact in real_kb.facts():
        assert top_ids(real_kb, fact.name, 1) == [fact.id], fact.name
        assert top_ids(real_kb, fact.id, 1) == [fact.id], fact.id


def test_labelled_queries_top3_accuracy_is_at_least_95_percent(real_kb: KnowledgeBase) -> None:
    assert len(LABELLED) >= 40
    found = [q["expect"] in top_ids(real_kb, q["query"]) for q in LABELLED]
    misses = [q["query"] for q, ok in zip(LABELLED, found, strict=True) if not ok]
    assert sum(found) / len(found) >= 0.95, misses


def test_labelled_queries_name_real_records(real_kb: KnowledgeBase) -> None:
    known = set(real_kb.ids())
    assert [q["expect"] for q in LABELLED if q["expect"] not in known] == []
