"""Finding the figures of a paragraph, and telling them from years, dates, times, addresses,
periods and names that merely contain a number."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from cqedu.facts.figures import FIGURE_PATTERN, Figure, figure_of

#: FIGURE_PATTERN where a figure may stand in running text: not inside a word, not the second
#: half of "2021-2025" or "10:30", and not followed by a letter ("14th") or a digit.
FIGURE_IN_TEXT = re.compile(
    r"(?<![\w$£€¥.,:/\u2013-])(?:" + FIGURE_PATTERN.pattern + r")(?![\w%]|[.,]\d)",
    FIGURE_PATTERN.flags,
)

MONTHS = (
    "January February March April May June July August September October November December"
).split()
_MONTH = "|".join(MONTHS) + r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"
_DATE_BEFORE = re.compile(rf"\b(?:{_MONTH})\.?\s+$")
_DATE_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH})\b")
_TIME_AFTER = re.compile(r"^(?::\d\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|hours?\s+GMT)", re.I)
_STREET = r"Street|St|Road|Rd|Lane|Avenue|Ave|Boulevard|Blvd|Way|Drive|Square|Place|Court|Row"
_ADDRESS_AFTER = re.compile(rf"^\s+(?:[A-Z][\w'\u2019-]*\s+){{1,3}}(?:{_STREET})\b")
_PERIOD_BEFORE = re.compile(
    r"\b(?:past|last|next|coming|previous|first|recent)\s+(?:few\s+)?$", re.I
)
_PERIOD_AFTER = re.compile(r"^\s+(?:years?|months?|weeks?|decades?|days?)\b", re.I)
#: A word of time: what a duration or a period counts.
TIME_UNIT = r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centur(?:y|ies))"
#: A stretch of time that dates something rather than counts it: led by a preposition of
#: time ("within six months", "for three years") or followed by a word of time ("two
#: days later", "three years ago").
_DURATION_LEAD = re.compile(r"\b(?:within|in|for|after|during|until|till|before)\s+$", re.I)
_HYPHENED_TIME = re.compile(rf"^-{TIME_UNIT}\b", re.I)
_DURATION_AFTER = re.compile(rf"^\s+{TIME_UNIT}\b", re.I)
_DURATION_TAIL = re.compile(
    rf"^\s+{TIME_UNIT}\s+(?:later|earlier|ago|before|after|afterwards|on|running|in\s+a\s+row)\b",
    re.I,
)
_TIME_OF_AFTER = re.compile(rf"^\s+{TIME_UNIT}\s+of\b", re.I)
#: An age, not a count: "aged 11 to 16", "ages 3-6", "children under 5 years old".
_AGE_BEFORE = re.compile(
    r"\b(?:aged|ages)\s+(?:between\s+|from\s+)?(?:\d+\s*(?:to|and|-)\s*)?$", re.I
)
_AGE_AFTER = re.compile(r"^[\s-]*(?:years?|months?)[\s-]+old\b", re.I)
_PRONOUN_ONE_AFTER = re.compile(r"^\s+(?:of|another|by|or)\b|^\s*[,.;:!?)]|^$", re.I)
_PRONOUN_ONE_BEFORE = re.compile(r"\b(?:no|the|this|that|each|every|any|which|such)\s+$", re.I)
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|[.!?][\"\u201d\u2019)]\s+)[\"\u201c\u2018(]?$")
_ORDINAL_BEFORE = re.compile(r"\b(?:first|second|last|other)\s+$", re.I)


class Found(NamedTuple):
    """A number in a paragraph: a figure, or what else it is."""

    start: int
    end: int
    text: str
    """Exactly as printed: "Nearly half", "$48.5 million"."""
    figure: Figure
    kind: str
    """"figure", or why not: "year", "date", "time", "address", "period", "duration", "age",
    "name", "pronoun"."""


def find_numbers(text: str) -> Iterator[Found]:
    """Every match of the figure grammar in `text`, each told figure or not."""
    for match in FIGURE_IN_TEXT.finditer(text):
        figure = figure_of(match)
        if figure is None:
            continue
        yield Found(match.start(), match.end(), match[0], figure, _kind(text, match, figure))


def find_figures(text: str) -> list[Found]:
    """The figures of `text`, in order (years, dates and the like left out)."""
    return [found for found in find_numbers(text) if found.kind == "figure"]


def _is_year(number: str) -> bool:
    return len(number) == 4 and number.isdecimal() and 1800 <= int(number) <= 2100


def _kind(text: str, match: re.Match[str], figure: Figure) -> str:  # noqa: PLR0911, PLR0912 - one return per kind of non-figure reads best
    before, after = text[: match.start()], text[match.end() :]
    written = match[0]
    bare = (
        figure.qualifier is None
        and not figure.percent
        and figure.currency is None
        and match["scale"] is None
    )
    number = match["number"]
    if bare and number is not None and number.isdecimal():
        if len(number) == 4 and 1800 <= int(number) <= 2100:
            return "year"
        if int(number) <= 31 and (_DATE_BEFORE.search(before) or _DATE_AFTER.match(after)):
            return "date"
        if _TIME_AFTER.match(after) or after.startswith(":"):
            return "time"
        if _ADDRESS_AFTER.match(after):
            return "address"
        if before.rstrip().endswith(("No.", "no.", "#", "Room", "Gate", "Route", "Line")):
            return "name"
    if bare and _PERIOD_BEFORE.search(before) and _PERIOD_AFTER.match(after):
        return "period"
    counted = not figure.percent and figure.currency is None and match["scale"] is None
    if counted and (_AGE_BEFORE.search(before) or _AGE_AFTER.match(after)):
        return "age"
    if counted and _HYPHENED_TIME.match(after) and not written[0].isupper():
        return "duration"  # "a 3-day festival": how long a thing lasts, not a count
    # "grew over two decades": before a time, "over" is the preposition of a span, no
    # qualifier; "over 5,000 hours of service" counts the time it is of
    over = written[:5].lower() == "over " and not _TIME_OF_AFTER.match(after)
    if (
        counted
        and _DURATION_AFTER.match(after)
        and (over or _DURATION_LEAD.search(before) or _DURATION_TAIL.match(after))
    ):
        return "duration"
    if match["low"] is not None and all(_is_year(match[part]) for part in ("low", "high")):
        return "period"  # "between 2015 and 2018"
    if written[0].isalpha():
        first_word = re.split(r"[\s-]", written)[0]
        capital = first_word[0].isupper()
        if capital and not _SENTENCE_START.search(before):
            return "name"  # "Five Educations in One", a capitalised word inside a sentence
        if capital and re.match(r"^-[A-Z]", after):
            return "name"  # "Five-Year Plan"
        if written.lower() == "one" and (
            _PRONOUN_ONE_AFTER.match(after) or _PRONOUN_ONE_BEFORE.search(before)
        ):
            return "pronoun"
        if written.lower() == "half" and (_ORDINAL_BEFORE.search(before) or after[:1] == "-"):
            return "period"
    return "figure"
