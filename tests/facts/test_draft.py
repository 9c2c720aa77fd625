"""`cqedu draft` and `check` against the article, on articles we wrote ourselves."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from cqedu.cli import app
from cqedu.facts.draft import draft_file
from cqedu.facts.draft.find import find_numbers
from cqedu.facts.draft.measure import DraftMeasures, Labelled, measure_draft
from cqedu.facts.draft.text import Paragraph, read_article

ARTICLES = Path(__file__).parent.parent / "data" / "articles"


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def labels(name: str) -> list[Labelled]:
    data = tomllib.loads((ARTICLES / f"{name}.figures.toml").read_text(encoding="utf-8"))
    return [
        Labelled(f["as_written"], f["value"], f["section"], f["paragraph"]) for f in data["figures"]
    ]


@pytest.mark.parametrize(
    ("name", "expected"),
    [("a1", DraftMeasures(32, 32, 32, 0)), ("a2", DraftMeasures(29, 29, 29, 0))],
)
def test_the_draft_of_each_tuning_article_holds_every_figure_and_nothing_else(
    name: str, expected: DraftMeasures
) -> None:
    assert measure_draft(draft_file(ARTICLES / f"{name}.txt"), labels(name)) == expected


@pytest.mark.parametrize(
    "name",
    [
        "a3",
        pytest.param(
            "a4",
            # Measured once, untuned (the article is kept apart): 23 of 25 figures found
            # (92%), 1 of 24 drafted stats no figure (4.2%). The 95% goal is not met.
            marks=pytest.mark.xfail(reason="23 of 25 figures found: below the 95% goal"),
        ),
    ],
)
def test_the_articles_kept_apart_meet_the_goals(name: str) -> None:
    measures = measure_draft(draft_file(ARTICLES / f"{name}.txt"), labels(name))
    assert measures.found_share >= 0.95, measures
    assert measures.not_figure_share <= 0.10, measures


def test_the_labelled_non_figures_are_told_apart() -> None:
    article = read_article((ARTICLES / "a1.txt").read_text(encoding="utf-8"))
    kinds = {
        (p.section, p.number, found.text): found.kind
        for p in article.paragraphs
        for found in find_numbers(p.text)
        if found.kind != "figure"
    }
    assert sorted(set(kinds.values())) == ["address", "date", "time", "year"]
    assert kinds[("More Readers Through the Doors", 3, "240")] == "address"
    assert kinds[("Funding and Next Steps", 3, "10")] == "time"


def test_a_drafted_stat_has_its_figure_place_and_review_line() -> None:
    text = draft_file(ARTICLES / "a2.txt", source_id="eastvale-health", date="2025-06-05")
    record = text[text.index('id = "acute-beds"') :].split("\n\n")[0]
    assert record.splitlines() == [
        'id = "acute-beds"',
        'name = "Acute beds"',
        'summary = "Acute beds, as the article gives it."',
        "value = 9300",
        'unit = "acute beds"',
        'as_written = "more than 9,300"',
        'qualifier = "more than"',
        'section = "Shorter Waits and More Beds"',
        "paragraph = 2",
    ]
    before = text[: text.index('id = "acute-beds"')].splitlines()
    assert before[-2:] == [
        "[[stats]]",
        "# REVIEW: name, summary, unit, level, period (none found)",
    ]
    source = tomllib.loads(text)["sources"][0]
    assert (source["id"], source["date"], source["file"]) == (
        "eastvale-health",
        "2025-06-05",
        "a2.txt",
    )
    assert source["sections"] == [
        "Opening",
        "Shorter Waits and More Beds",
        "Staff and Digital Care",
        "Pressure Points Remain",
    ]


def test_a_share_keeps_its_fraction_in_the_review_line_and_a_year_becomes_its_period() -> None:
    data = tomllib.loads(draft_file(ARTICLES / "a1.txt"))
    third = next(s for s in data["stats"] if s["as_written"] == "roughly a third")
    assert (third["value"], third["unit"], third["qualifier"]) == (33.33, "percent", "roughly")
    visits = next(s for s in data["stats"] if s["as_written"] == "5.8 million")
    assert (visits["value"], visits["unit"], visits["period"]) == (5800000, "visits", "2024")
    seats = next(s for s in data["stats"] if s["as_written"] == "Between 300 and 400")
    assert (seats["value"], seats["qualifier"]) == (300, "between")
    events = [(e["date_as_written"], e["date"]) for e in data["events"]]
    assert events[:2] == [("March 14", "2025-03-14"), ("February 8, 2025", "2025-02-08")]


MARKDOWN = """\
# Harbour Ferries Carry More Riders

Portwick - The harbour's ferry service carried **4.2 million** riders last
year, the operator said on *May 3*.

![Commuters board the morning ferry at Pier Road, April 2, 2025. (Photo/Ann Lee)](ferry.jpg)

## New Boats

Three boats joined the fleet, and about 40 percent of trips now run on
electric power.

- Fares for students fell by a quarter.
"""


def test_markdown_is_read_as_title_sections_and_printed_paragraphs() -> None:
    article = read_article(MARKDOWN)
    assert article.title == "Harbour Ferries Carry More Riders"
    assert article.sections == ("Opening", "New Boats")
    assert [(p.section, p.number, p.line) for p in article.paragraphs] == [
        ("Opening", 1, 3),
        ("Opening", 2, 6),
        ("New Boats", 1, 10),
        ("New Boats", 2, 13),
    ]
    assert article.paragraphs[0].text == (
        "Portwick - The harbour's ferry service carried 4.2 million riders last year, "
        "the operator said on May 3."
    )
    found = [(f.text, f.kind) for p in article.paragraphs for f in find_numbers(p.text)]
    assert found == [
        ("4.2 million", "figure"),
        ("3", "date"),
        ("2", "date"),
        ("2025", "year"),
        ("Three", "figure"),
        ("about 40 percent", "figure"),
        ("a quarter", "figure"),
    ]


def test_plain_text_headings_are_short_title_case_lines() -> None:
    article = read_article("Lead line about 12 things, said Ann.\nMore to Come\nA second line.\n")
    assert article.sections == ("Opening", "More to Come")
    assert article.paragraphs == (
        Paragraph("Opening", 1, "Lead line about 12 things, said Ann.", 1),
        Paragraph("More to Come", 1, "A second line.", 3),
    )


def test_draft_then_check_passes_with_every_figure_verified(tmp_path: Path) -> None:
    (tmp_path / "a1.txt").write_bytes((ARTICLES / "a1.txt").read_bytes())
    drafted = run("draft", str(tmp_path / "a1.txt"), "--id", "marlow-libraries")
    assert drafted.exit_code == 0
    facts = tmp_path / "a1.toml"
    facts.write_text(drafted.stdout, encoding="utf-8")
    checked = run("check", str(facts))
    assert checked.exit_code == 0
    # 32 figures and 5 dates verified; each of the 38 tables still carries its review line.
    assert checked.stderr == (
        "cqedu: 1 facts file checked, no problems; 37 verified in the article (38 warnings)\n"
    )
    lines = checked.stdout.splitlines()
    assert lines[0] == (
        f'{facts}:9:1: warning: sources "marlow-libraries" not reviewed yet: title, summary, '
        "date (year inferred)"
    )
    reviewed = "\n".join(
        line for line in drafted.stdout.splitlines() if not line.startswith("# REVIEW:")
    )
    facts.write_text(reviewed, encoding="utf-8")
    again = run("check", str(facts))
    assert (again.exit_code, again.stdout) == (0, "")
    assert again.stderr == "cqedu: 1 facts file checked, no problems; 37 verified in the article\n"


SMALL = """\
schema = 1

[[sources]]
id = "marlow"
title = "Marlow Bay libraries"
file = "a1.txt"
date = "2025-03-14"
summary = "A library board's yearly review."
sections = ["Opening", "More Readers Through the Doors", "Funding and Next Steps"]

[[stats]]
id = "staff"
name = "Library staff"
summary = "People working for the libraries."
value = 612
unit = "staff"
as_written = "612"
section = "Funding and Next Steps"
paragraph = PARAGRAPH
"""


def test_an_as_written_in_the_wrong_paragraph_fails_check_with_where_it_is(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a1.txt").write_bytes((ARTICLES / "a1.txt").read_bytes())
    facts = tmp_path / "small.toml"
    facts.write_text(SMALL.replace("PARAGRAPH", "2"), encoding="utf-8")
    result = run("check", "--articles", str(tmp_path / "articles"), str(facts))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == (
        f'{facts}:17:1: as_written "612" is not in paragraph 2 of "Funding and Next Steps" '
        "(it is in paragraph 1)"
    )
    assert lines[1] == (
        f'{facts}:6:1: warning: "nine" in paragraph 3 of "Opening" is a figure of a1.txt that '
        "no record holds"
    )
    assert len(lines) == 1 + 32  # "612" too: it is not held where it stands
    assert result.stderr == "cqedu: 1 problem in 1 of 1 facts file (32 warnings)\n"


def test_without_its_article_check_says_once_that_figures_were_not_verified(
    tmp_path: Path,
) -> None:
    for name in ("one.toml", "two.toml"):
        (tmp_path / name).write_text(
            SMALL.replace("PARAGRAPH", "1").replace('"staff"', f'"staff-{name[:3]}"'),
            encoding="utf-8",
        )
    (tmp_path / "two.toml").write_text(
        (tmp_path / "two.toml").read_text().replace('id = "marlow"', 'id = "marlow-2"')
    )
    result = run("check", str(tmp_path))
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == (
        "cqedu: figures not verified against the article: a1.txt not found beside the facts "
        "file; give its folder with --articles DIR\n"
        "cqedu: 2 facts files checked, no problems\n"
    )


def test_draft_refuses_what_it_cannot_read(tmp_path: Path) -> None:
    missing = run("draft", str(tmp_path / "nothere.txt"))
    assert (missing.exit_code, missing.stderr) == (
        2,
        f"cqedu: {tmp_path / 'nothere.txt'}: no such article file\n",
    )
    for date in ("14 March", "2025-13-40", "2025-02-29"):
        bad_date = run("draft", str(ARTICLES / "a1.txt"), "--date", date)
        assert (bad_date.exit_code, bad_date.stderr) == (
            2,
            f'cqedu: --date "{date}" is not a date: write it as YYYY-MM-DD\n',
        )
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 opens 3 rooms.".encode("latin-1"))
    latin = run("draft", str(tmp_path / "latin1.txt"))
    assert (latin.exit_code, latin.stderr) == (
        2,
        f"cqedu: {tmp_path / 'latin1.txt'}: not UTF-8 text; save the article as UTF-8\n",
    )


def as_web_page(name: str) -> str:
    """One of our articles as a news site would serve it: menus, a figure per caption,
    a sidebar of other stories and a footer around the article."""
    lines = (ARTICLES / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    sections = {s for f in labels(name) for s in [f.section]} - {"Opening"}
    body = "".join(
        f"<h2>{line}</h2>"
        if line in sections
        else f'<figure><img src="p.jpg"><figcaption>{line}</figcaption></figure>'
        if "(Photo/" in line
        else f"<p>{line}</p>"
        for line in lines
    )
    return (
        "<html><head><title>Regional news</title></head><body>"
        '<nav><a href="/">Home</a> <a href="/city">City</a></nav>'
        f"<article><h1>Our headline</h1>{body}</article>"
        '<aside><h3>Most read</h3><ul><li><a href="/x">Budget of $3 billion set for '
        "2026</a></li></ul></aside><footer>Copyright 2025. 24 Harbour Street.</footer>"
        "</body></html>"
    )


@pytest.mark.parametrize(
    ("name", "expected"),
    [("a1", DraftMeasures(32, 32, 32, 0)), ("a2", DraftMeasures(29, 29, 29, 0))],
)
def test_a_web_page_is_drafted_as_its_article(
    tmp_path: Path, name: str, expected: DraftMeasures
) -> None:
    page = tmp_path / f"{name}.html"
    page.write_text(as_web_page(name), encoding="utf-8")
    drafted = draft_file(page)
    assert measure_draft(drafted, labels(name)) == expected
    assert tomllib.loads(drafted)["sources"][0]["title"] == "Our headline"
    facts = tmp_path / f"{name}.toml"
    facts.write_text(drafted, encoding="utf-8")
    checked = run("check", str(facts))
    assert checked.exit_code == 0
    assert "verified in the article" in checked.stderr


def test_the_readme_walkthrough_shows_what_draft_and_check_print(tmp_path: Path) -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    walkthrough = readme[readme.index("## Adding an article") :]
    shown = walkthrough.split("$ cqedu check ferries.toml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "ferries.md").write_bytes(
        (Path(__file__).parents[2] / "docs" / "examples" / "ferries.md").read_bytes()
    )
    drafted = run("draft", str(tmp_path / "ferries.md"))
    (tmp_path / "ferries.toml").write_text(drafted.stdout, encoding="utf-8")
    checked = run("check", str(tmp_path / "ferries.toml"))
    printed = checked.stdout.replace(f"{tmp_path}/", "") + checked.stderr
    assert printed == shown


def test_check_says_when_an_as_written_is_nowhere_or_its_heading_is_not_the_articles(
    tmp_path: Path,
) -> None:
    (tmp_path / "a1.txt").write_bytes((ARTICLES / "a1.txt").read_bytes())
    facts = tmp_path / "small.toml"
    facts.write_text(
        SMALL.replace("PARAGRAPH", "1")
        .replace('as_written = "612"', 'as_written = "613"')
        .replace("value = 612", "value = 613")
        .replace('"Funding and Next Steps"]', '"Funding and Next Steps", "Money"]', 1)
        + SMALL[SMALL.index("[[stats]]") :]
        .replace('"staff"', '"staff-2"')
        .replace('section = "Funding and Next Steps"', 'section = "Money"')
        .replace("PARAGRAPH", "1"),
        encoding="utf-8",
    )
    result = run("check", str(facts))
    assert result.stdout.splitlines()[:2] == [
        f'{facts}:17:1: as_written "613" is not in paragraph 1 of "Funding and Next Steps" '
        "(it is nowhere in the article)",
        f'{facts}:26:1: as_written "612" is not in paragraph 1 of "Money" (the article has no '
        'such heading; it is in paragraph 1 of "Funding and Next Steps")',
    ]


def test_a_plain_text_headline_is_the_title() -> None:
    article = read_article("Ferries Carry More Riders\nPortwick - Boats carried 4 million.\n")
    assert (article.title, article.sections) == ("Ferries Carry More Riders", ("Opening",))
    assert article.paragraphs == (
        Paragraph("Opening", 1, "Portwick - Boats carried 4 million.", 2),
    )
