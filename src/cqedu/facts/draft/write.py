"""Writing a drafted facts file: TOML from tomli-w, with a `# REVIEW:` line in every table
that lists what a person must still confirm."""

from __future__ import annotations

import re
from collections.abc import Set
from datetime import date as calendar_date
from decimal import Decimal
from typing import Any

import tomli_w

from cqedu.facts.draft.find import MONTHS, Found, find_numbers
from cqedu.facts.draft.name import name_of, period_of, slugify, unique_id, unit_of
from cqedu.facts.draft.text import ArticleText, Paragraph

#: The comment a drafted table carries until a person has confirmed it; `cqedu check`
#: reports every one left as a warning.
REVIEW_MARK = "# REVIEW:"

_DATE = re.compile(
    rf"\b(?P<month>{'|'.join(MONTHS)})\s+(?P<day>\d{{1,2}})(?:,\s+(?P<year>(?:19|20)\d\d))?\b"
    rf"|\b(?P<day2>\d{{1,2}})\s+(?P<month2>{'|'.join(MONTHS)})(?:\s+(?P<year2>(?:19|20)\d\d))?\b"
)
_HEADER = f"""\
# Drafted by `cqedu draft` from {{file}}.
# Every table with a "{REVIEW_MARK}" line still needs a person: confirm or fix what the line
# lists (names are proposals, units come from the noun after the figure, levels are yours to
# add), then delete the line. `cqedu check` warns about every "{REVIEW_MARK}" line left.
"""


def count_records(article: ArticleText) -> int:
    """How many records a draft of `article` holds: its figures and printed dates."""
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
) -> str:
    """A facts file (TOML text) for `article`: its source, one stat per figure, one event
    per printed date. `source_id` and `date` ("YYYY-MM-DD") replace what is read; the
    ids drafted avoid the record ids `taken` and the source ids `taken_sources`."""
    dates = [(p, m) for p in article.paragraphs for m in _DATE.finditer(p.text)]
    years = [int(m["year"] or m["year2"]) for _, m in dates if m["year"] or m["year2"]]
    year = max(years) if years else None
    source_review = ["title", "summary"]
    if date is None:
        lead = next((m for p, m in dates if p is article.paragraphs[0]), None)
        date = _iso(lead, year) if lead is not None else None
        if date is None:
            date = calendar_date.today().isoformat()
            source_review.append("date (none printed: today's)")
        elif not (lead and (lead["year"] or lead["year2"])):
            source_review.append("date (year inferred)")
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
        "title": article.title or f"Article {stem}",
        "file": file_name,
        "date": date,
        "summary": "One line in your own words on what the article reports.",
        "sections": list(article.sections),
    }
    parts = [_HEADER.format(file=file_name), "schema = 1\n"]
    parts.append(_table("sources", source, source_review))
    ids = set(taken)
    for paragraph in article.paragraphs:
        for found in find_numbers(paragraph.text):
            if found.kind == "figure":
                record, review = _stat(paragraph, found, ids)
                parts.append(_table("stats", record, review))
    for paragraph, match in dates:
        record, review = _event(paragraph, match, year, ids)
        parts.append(_table("events", record, review))
    return "\n".join(parts)


def _stat(paragraph: Paragraph, found: Found, taken: set[str]) -> tuple[dict[str, Any], list[str]]:
    figure = found.figure
    unit = unit_of(paragraph.text, found)
    name = name_of(paragraph.text, found, unit)
    record: dict[str, Any] = {
        "id": unique_id(name, taken),
        "name": name,
        "summary": f"{name}, as the article gives it.",
        "value": _toml_number(figure.value),
        "unit": unit,
        "as_written": found.text,
    }
    review = ["name", "summary", "unit", "level"]
    if figure.qualifier is not None:
        record["qualifier"] = figure.qualifier
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
    paragraph: Paragraph, match: re.Match[str], year: int | None, taken: set[str]
) -> tuple[dict[str, Any], list[str]]:
    written = match[0]
    name = f"Event on {written}"
    record: dict[str, Any] = {
        "id": unique_id(f"event {written}", taken),
        "name": name,
        "summary": "What happened on this date, in your own words.",
    }
    review = ["name", "summary", "level", "or delete this event"]
    iso = _iso(match, year)
    if iso is not None:
        record["date"] = iso
    record["date_as_written"] = written
    if iso is not None and not (match["year"] or match["year2"]):
        record["inference"] = (
            f"The year {year} is not printed with the date; it is the latest year"
            " printed with a date in the article."
        )
        review.append("inference")
    record |= {"section": paragraph.section, "paragraph": paragraph.number}
    return record, review


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
