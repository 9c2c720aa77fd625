"""The article's own date, typed in a question: the time of the figures it reports.

A source's `date` is the day of the event its article reports. A question that restates it
("as reported in October 2025", "as of the October 2025 briefing") asks for the figure the
article reports, as "now" does: its month and day name no subject, and where the date
qualifies the figure (after "as of" or a reporting verb, or before the source's own event:
"the October 2025 press conference") its year is no constraint either. Any other month or
day ("in March 2025") is not the article's and is left to refuse.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache

from cqedu.core.text import normalise_phrase, words
from cqedu.facts.model import Fact, Source

#: Words that set a figure at a time ("*as of* the October 2025 briefing", "*as at*").
_AS = frozenset({"of", "at"})
#: Words between a reporting verb and its date ("reported *in* October 2025").
_ON = frozenset({"in", "on", "at", "the"})


@cache
def _months() -> dict[str, int]:
    """Month names and their short forms ("october", "oct", "sept"), from the calendar."""
    # deferred: only a question that types a source's year reads the calendar's names
    import calendar

    found = {name.casefold(): n for n, name in enumerate(calendar.month_name) if name}
    found |= {name.casefold(): n for n, name in enumerate(calendar.month_abbr) if name}
    found["sept"] = 9  # the one short form of four letters in common use
    return found


def _parts(source: Source) -> tuple[str, int, int] | None:
    """A source's date as (year, month, day), or None when it is not a whole date."""
    year, _, rest = source.date.partition("-")
    month, _, day = rest.partition("-")
    if not (year.isdecimal() and month.isdecimal() and day.isdecimal()):
        return None
    return year, int(month), int(day)


def report_date(
    tokens: Sequence[str],
    sources: Sequence[Source],
    reporting: frozenset[str],
    closed: frozenset[str],
    facts: Iterable[Fact],
) -> tuple[set[int], set[int]]:
    """Positions of the words of a source's own date that name nothing (its month and
    day, and its event's noun after it), and positions of its year that set no time.

    `reporting` are the verbs that report ("reported"); `closed` the words a noun phrase
    ends at; `facts` the records, whose events of the source's day may name it."""
    dates = [d for d in map(_parts, sources) if d is not None]
    if not dates:
        return set(), set()
    said: set[int] = set()
    years: set[int] = set()
    for at, token in enumerate(tokens):
        for (year, month, day), source in zip(dates, sources, strict=False):
            if token != year:
                continue
            found = _month_and_day(tokens, at, month, day)
            if not found:
                continue
            said |= found
            start = min(found)
            event = _event(tokens, at + 1, _event_words(source, facts), closed)
            said |= event
            if event or _qualifies(tokens, start, reporting):
                years.add(at)
    return said, years


def _month_and_day(tokens: Sequence[str], at: int, month: int, day: int) -> set[int]:
    """Positions of the month (and the day, if typed) right before a year ("20 October",
    "October 20", "Oct"), when they are the source's; empty otherwise."""
    months = _months()

    def said(i: int, wanted: int, *, is_month: bool) -> bool:
        if i < 0:
            return False
        token = tokens[i]
        if is_month:
            return months.get(token) == wanted
        return token.isdecimal() and int(token) == wanted

    if said(at - 1, month, is_month=True):
        return {at - 2, at - 1} if said(at - 2, day, is_month=False) else {at - 1}
    if said(at - 1, day, is_month=False) and said(at - 2, month, is_month=True):
        return {at - 2, at - 1}  # "October 20, 2025"
    return set()


def _qualifies(tokens: Sequence[str], start: int, reporting: frozenset[str]) -> bool:
    """Whether a date sets the figure at its time: after "as of" or "as at" ("as of the
    October 2025 ...") or a reporting verb ("reported in October 2025")."""
    i = start - 1
    while i >= 0 and tokens[i] in _ON | _AS:
        if tokens[i] in _AS and i >= 1 and tokens[i - 1] == "as":
            return True
        i -= 1
    return i >= 0 and tokens[i] in reporting


def _event_words(source: Source, facts: Iterable[Fact]) -> set[str]:
    """The words that name the event a source reports: its title's and summary's, and the
    names and keywords of the records dated its day ("press conference", "briefing")."""
    said = [source.title, source.summary]
    said += [
        text
        for fact in facts
        if fact.source == source.id and fact.date == source.date
        for text in (fact.name, *fact.keywords)
    ]
    return set(words(normalise_phrase(" ".join(said))))


def _event(tokens: Sequence[str], start: int, own: set[str], closed: frozenset[str]) -> set[int]:
    """Positions of the noun after a source's date that names the event the source
    reports ("the October 2025 *press conference*", "*briefing*"): every word is one of
    `own`; empty otherwise."""
    run: list[int] = []
    for i in range(start, len(tokens)):
        if tokens[i] in closed:
            break
        run.append(i)
    return set(run) if run and own.issuperset(tokens[i] for i in run) else set()
