"""Reading a figure as the article writes it ("over 8,000", "6.4 million", "Two")."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

#: Words the article puts before a figure, longest first so "more than" wins over "more".
QUALIFIERS: tuple[str, ...] = (
    "more than",
    "less than",
    "fewer than",
    "at least",
    "up to",
    "surpassed",
    "exceeded",
    "nearly",
    "almost",
    "around",
    "about",
    "over",
    "under",
)

_NUMBER_WORDS: dict[str, int] = {
    word: number
    for number, word in enumerate(
        (
            "zero one two three four five six seven eight nine ten eleven twelve thirteen"
            " fourteen fifteen sixteen seventeen eighteen nineteen twenty"
        ).split()
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80}

_SCALES: dict[str, int] = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}

_FIGURE = re.compile(
    r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[a-z]+)"
    r"(?:\s+(?P<scale>thousand|million|billion))?"
    r"(?P<percent>\s*%)?"
)


class Figure(NamedTuple):
    """A figure read from its written form."""

    qualifier: str | None
    value: Decimal
    percent: bool


def parse_figure(written: str) -> Figure | None:
    """Read "over 8,000" as Figure("over", 8000, False); None when it is not a figure."""
    text = " ".join(written.strip().lower().split())
    qualifier = next((q for q in QUALIFIERS if text.startswith(q + " ")), None)
    if qualifier is not None:
        text = text[len(qualifier) + 1 :]
    match = _FIGURE.fullmatch(text)
    if match is None:
        return None
    number = match["number"]
    if number.isalpha():
        if number not in _NUMBER_WORDS:
            return None
        value = Decimal(_NUMBER_WORDS[number])
    else:
        try:
            value = Decimal(number.replace(",", ""))
        except InvalidOperation:  # pragma: no cover - the pattern admits only numerals
            return None
    if match["scale"]:
        value *= _SCALES[match["scale"]]
    return Figure(qualifier, value, match["percent"] is not None)


def same_number(a: Decimal, b: int | float) -> bool:
    """Whether a parsed figure equals a stored value exactly (6.4 million == 6400000)."""
    return a == Decimal(repr(b)) if isinstance(b, float) else a == b
