"""Narrow tables read as records (issue 15, item 12): a wrapped line never looks like a new
record or field, short values stay whole while anything else can give, and a record with
an empty first cell never reads as part of the one above.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import cqedu
from cqedu.knowledge import KnowledgeBase
from cqedu.render import VIEWS, OutputFormat, RenderOptions, Results, render
from cqedu.render.sources import render_sources
from tests.render.test_layouts import COMMANDS, results_of, shown


def events(kb: KnowledgeBase, width: int, ascii_only: bool = False) -> list[str]:
    results = Results(tuple(kb.records("events")), VIEWS["export"])
    options = RenderOptions(width=width, ascii_only=ascii_only)
    return render(OutputFormat.TABLE, results, options).splitlines()


def test_a_wrapped_line_of_a_block_keeps_a_hanging_indent(real_kb: KnowledgeBase) -> None:
    lines = shown(real_kb, "stats", 40).splitlines()
    start = lines.index("Countries and regions in education")
    assert lines[start : start + 6] == [
        "Countries and regions in education",
        "    cooperation",
        "cooperation-countries-and-regions",
        "  Figure: more than 70 countries and",
        "      regions",
        "  Period: 2025",
    ]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_block_line_is_a_name_id_field_or_indented_deeper(
    real_kb: KnowledgeBase, command: str
) -> None:
    """At 40 columns a line at column 0 starts a record (name, then id), one at 2 is a
    field ("  Level: ..."); any other line is a continuation, at 4 or deeper. A figure
    tied to a program ("└ ...") stands 2 columns in: its id at 2, its fields at 4."""
    text = shown(real_kb, command, 40)
    facts = results_of(real_kb, command).facts
    names = {fact.name for fact in facts}
    ids = {fact.id for fact in facts}
    for block in text.split("\n\n"):
        # An export's headings ("stats (32)") stand apart from the records.
        lines = [
            line
            for line in block.splitlines()
            if line and not re.fullmatch(r"[a-z]+ \(\d+\)", line)
        ]
        if not lines:
            continue
        inset = 2 if lines[0].startswith("└ ") else 0
        for line in lines[1:]:
            indent = len(line) - len(line.lstrip(" "))
            assert indent >= inset, line
            if indent == inset + 2:
                assert re.match(r" *[A-Z][A-Za-z ,]*: ", line), line
            else:
                assert indent == inset or indent >= inset + 4, line
        starts = [line[inset:] for line in lines[1:] if len(line) - len(line.lstrip(" ")) == inset]
        assert any(name.startswith(lines[0].removeprefix("└ ")) for name in names)
        assert len(starts) == 1, starts  # the id, alone at the record's own column
        assert any(i.startswith(starts[0]) for i in ids)  # an id wider than 40 folds


def test_figures_under_a_program_keep_their_lines_under_their_text(
    real_kb: KnowledgeBase,
) -> None:
    lines = shown(real_kb, "programs", 80).splitlines()
    start = lines.index("Educational openness initiative")
    assert lines[start : start + 7] == [
        "Educational openness initiative",
        "  openness-initiative",
        "  Period: 2025",
        "└ Countries and regions in education             more than 70",
        "  cooperation                                   countries and",
        "  cooperation-countries-and-regions                   regions",
        "  Period: 2025",
    ]


@pytest.mark.parametrize("width", [80, 100, 120])
@pytest.mark.parametrize("command", COMMANDS)
def test_short_values_are_never_broken(real_kb: KnowledgeBase, command: str, width: int) -> None:
    """A level, period or country is read whole on one line ("as of 2025", not "as of" over
    "2025"), whether in its column or folded under the name."""
    lines = shown(real_kb, command, width).splitlines()
    for fact in results_of(real_kb, command).facts:
        period = fact.period if command != "search" and fact.kind in ("stat", "program") else None
        country = fact.country if fact.kind == "partner" else None
        for value in ((fact.level or "").replace("-", " "), period, country):
            if value:
                assert any(value in line for line in lines), (fact.id, value)


def test_stats_at_80_columns_fold_the_period_rather_than_break_it(
    real_kb: KnowledgeBase,
) -> None:
    lines = shown(real_kb, "stats", 80).splitlines()
    assert lines[:5] == [
        "              Figure   Name, id                                Level",
        "─" * 80,
        "            12 goals   Core goals of the 14th Five-Year Plan   system wide",
        "                         met  core-goals-met",
        "                         Period: 2021-2025",
    ]


def test_an_event_without_a_date_shows_an_empty_marker(real_kb: KnowledgeBase) -> None:
    assert events(real_kb, 80) == [
        "events (5)",
        "Date as written      Name, id                                            Level",
        "─" * 80,
        "October 20           Press conference on education progress",
        "                     press-conference",
        "December 6, 2024     World Culture Fair  world-culture-fair",
        "—                    Southwest University presentations",
        "                     southwest-university-presentations",
        "October 13           Go lesson by Li Xuanhao  go-lesson                  primary",
        "September 18, 2025   Changan Digital Intelligence Factory",
        "                     changan-factory-photo",
    ]
    assert events(real_kb, 80, ascii_only=True)[6] == (
        "-                  | Southwest University presentations                |"
    )


def test_a_source_block_wraps_with_a_hanging_indent(real_kb: KnowledgeBase) -> None:
    text = render_sources(OutputFormat.TABLE, real_kb.source_list(), RenderOptions(width=40))
    assert text.splitlines()[:5] == [
        "cq-education-2025",
        "  67 records, 2025-10-20",
        "  Chongqing education over the 14th",
        "      Five-Year Plan (press conference",
        "      report)",
    ]


@pytest.mark.parametrize("width", [36, 40, 45])
def test_one_record_never_splits_an_id_or_a_word(real_kb: KnowledgeBase, width: int) -> None:
    fact = real_kb.get("sino-foreign-cooperative-programs")
    lines = render(
        OutputFormat.TABLE, Results((fact,), VIEWS["show"]), RenderOptions(width=width)
    ).splitlines()
    assert lines[:4] == ["id", "  sino-foreign-cooperative-programs", "kind", "  program"]
    words = {w for line in lines for w in line.split()}
    assert {"sino-foreign-cooperative-programs", "sino-foreign-annual-enrollment;"} <= words


def test_one_record_keeps_its_two_columns_when_its_words_fit(real_kb: KnowledgeBase) -> None:
    fact = real_kb.get("sino-foreign-cooperative-programs")
    lines = render(
        OutputFormat.TABLE, Results((fact,), VIEWS["show"]), RenderOptions(width=60)
    ).splitlines()
    assert lines[2] == "id           sino-foreign-cooperative-programs"


def test_a_source_block_keeps_its_count_with_its_noun_and_breaks_paths_at_slashes() -> None:
    from cqedu.facts.model import Source
    from cqedu.store.records import SourceInfo

    long_id = Source(
        "chongqing-vocational-2026", "Vocational colleges", "a.txt", "2026-01-05", "", ()
    )
    info = SourceInfo(long_id, "/srv/knowledge/articles/chengdu_facts.toml", 16)
    text = render_sources(OutputFormat.TABLE, [info], RenderOptions(width=40))
    # Beside the id, "16 records," ended one line and "2026-01-05" began the next; at 36
    # columns "16" stood alone. The count and date now keep one line of their own.
    assert text.splitlines() == [
        "chongqing-vocational-2026",
        "  16 records, 2026-01-05",
        "  Vocational colleges",
        "  /srv/knowledge/articles/",
        "      chengdu_facts.toml",
        "",
    ]


LONG_VALUES = Path(__file__).parents[1] / "data" / "long_values_facts.toml"


@pytest.fixture(scope="module")
def long_kb() -> Iterator[KnowledgeBase]:
    kb = cqedu.load(LONG_VALUES, cache=False)
    yield kb
    kb.close()


def long_results(kb: KnowledgeBase, command: str) -> Results:
    """What a command shows of the long values, with the level names the CLI passes."""
    query = "teachers education college" if command == "search" else ""
    results = results_of(kb, command, query) if query else results_of(kb, command)
    return results._replace(levels=kb.levels)


def long_shown(kb: KnowledgeBase, command: str, width: int) -> list[str]:
    return render(
        OutputFormat.TABLE, long_results(kb, command), RenderOptions(width=width)
    ).splitlines()


@pytest.mark.parametrize("width", [80, 100, 120])
@pytest.mark.parametrize("command", COMMANDS)
def test_long_levels_periods_and_countries_are_never_broken(
    long_kb: KnowledgeBase, command: str, width: int
) -> None:
    """ "over the past five years" came out as "over the past five" over "years": only
    values of 20 characters or fewer were kept whole. Every one is now, in its column,
    folded under the name, or (when the table cannot keep them) in blocks."""
    results = long_results(long_kb, command)
    text = render(OutputFormat.TABLE, results, RenderOptions(width=width))
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= width
    level_names = {level.id: level.name for level in long_kb.levels}
    values = set()
    for fact in results.facts:
        values.add(level_names.get(fact.level or "", ""))
        if command != "search" and fact.kind in ("stat", "program"):
            values.add(fact.period or "")
        if fact.kind == "partner" and command != "search":  # search shows no country
            values.add(fact.country or "")
    values.discard("")
    assert values  # the file holds long ones of each
    for value in values:  # a level named as its id ("Primary") shows the id ("primary")
        assert any(value.casefold() in line.casefold() for line in lines), (value, text)


def test_stats_at_120_columns_keep_a_long_period_in_its_column(long_kb: KnowledgeBase) -> None:
    lines = long_shown(long_kb, "stats", 120)
    assert lines[0].split() == ["Figure", "Name,", "id", "Level", "Period"]
    assert lines[2].endswith("Continuing and adult education   over the past five years")


def test_stats_at_100_columns_give_each_long_period_a_line(long_kb: KnowledgeBase) -> None:
    # the columns cannot keep two long values whole: each record becomes a block
    lines = long_shown(long_kb, "stats", 100)
    assert lines[:5] == [
        "Graduates of evening and weekend vocational programmes in the river districts",
        "long-graduates",
        "  Figure: 1.85 million graduates of continuing education programmes",
        "  Level: Continuing and adult education",
        "  Period: over the past five years",
    ]
