"""Reading a figure as news prints it ("over 8,000", "46 per cent", "a third", "Ninety-nine").

One grammar, one compiled pattern: `parse_figure` reads a whole `as_written` with it, and the
draft (`cqedu.facts.draft`) finds figures in running text with the very same pattern, so the
forms the loader accepts and the forms a draft writes are the same by construction.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import ROUND_HALF_EVEN, Decimal, localcontext
from fractions import Fraction
from typing import NamedTuple

from cqedu.core.units import QUALIFIER_WORDS, QUALIFIERS

_ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
    " fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_NUMBER_WORDS: dict[str, int] = {word: n for n, word in enumerate(_ONES)} | {
    f"{tens}{'-' + _ONES[one] if one else ''}": 20 + 10 * t + one
    for t, tens in enumerate(_TENS)
    for one in range(10)
}
#: Denominators of the shares news prints as words ("a third", "two-thirds", "a quarter").
_PARTS: dict[str, int] = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fourth": 4,
    "fourths": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "seventh": 7,
    "sevenths": 7,
    "eighth": 8,
    "eighths": 8,
    "tenth": 10,
    "tenths": 10,
}
_SCALES: dict[str, int] = {
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}


def _words(words: Iterable[str]) -> str:
    """An alternation of `words`, longest first so a longer word wins over its prefix."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


_NUMERAL = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORD = _words(_NUMBER_WORDS)
_NUMBER = rf"(?:{_NUMERAL}|(?:{_WORD})\b)"
_SMALL = _words(_ONES[1:10])
_SHARE = rf"(?:(?:a|{_SMALL})[ -](?:{_words(_PARTS)})|half)\b"

#: The whole grammar. Anchored by `fullmatch` in `parse_figure`, searched by the draft.
FIGURE_PATTERN = re.compile(
    rf"(?:(?P<qualifier>{_words(QUALIFIERS)})\s+)?"
    rf"(?:between\s+(?P<low>{_NUMBER})\s+and\s+(?P<high>{_NUMBER})"
    rf"|(?P<count>(?:{_WORD})\b|\d{{1,2}})\s+(?:in|out\s+of)\s+(?P<every>(?:{_WORD})\b|\d{{1,3}}(?![\d,.]))"
    rf"|(?P<share>{_SHARE})"
    rf"|(?P<dozens>a|{_WORD})\s+dozen\b"
    rf"|(?P<currency>[$£€¥])?(?P<number>{_NUMBER}))"
    rf"(?:\s+(?P<scale>{_words(_SCALES)})\b)?"
    r"(?P<percent>\s?%|\s+per\s?cent\b)?",
    re.IGNORECASE,
)


class Figure(NamedTuple):
    """A figure read from its written form.

    `value` is what a facts file stores, a Decimal: exact for numerals and number words
    ("6.4 million" is 6400000.0); for a share printed as words ("a third", "one in five")
    it is the share in percent to two decimals (33.33), and `fraction` holds it exactly
    (Fraction(1, 3)). A range "between 300 and 400" has `value` 300 and `upper` 400.
    """

    qualifier: str | None
    """Lower case: "over", "more than", "between" (for a range); None when bare."""
    value: Decimal
    percent: bool
    """Printed with %, "percent" or "per cent", or a share printed as words."""
    fraction: Fraction | None = None
    upper: Decimal | None = None
    currency: str | None = None
    """The sign printed before the number: "$", "£", "€" or "¥"."""


#: A bare numeral, and the qualifiers it may follow: the common written forms, which
#: `parse_figure` reads without the whole grammar (as the grammar reads them).
_PLAIN_NUMERAL = re.compile(_NUMERAL).fullmatch


def parse_figure(written: str) -> Figure | None:
    """Read "over 8,000" as Figure("over", 8000, False); None when it is not a figure."""
    text = " ".join(written.strip().split())
    qualifier, _, numeral = text.rpartition(" ")
    if _PLAIN_NUMERAL(numeral) and (not qualifier or qualifier.lower() in QUALIFIER_WORDS):
        return Figure(qualifier.lower() or None, Decimal(numeral.replace(",", "")), False)
    match = FIGURE_PATTERN.fullmatch(text)
    return None if match is None else figure_of(match)


def figure_of(match: re.Match[str]) -> Figure | None:  # noqa: PLR0911 - one return per form
    """The figure a match of FIGURE_PATTERN stands for; None for a form that reads as none
    (a share with a scale or a %, a share "one in zero")."""
    qualifier = match["qualifier"].lower() if match["qualifier"] else None
    scale = _SCALES[match["scale"].lower()] if match["scale"] else 1
    percent = match["percent"] is not None
    if match["low"] is not None:
        if qualifier is not None:
            return None
        low, high = _times(_number(match["low"]), scale), _times(_number(match["high"]), scale)
        return Figure("between", low, percent, upper=high)
    share: Fraction | None = None
    if match["count"] is not None:
        every = _number(match["every"])
        share = Fraction(_number(match["count"])) / Fraction(every) if every else None
        if share is None:
            return None
    elif match["share"] is not None:
        share = _share(match["share"].lower())
    if share is not None:
        if scale != 1 or percent:
            return None
        return Figure(qualifier, _percent(share), True, fraction=share)
    if match["dozens"] is not None:
        dozens = match["dozens"].lower()
        count = 1 if dozens == "a" else _NUMBER_WORDS[dozens]
        return Figure(qualifier, _times(Decimal(12 * count), scale), percent)
    currency = match["currency"]
    return Figure(qualifier, _times(_number(match["number"]), scale), percent, currency=currency)


def _times(number: Decimal, scale: int) -> Decimal:
    """`number * scale` exactly: Decimal arithmetic rounds to 28 digits by default, and a
    facts file's numbers may be longer (they are refused by range, not rounded)."""
    if scale == 1:
        return number
    with localcontext() as context:
        context.prec = len(number.as_tuple().digits) + len(str(scale))
        return number * scale


def _number(text: str) -> Decimal:
    word = _NUMBER_WORDS.get(text.lower())
    return Decimal(word) if word is not None else Decimal(text.replace(",", ""))


def _share(text: str) -> Fraction:
    if text == "half":
        return Fraction(1, 2)
    count, part = re.split(r"[ -]", text)
    return Fraction(1 if count == "a" else _NUMBER_WORDS[count], _PARTS[part])


def _percent(share: Fraction) -> Decimal:
    """A share in percent: exact when it has at most two decimals, else rounded to two."""
    exact = share * 100
    if exact.denominator == 1:
        return Decimal(exact.numerator)
    rounded = (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_EVEN
    )
    return rounded


def same_number(a: Decimal, b: int | float) -> bool:
    """Whether a parsed figure equals a stored value exactly (6.4 million == 6400000)."""
    return a == Decimal(repr(b)) if isinstance(b, float) else a == b
