"""`cqedu draft` and `check` against the article, on articles we wrote ourselves."""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from cqedu.cli import app
from cqedu.facts.draft import draft_file
from cqedu.facts.draft.find import find_numbers
from cqedu.facts.draft.measure import DraftMeasures, Labelled, measure_draft
from cqedu.facts.draft.text import Paragraph, read_article
from cqedu.facts.draft.write import EVENT_SUMMARY, SOURCE_SUMMARY
from tests.conftest import shell

ARTICLES = Path(__file__).parent.parent / "data" / "articles"


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def labels(name: str) -> list[Labelled]:
    data = tomllib.loads((ARTICLES / f"{name}.figures.toml").read_text(encoding="utf-8"))
    return [
        Labelled(f["as_written"], f["value"], f["section"], f["paragraph"], f["unit"])
        for f in data["figures"]
    ]


@pytest.mark.parametrize(
    ("name", "expected"),
    # a1: "a population of about 1.3 million" gives `population`; the label says residents
    [("a1", DraftMeasures(32, 32, 32, 0, 31, 32)), ("a2", DraftMeasures(29, 29, 29, 0, 29, 29))],
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
        f'{facts}:13:1: warning: sources "marlow-libraries" not reviewed yet: title, summary, '
        "date (year inferred)"
    )
    reviewed = "\n".join(
        line for line in drafted.stdout.splitlines() if not line.startswith("# REVIEW:")
    )
    facts.write_text(reviewed, encoding="utf-8")
    # The review lines are gone but the draft's words are not: warned, and --strict fails.
    again = run("check", str(facts))
    assert again.exit_code == 0
    assert again.stdout.splitlines()[:3] == [
        f'{facts}:13:1: warning: sources "marlow-libraries" title is still the draft\'s '
        "placeholder; give the article's own title",
        f'{facts}:13:1: warning: sources "marlow-libraries" summary is still the draft\'s '
        "placeholder; write one in your own words",
        f'{facts}:26:1: warning: stats "targets" summary is still the draft\'s placeholder; '
        "say what the record is in your own words",
    ]
    assert again.stderr == (
        "cqedu: 1 facts file checked, no problems; 37 verified in the article (39 warnings)\n"
    )
    strict = run("check", "--strict", str(facts))
    assert (strict.exit_code, strict.stderr) == (
        1,
        "cqedu: 1 facts file checked, no problems, but --strict fails it on 39 warnings "
        "(39 placeholders left from the draft); 37 verified in the article\n",
    )
    written = re.sub(
        r'summary = "(.*), as the article gives it\."', r'summary = "Its \1."', reviewed
    )
    written = written.replace('"Article a1"', '"Marlow Bay libraries"')
    written = written.replace(SOURCE_SUMMARY, "A library board's yearly review.")
    written = written.replace(EVENT_SUMMARY, "A day the review names.")
    facts.write_text(written, encoding="utf-8")
    done = run("check", "--strict", str(facts))
    assert (done.exit_code, done.stdout) == (0, "")
    assert done.stderr == "cqedu: 1 facts file checked, no problems; 37 verified in the article\n"


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
    for folder in (str(tmp_path), ""):
        # "" is Path("."): named as empty, not as the current folder
        shown = "draft: the article path is empty" if not folder else f"{folder}: is a folder"
        result = run("draft", folder)
        assert (result.exit_code, result.stdout, result.stderr) == (
            2,
            "",
            f"cqedu: {shown}; give one article file\n",
        )
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 opens 3 rooms.".encode("latin-1"))
    latin = run("draft", str(tmp_path / "latin1.txt"))
    assert (latin.exit_code, latin.stderr) == (
        2,
        f"cqedu: {tmp_path / 'latin1.txt'}: not UTF-8 text; save the article as plain text "
        "in UTF-8\n",
    )
    (tmp_path / "utf16.txt").write_bytes("Town\n\nThe town has 3 rooms.".encode("utf-16"))
    utf16 = run("draft", str(tmp_path / "utf16.txt"))
    assert (utf16.exit_code, utf16.stderr) == (
        2,
        f"cqedu: {tmp_path / 'utf16.txt'}: the article is UTF-16 text; save it as UTF-8\n",
    )


@pytest.mark.parametrize(
    ("date", "message"),
    [
        ("2025-13-40", "is no day of the calendar: there is no month 13"),
        ("2025-02-29", "is no day of the calendar: February 2025 has 28 days"),
        ("2024-04-31", "is no day of the calendar: April 2024 has 30 days"),
        ("0000-01-01", "is no day of the calendar: years start at 0001"),
        ("2025/10/20", "is not written YYYY-MM-DD; give --date 2025-10-20"),
        ("2025-1-5", "is not written YYYY-MM-DD; give --date 2025-01-05"),
        ("20-10-2025", "is not written YYYY-MM-DD; give --date 2025-10-20"),
        ("10/20/2025", "is not written YYYY-MM-DD; give --date 2025-10-20"),
        ("October 20, 2025", "is not written YYYY-MM-DD; give --date 2025-10-20"),
        ("20 Oct 2025", "is not written YYYY-MM-DD; give --date 2025-10-20"),
        ("03/04/2025", "could be 2025-03-04 or 2025-04-03; write it as YYYY-MM-DD"),
        ("14 March", "has no year; write it as YYYY-MM-DD"),
        ("", "is not a date: write it as YYYY-MM-DD"),
        ("\uff12\uff10\uff12\uff15-10-20", "is not a date: write it as YYYY-MM-DD"),
        ("soon", "is not a date: write it as YYYY-MM-DD"),
    ],
)
def test_a_date_draft_cannot_take_says_what_is_wrong_and_the_fix(date: str, message: str) -> None:
    result = run("draft", str(ARTICLES / "a1.txt"), "--date", date)
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        f'cqedu: --date "{date}" {message}\n',
    )


@pytest.mark.parametrize(
    ("source_id", "offer"),
    [("Bad Id", ', such as "bad-id"'), ("a--b", ', such as "a-b"'), ("\u91cd\u5e86", "")],
)
def test_an_id_draft_cannot_take_is_offered_as_a_slug(source_id: str, offer: str) -> None:
    result = run("draft", str(ARTICLES / "a1.txt"), "--id", source_id)
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        f'cqedu: --id "{source_id}" is not an id: use lowercase letters, digits and single '
        f"hyphens{offer}\n",
    )


NOT_ENGLISH = (
    "; cqedu drafts English articles: draft an English version, or write the facts file by "
    "hand (see docs/schema.md)"
)


@pytest.mark.parametrize(
    ("text", "message", "code"),
    [
        ("", "the article file is empty; save the article's text in it", 2),
        ("\ufeff\r\n \r\n", "the article file is empty; save the article's text in it", 2),
        (
            "Harbour Ferries Carry More Riders\n",
            'a headline ("Harbour Ferries Carry More Riders") but no paragraph to draft from; '
            "put the article's paragraphs under it, one a line or between blank lines",
            2,
        ),
        (
            "# Harbour News\n\n## Fleet\n",
            'a headline ("Harbour News") but no paragraph to draft from; put the article\'s '
            "paragraphs under it, one a line or between blank lines",
            2,
        ),
        (
            "\u6e2f\u53e3\u65b0\u95fb\n\n\u6e2f\u53e3\u6709\u6e21\u8f6e12\u8258\u3002\n",
            "the article is written in Chinese characters (100% of its letters)" + NOT_ENGLISH,
            2,
        ),
        (
            "\u6e2f\n\n\u6e2f\u306b\u306f\u8239\u304c12\u96bb\u3042\u308b\u3002\n",
            "the article is written in Japanese (100% of its letters)" + NOT_ENGLISH,
            2,
        ),
        (
            "\u041d\u043e\u0432\u043e\u0441\u0442\u0438\n\n"
            "\u0412 \u0433\u043e\u0440\u043e\u0434\u0435 12 \u0448\u043a\u043e\u043b.\n",
            "the article is written in the Cyrillic script (100% of its letters)" + NOT_ENGLISH,
            2,
        ),
        (
            "\u0623\u062e\u0628\u0627\u0631\n\n\u0641\u064a "
            "\u0627\u0644\u0645\u062f\u064a\u0646\u0629 12 \u0645\u062f\u0631\u0633\u0629.\n",
            "the article is written in the Arabic script (100% of its letters)" + NOT_ENGLISH,
            2,
        ),
        (
            "A Quiet Week\n\nNothing much happened in the harbour, the mayor said.\n",
            "no figure and no date in its 1 paragraph, so nothing to draft; a figure is a "
            'number as news prints it ("over 8,000", "93.5%", "a third")',
            1,
        ),
    ],
)
def test_an_article_draft_cannot_use_is_one_line_with_the_fix(
    tmp_path: Path, text: str, message: str, code: int
) -> None:
    article = tmp_path / "article.txt"
    article.write_text(text, encoding="utf-8")
    result = run("draft", str(article))
    assert (result.exit_code, result.stdout, result.stderr) == (
        code,
        "",
        f"cqedu: {article}: {message}\n",
    )


SHORT = "Harbour Ferries\n\nThe harbour has 12 ferries and 300 crew, up from 250 in 2023.\n"


@pytest.mark.parametrize(
    "variant",
    [
        SHORT,
        SHORT.replace("\n", "\r\n"),
        "\ufeff" + SHORT,
        SHORT.replace("\n", "\r"),
        "The harbour has 12 ferries and 300 crew, up from 250 in 2023.",  # no headline
        # English quoting a Chinese name is English
        SHORT.replace("harbour", "\u91cd\u5e86 harbour"),
    ],
)
def test_odd_but_readable_articles_draft_the_same_figures(tmp_path: Path, variant: str) -> None:
    article = tmp_path / "ferries.txt"
    article.write_bytes(variant.encode("utf-8"))
    drafted = tomllib.loads(draft_file(article))
    assert [(s["as_written"], s["paragraph"]) for s in drafted["stats"]] == [
        ("12", 1),
        ("300", 1),
        ("250", 1),
    ]
    (tmp_path / "ferries.toml").write_text(draft_file(article), encoding="utf-8")
    checked = run("check", str(tmp_path / "ferries.toml"))
    assert checked.exit_code == 0, checked.output


def test_a_paragraph_of_one_very_long_line_is_drafted_whole(tmp_path: Path) -> None:
    article = tmp_path / "long.txt"
    article.write_text("Long\n\n" + "The town built 12 schools. " * 2000, encoding="utf-8")
    drafted = tomllib.loads(draft_file(article))
    ids = [s["id"] for s in drafted["stats"]]
    assert len(ids) == len(set(ids)) == 2000
    assert ids[:3] == ["schools", "schools-2", "schools-3"]


def test_drafts_for_one_knowledge_base_get_ids_no_other_file_has(tmp_path: Path) -> None:
    # Two articles drafted alone both had a source "harbour-ferries" and a stat "ferries",
    # and the folder holding both did not load.
    kb = tmp_path / "kb"
    kb.mkdir()
    for name in ("one", "two"):
        (kb / f"{name}.txt").write_text(SHORT, encoding="utf-8")
    first = run("--facts", str(kb), "draft", str(kb / "one.txt"))  # no facts file yet
    assert first.exit_code == 0, first.output
    assert tomllib.loads(first.stdout)["sources"][0]["id"] == "harbour-ferries"
    (kb / "one.toml").write_text(first.stdout, encoding="utf-8")
    second = run("--facts", str(kb), "draft", str(kb / "two.txt"))
    assert second.exit_code == 0, second.output
    drafted = tomllib.loads(second.stdout)
    assert drafted["sources"][0]["id"] == "harbour-ferries-2"
    assert [s["id"] for s in drafted["stats"]] == ["ferries-2", "crew-3", "crew-4"]
    (kb / "two.toml").write_text(second.stdout, encoding="utf-8")
    assert run("--facts", str(kb), "stats").exit_code == 0
    taken = run("--facts", str(kb), "draft", str(kb / "two.txt"), "--id", "harbour-ferries")
    assert (taken.exit_code, taken.stdout, taken.stderr) == (
        2,
        "",
        f'cqedu: --id "harbour-ferries" is the id of a source in {kb / "one.toml"}; give the '
        "new article another --id\n",
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
    # a1: "a population of about 1.3 million" gives `population`; the label says residents
    [("a1", DraftMeasures(32, 32, 32, 0, 31, 32)), ("a2", DraftMeasures(29, 29, 29, 0, 29, 29))],
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


@pytest.mark.parametrize("blank", ["\n", "\n\n"], ids=["line-per-paragraph", "wrapped"])
def test_a_sentence_case_headline_is_the_title_and_the_dateline_gives_the_date(
    blank: str, tmp_path: Path
) -> None:
    text = blank.join(
        [
            "Kunming hires more teachers",
            "KUNMING, March 3, 2026 - The city has 79,000 teachers, officials said.",
            "It will add 3,500 a year.",
        ]
    )
    article = read_article(text)
    assert (article.title, [p.number for p in article.paragraphs]) == (
        "Kunming hires more teachers",
        [1, 2],
    )
    (tmp_path / "km.txt").write_text(text, encoding="utf-8")
    source = tomllib.loads(draft_file(tmp_path / "km.txt"))["sources"][0]
    assert (source["id"], source["title"], source["date"]) == (
        "kunming-hires-more-teachers",
        "Kunming hires more teachers",
        "2026-03-03",
    )


@pytest.mark.parametrize(
    "first",
    [
        "Kunming hires more teachers.",  # a sentence
        "Photo: teachers in class (Xinhua)",  # a caption
        "KUNMING - The city has 79,000 teachers",  # a dateline
        # 16 words: the start of a paragraph that lost its full stop, not a headline
        "The city has hired many new teachers over the past five years across all of its districts",
    ],
)
def test_a_first_line_that_is_no_headline_is_no_title(first: str) -> None:
    article = read_article(f"{first}\n\nThe city has 79,000 teachers, officials said on Monday.")
    assert article.title is None


def test_a_draft_written_into_the_folder_it_joins_avoids_the_other_files_ids(
    tmp_path: Path,
) -> None:
    # The shell creates kb/two.toml, empty, before cqedu runs: it is not read as a facts file.
    kb = tmp_path / "kb"
    kb.mkdir()
    for name in ("one", "two"):
        (kb / f"{name}.txt").write_text(SHORT, encoding="utf-8")
    result = shell(
        "cqedu --facts kb draft kb/one.txt > kb/one.toml && "
        "cqedu --facts kb draft kb/two.txt > kb/two.toml && "
        "cqedu --facts kb stats -F id,source --no-header",
        cwd=tmp_path,
        timeout=120,
        CQEDU_CACHE_DIR=str(tmp_path / "cache"),
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        "ferries\tharbour-ferries\ncrew\tharbour-ferries\ncrew-2\tharbour-ferries\n"
        "ferries-2\tharbour-ferries-2\ncrew-3\tharbour-ferries-2\n"
        "crew-4\tharbour-ferries-2\n"
    )


def test_years_written_as_spans_are_periods_not_figures(tmp_path: Path) -> None:
    article = tmp_path / "spans.txt"
    article.write_text(
        "Schools\n\nThe town had 12 schools in the 2023/24 school year.\n\n"
        "It will have 14 schools by 2030-31.\n\nIt built 9 schools from 2019 through 2022.\n\n"
        "It built 3 schools between 2015 and 2018.\n",
        encoding="utf-8",
    )
    stats = tomllib.loads(draft_file(article))["stats"]
    assert [(s["as_written"], s["period"]) for s in stats] == [
        ("12", "2023/24"),
        ("14", "2030-31"),
        ("9", "2019-2022"),
        ("3", "2015-2018"),
    ]


def test_a_draft_with_no_facts_named_avoids_the_bundled_facts_ids(tmp_path: Path) -> None:
    # Every query command reads the bundled facts when no --facts is given; a draft of a
    # town's schools and students must load beside them, as "schools" and "students" do not.
    article = tmp_path / "riverton.txt"
    article.write_text(
        "Riverton Schools Grow\n\nRiverton, 2025-03-04\n\n"
        "Riverton now has 120 schools, the council said.\n\nIt counts 9,000 students.\n",
        encoding="utf-8",
    )
    result = shell(
        f'bundled=$("{sys.executable}" -c "import cqedu; print(cqedu.bundled_facts_path())")\n'
        "cqedu draft riverton.txt > riverton.toml && grep '^id = ' riverton.toml && "
        'cqedu --facts "$bundled" --facts riverton.toml stats -F id --no-header '
        '| grep -x "schools\\(-2\\)\\?"',
        cwd=tmp_path,
        timeout=120,
        CQEDU_CACHE_DIR=str(tmp_path / "cache"),
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        'id = "riverton"',
        'id = "schools-2"',
        'id = "students-2"',
        "schools",
        "schools-2",
    ]
