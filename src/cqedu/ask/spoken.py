"""Years said aloud ("twenty twenty five", "two thousand and nineteen") written as digits."""

from __future__ import annotations

import re
from functools import cache

_ONES = "one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_VALUES: dict[str, int] = (
    {w: n for n, w in enumerate(_ONES, 1)}
    | {w: n for n, w in enumerate(_TEENS, 10)}
    | {w: n for n, w in enumerate(_TENS, 2)}
)
#: Words one of which a question must hold to be worth the pattern (compiled on first use).
_LEADS = ("twenty", "nineteen", "thousand")
_SEP = r"[\s-]+"
_ONE = "|".join(_ONES)
#: The two last digits said as one number ("twenty *twenty five*", "nineteen *ninety*").
_PAIR = (
    rf"(?:{'|'.join(_TEENS)}|(?:{'|'.join(_TENS)})(?:{_SEP}(?:{_ONE}))?"
    rf"|(?:oh|o){_SEP}(?:{_ONE}))"
)
_YEAR = (
    rf"(?i)\b(?:(?P<century>twenty|nineteen){_SEP}(?P<pair>{_PAIR})"
    rf"|two{_SEP}thousand(?:{_SEP}and)?{_SEP}(?P<rest>{_PAIR}|{_ONE}))\b"
    # ... not the start of a larger number ("two thousand five hundred students")
    rf"(?!{_SEP}(?:hundred|thousand|million|billion)\b)"
)


@cache
def _pattern() -> re.Pattern[str]:
    """The year pattern, compiled when a question first says a number word it starts with."""
    return re.compile(_YEAR)


def _number(said: str) -> int:
    """The number of one to two number words ("twenty five": 25, "oh five": 5)."""
    return sum(_VALUES.get(w, 0) * (10 if w in _TENS else 1) for w in re.split(_SEP, said))


def _year(found: re.Match[str]) -> str:
    if found["century"]:
        century = 19 if found["century"].lower() == "nineteen" else 20
        return str(century * 100 + _number(found["pair"].lower()))
    return str(2000 + _number(found["rest"].lower()))


def spoken_years(question: str) -> str:
    """`question` with each year said in words as its digits, so that a year said aloud
    constrains the answer as a typed one does ("in twenty twenty" asks of 2020, not of
    the article's "as of 2025"); a number of one word ("twenty schools") is no year."""
    lowered = question.lower()
    if not any(lead in lowered for lead in _LEADS):
        return question
    return _pattern().sub(_year, question)
