"""Table layouts of the article's own records at the widths people use (pins the article).

At 80, 100 and 120 columns each listing is a table, and at 40 a list of blocks: no line
is wider than the terminal, and no word of a figure, unit, level, name or id is split.
"""

from __future__ import annotations

import pytest

from cqedu.facts.model import Fact
from cqedu.knowledge import KnowledgeBase
from cqedu.query.wording import figure_text
from cqedu.render import VIEWS, OutputFormat, RenderOptions, Results, render

WIDTHS = [40, 80, 100, 120]
COMMANDS = ["stats", "programs", "partners", "search", "export"]


def results_of(
    kb: KnowledgeBase,
    command: str,
    query: str = "vocational students higher education",
    limit: int = 20,
) -> Results:
    """What a listing command (or `search` for `query`) shows of `kb`."""
    if command == "search":
        hits = tuple(kb.search(query, limit))
        return Results(tuple(h.fact for h in hits), VIEWS["search"], hits=hits)
    found = {
        "stats": kb.figures,
        "programs": kb.programs,
        "partners": kb.partners,
        "export": kb.facts,
    }[command]()
    return Results(tuple(found), VIEWS[command])


def shown(kb: KnowledgeBase, command: str, width: int) -> str:
    return render(OutputFormat.TABLE, results_of(kb, command), RenderOptions(width=width))


def whole_words(fact: Fact) -> list[str]:
    """Every word people must see whole: figure with unit, level, name, id, partners' country."""
    texts = [figure_text(fact), (fact.level or "").replace("-", " "), fact.name, fact.id]
    if fact.kind == "partner":
        texts.append(fact.country or "")
    return [word for text in texts for word in text.split()]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("command", COMMANDS)
def test_no_line_is_wider_than_the_terminal(
    real_kb: KnowledgeBase, command: str, width: int
) -> None:
    text = shown(real_kb, command, width)
    assert max(len(line) for line in text.splitlines()) <= width


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("command", COMMANDS)
def test_every_word_is_whole_on_screen(real_kb: KnowledgeBase, command: str, width: int) -> None:
    on_screen = set(shown(real_kb, command, width).split())
    for fact in results_of(real_kb, command).facts:
        # A word wider than the terminal (one export id at 40 columns) can only be folded.
        missing = [w for w in whole_words(fact) if w not in on_screen and len(w) <= width]
        assert missing == [], fact.id


@pytest.mark.parametrize("width", [80, 100, 120])
@pytest.mark.parametrize("command", COMMANDS)
def test_listings_are_tables_from_80_columns(
    real_kb: KnowledgeBase, command: str, width: int
) -> None:
    text = shown(real_kb, command, width)
    assert "─" * 20 in text


def test_blocks_at_40_columns_keep_the_country_of_partners(real_kb: KnowledgeBase) -> None:
    text = shown(real_kb, "partners", 40)
    assert "─" not in text
    ids = {f.id for f in real_kb.partners()}
    assert [line for line in text.splitlines() if line in ids] == [f.id for f in real_kb.partners()]
    countries = [line.strip() for line in text.splitlines() if line.startswith("  Country:")]
    assert countries == [f"Country: {f.country}" for f in real_kb.partners()]


@pytest.mark.parametrize("width", [80, 100, 120])
def test_partners_show_their_country_in_the_row(real_kb: KnowledgeBase, width: int) -> None:
    lines = shown(real_kb, "partners", width).splitlines()
    assert lines[0].split()[:3] == ["Name,", "id", "Country"]
    leicester = next(line for line in lines if line.startswith("University of Leicester"))
    assert "United Kingdom" in leicester


@pytest.mark.parametrize("command", ["stats", "programs"])
def test_at_most_two_lines_a_record_at_120_columns(real_kb: KnowledgeBase, command: str) -> None:
    results = results_of(real_kb, command)
    body = [line for line in shown(real_kb, command, 120).splitlines()[2:] if line.strip()]
    assert len(body) <= 2 * len(results.facts)


@pytest.mark.parametrize("width", [80, 100, 120])
def test_stats_keep_each_figure_as_written_on_one_line(real_kb: KnowledgeBase, width: int) -> None:
    """ "more than 70%" is one figure: its qualifier never stands apart from its number."""
    lines = shown(real_kb, "stats", width).splitlines()
    for fact in real_kb.figures():
        assert fact.as_written is not None
        assert any(fact.as_written in line for line in lines), fact.as_written
