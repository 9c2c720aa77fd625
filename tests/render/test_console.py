"""Messages on stderr: one line a message in a pipe, wrapped between words on a terminal."""

from __future__ import annotations

import io

import pytest
from rich.cells import cell_len
from rich.text import Text

from cqedu.render.console import hanging, message_for

MESSAGE = (
    'cqedu: no record has id "leicester"; did you mean leicester-joint-college, '
    "university-of-leicester?"
)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_pipe_gets_the_message_as_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    assert message_for(io.StringIO(), MESSAGE) == MESSAGE


def test_a_terminal_gets_it_wrapped_between_words_under_its_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    assert message_for(_Terminal(), MESSAGE).splitlines() == [
        'cqedu: no record has id "leicester"; did',
        "       you mean leicester-joint-college,",
        "       university-of-leicester?",
    ]


def test_a_message_that_fits_is_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "120")
    assert message_for(_Terminal(), MESSAGE) == MESSAGE


@pytest.mark.parametrize("columns", ["12", "20", "33"])
def test_nothing_is_lost_and_no_line_is_wider_than_the_terminal(
    monkeypatch: pytest.MonkeyPatch, columns: str
) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    message = (
        "cqedu: the article does not mention \u201c\u91cd\u5e86\u6709\u591a\u5c11"
        "\u8001\u5e08\u201d; https://example.org/a/very/long/path"
    )
    shown = message_for(_Terminal(), message).splitlines()
    assert max(cell_len(line) for line in shown) <= int(columns)
    assert "".join(shown).replace(" ", "") == message.replace(" ", "")


@pytest.mark.parametrize(
    ("word", "width", "lines"),
    [
        # An id wider than the line breaks after a hyphen, never inside a word of it.
        (
            "southwest-university-of-political-science-and-law",
            40,
            ["southwest-university-of-political-", "    science-and-law"],
        ),
        (
            "southwest-university-of-political-science-and-law",
            20,
            ["southwest-", "    university-of-", "    political-", "    science-and-law"],
        ),
        # A path breaks after a slash first, then inside its file name at "_" or ".".
        (
            "/srv/kb/tests/data/chengdu_facts.toml",
            30,
            ["/srv/kb/tests/data/", "    chengdu_facts.toml"],
        ),
        ("/srv/knowledge_base_2025.toml", 20, ["/srv/", "    knowledge_base_", "    2025.toml"]),
        # Without a joint the word is folded where the line ends, as before.
        ("abcdefghijklmnopqrstuvwxyz", 10, ["abcdefghij", "    klmnop", "    qrstuv", "    wxyz"]),
        # A hyphen at the very start is no joint: "-" alone would be a line of its own.
        ("-abcdefghijkl", 8, ["-abcdefg", "    hijk", "    l"]),
    ],
)
def test_a_word_wider_than_the_line_breaks_after_a_hyphen_or_slash(
    word: str, width: int, lines: list[str]
) -> None:
    assert hanging(Text(word), width, 4).plain.splitlines() == lines
