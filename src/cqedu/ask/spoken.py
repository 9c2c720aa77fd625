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
#: Each one-word cardinal by its value ("thirteen": 13, "forty": 40), and the tens words.
CARDINALS: dict[str, int] = {w: n * (10 if w in _TENS else 1) for w, n in _VALUES.items()}
TENS = tuple(_TENS)
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


#: Every word of a number said in words below a million ("five", "twenty", "thousand"),
#: to look for before the pattern is compiled.
NUMBER_WORDS = frozenset(_ONES + _TEENS + _TENS + ["hundred", "thousand"])
_SCALE = {"hundred": 100, "thousand": 1000}
_BELOW_HUNDRED = rf"(?:(?:{'|'.join(_TENS)})(?:{_SEP}(?:{_ONE}))?|{'|'.join(_TEENS)}|{_ONE})"
_BELOW_THOUSAND = (
    rf"(?:(?:{_BELOW_HUNDRED}|a){_SEP}hundred(?:{_SEP}(?:and{_SEP})?{_BELOW_HUNDRED})?"
    rf"|{_BELOW_HUNDRED})"
)
#: A cardinal said in words ("eighty-three", "a thousand", "two hundred and forty"), with
#: its decimals read digit by digit ("ninety-three point five"), and a share's sign after it.
_CARDINAL = (
    rf"(?i)\b(?P<number>(?:{_BELOW_THOUSAND}|a){_SEP}thousand"
    rf"(?:{_SEP}(?:and{_SEP})?{_BELOW_THOUSAND})?|{_BELOW_THOUSAND})"
    rf"(?P<decimals>{_SEP}point(?:{_SEP}(?:{_ONE}|zero|oh))+)?\b"
    r"(?P<share>\s*(?:%|percent\b|per\s?cent\b|pct\b))?"
)


@cache
def _cardinal() -> re.Pattern[str]:
    """The cardinal pattern, compiled when a question first says a number word."""
    return re.compile(_CARDINAL)


def _value(said: str) -> int:
    """The number of a cardinal said in words ("two hundred and forty": 240)."""
    total = current = 0
    for word in re.split(_SEP, said.lower()):
        if word == "a":
            current = 1
        elif word in _SCALE:
            current = max(current, 1) * _SCALE[word]
            if word == "thousand":
                total, current = total + current, 0
        else:
            current += _VALUES.get(word, 0) * (10 if word in _TENS else 1)
    return total + current


def _figure(found: re.Match[str]) -> str:
    said = found["number"]
    value = _value(said)
    decimals = found["decimals"]
    # News prints a number below ten in words ("three major industries", "Five Educations
    # in One", "one of them"), and in digits from ten up, with a decimal part, or as a share
    # ("top 1%"): only those, said in words, are the figures the records write in digits.
    if value < 10 and len(re.split(_SEP, said)) == 1 and not decimals and not found["share"]:
        return found[0]
    digits = str(value)
    if decimals:
        said_digits = re.split(_SEP, decimals.lower())[2:]
        digits += "." + "".join(str(_VALUES.get(w, 0)) for w in said_digits)
    return digits + (found["share"] or "")


#: A fraction of a large number said in words ("half a million", "a quarter million"),
#: as English says a round figure.
_FRACTION = (
    r"(?i)\b(?:(?P<half>half)\s+an?|an?\s+(?P<quarter>quarter)(?:\s+of\s+an?)?)\s+"
    r"(?P<scale>thousand|million|billion)\b"
)
_LARGE = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}


def _fraction(found: re.Match[str]) -> str:
    whole = _LARGE[found["scale"].lower()]
    return f"{whole // (2 if found['half'] else 4):,}"


def spoken_numbers(question: str) -> str:
    """`question` with each figure said in words written in digits ("seventy countries":
    "70 countries", "top one percent": "top 1 percent", "ninety-three point five percent":
    "93.5 percent", "half a million": "500,000"), so that it finds, or is checked
    against, the figure the records write in digits; run after `spoken_years`, which
    reads "twenty twenty five" as one year."""
    said = set(re.findall(r"[a-z]+", question.lower()))
    if ("half" in said or "quarter" in said) and not _LARGE.keys().isdisjoint(said):
        question = re.sub(_FRACTION, _fraction, question)
    if NUMBER_WORDS.isdisjoint(said):
        return question
    return _cardinal().sub(_figure, question)
