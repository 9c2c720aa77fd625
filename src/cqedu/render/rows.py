"""Records as flat rows of the view's fields: the one row builder every format uses."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from operator import attrgetter

from cqedu.facts.fields import FACT_FIELDS
from cqedu.facts.model import Fact, SearchHit
from cqedu.render import Results

Value = str | int | float | list[str] | tuple[str, ...] | None
Row = dict[str, Value]


def _fact_getter(fields: tuple[str, ...]) -> Callable[[Fact], tuple[Value, ...]]:
    """A function giving a record's values of `fields`, always as a tuple."""
    if len(fields) == 1:
        one = attrgetter(fields[0])
        return lambda fact: (one(fact),)
    getter: Callable[[Fact], tuple[Value, ...]] = attrgetter(*fields)
    return getter


def hit_value(hit: SearchHit, name: str) -> Value:
    """One field of a search hit: the record's own, or score / matched_field."""
    if name == "score":
        return hit.score
    if name == "matched_field":
        return hit.matched_field
    value: Value = getattr(hit.fact, name)
    return value


def values(results: Results) -> Iterator[tuple[Value, ...]]:
    """Each result as a tuple of the view's field values; lists stay tuples (fast path)."""
    fields = results.view.fields
    if results.hits is not None:
        for hit in results.hits:
            yield tuple(hit_value(hit, name) for name in fields)
    else:
        get = _fact_getter(fields)
        for fact in results.facts:
            yield get(fact)


def fact_row(fact: Fact) -> Row:
    """One record as a row of every field; absent values are None, lists stay lists."""
    row: Row = {}
    for name in FACT_FIELDS:
        value = getattr(fact, name)
        row[name] = list(value) if isinstance(value, tuple) else value
    return row


def columns(results: Results) -> tuple[str, ...]:
    """The column names of these results: the view's fields."""
    return results.view.fields


def rows(results: Results) -> list[Row]:
    """Every result as a row of the view's fields, in their order; lists as lists."""
    fields = results.view.fields
    return [
        {
            name: list(value) if isinstance(value, tuple) else value
            for name, value in zip(fields, row, strict=True)
        }
        for row in values(results)
    ]


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


def plain_texts(row: tuple[Value, ...]) -> list[str]:
    """`plain_text` of each value of a row.

    The usual types are tested in line rather than through a call per value: a listing
    of many records converts every field of every one (a third of a large TSV's time).
    """
    join = LIST_SEPARATOR.join
    return [
        value
        if type(value) is str
        else ""
        if value is None
        else join(value)
        if type(value) is tuple
        else str(value)
        if type(value) is int
        else plain_text(value)
        for value in row
    ]


def number_text(value: int | float) -> str:
    """A figure as plain text: 9177, 93.5, 6400000 (no exponent, no separators)."""
    if isinstance(value, int):
        return str(value)
    text = repr(value)
    if "e" in text or "E" in text:
        from decimal import Decimal  # deferred: only huge or tiny floats need it (start-up)

        text = format(Decimal(text), "f")
    return text
