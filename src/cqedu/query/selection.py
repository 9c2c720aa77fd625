"""Choosing fields and ordering records for a listing: what --fields and --sort name.

Field names are resolved by matching.Vocabulary, exactly (case and `-` for `_` aside):
scripts type them, and a guessed column is worse than an error listing the valid fields
with a did-you-mean.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from cqedu.core.errors import QueryError
from cqedu.core.matching import Vocabulary
from cqedu.facts.fields import BY_NAME, FACT_FIELDS, SEARCH_FIELD_NAMES, SORTABLE_FIELDS
from cqedu.facts.model import Fact

T = TypeVar("T")

#: The fields a search result has: the record's own, then score and matched_field.
HIT_FIELDS: tuple[str, ...] = FACT_FIELDS + SEARCH_FIELD_NAMES


def _field_names(allowed: Sequence[str], listing: str) -> Vocabulary[str]:
    """The field names a script may type, for `--fields` or `--sort`."""
    return Vocabulary("field", ((name, name, ()) for name in allowed), listing=listing)


def choose_fields(text: str, allowed: Sequence[str] = FACT_FIELDS) -> tuple[str, ...]:
    """The fields a comma-separated --fields list names, in its order, each once.

    QueryError for an empty list, a name that is not one of `allowed`, or a name given twice.
    """
    names = [part.strip() for part in text.split(",") if part.strip()]
    if not names:
        raise QueryError(
            f"--fields needs a comma-separated list of fields; valid fields: {', '.join(allowed)}"
        )
    vocabulary = _field_names(allowed, "valid fields")
    chosen = [vocabulary.resolve(name, exact=True) for name in names]
    twice = next((name for index, name in enumerate(chosen) if name in chosen[:index]), None)
    if twice is not None:
        raise QueryError(f'--fields names "{twice}" twice; name each field once')
    return tuple(chosen)


def sort_field(text: str, allowed: Sequence[str] = SORTABLE_FIELDS) -> str:
    """The field --sort names; QueryError naming the fields that can be sorted by."""
    spec = BY_NAME.get(text.strip().casefold())
    if spec is not None and spec.is_list:
        raise QueryError(
            f'cannot sort by "{spec.name}", a list; fields to sort by: {", ".join(allowed)}'
        )
    return _field_names(allowed, "fields to sort by").resolve(text, exact=True)


def _sort_key(field: str) -> Callable[[Fact], tuple[bool, object]]:
    """(empty?, value): numbers compare as numbers, text without regard to case."""
    numeric = BY_NAME[field].type in ("number", "int")

    def key(fact: Fact) -> tuple[bool, object]:
        value = getattr(fact, field)
        if value is None or value == "":
            return (True, 0 if numeric else "")
        return (False, value if numeric else str(value).casefold())

    return key


def sorted_by(
    items: Sequence[T], field: str, *, descending: bool = False, fact: Callable[[T], Fact]
) -> list[T]:
    """Items ordered by one field of their record; empty values last either way; stable."""
    key = _sort_key(field)
    present = [item for item in items if not key(fact(item))[0]]
    empty = [item for item in items if key(fact(item))[0]]
    present.sort(key=lambda item: key(fact(item))[1], reverse=descending)  # type: ignore[arg-type,return-value] # values of one field share a type
    return present + empty


def sort_facts(facts: Sequence[Fact], field: str, *, descending: bool = False) -> list[Fact]:
    """Records ordered by one field (see `sorted_by`)."""
    return sorted_by(facts, field, descending=descending, fact=lambda f: f)


def sort_programs(facts: Sequence[Fact], field: str, *, descending: bool = False) -> list[Fact]:
    """Programs ordered by one field, each keeping the figures that follow it."""
    groups: list[list[Fact]] = []
    for fact in facts:
        if fact.kind == "program" or not groups:
            groups.append([fact])
        else:
            groups[-1].append(fact)
    ordered = sorted_by(groups, field, descending=descending, fact=lambda group: group[0])
    return [fact for group in ordered for fact in group]
