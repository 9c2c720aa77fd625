"""Rich tables: readable, exact, and never driven by the data they show."""

from __future__ import annotations

from cqedu.knowledge import KnowledgeBase
from cqedu.model import Fact, SearchHit
from cqedu.render import OutputFormat, RenderOptions, Results, render
from cqedu.render.table import bar
from cqedu.wording import figure_text

ESC = "\x1b"


def table(results: Results, **options: object) -> str:
    return render(OutputFormat.TABLE, results, RenderOptions(**options))  # type: ignore[arg-type]


def test_table_shows_figures_bars_and_provenance(mini_kb: KnowledgeBase) -> None:
    text = table(Results(tuple(mini_kb.figures("preschool"))), width=100)
    lines = text.splitlines()
    assert lines[0].split() == ["Record", "Figure", "Level", "Share"]
    assert lines[2].split() == ["mini-preschool-rate", "88.5%", "preschool", "█████████░"]
    assert "stat · Schools ¶2" in text
    assert ESC not in text


def test_figures_are_right_aligned(mini_kb: KnowledgeBase) -> None:
    text = table(Results(tuple(mini_kb.figures("overall"))), width=100)
    ends = {
        line.index("schools") + len("schools")
        for line in text.splitlines()
        if "1,234 schools" in line
    }
    ends |= {
        line.index("2.5 million") + len("2.5 million")
        for line in text.splitlines()
        if "over 2.5 million" in line
    }
    assert len(ends) == 1


def test_bar_and_figure_text() -> None:
    fact = Fact("x", "stat", "X", "S", "Intro", 1, "s", 64.25, "percent", None, "64.25%")
    assert bar(fact, ascii_only=False) == "██████░░░░"
    assert bar(fact, ascii_only=True) == "######----"
    assert figure_text(fact) == "64.25%"
    assert figure_text(fact._replace(unit="schools", as_written="9,177")) == "9,177 schools"
    assert bar(fact._replace(unit="schools"), ascii_only=False) == ""


def test_markup_and_emoji_codes_print_as_written(mini_kb: KnowledgeBase) -> None:
    fact = mini_kb.get("mini-schools")._replace(name="[bold red]Loud[/] :smile:")
    text = table(Results((fact,)), width=100, color=True)
    assert "[bold red]Loud[/] :smile:" in text


def test_control_characters_are_shown_escaped(mini_kb: KnowledgeBase) -> None:
    fact = mini_kb.get("mini-schools")._replace(name="evil\x1b[2Jname")
    text = table(Results((fact,)), width=100)
    assert "evil\\x1b[2Jname" in text
    assert ESC not in text


def test_colour_and_highlighting_only_when_asked(mini_kb: KnowledgeBase) -> None:
    hits = tuple(mini_kb.search("oxbridge"))
    results = Results(tuple(h.fact for h in hits), hits=hits)
    coloured = table(results, width=100, color=True)
    assert f"{ESC}[1;30;43mOxbridge{ESC}[0m" in coloured
    plain = table(results, width=100)
    assert ESC not in plain
    assert "100.0" in plain


def test_narrow_width_writes_blocks_without_loss(mini_kb: KnowledgeBase) -> None:
    text = table(Results(tuple(mini_kb.figures())), width=20)
    assert all(len(line) <= 20 for line in text.splitlines())
    joined = "".join(text.split())
    for fact in mini_kb.figures():
        assert fact.id in joined
        assert "".join((fact.as_written or "").split()) in joined


def test_wide_width_uses_the_room(mini_kb: KnowledgeBase) -> None:
    text = table(Results(tuple(mini_kb.figures())), width=500)
    assert max(len(line) for line in text.splitlines()) == 500


def test_ascii_only_uses_no_box_drawing(mini_kb: KnowledgeBase) -> None:
    text = table(Results(tuple(mini_kb.figures())), width=100, ascii_only=True)
    assert text.isascii()
    assert "#########-" in text


def test_detail_view_lists_every_present_field(mini_kb: KnowledgeBase) -> None:
    text = table(Results((mini_kb.get("mini-open-day"),), detail=True), width=100)
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


def test_no_header(mini_kb: KnowledgeBase) -> None:
    text = table(Results(tuple(mini_kb.figures())), width=100, header=False)
    assert "Record" not in text


def test_search_table_has_scores(mini_kb: KnowledgeBase) -> None:
    hits: tuple[SearchHit, ...] = tuple(mini_kb.search("robot"))
    text = table(Results(tuple(h.fact for h in hits), hits=hits), width=100)
    assert text.splitlines()[0].split()[0] == "Score"
