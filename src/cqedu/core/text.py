"""Splitting text into normalised words, shared by search, matching and highlighting."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

# A figure with thousands separators ("9,177") is one word; so is a decimal ("93.5").
#: Characters that would drive a terminal or break a line: C0, DEL, C1, line separators.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_GROUPED_DIGITS = re.compile(r"\d,\d")
_WORD = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[^\W_]+", re.UNICODE)


def normalise_word(word: str) -> str:
    """Fold case and drop thousands separators: "9,177" -> "9177", "Leicester" -> "leicester"."""
    return word.casefold().replace(",", "")


def words(text: str) -> list[str]:
    """The normalised words of a text, in order."""
    found = _WORD.findall(text.casefold())  # one pass: this runs for every indexed text
    if "," in text and _GROUPED_DIGITS.search(text):
        return [word.replace(",", "") for word in found]
    return found


def word_spans(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, normalised word) for each word of a text, for highlighting."""
    for match in _WORD.finditer(text):
        yield match.start(), match.end(), normalise_word(match.group())


def normalise_phrase(text: str) -> str:
    """A name or query as its words: "Preschool-enrollment rate!" -> "preschool enrollment rate"."""
    return " ".join(words(text))


def escape_controls(text: str) -> str:
    """Control characters as visible escapes ("\\x1b"), so text never drives a terminal."""

    def escape(match: re.Match[str]) -> str:
        code = ord(match.group())
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return CONTROL_CHARACTERS.sub(escape, text)


@cache
def _english_stemmer() -> Any:
    # deferred for start-up: snowballstemmer loads every language's stemmer (about 20 ms),
    # and a question whose words the records use as typed never needs it
    from snowballstemmer import stemmer  # type: ignore[import-untyped] # no type hints shipped

    return stemmer("english")


@cache
def stem(word: str) -> str:
    """The Snowball (Porter 2) English stem of a normalised word: "enrolled" -> "enrol"."""
    return str(_english_stemmer().stemWord(word))
