"""Tables over records of several articles say each record's source, at every width."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import cqedu
from cqedu.knowledge import KnowledgeBase
from cqedu.render import VIEWS, OutputFormat, RenderOptions, Results, render
from tests.conftest import MINI_FACTS, REAL_FACTS, REPO
from tests.render.test_layouts import results_of

CHENGDU = REPO / "tests" / "data" / "chengdu_facts.toml"


@pytest.fixture(scope="module")
def two_kb() -> Iterator[KnowledgeBase]:
    """The article's facts and the invented Chengdu file, as `--facts A --facts B` loads them."""
    kb = cqedu.load([REAL_FACTS, CHENGDU], cache=False)
    yield kb
    kb.close()


def preschool(kb: KnowledgeBase, width: int) -> list[str]:
    results = Results(tuple(kb.figures("preschool")), VIEWS["stats"])
    return render(OutputFormat.TABLE, results, RenderOptions(width=width)).splitlines()


def test_a_wide_table_gives_the_source_a_column(two_kb: KnowledgeBase) -> None:
    lines = preschool(two_kb, 120)
    assert lines[0].split() == ["Figure", "Name,", "id", "Level", "Period", "Source"]
    assert lines[-1].split()[-2:] == ["2024", "cd-test"]
    assert lines[2].endswith("as of 2025   cq-education-2025")


def test_at_80_columns_each_record_says_its_source_under_its_name(two_kb: KnowledgeBase) -> None:
    # Before, nothing at 80 columns told the Chengdu figure from Chongqing's.
    assert preschool(two_kb, 80)[-3:] == [
        "     4,100 kindergartens   Kindergartens  cd-kindergartens             preschool",
        "                             Period: as of 2024",
        "                             Source: cd-test",
    ]


def test_at_40_columns_each_block_says_its_source(two_kb: KnowledgeBase) -> None:
    assert preschool(two_kb, 40)[-7:] == [
        "Kindergartens",
        "cd-kindergartens",
        "  Figure: 4,100 kindergartens",
        "  Level: preschool",
        "  Period: as of 2024",
        "  Source: cd-test",
        "",
    ]


@pytest.mark.parametrize("width", [40, 60, 80, 120])
@pytest.mark.parametrize("command", ["stats", "programs", "partners", "search", "export"])
def test_every_listing_over_two_sources_names_both(command: str, width: int) -> None:
    kb = cqedu.load([REAL_FACTS, MINI_FACTS], cache=False)
    try:
        results = results_of(kb, command, "school", 40)
        words = render(OutputFormat.TABLE, results, RenderOptions(width=width)).split()
    finally:
        kb.close()
    shown = {fact.source for fact in results.facts}
    assert shown == {"cq-education-2025", "mini"}
    # Every record's source stands beside it: as many times as there are records of it.
    for source in shown:
        records = sum(fact.source == source for fact in results.facts)
        assert words.count(source) == records


def test_one_source_adds_no_column(two_kb: KnowledgeBase) -> None:
    only = two_kb.only_sources(["cd-test"])
    results = Results(tuple(only.figures()), VIEWS["stats"])
    text = render(OutputFormat.TABLE, results, RenderOptions(width=120))
    assert "Source" not in text
    assert "cd-test" not in text
