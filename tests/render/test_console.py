"""Messages on stderr: one line a message in a pipe, wrapped between words on a terminal."""

from __future__ import annotations

import io

import pytest
from rich.cells import cell_len

from cqedu.render.console import message_for

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
