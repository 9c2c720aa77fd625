"""Rich tables: one design per command, fitted to the width, never driven by their data."""

from __future__ import annotations

import pytest

from cqedu.facts.model import Fact
from cqedu.knowledge import KnowledgeBase
from cqedu.query.wording import figure_text
from cqedu.render import VIEWS, OutputFormat, RenderOptions, Results, View, render
from cqedu.render.table import bar

ESC = "\x1b"


def table(results: Results, **options: object) -> str:
    return render(OutputFormat.TABLE, results, RenderOptions(**options))  # type: ignore[arg-type]


def listing(command: str, facts: list[Fact], **view: object) -> Results:
    return Results(tuple(facts), VIEWS[command]._replace(**view))


def test_stats_table_is_one_line_a_record_with_figure_name_id_level(
    mini_kb: KnowledgeBase,
) -> None:
    text = table(listing("stats", mini_kb.figures()), width=100)
    assert text.splitlines() == [
        "                   Figure   Name, id                                         Level",
        "─" * 88,
        "            1,234 schools   Schools  mini-schools                            system wide",
        "         █████████░ 88.5%   Preschool enrollment rate  mini-preschool-rate   preschool",
        "over 2.5 million teachers   Teachers  mini-teachers                          system wide",
        "          about 40 pupils   Robot club members  mini-club-members",
        "              three clubs   Robot club  mini-robot-club",
    ]
    assert ESC not in text


def test_a_column_no_record_fills_is_left_out(mini_kb: KnowledgeBase) -> None:
    with_period = mini_kb.get("mini-schools")._replace(period="as of 2025")
    lines = table(listing("stats", [with_period]), width=100).splitlines()
    assert lines[0].split() == ["Figure", "Name,", "id", "Level", "Period"]
    assert lines[2].split()[-3:] == ["as", "of", "2025"]


def test_bar_and_figure_text() -> None:
    fact = Fact("x", "stat", "X", "S", "Intro", 1, "s", 64.25, "percent", None, "64.25%")
    assert bar(fact, ascii_only=False) == "██████░░░░"
    assert bar(fact, ascii_only=True) == "######----"
    assert figure_text(fact) == "64.25%"
    assert figure_text(fact._replace(unit="schools", as_written="9,177")) == "9,177 schools"
    assert bar(fact._replace(unit="schools"), ascii_only=False) == ""


def test_markup_and_emoji_codes_print_as_written(mini_kb: KnowledgeBase) -> None:
    fact = mini_kb.get("mini-schools")._replace(name="[bold red]Loud[/] :smile:")
    text = table(listing("stats", [fact]), width=100, color=True)
    assert "[bold red]Loud[/] :smile:" in text


def test_control_characters_are_shown_escaped(mini_kb: KnowledgeBase) -> None:
    fact = mini_kb.get("mini-schools")._replace(name="evil\x1b[2Jname")
    text = table(listing("stats", [fact]), width=100)
    assert "evil\\x1b[2Jname" in text
    assert ESC not in text


def test_search_table_has_score_kind_name_and_matched_field(mini_kb: KnowledgeBase) -> None:
    hits = tuple(mini_kb.search("oxbridge"))
    results = Results(tuple(h.fact for h in hits), VIEWS["search"], hits=hits)
    assert table(results, width=100).splitlines() == [
        "Score   Kind      Name, id                          Matched",
        "─" * 59,
        "100.0   partner   Oxbridge College  mini-oxbridge   name",
    ]
    coloured = table(results, width=100, color=True)
    assert f"{ESC}[1;30;43mOxbridge{ESC}[0m" in coloured


def test_search_table_shows_figure_and_level_of_figures(mini_kb: KnowledgeBase) -> None:
    hits = tuple(mini_kb.search("preschool rate"))
    results = Results(tuple(h.fact for h in hits), VIEWS["search"], hits=hits)
    lines = table(results, width=100).splitlines()
    assert lines[0].split() == ["Score", "Kind", "Name,", "id", "Figure", "Level", "Matched"]
    assert lines[2].split() == [
        "100.0", "stat", "Preschool", "enrollment", "rate",
        "█████████░", "88.5%", "preschool", "name",
    ]  # fmt: skip
    assert lines[3].split() == ["mini-preschool-rate"]


def test_partners_table_shows_country_and_category(mini_kb: KnowledgeBase) -> None:
    assert table(listing("partners", mini_kb.partners()), width=80).splitlines() == [
        "Name, id                             Country          Category",
        "─" * 65,
        "Oxbridge College  mini-oxbridge      United Kingdom   institution",
        "Lion City School  mini-lion-school   Singapore        institution",
    ]


def test_programs_show_their_figures_under_them(mini_kb: KnowledgeBase) -> None:
    assert table(listing("programs", mini_kb.programs()), width=100).splitlines() == [
        "Name, id                                  Fields                                Figure",
        "─" * 86,
        "Robot club  mini-robot-club               robotics; computer science       three clubs",
        "└ Robot club members  mini-club-members                                about 40 pupils",
    ]


def test_long_adds_summary_and_provenance(mini_kb: KnowledgeBase) -> None:
    text = table(listing("stats", mini_kb.figures("preschool"), long=True), width=100)
    assert text.splitlines()[2:] == [
        "█████████░ 88.5%   Preschool enrollment rate  mini-preschool-rate   preschool",
        "                   Share of small children in preschool.",
        "                   Schools ¶2",
    ]


def test_chosen_fields_are_the_columns_with_the_id_first(mini_kb: KnowledgeBase) -> None:
    view = VIEWS["stats"].with_fields(("as_written", "paragraph"))
    lines = table(Results(tuple(mini_kb.figures("overall")), view), width=80).splitlines()
    assert lines[0].split() == ["Id", "Figure", "¶"]
    assert lines[2].split() == ["mini-schools", "1,234", "1"]
    assert lines[3].split() == ["mini-teachers", "over", "2.5", "million", "2"]


def test_narrow_width_writes_blocks_without_loss(mini_kb: KnowledgeBase) -> None:
    text = table(listing("stats", mini_kb.figures("overall")), width=40)
    assert text.splitlines() == [
        "Schools",
        "mini-schools",
        "  Figure: 1,234 schools",
        "  Level: system wide",
        "",
        "Teachers",
        "mini-teachers",
        "  Figure: over 2.5 million teachers",
        "  Level: system wide",
        "",
    ]


def test_a_tight_table_folds_minor_columns_under_the_name(mini_kb: KnowledgeBase) -> None:
    fact = mini_kb.get("mini-teachers")._replace(
        id="a-long-record-id-taking-room-x", period="2021-2025"
    )
    text = table(listing("stats", [fact]), width=65)
    assert text.splitlines()[0].split() == ["Figure", "Name,", "id", "Level"]
    assert "Period: 2021-2025" in text
    assert "system wide" in text  # a level is never broken
    assert max(len(line) for line in text.splitlines()) <= 65
    # One column narrower the level would break ("system" / "wide"): blocks instead.
    assert table(listing("stats", [fact]), width=64).splitlines() == [
        "Teachers",
        "a-long-record-id-taking-room-x",
        "  Figure: over 2.5 million teachers",
        "  Level: system wide",
        "  Period: 2021-2025",
        "",
    ]


def test_ascii_only_uses_no_box_drawing(mini_kb: KnowledgeBase) -> None:
    text = table(listing("stats", mini_kb.figures()), width=100, ascii_only=True)
    assert text.isascii()
    assert "#########- 88.5%" in text


def test_record_view_lists_every_present_field(mini_kb: KnowledgeBase) -> None:
    text = table(Results((mini_kb.get("mini-open-day"),), VIEWS["show"]), width=100)
    fields = [
        line.split()[0] for line in text.splitlines()[2:] if line and not line.startswith(" ")
    ]
    assert fields == [
        "id",
        "kind",
        "name",
        "summary",
        "level",
        "date",
        "date_as_written",
        "inference",
        "section",
        "paragraph",
        "source",
    ]


def test_record_view_with_chosen_fields_shows_them_even_empty(mini_kb: KnowledgeBase) -> None:
    view = VIEWS["show"].with_fields(("value", "period"))
    text = table(Results((mini_kb.get("mini-schools"),), view), width=60)
    assert text.splitlines() == ["Field    Value", "─" * 14, "value    1234", "period"]


def test_export_is_one_table_per_kind(mini_kb: KnowledgeBase) -> None:
    text = table(Results(tuple(mini_kb.facts()), VIEWS["export"]), width=100)
    headings = [line for line in text.splitlines() if line.endswith(")")]
    assert headings == ["stats (4)", "programs (1)", "partners (2)", "events (1)"]
    assert "January 2" in text


def test_no_header(mini_kb: KnowledgeBase) -> None:
    text = table(listing("stats", mini_kb.figures()), width=100, header=False)
    assert text.splitlines()[0].split()[:3] == ["1,234", "schools", "Schools"]


@pytest.mark.parametrize("width", [20, 500])
def test_extreme_widths_never_overflow(mini_kb: KnowledgeBase, width: int) -> None:
    text = table(Results(tuple(mini_kb.figures()), View()), width=width)
    assert max(len(line) for line in text.splitlines()) <= width
