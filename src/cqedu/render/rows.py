"""Records as flat rows of named fields, the shape every machine format writes."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from operator import attrgetter

from cqedu.fields import FACT_FIELDS, SEARCH_FIELD_NAMES
from cqedu.model import Fact, SearchHit
from cqedu.render import Results

Value = str | int | float | list[str] | tuple[str, ...] | None
Row = dict[str, Value]


_fact_values = attrgetter(*FACT_FIELDS)


def values(results: Results) -> Iterator[tuple[Value, ...]]:
    """Each result as a tuple of values in `columns` order; lists stay tuples (fast path)."""
    if results.hits is not None:
        for hit in results.hits:
            yield (*_fact_values(hit.fact), hit.score, hit.matched_field)
    else:
        for fact in results.facts:
            yield _fact_values(fact)


def fact_row(fact: Fact) -> Row:
    """One record as a row; absent values are None, lists stay lists."""
    row: Row = {}
    for name in FACT_FIELDS:
        value = getattr(fact, name)
        row[name] = list(value) if isinstance(value, tuple) else value
    return row


def hit_row(hit: SearchHit) -> Row:
    """One search hit as a row: the record's fields, then score and matched_field."""
    return fact_row(hit.fact) | {"score": hit.score, "matched_field": hit.matched_field}


def columns(results: Results) -> tuple[str, ...]:
    """The column names of these results."""
    return FACT_FIELDS + SEARCH_FIELD_NAMES if results.hits is not None else FACT_FIELDS


def rows(results: Results) -> list[Row]:
    """Every result as a row."""
    if results.hits is not None:
        return [hit_row(hit) for hit in results.hits]
    return [fact_row(fact) for fact in results.facts]


LIST_SEPARATOR = "; "


def plain_text(value: Value) -> str:
    """A value as the text of a TSV or CSV cell: empty for None, lists joined with "; "."""
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return LIST_SEPARATOR.join(value)
    return number_text(value)


def number_text(value: int | float) -> str:
    """A figure as plain text: 9177, 93.5, 6400000 (no exponent, no separators)."""
    if isinstance(value, int):
        return str(value)
    text = repr(value)
    if "e" in text or "E" in text:
        text = format(Decimal(text), "f")
    return text
