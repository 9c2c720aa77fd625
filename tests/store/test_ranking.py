"""How many results a search found beyond those shown counts only the records it may show;
the score a record ranks by, computed in SQL as Python would round it."""

from __future__ import annotations

import contextlib
import math
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cqedu
from cqedu.knowledge import KnowledgeBase
from cqedu.store import index
from tests.conftest import MINI_FACTS, REAL_FACTS
from tests.test_many_files import second_file_text


def test_more_results_count_only_the_kind_asked_for(mini_kb: KnowledgeBase) -> None:
    everything = mini_kb.search_outcome("school", 1)
    stats = mini_kb.search_outcome("school", 1, kind="stat")
    assert ([h.fact.id for h in everything.hits], everything.more) == (["mini-lion-school"], 4)
    assert ([h.fact.id for h in stats.hits], stats.more) == (["mini-schools"], 1)


def test_more_results_count_only_the_sources_kept(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_bytes(MINI_FACTS.read_bytes())
    (tmp_path / "b.toml").write_text(second_file_text(), encoding="utf-8")
    kb = cqedu.load(tmp_path)
    both, kept = (
        kb.search_outcome("school", 1),
        kb.only_sources(["other"]).search_outcome("school", 1),
    )
    assert ([h.fact.id for h in both.hits], both.more) == (["mini-lion-school"], 9)
    assert ([h.fact.id for h in kept.hits], kept.more) == (["other-lion-school"], 4)


def sql_score(total: float, words: int, *, python: list[float] | None = None) -> float:
    """A record's score as the ranking computes it in SQL, noting in `python` the totals
    left to Python's round()."""
    with contextlib.closing(sqlite3.connect(":memory:")) as connection:

        def score(total: float, count: int) -> float:
            if python is not None:
                python.append(total)
            return index._score(total, count)

        connection.create_function("cqedu_score", 2, score, deterministic=True)
        row = connection.execute(
            f"SELECT {index._SCORE_SQL} FROM (SELECT :total AS total)",  # noqa: S608 - the fixed expression
            {"total": total, "words": words},
        ).fetchone()
    return float(row[0])


#: Totals the ranking meets: a word's 0-100 score times a column's weight, summed.
TOTALS = st.one_of(
    st.floats(min_value=0, max_value=1_000, allow_nan=False),
    st.integers(min_value=0, max_value=40_000).map(lambda quarters: quarters / 4),
    st.integers(min_value=0, max_value=10_000).map(lambda tenths: (tenths + 0.5) / 10),
    st.builds(
        lambda tenths, step: math.nextafter((tenths + 0.5) / 10, step),
        st.integers(min_value=0, max_value=10_000),
        st.sampled_from([-math.inf, math.inf]),
    ),
)


@given(TOTALS, st.integers(min_value=1, max_value=8))
@settings(max_examples=3_000, deadline=None)
def test_a_score_in_sql_is_the_mean_python_rounds(total: float, words: int) -> None:
    assert sql_score(total, words) == round(total / words, 1)


@pytest.mark.parametrize(
    ("total", "words", "score"),
    [(90.5, 2, 45.2), (91.5, 2, 45.8), (0.25, 1, 0.2), (0.75, 1, 0.8), (272.25, 3, 90.8)],
)
def test_a_mean_of_an_odd_number_of_quarters_is_rounded_to_even_tenths_in_sql(
    total: float, words: int, score: float
) -> None:
    python: list[float] = []
    assert sql_score(total, words, python=python) == score == round(total / words, 1)
    assert python == []  # no call into Python for an exact half


#: Searches of the bundled facts and a second file: many results and few, ties of score
#: broken by exact name, name length and file order, and words no record holds.
SPLIT_QUERIES = (
    "school",
    "schools teachers",
    "leicester",
    "enrolment rate",
    "kindergarden enrolment rate",
    "lion school",
    "vocational colleges students",
    "percent",
    "2025",
    "chongqing",
    "mini schools",
    "robot club",
    "nothing like it zzzz",
)


def test_a_large_index_ranked_in_two_halves_ranks_as_one_query(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.toml").write_bytes(REAL_FACTS.read_bytes())
    (tmp_path / "b.toml").write_text(second_file_text(), encoding="utf-8")
    kb = cqedu.load(tmp_path, for_search=True)
    halves: list[int] = []
    real_halves = index._rank_in_halves

    def in_halves(*args: object, **kwargs: object) -> object:
        halves.append(1)
        return real_halves(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(index, "_rank_in_halves", in_halves)

    def ranked(query: str, limit: int, kind: str | None) -> tuple[list[tuple[str, float]], int]:
        outcome = kb.search_outcome(query, limit, kind=kind)
        return [(hit.fact.id, hit.score) for hit in outcome.hits], outcome.more

    searches = [
        (query, limit, kind)
        for query in SPLIT_QUERIES
        for limit in (1, 3, 200)
        for kind in (None, "stat")
    ]
    monkeypatch.setattr(index, "SPLIT_RANKING", 10**9)
    whole = [ranked(*search) for search in searches]
    assert halves == []
    monkeypatch.setattr(index, "SPLIT_RANKING", 1)
    assert [ranked(*search) for search in searches] == whole
    assert len(halves) >= len(searches)  # every one ranked in halves
    assert sum(bool(hits) for hits, _ in whole) > len(searches) // 2

    def unreadable(*args: object, **kwargs: object) -> sqlite3.Connection:
        raise sqlite3.OperationalError("unable to open database file")

    monkeypatch.setattr(sqlite3, "connect", unreadable)  # the second connection fails
    assert [ranked(*search) for search in searches[:12]] == whole[:12]
