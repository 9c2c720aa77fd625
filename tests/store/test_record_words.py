"""The words a record gives the search index, split where its file is read (store/index.py)."""

from __future__ import annotations

import pytest

from cqedu.core.text import words
from cqedu.store import indexing


def _split_apart(as_written: str | None, value: object) -> list[str]:
    """What the quick path stands for: the words of the text, then of the value's repr."""
    found = words(as_written) if as_written else []
    if value is not None:
        found += words(repr(value))
    return found


@pytest.mark.parametrize(
    ("as_written", "value", "expected"),
    [
        # the quick path: a number as Python prints it, or whole with separators
        ("8,000", 8000, ["8000", "8000"]),
        ("8000", 8000, ["8000", "8000"]),
        ("over 1,234,567", 1234567, ["over", "1234567", "1234567"]),
        ("More than 12", 12, ["more", "than", "12", "12"]),
        ("93.5%", 93.5, ["93.5", "93.5"]),
        ("about 12%", 12, ["about", "12", "12"]),
        ("0", 0, ["0", "0"]),
        # the words of each, as `words` splits them
        ("1,23,456", 123456, ["1", "23456", "123456"]),
        ("-5", -5, ["5", "5"]),
        ("08", 8, ["08", "8"]),
        ("12.50%", 12.5, ["12.50", "12.5"]),
        ("über 5", 5, ["uber", "5", "5"]),
        ("up to5 5", 5, ["up", "to5", "5", "5"]),
        ("over  5", 5, ["over", "5", "5"]),
        ("1e22", 1e22, ["1", "e22", "1", "e", "22"]),
        ("inf", float("inf"), ["inf", "inf"]),
        ("two", None, ["two"]),
        (None, 7, ["7"]),
        (None, None, []),
    ],
)
def test_a_figures_words_are_those_of_its_text_then_of_its_value(
    as_written: str | None, value: object, expected: list[str]
) -> None:
    assert indexing._figure_words(as_written, value) == expected
    assert _split_apart(as_written, value) == expected
