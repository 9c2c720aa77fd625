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


#: A source id as long as a real one may be ("harbin-municipal-education-bureau-2026").
LONG_SOURCE = "riverton-municipal-education-bureau-2026"


@pytest.fixture(scope="module")
def long_kb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeBase]:
    text = CHENGDU.read_text(encoding="utf-8").replace('"cd-test"', f'"{LONG_SOURCE}"')
    path = tmp_path_factory.mktemp("long") / "riverton.toml"
    path.write_text(text, encoding="utf-8")
    kb = cqedu.load([REAL_FACTS, path], cache=False)
    yield kb
    kb.close()


@pytest.mark.parametrize("width", range(60, 121, 4))
@pytest.mark.parametrize("command", ["stats", "search", "export"])
def test_a_long_source_id_and_short_values_stay_whole(
    long_kb: KnowledgeBase, command: str, width: int
) -> None:
    # Folded under a name, "Source: <id>" wrapped deeper than the width allowed for, and
    # "Period: as of 2024" broke at 90 columns though a period column never would.
    results = results_of(long_kb, command, "teachers", 40)
    text = render(OutputFormat.TABLE, results, RenderOptions(width=width))
    assert text.split().count(LONG_SOURCE) == sum(f.source == LONG_SOURCE for f in results.facts)
    lines = text.splitlines()
    for fact in results.facts:
        shown = [(fact.level or "").replace("-", " ")]
        if "period" in results.view.columns:
            shown.append(fact.period or "")
        for value in shown:
            if value:
                assert any(value in line for line in lines), (fact.id, value)
