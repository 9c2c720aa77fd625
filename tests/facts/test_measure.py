"""What a figure is (`measure`): a share is drawn as a bar, a rank band never is
(issue 15, item 12: the ESI "top 1%" band is not 1% of anything)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cqedu.core.errors import FactsError
from cqedu.facts.check import check_paths
from cqedu.facts.loader import parse_facts
from cqedu.knowledge import KnowledgeBase
from cqedu.render import VIEWS, OutputFormat, RenderOptions, Results, render
from cqedu.render.table import bar
from tests.test_loader import HEADER, STAT


def stat(measure: str | None, **replace: str) -> str:
    text = (
        STAT
        if measure is None
        else STAT.replace('level = "preschool"', f'measure = "{measure}"\nlevel = "preschool"')
    )
    for old, new in replace.items():
        text = text.replace(old, new)
    return HEADER + text


@pytest.mark.parametrize(
    ("measure", "stored", "share", "drawn"),
    [
        (None, None, True, "█████████░"),
        ("share", "share", True, "█████████░"),
        ("rank", "rank", False, ""),
        ("count", "count", False, ""),
    ],
)
def test_a_bar_is_drawn_for_shares_only(
    measure: str | None, stored: str | None, share: bool, drawn: str
) -> None:
    (fact,) = parse_facts(stat(measure).encode(), "facts.toml").facts
    assert (fact.measure, fact.is_share, bar(fact, ascii_only=False)) == (stored, share, drawn)


def test_an_unknown_measure_is_refused_by_loading_and_check(tmp_path: Path) -> None:
    text = stat("percentile")
    with pytest.raises(FactsError) as caught:
        parse_facts(text.encode(), "facts.toml")
    assert str(caught.value) == (
        'facts.toml: stats[0] (id "preschool-enrollment"): measure: '
        'expected one of share, rank, count, got "percentile"'
    )
    path = tmp_path / "facts.toml"
    path.write_text(text)
    assert list(check_paths((path,)).problems) == [
        f'{path}:25:1: stats[0] (id "preschool-enrollment"): measure: '
        'expected one of share, rank, count, got "percentile"'
    ]


def test_a_measure_without_a_figure_is_refused() -> None:
    program = """
[[programs]]
id = "p"
name = "P"
summary = "S."
measure = "count"
section = "Intro"
paragraph = 1
"""
    with pytest.raises(FactsError) as caught:
        parse_facts((HEADER + program).encode(), "facts.toml")
    assert str(caught.value) == 'facts.toml: programs[0] (id "p"): measure: given without a value'


def test_the_esi_band_is_a_rank_and_has_no_bar(real_kb: KnowledgeBase) -> None:
    esi = real_kb.get("esi-top-threshold")
    assert (esi.measure, esi.is_share) == ("rank", False)
    shares = [f.id for f in real_kb.figures(unit="percent") if f.is_share]
    assert "esi-top-threshold" not in shares
    assert len(shares) == len(real_kb.figures(unit="percent")) - 1
    lines = render(
        OutputFormat.TABLE,
        Results((esi,), VIEWS["stats"]),
        RenderOptions(width=100),
    ).splitlines()
    assert lines[2] == (
        "top 1%   ESI ranking band (global top 1%)  esi-top-threshold   "
        "higher education   as of 2025"
    )
    shown = render(OutputFormat.TABLE, Results((esi,), VIEWS["show"]), RenderOptions(width=100))
    assert "share" not in shown.split()
    assert "measure      rank" in shown.splitlines()
