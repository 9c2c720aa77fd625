"""Days of the month as said or typed in a question, written as the records write them.

English says a day as an ordinal ("October thirteenth", "the 6th of December", "on the
twentieth"); the records write "October 13". An ordinal by a month name, or after "on the"
with nothing after it, is that day: it is written as the month and the day's number, so
that it finds the record of that day as a typed "October 13" does. An ordinal anywhere
else ("the fourteenth Five-Year Plan", "the first national pilots") is left as it is.
"""

from __future__ import annotations

import re
from functools import cache

from cqedu.ask.spoken import CARDINALS, TENS

#: Ordinals that do not add "th" to their cardinal (the rest do, "-ty" as "-tieth").
_IRREGULAR = {"one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth"}
#: The most days a month has.
_DAYS = 31


def _ordinal(cardinal: str) -> str:
    """The ordinal of a one-word cardinal ("thirteen": "thirteenth", "twenty": "twentieth",
    "nine": "ninth", "twelve": "twelfth"), by English's rules for forming it."""
    if cardinal in _IRREGULAR:
        return _IRREGULAR[cardinal]
    if cardinal.endswith("y"):
        return f"{cardinal[:-1]}ieth"
    if cardinal.endswith("ve"):
        return f"{cardinal[:-2]}fth"
    if cardinal.endswith("e"):
        return f"{cardinal[:-1]}th"
    return f"{cardinal}th"


@cache
def _said_days() -> dict[str, int]:
    """Every day of a month said as an ordinal in words, by its number ("twenty-first": 21)."""
    days: dict[str, int] = {}
    for word, value in CARDINALS.items():
        if value <= _DAYS:
            days[_ordinal(word)] = value
    for tens in TENS:
        base = CARDINALS[tens]
        for one, value in CARDINALS.items():
            if value < 10 and base + value <= _DAYS:
                days[f"{tens} {_ordinal(one)}"] = base + value
    return days


#: The months of the English calendar, which the records write in full ("October 13").
_MONTH_NAMES = (
    "January February March April May June July August September October November December"
).split()


@cache
def _months() -> dict[str, str]:
    """Month names and their short forms, lower-case, each to the month's full name."""
    found = {name.lower(): name for name in _MONTH_NAMES}
    found |= {name[:3].lower(): name for name in _MONTH_NAMES}
    found["sept"] = "September"
    return found


@cache
def _ordinal_words() -> frozenset[str]:
    """Each word of a day said as an ordinal ("twentieth", "first")."""
    return frozenset(w for day in _said_days() for w in day.split())


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The day after its month, before "of" its month, and after "on the" alone."""
    said = "|".join(
        re.sub(" ", r"[\\s-]+", day) for day in sorted(_said_days(), key=len, reverse=True)
    )
    ordinal = rf"(?:{said}|(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th))"
    months = "|".join(sorted(_months(), key=len, reverse=True))
    # a month's short form may carry its dot; "may" and "march" are also verbs, so only
    # an ordinal makes a day of the number after them
    after = (
        rf"(?i)\b(?P<month>{months})\.?\s+(?:the\s+)?(?P<day>{ordinal}"
        rf"|(?<!may\s)(?<!march\s)(?:[1-9]|[12]\d|3[01])(?!\d))\b"
    )
    before = rf"(?i)\b(?:the\s+)?(?P<day>{ordinal})\s+(?:of\s+)?(?P<month>{months})\b\.?"
    alone = rf"(?i)\bon\s+the\s+(?P<day>{ordinal})(?=\s*(?:$|[?.!,;]))"
    return re.compile(after), re.compile(before), re.compile(alone)


def _number(day: str) -> str:
    """The number of a day said or typed as an ordinal ("thirteenth", "13th", "13")."""
    if day[:1].isdigit():
        return re.sub(r"\D", "", day)
    return str(_said_days()[" ".join(re.split(r"[\s-]+", day.lower()))])


def _dated(found: re.Match[str]) -> str:
    return f"{_months()[found['month'].lower()]} {_number(found['day'])}"


def said_days(question: str) -> str:
    """`question` with each day of a month said as an ordinal written as its month and
    number ("on october thirteenth": "on October 13", "the 6th of December": "December
    6", "on the twentieth": "on the 20"), and a month's short form by a day spelt out."""
    lowered = question.lower()
    if not any(c.isdigit() for c in lowered) and not any(
        w in lowered for w in (*_months(), *_ordinal_words())
    ):
        return question  # no month, number or ordinal: nothing to read, nothing compiled
    said = set(re.findall(r"[a-z]+|\d+(?:st|nd|rd|th)\b", lowered))
    dated = not said.isdisjoint(_months())
    ordinal = any(w[0].isdigit() or w in _ordinal_words() for w in said)
    if not dated and not ("on" in said and ordinal):
        return question  # no month, no day alone: the patterns are not compiled
    after, before, alone = _patterns()
    question = after.sub(_dated, question)
    question = before.sub(_dated, question)
    return alone.sub(lambda found: f"on the {_number(found['day'])}", question)
