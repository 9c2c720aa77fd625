"""The records of a facts file validated a column at a time, when every one of them is valid.

A large knowledge base is hundreds of thousands of records, nearly always all valid; checking
them one field at a time in Python is most of a first run. Here each field is checked for
every record of a table at once, with built-in functions that loop in C (`map`, `set`,
`min`), and a value repeated across records (a level, a section, a source) is looked up
once. The checks are the same as the shape checks and rules make (`shape.py`, `rules.py`),
in the same registry's terms; but they only say whether everything passed. At the first
doubt `bulk_facts` gives up, and the loader validates record by record, for the exact
first message: the result of a file is the same either way, only its time differs.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Mapping
from itertools import chain, repeat
from typing import Any

from cqedu.core.units import QUALIFIER_WORDS
from cqedu.facts.figures import Figure, parse_figure, same_number
from cqedu.facts.model import Fact, Source
from cqedu.facts.rules import Vocabularies, normalise_phrase
from cqedu.facts.shape import compiled_fields, is_date, search_control, slug_match
from cqedu.facts.tables import (
    CONSTRAINTS,
    FIGURE_CHOICES,
    FIGURE_FIELDS,
    KIND_ONLY,
    KIND_REQUIRED,
    RECORD_TABLES,
    Constraint,
    TableSpec,
)

#: The values whose figures are checked without the grammar when written as printed.
_PLAIN_NUMBERS = frozenset((int, float))
_LIST_FIELDS = frozenset(name for name in Fact._fields if Fact._field_defaults.get(name) == ())


def bulk_facts(
    raw: Mapping[str, Any], vocabularies: Vocabularies, *, related_elsewhere: bool
) -> list[Fact] | None:
    """Every record of a parsed facts file, in the loader's order (by table, then as
    written), when all of them are valid; None when any might not be."""
    if not vocabularies.sources:
        return None
    facts: list[Fact] = []
    for spec in RECORD_TABLES:
        tables = raw.get(spec.name)
        if tables is None:
            continue
        if type(tables) is not list or (tables and set(map(type, tables)) != {dict}):
            return None
        table_facts = _table_facts(spec, tables, vocabularies) if tables else []
        if table_facts is None:
            return None
        facts.extend(table_facts)
    if not facts or not _ids_hold(facts, related_elsewhere=related_elsewhere):
        return None
    return facts


def _table_facts(
    spec: TableSpec, tables: list[dict[str, Any]], vocabularies: Vocabularies
) -> list[Fact] | None:
    """The records of one array of tables, or None at the first doubt."""
    fields = compiled_fields(spec)
    keys: set[str] = set().union(*tables)
    if not keys <= fields.types.keys():
        return None
    if not all(map(operator.le, repeat(fields.required), map(dict.keys, tables))):
        return None
    columns: dict[str, list[Any]] = {}
    required = sorted(fields.required)
    if len(required) > 1:
        # The fields every record gives, taken in one pass over the records: a pass per
        # field walks 100,000 scattered tables a dozen times (a third slower).
        taken = zip(*map(operator.itemgetter(*required), tables), strict=True)
        columns.update(zip(required, map(list, taken), strict=True))
    for key in keys:
        column = columns.get(key) or list(map(dict.get, tables, repeat(key)))
        # TOML has no null: None is a field not given
        present = [value for value in column if value is not None] if None in column else column
        constraint = CONSTRAINTS.get(key)
        if not _column_holds(fields.types[key], fields.bounds.get(key), constraint, present):
            return None
        columns[key] = column
    kind = spec.kind or ""
    if not _rules_hold(kind, columns, len(tables), vocabularies):
        return None
    count = len(tables)
    missing: list[Any] = [None] * count
    no_items: list[Any] = [()] * count
    rows: list[Any] = []
    for name in Fact._fields:
        if name == "kind":
            rows.append(repeat(kind, count))
        elif name in _LIST_FIELDS:
            given = columns.get(name)
            rows.append(no_items if given is None else [tuple(v) if v else () for v in given])
        else:
            rows.append(columns.get(name, missing))
    # tuple.__new__ is what Fact._make calls, here without a Python call per record
    return list(map(tuple.__new__, repeat(Fact), zip(*rows, strict=True)))


def _column_holds(
    kind: str, bounds: tuple[int, int] | None, constraint: Constraint | None, present: list[Any]
) -> bool:
    """Whether every value given of one field passes its shape check (`ShapeChecker.fields`)."""
    if not present:
        return True
    types = set(map(type, present))
    if kind in {"text", "slug"}:
        return types == {str} and _clean_texts(present, slug=kind == "slug")
    if kind == "str":  # a string with a constraint beyond the quick ones: dates only here
        date = constraint is not None and constraint.format == "date"
        return date and types == {str} and _clean_texts(present, date=True)
    if kind == "list":
        nonempty = constraint is not None and constraint.nonempty is not None
        return types == {list} and (not nonempty or all(present)) and _lists_hold(present)
    if kind in {"int", "number"} and bounds is not None:
        allowed = {int, float} if kind == "number" else {int}
        return types <= allowed and _numbers_hold(bounds, present, floats=float in types)
    return False


def _lists_hold(lists: list[list[Any]]) -> bool:
    """Whether lists hold clean text only, each item once in its list."""
    items = list(chain.from_iterable(lists))
    if items and (set(map(type, items)) != {str} or not _clean_texts(items)):
        return False
    return list(map(len, map(set, lists))) == list(map(len, lists))


def _numbers_hold(bounds: tuple[int, int], numbers: list[Any], *, floats: bool) -> bool:
    """Whether integers are within `bounds`, and floats finite and not negative zero."""
    integers = [value for value in numbers if type(value) is int] if floats else numbers
    if integers and not bounds[0] <= min(integers) <= max(integers) <= bounds[1]:
        return False
    if not floats:
        return True
    real = [value for value in numbers if type(value) is float]
    return all(map(math.isfinite, real)) and not any(
        value == 0 and math.copysign(1.0, value) < 0 for value in real
    )


def _clean_texts(texts: list[str], *, slug: bool = False, date: bool = False) -> bool:
    """Whether strings are clean text (non-empty, trimmed, no control characters), and
    slugs or dates when asked."""
    if slug:
        return all(map(slug_match, texts))  # a slug is clean text too
    if not all(texts) or list(map(str.strip, texts)) != texts:
        return False
    # isprintable is the quick test; the pattern then lets harmless characters through
    if not all(map(str.isprintable, texts)) and any(map(search_control, texts)):
        return False
    return not date or all(map(is_date, texts))


def _rules_hold(
    kind: str, columns: dict[str, list[Any]], count: int, vocabularies: Vocabularies
) -> bool:
    """Whether every record meets the rules (`RecordRules`); resolves `source`, `level`
    and `country` in `columns` to the ids and names records are stored by."""
    if not _kind_fields_hold(kind, columns) or not _figures_hold(columns, count):
        return False
    sources = _sources(vocabularies, columns.get("source"), columns["section"])
    if sources is None:
        return False
    columns["source"] = sources
    names = {"level": vocabularies.level_names, "country": vocabularies.country_names}
    for key, known in names.items():
        if key in columns:
            found = {
                name: known.get(normalise_phrase(name)) if name is not None else None
                for name in set(columns[key])
            }
            if any(found[name] is None for name in found if name is not None):
                return False
            columns[key] = list(map(found.__getitem__, columns[key]))
    return True


def _kind_fields_hold(kind: str, columns: dict[str, list[Any]]) -> bool:
    """Fields a kind must give, fields only one kind gives, and the choices of fields that
    qualify a figure (`check_kind_fields`, `check_figure_choices`)."""
    required, _ = KIND_REQUIRED.get(kind, ((), ""))
    if any(None in columns.get(key, (None,)) for key in required):
        return False
    for key, (only, choices) in KIND_ONLY.items():
        if key in columns and (kind != only or not set(columns[key]) <= {None, *choices}):
            return False
    value = columns.get("value")
    for key, choices in FIGURE_CHOICES.items():
        if key not in columns:
            continue
        if value is None or not set(columns[key]) <= {None, *choices}:
            return False
        given = [v is not None for v in columns[key]]
        if any(map(operator.gt, given, map(operator.is_not, value, repeat(None)))):
            return False
    return True


def _sources(
    vocabularies: Vocabularies, named: list[str | None] | None, sections: list[str]
) -> list[str] | None:
    """Each record's source id, when every record names a known source (or there is one
    to take) and cites one of its sections; else None."""
    by_id: dict[str | None, Source] = {source.id: source for source in vocabularies.sources}
    if len(vocabularies.sources) == 1:
        by_id[None] = vocabularies.sources[0]
    pairs = set(zip(named or repeat(None), sections, strict=False))
    for name, section in pairs:
        source = by_id.get(name)
        if source is None or section not in source.sections:
            return None
    ids = {name: source.id for name, source in by_id.items()}
    return [ids[name] for name in named] if named is not None else [ids[None]] * len(sections)


def _figures_hold(columns: dict[str, list[Any]], count: int) -> bool:
    """Whether every figure is whole and its written form agrees with its value, qualifier
    and unit (`rules.check_figure`); each written form is read once."""
    given = [columns.get(key) for key in FIGURE_FIELDS]
    qualifiers = columns.get("qualifier")
    if all(column is None for column in given):
        return qualifiers is None or set(qualifiers) == {None}
    if any(column is None for column in given):
        return False
    values, units, written = given
    assert values is not None and units is not None and written is not None
    read: dict[str, Figure | None] = {}
    for value, unit, as_written, qualifier in zip(
        values, units, written, qualifiers or repeat(None), strict=False
    ):
        if value is None:
            if unit is not None or as_written is not None or qualifier is not None:
                return False
            continue
        if unit is None or as_written is None:
            return False
        # The common figure, its value as Python prints it (a whole number perhaps with
        # thousands separators, a percentage with its sign), perhaps after a qualifier
        # ("over 8,000", "93.5%"), checked as `parse_figure` reads it; any other is read
        # by the grammar.
        head, _, numeral = as_written.rpartition(" ")
        if (
            type(value) in _PLAIN_NUMBERS
            and value >= 0
            and (qualifier is None if not head else head.lower() == qualifier in QUALIFIER_WORDS)
        ):
            shown = repr(value)
            if unit == "percent":
                if numeral == f"{shown}%" and shown.replace(".", "", 1).isdigit():
                    continue
            elif type(value) is int and numeral in (shown, f"{value:,}"):
                continue
        figure = read.get(as_written)
        if figure is None:
            figure = read[as_written] = parse_figure(as_written)
        if (
            figure is None
            or not same_number(figure.value, value)
            or figure.qualifier != qualifier
            or figure.percent != (unit == "percent")
        ):
            return False
    return True


def _ids_hold(facts: list[Fact], *, related_elsewhere: bool) -> bool:
    """Whether ids are used once and `related` ids name another record (`check_ids`)."""
    ids = [fact.id for fact in facts]
    known = set(ids)
    if len(known) < len(ids):
        return False
    related = [fact.related for fact in facts]
    if any(map(operator.contains, related, ids)):
        return False
    return related_elsewhere or set(chain.from_iterable(related)) <= known
