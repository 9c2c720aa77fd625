"""Writing a drafted facts file: TOML from tomli-w, with a `# REVIEW:` line in every table
that lists what a person must still confirm."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence, Set
from datetime import date as calendar_date
from decimal import Decimal
from typing import Any

import tomli_w

from cqedu.facts.draft.find import MONTHS, Found, find_numbers
from cqedu.facts.draft.name import clause_of, name_of, period_of, slugify, unique_id, unit_of
from cqedu.facts.draft.text import ArticleText, Paragraph
from cqedu.facts.model import Level

#: The comment a drafted table carries until a person has confirmed it; `cqedu check`
#: reports every one left as a warning.
REVIEW_MARK = "# REVIEW:"
#: The words a draft puts where only a person can write: `check` warns while they are left.
SOURCE_SUMMARY = "One line in your own words on what the article reports."
EVENT_SUMMARY = "What happened on this date, in your own words."
#: How a drafted stat's summary ends, after its drafted name.
STAT_SUMMARY_END = ", as the article gives it."
#: How a drafted source title begins when the article printed none, before the file's stem.
SOURCE_TITLE_START = "Article "


def is_placeholder(field: str, value: str, file: str = "") -> bool:
    """Whether `value` of a record's `field` ("summary" or "title") is still what a draft
    wrote there for a person to replace. `file` is a source's article file name."""
    if field == "title":
        return value == SOURCE_TITLE_START + file.rsplit(".", 1)[0]
    return value in (SOURCE_SUMMARY, EVENT_SUMMARY) or value.endswith(STAT_SUMMARY_END)


_DATE = re.compile(
    rf"\b(?P<month>{'|'.join(MONTHS)})\s+(?P<day>\d{{1,2}})(?:,\s+(?P<year>(?:19|20)\d\d))?\b"
    rf"|\b(?P<day2>\d{{1,2}})\s+(?P<month2>{'|'.join(MONTHS)})(?:\s+(?P<year2>(?:19|20)\d\d))?\b"
)
_HEADER = f"""\
# Drafted by `cqedu draft` from {{file}}.
# Every table with a "{REVIEW_MARK}" line still needs a person: confirm or fix what the line
# lists (names are proposals, units come from the noun after the figure), then delete the
# line. `cqedu check` warns about every "{REVIEW_MARK}" line left.
"""
_LEVELS_HELP = (
    "Levels: a stat's `level` must be declared by this file, in a [[levels]] table (id, "
    "name, aliases), or `check` refuses it."
)


def count_records(article: ArticleText) -> int:
    """How many things a draft of `article` dates or counts: its figures and printed dates
    (a dateline's among them: no event, it dates the source)."""
    figures = sum(
        found.kind == "figure" for p in article.paragraphs for found in find_numbers(p.text)
    )
    return figures + sum(1 for p in article.paragraphs for _ in _DATE.finditer(p.text))


def draft_facts(
    article: ArticleText,
    file_name: str,
    source_id: str | None = None,
    date: str | None = None,
    *,
    taken: Set[str] = frozenset(),
    taken_sources: Set[str] = frozenset(),
    levels: Sequence[Level] = (),
) -> str:
    """A facts file (TOML text) for `article`: its source, the `levels` (those of the
    knowledge base it joins) that it names, one stat per figure, one event per printed
    date. `source_id` and `date` ("YYYY-MM-DD") replace what is read; the ids drafted
    avoid the record ids `taken` and the source ids `taken_sources`."""
    dates = [(p, m) for p in article.paragraphs for m in _DATE.finditer(p.text)]
    years = [int(m["year"] or m["year2"]) for _, m in dates if m["year"] or m["year2"]]
    year = max(years) if years else None
    source_review = ["title", "summary"]
    dateline = _dateline(article, dates)
    lead: re.Match[str] | None = None
    if date is None:
        lead = dateline or next((m for p, m in dates if p is article.paragraphs[0]), None)
        date, why = _article_date(lead, dates)
        if why is not None:
            source_review.append(f"date ({why})")
    stem = file_name.rsplit(".", 1)[0]
    if source_id is None:
        base = slugify(article.title or stem) or "article"
        ident, count = base, 1
        while ident in taken_sources:  # another file's source: the new one comes second
            count += 1
            ident = f"{base}-{count}"
        source_review.append("id")
    else:
        ident = source_id
    source = {
        "id": ident,
        "title": article.title or SOURCE_TITLE_START + stem,
        "file": file_name,
        "date": date,
        "summary": SOURCE_SUMMARY,
        "sections": list(article.sections),
    }
    named = _levels_named(article, levels)
    parts = [_HEADER.format(file=file_name) + _levels_help(levels, named), "schema = 1\n"]
    parts.append(_table("sources", source, source_review))
    for level in named:
        table = {"id": level.id, "name": level.name, "aliases": list(level.aliases)}
        parts.append(_table("levels", table, ["keep it if a stat's level is it, else delete"]))
    ids = set(taken)
    for paragraph in article.paragraphs:
        for found in find_numbers(paragraph.text):
            if found.kind == "figure":
                record, review = _stat(paragraph, found, ids, named)
                parts.append(_table("stats", record, review))
    for paragraph, match in dates:
        if match is dateline:
            continue  # it dates the article, the source's date: nothing happened on it
        told = None
        if match is lead:
            told = (int(date[:4]), f"the article's date {date} is read from it")
        record, review = _event(paragraph, match, year, ids, date, told=told)
        parts.append(_table("events", record, review))
    return "\n".join(parts)


#: Before a dateline's date: the place it was filed from ("LINDALE,", "Port Ash, Kent,")
#: and a weekday; after it, the agency in brackets and the dash or colon the story follows.
_DATELINE_BEFORE = re.compile(
    r"(?:[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*)*,\s*)*"
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
)
_DATELINE_AFTER = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:[-\u2013\u2014:|]|\Z)")


def _dateline(
    article: ArticleText, dates: Sequence[tuple[Paragraph, re.Match[str]]]
) -> re.Match[str] | None:
    """The date of the article's dateline ("LINDALE, May 12 - ..."), or of a first paragraph
    that is a date alone: a date that opens the article, before its story, is when it was
    written."""
    first = next(((p, m) for p, m in dates if p is article.paragraphs[0]), None)
    if first is None:
        return None
    paragraph, match = first
    opens = _DATELINE_BEFORE.fullmatch(paragraph.text[: match.start()]) is not None
    ends = _DATELINE_AFTER.match(paragraph.text, match.end()) is not None
    return match if opens and ends else None


def _article_date(
    lead: re.Match[str] | None, dates: Sequence[tuple[Paragraph, re.Match[str]]]
) -> tuple[str, str | None]:
    """The article's date ("YYYY-MM-DD") from the date that leads it, and what a reviewer
    should know of it (None when it is printed whole). Without its year: the year of the
    latest date printed with one, moved on to the first after any date told as past and
    back to the last before any told as to come (an article is written after what it says
    happened and before what it says will); with no year printed at all, the last such
    day up to today."""
    today = calendar_date.today()
    if lead is None:
        return today.isoformat(), "none printed: today's"
    printed = lead["year"] or lead["year2"]
    if printed:
        return str(_iso(lead, int(printed))), None
    told = [
        (calendar_date.fromisoformat(str(_iso(m, int(m["year"] or m["year2"])))), tense)
        for p, m in dates
        if (m["year"] or m["year2"]) and _iso(m, int(m["year"] or m["year2"]))
        for tense in [_tense(p.text[: m.start()])]
    ]
    month, day = MONTHS[_month(lead) - 1], int(lead["day"] or lead["day2"])
    if not told:
        years = [today.year, today.year - 1, today.year - 4]  # February 29 is in one of them
        on = next(d for y in years if (d := _on(lead, y)) is not None and d <= today)
        return on.isoformat(), f"no year printed: the last {month} {day} up to today"
    return _year_between(lead, told)


def _year_between(
    lead: re.Match[str], told: Sequence[tuple[calendar_date, str]]
) -> tuple[str, str]:
    """The date `lead` names in the year nearest the latest of the dates `told` (each
    with its tense) that falls after those told as past and before those told as to come."""
    latest = max(d.year for d, _ in told)
    after = max((d for d, tense in told if tense == "past"), default=None)
    before = min((d for d, tense in told if tense == "future"), default=None)
    fits = [
        d
        for y in range(latest - 8, latest + 9)
        if (d := _on(lead, y)) is not None
        and (after is None or d >= after)
        and (before is None or d <= before)
    ]
    on = min(fits, key=lambda d: (abs(d.year - latest), -d.year)) if fits else None
    if on is None:
        # February 29 is in one year of four
        on = next(d for y in range(latest, latest - 8, -1) if (d := _on(lead, y)) is not None)
        return on.isoformat(), "year inferred: the article's dates disagree"
    if on.year == latest:
        return on.isoformat(), "year inferred"
    if after is not None and on.year > latest:
        return on.isoformat(), f"year inferred: after {after.isoformat()}, told as past"
    return on.isoformat(), f"year inferred: before {before}, told as to come"


def _month(match: re.Match[str]) -> int:
    return MONTHS.index(match["month"] or match["month2"]) + 1


def _on(match: re.Match[str], year: int) -> calendar_date | None:
    """The date `match` names in `year`; None when there is none (February 29)."""
    try:
        return calendar_date(year, _month(match), int(match["day"] or match["day2"]))
    except ValueError:
        return None


def _level_words(level: Level) -> list[str]:
    """The words that name a level in running text: its name, its id spelt out, and its
    aliases of two words or more (a one-word alias is often an everyday word: "all")."""
    words = [level.name, level.id.replace("-", " "), *(a for a in level.aliases if " " in a)]
    return list(dict.fromkeys(w.lower() for w in words))


def _names_level(text: str, level: Level) -> bool:
    lowered = " ".join(text.lower().replace("-", " ").split())
    return any(
        re.search(rf"(?<![\w-]){re.escape(w.replace('-', ' '))}(?![\w-])", lowered)
        for w in _level_words(level)
    )


def _levels_named(article: ArticleText, levels: Sequence[Level]) -> list[Level]:
    """The levels of the knowledge base that the article names, in their order."""
    text = " ".join(p.text for p in article.paragraphs)
    return [level for level in levels if _names_level(text, level)]


def _levels_help(levels: Sequence[Level], named: Sequence[Level]) -> str:
    """The header's lines on levels: what the draft declared, and what else there is."""
    if named:
        seen = (
            "Below are the levels of the knowledge base that the article names; a stat "
            "whose clause names one has it as its `level`."
        )
    elif levels:
        seen = "The article names none of the knowledge base's levels."
    else:
        seen = 'None is known: declare your own (id = "adult", name = "Adult").'
    others = [level.id for level in levels if level not in named]
    if others:
        seen += f" Others it declares: {', '.join(others)}."
    wrapped = textwrap.fill(
        f"{_LEVELS_HELP} {seen}", 88, initial_indent="# ", break_on_hyphens=False
    )
    return wrapped.replace("\n", "\n# ") + "\n"


def _stat(
    paragraph: Paragraph, found: Found, taken: set[str], levels: Sequence[Level] = ()
) -> tuple[dict[str, Any], list[str]]:
    figure = found.figure
    unit = unit_of(paragraph.text, found)
    name = name_of(paragraph.text, found, unit)
    record: dict[str, Any] = {
        "id": unique_id(name, taken),
        "name": name,
        "summary": name + STAT_SUMMARY_END,
        "value": _toml_number(figure.value),
        "unit": unit,
        "as_written": found.text,
    }
    review = ["name", "summary", "unit", "level"]
    if figure.qualifier is not None:
        record["qualifier"] = figure.qualifier
    clause = clause_of(paragraph.text, found)
    # the clause first; else the name, which may come from the sentence ("... rate stands
    # at 97.3 percent, and the city aims to lift it to 99 percent")
    named = [level.id for level in levels if _names_level(clause, level)] or [
        level.id for level in levels if _names_level(name, level)
    ]
    if len(named) == 1:
        record["level"] = named[0]
    if figure.upper is not None:
        review.append(f"range: value is the low end, the high end is {_plain(figure.upper)}")
    if figure.fraction is not None:
        review.append(f"share: {figure.fraction} of what")
    period = period_of(paragraph.text, found)
    if period is not None:
        record["period"] = period
    review.append("period" if period is not None else "period (none found)")
    record |= {"section": paragraph.section, "paragraph": paragraph.number}
    return record, review


def _event(
    paragraph: Paragraph,
    match: re.Match[str],
    year: int | None,
    taken: set[str],
    published: str | None = None,
    *,
    told: tuple[int, str] | None = None,
) -> tuple[dict[str, Any], list[str]]:
    written = match[0]
    name = f"Event on {written}"
    record: dict[str, Any] = {
        "id": unique_id(f"event {written}", taken),
        "name": name,
        "summary": EVENT_SUMMARY,
    }
    review = ["name", "summary", "level", "or delete this event"]
    printed = match["year"] or match["year2"]
    if printed:
        inference = ""
    elif told is not None:
        year, inference = told  # the date the article's date is read from: that year
    else:
        year, inference = _year_told(paragraph, match, year, published)
    iso = _iso(match, year)
    if iso is not None:
        record["date"] = iso
    record["date_as_written"] = written
    if iso is not None and not printed:
        record["inference"] = f"The year {year} is not printed with the date; {inference}."
        review.append("inference")
    record |= {"section": paragraph.section, "paragraph": paragraph.number}
    return record, review


#: What tells a clause's time before a date in it. English marks its future with
#: auxiliaries and a few set phrases (a closed class), its past with "was/were/had/did" or
#: a verb in -ed; a clause with neither (present, or an irregular past: "began") is "".
_FUTURE = re.compile(
    r"\b(?:will|shall|won't|(?:is|are|set|due|going|plans?|expected|scheduled)\s+to|"
    r"next|upcoming|scheduled\s+for|planned\s+for)\b",
    re.I,
)
_PAST = re.compile(r"\b(?:was|were|had|did|[a-z]{2,}ed)\b", re.I)


def _tense(before: str) -> str:
    """ "future", "past" or "" for the sentence a date ends: `before` is the paragraph's
    text up to the date; only its last sentence counts."""
    sentence = re.split(r"[.!?]\s+", before)[-1]
    if _FUTURE.search(sentence):
        return "future"
    return "past" if _PAST.search(sentence) else ""


def _year_told(
    paragraph: Paragraph, match: re.Match[str], year: int | None, published: str | None
) -> tuple[int | None, str]:
    """The year of a date printed without one, and why: the latest year printed with a
    date, unless the article's date (`published`, "YYYY-MM-DD") and the clause's tense
    put it a year either side ("opened on September 1" in an article of March)."""
    latest = "it is the latest year printed with a date in the article"
    if year is None and published:
        # no year printed anywhere: the article's date's, given or read from its lead
        year, latest = int(published[:4]), f"it is the year of the article's date {published}"
    iso = _iso(match, year)
    if year is None or iso is None or not published:
        return year, latest
    told = _tense(paragraph.text[: match.start()])
    if told == "past" and iso > published:
        return year - 1, f"told as past, it is the last one before the article's {published}"
    if told == "future" and iso < published:
        return year + 1, f"told as to come, it is the next one after the article's {published}"
    return year, latest


def _iso(match: re.Match[str], year: int | None) -> str | None:
    month = MONTHS.index(match["month"] or match["month2"]) + 1
    day = int(match["day"] or match["day2"])
    printed = match["year"] or match["year2"]
    chosen = int(printed) if printed else year
    if chosen is None:
        return None
    try:
        return calendar_date(chosen, month, day).isoformat()
    except ValueError:
        return None


def _table(array: str, record: dict[str, Any], review: list[str]) -> str:
    """One `[[array]]` table, its REVIEW line right under the header."""
    header, _, body = tomli_w.dumps({array: [record]}).partition("\n")
    return f"{header}\n{REVIEW_MARK} {', '.join(review)}\n{body}"


def _toml_number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _plain(value: Decimal) -> str:
    return str(_toml_number(value))
