"""Shape checks of a parsed facts file: the type and form of every table and field.

Everything here is read from the declarations in tables.py (and so from the field
registry): which arrays of tables a file holds, which fields each table may and must
give, their types, and the constraints on their values.
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

from cqedu.core.matching import did_you_mean
from cqedu.core.text import CONTROL_CHARACTERS as _CONTROL
from cqedu.facts.problems import LocatedError, Reporter, name_of, show
from cqedu.facts.tables import (
    CONSTRAINTS,
    DATE_PATTERN,
    INT_MAX,
    INT_MIN,
    SCHEMA_VERSION,
    SLUG_PATTERN,
    TOP_LEVEL,
    Constraint,
    TableSpec,
)

_SLUG = re.compile(SLUG_PATTERN)
_ISO_DATE = re.compile(DATE_PATTERN)
_TYPE_NAMES = {
    "str": "a string",
    "int": "an integer",
    "number": "a number",
    "list": "a list of strings",
}


class Row(NamedTuple):
    """One table of an array of tables, as far as its shape allows."""

    where: str
    """The table in messages: `stats[3] (id "x")`."""
    values: dict[str, Any]
    """Its fields that passed their checks (lists as tuples)."""
    refused: frozenset[str]
    """Its fields that are given but did not pass: rules that need them are not tried."""
    faulty: bool
    """Whether any of its fields, or a missing or unknown one, was reported."""


class _Fields(NamedTuple):
    """A table's fields as the checks use them, computed once per TableSpec."""

    types: dict[str, str]
    required: frozenset[str]
    names: list[str]
    bounds: dict[str, tuple[int, int]]
    """The range of each integer or number field's integers."""


_COMPILED: dict[TableSpec, _Fields] = {}
_NONE: frozenset[str] = frozenset()
#: Quick tests this module and the column-wise checks (bulk.py) share.
search_control = _CONTROL.search
slug_match = _SLUG.fullmatch
_isfinite = math.isfinite


def compiled_fields(spec: TableSpec) -> _Fields:
    """The fields of a table as the checks use them (computed once per TableSpec)."""
    found = _COMPILED.get(spec)
    if found is None:
        found = _Fields(
            # "text" and "slug": strings checked inline (a slug is clean text too).
            {field.name: _fast_kind(field.name, field.type) for field in spec.fields},
            frozenset(field.name for field in spec.fields if field.required),
            [field.name for field in spec.fields],
            {
                field.name: (_minimum(field.name), INT_MAX)
                for field in spec.fields
                if field.type in {"int", "number"}
            },
        )
        _COMPILED[spec] = found
    return found


class ShapeChecker:
    """Checks the shape of a parsed facts file, reporting each fault to a Reporter."""

    def __init__(self, reporter: Reporter) -> None:
        self.reporter = reporter
        self.fail = reporter.fail
        self.values = ValueChecker(reporter.fail)

    def top_level(self, raw: Mapping[str, Any]) -> None:
        """Unknown top-level keys and the schema version."""
        for key in raw:
            if key not in TOP_LEVEL:
                self.reporter.report(
                    self.fail(name_of(key), f"unknown table{did_you_mean(key, TOP_LEVEL)}")
                )
        schema = raw.get("schema")
        if "schema" not in raw:
            self.reporter.report(
                self.fail("schema", 'missing; a facts file starts with "schema = 1"')
            )
        elif type(schema) is not int or schema != SCHEMA_VERSION:
            self.reporter.report(
                self.fail("schema", f"expected {SCHEMA_VERSION}, got {show(schema)}")
            )

    def listing(self, raw: Mapping[str, Any], spec: TableSpec) -> list[tuple[str, dict[str, Any]]]:
        """(where, table) for each table of the array `spec` names; [] after a fault."""
        name = spec.name
        value = raw.get(name)
        fault: LocatedError | None = None
        if value is None or (spec.required and value == []):
            if spec.required:
                fault = self.fail(name, f"missing; add at least one [[{name}]] table")
        elif not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            fault = self.fail(name, f"expected an array of tables ([[{name}]]), got {show(value)}")
        if fault is not None:
            self.reporter.report(fault)
        if fault is not None or not value:
            return []
        tables: list[tuple[str, dict[str, Any]]] = []
        for index, item in enumerate(value):
            key = next((k for k in ("id", "name", "term") if k in item), "id")
            ident = item.get(key)
            where = f"{name}[{index}]"
            if isinstance(ident, str):
                where += f' ({key} "{name_of(ident)}")'
            tables.append((where, item))
        return tables

    def fields(  # noqa: PLR0912 - one inline branch per value type: it runs for every field
        self, where: str, table: Mapping[str, Any], spec: TableSpec
    ) -> Row:
        """The fields of one table, each checked against its declaration."""
        compiled = compiled_fields(spec)
        types = compiled.types
        values: dict[str, Any] = {}
        refused: list[str] = []
        faulty = False
        for key, value in table.items():
            kind = types.get(key)
            if kind is None:
                suggestion = did_you_mean(key, compiled.names)
                self.reporter.report(
                    self.fail(f"{where}: {name_of(key)}", f"unknown field{suggestion}")
                )
                faulty = True
                continue
            # The common cases inline: this runs for every field of every record.
            value_type = type(value)
            if value_type is str:
                if kind == "text":
                    if value and value.strip() == value and _printable(value):
                        values[key] = value
                        continue
                elif kind == "slug" and slug_match(value):
                    values[key] = value
                    continue
            elif value_type is list:
                # an empty list goes the slow way, which knows the lists that must hold one
                if kind == "list" and value and _clean_list(value):
                    values[key] = tuple(value)
                    continue
            elif value_type is int:
                bounds = compiled.bounds.get(key)
                if bounds is not None and bounds[0] <= value <= bounds[1]:
                    values[key] = value
                    continue
            elif value_type is float and kind == "number" and value and _isfinite(value):
                values[key] = value
                continue
            try:
                values[key] = self.values.typed(f"{where}: {key}", key, kind, value)
            except LocatedError as fault:
                self.reporter.report(fault)
                refused.append(key)
                faulty = True
        if not compiled.required <= table.keys():
            for key in compiled.names:
                if key in compiled.required and key not in table:
                    self.reporter.report(self.fail(f"{where}: {key}", "missing required field"))
            faulty = True
        return Row(where, values, frozenset(refused) if refused else _NONE, faulty)


class ValueChecker:
    """Checks one value against its field's type and constraint."""

    def __init__(self, fail: Callable[[str, str], LocatedError]) -> None:
        self.fail = fail

    def typed(self, where: str, key: str, kind: str, value: Any) -> Any:
        """`value` checked as a `kind` and against the constraint of `key`."""
        typed: Any = None
        if kind in {"text", "slug"}:
            kind = "str"
        if isinstance(value, bool):
            pass  # TOML booleans are ints to Python, never numbers to us
        elif kind == "str" and isinstance(value, str):
            typed = self._text(where, value)
        elif kind == "list" and isinstance(value, list) and all(isinstance(v, str) for v in value):
            typed = self._list(where, value)
        elif kind in {"int", "number"} and isinstance(value, int):
            if not INT_MIN <= value <= INT_MAX:
                raise self.fail(
                    where, f"{show(value)} is out of range; integers go from {INT_MIN} to {INT_MAX}"
                )
            typed = value
        elif kind == "number" and isinstance(value, float):
            typed = self._float(where, value)
        if typed is None:
            raise self.fail(where, f"expected {_TYPE_NAMES[kind]}, got {show(value)}")
        constraint = CONSTRAINTS.get(key)
        if constraint is not None:
            self._constrained(where, constraint, typed)
        return typed

    def _constrained(self, where: str, constraint: Constraint, typed: Any) -> None:
        """Refuse a typed value that breaks its field's constraint."""
        if constraint.format == "slug" and not _SLUG.fullmatch(typed):
            raise self.fail(
                where,
                f'"{typed}" is not a slug; use lowercase letters, digits and single hyphens',
            )
        if constraint.format == "date" and not is_date(typed):
            raise self.fail(where, f'expected a date as "YYYY-MM-DD", got "{typed}"')
        if constraint.minimum is not None and typed < constraint.minimum:
            raise self.fail(where, f"expected {constraint.minimum} or more, got {typed}")
        if constraint.nonempty is not None and not typed:
            raise self.fail(where, constraint.nonempty)

    def _float(self, where: str, value: float) -> float:
        if not math.isfinite(value):
            # 1e400 reads as inf too: say so, or the file's text and the message disagree
            hint = " (a number past 1.8e308 is infinite)" if math.isinf(value) else ""
            raise self.fail(where, f"expected a finite number, got {value}{hint}")
        if value == 0 and math.copysign(1.0, value) < 0:
            raise self.fail(where, "-0.0 is negative zero; write 0")
        return value

    def _list(self, where: str, value: list[str]) -> tuple[str, ...]:
        items = tuple(
            v if _clean(v) else self._text(f"{where}[{i}]", v) for i, v in enumerate(value)
        )
        if len(set(items)) != len(items):
            twice = sorted({v for v in items if items.count(v) > 1})[0]
            raise self.fail(where, f'"{twice}" is listed twice')
        return items

    def _text(self, where: str, value: str) -> str:
        if not value.strip():
            raise self.fail(where, "must not be empty")
        control = _CONTROL.search(value)
        if control:
            raise self.fail(
                where, f"contains control character U+{ord(control.group()):04X}; remove it"
            )
        if value != value.strip():
            raise self.fail(where, "has leading or trailing spaces; remove them")
        return value


def _clean(text: str) -> bool:
    """Whether a string passes every text check (non-empty, trimmed, no control characters)."""
    return bool(text) and text == text.strip() and _printable(text)


def _clean_list(items: list[Any]) -> bool:
    """Whether a list holds clean text only, each once."""
    for item in items:
        if type(item) is not str or not item or item.strip() != item or not _printable(item):
            return False
    return len(set(items)) == len(items)


def _minimum(name: str) -> int:
    constraint = CONSTRAINTS.get(name)
    return INT_MIN if constraint is None or constraint.minimum is None else constraint.minimum


def _printable(text: str) -> bool:
    """Whether a string holds no control character."""
    # isprintable is the quick test: it is also False for some harmless characters
    # (no-break spaces, format characters), which the pattern then lets through.
    return text.isprintable() or search_control(text) is None


def _fast_kind(name: str, type_: str) -> str:
    """The kind the inline checks know a field by: "text", "slug", or its type."""
    if type_ == "str" and name not in CONSTRAINTS:
        return "text"
    if type_ == "str" and CONSTRAINTS[name].format == "slug":
        return "slug"
    return type_


def is_date(value: str) -> bool:
    """Whether a string is an ISO date (YYYY-MM-DD) of a day that exists."""
    if _ISO_DATE.fullmatch(value) is None:
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True
