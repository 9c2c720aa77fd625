"""Characters a reader never sees (marks of direction, zero-width spaces, soft hyphens,
terminal escape sequences) change no drafted figure or unit, and `as_written` is the text
as shown, which `check` finds in the article."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from cqedu.cli import app
from cqedu.facts.draft import draft_file
from cqedu.facts.draft.text import as_shown, read_article
from tests.facts.helpers import drafted


@pytest.mark.parametrize(
    "sentence",
    [
        "The depots serve \u200f6,300 lunches\u200f a week.",  # right-to-left marks
        "The depots serve \u200e6,300\u200e lunches a week.",  # left-to-right marks
        "The depots serve \u202b6,300\u202c lunches a week.",  # an embedding and its end
        "The depots serve \u20676,300 lunches\u2069 a week.",  # an isolate
        "The depots serve 6\u200b300 lunches a week.",  # a zero-width space
        "The depots serve 6,\u2060300 lunches a week.",  # a word joiner
        "The depots serve 6,300 lun\u00adches a week.",  # a soft hyphen
        "The depots serve \ufeff6,300 lunches a week.",  # a stray byte order mark
        "The depots serve \x1b[1m6,300\x1b[0m lunches a week.",  # bold on a terminal
        "The depots serve \x1b]8;;https://example.org\x1b\\6,300 lunches\x1b]8;;\x1b\\ a week.",
        "The depots serve 6,300\x07 lunches a week.",  # a bell
    ],
)
def test_unseen_characters_change_no_figure_nor_unit(tmp_path: Path, sentence: str) -> None:
    shown = "6,300" if "\u200b" not in sentence else "6300"
    assert drafted(tmp_path, sentence) == [(shown, 6300, "lunches", "lunches")]


def test_as_written_is_the_text_a_reader_sees(tmp_path: Path) -> None:
    assert drafted(tmp_path, "Nearly \x1b[1m68%\x1b[0m of crews passed.") == [
        ("Nearly 68%", 68, "percent", "share-of-crews")
    ]
    assert drafted(tmp_path, "Crews logged 2\u200b450 hours at sea.") == [
        ("2450", 2450, "hours", "hours")
    ]


def test_check_finds_the_drafted_as_written_and_refuses_the_blanked_one(tmp_path: Path) -> None:
    article = tmp_path / "crews.txt"
    article.write_text(
        "Harbour Notes\n\nNearly \x1b[1m68%\x1b[0m of crews passed.\n", encoding="utf-8"
    )
    facts = tmp_path / "crews.toml"
    facts.write_text(draft_file(article, date="2025-01-01"), encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(facts)])
    assert result.exit_code == 0
    assert result.stderr == (
        "cqedu: 1 facts file checked, no problems; 1 verified in the article (2 warnings)\n"
    )
    # the old draft's text, with the escape blanked to spaces, is not what a reader sees
    facts.write_text(
        facts.read_text(encoding="utf-8").replace('"Nearly 68%"', '"Nearly      68%"'),
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["check", str(facts)])
    assert result.exit_code == 1
    assert (
        'as_written "Nearly      68%" is not in paragraph 1 of "Opening" (it is nowhere in '
        "the article)\n"
    ) in result.stdout


@pytest.mark.parametrize(
    ("sentence", "stats"),
    [
        # markup left in plain text is no word of the unit
        ("Crews met [bold]9 wardens[/bold] for pilots.", [("9", 9, "wardens", "wardens")]),
        ("Pilots met [b]9[/b] wardens.", [("9", 9, "wardens", "wardens")]),
        ("Pilots met <em>9 wardens</em> there.", [("9", 9, "wardens", "wardens")]),
        # a mark stuck to the noun ends it, as a comma would
        ("Pilots met 9 wardens/crews there.", [("9", 9, "wardens", "wardens")]),
    ],
)
def test_markup_around_a_figure_changes_no_unit(
    tmp_path: Path, sentence: str, stats: list[tuple[object, ...]]
) -> None:
    assert drafted(tmp_path, sentence) == stats


def test_as_shown_keeps_spacing_and_letters_and_drops_the_unseen() -> None:
    assert as_shown("a\tb\nc\r\nd \u00e9\u4e2d") == "a\tb\nc\r\nd \u00e9\u4e2d"
    assert as_shown("\ufeffa\x1b[31mb\x1b[0m\u200fc\u00add\x00e") == "abcde"
    paragraphs = read_article("Harbour Notes\n\nOne \u202e9 crews\u202c here.\n").paragraphs
    assert [p.text for p in paragraphs] == ["One 9 crews here."]
