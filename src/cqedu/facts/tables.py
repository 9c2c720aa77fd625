"""The tables of a facts file and what each field may hold, built on the field registry.

The shape checks (shape.py), the rules across records (rules.py) and the JSON Schema for
editors (schema.py) all read these declarations: a new table or field is declared here
or in fields.py, never checked by hand.
"""

from __future__ import annotations

from typing import NamedTuple

from cqedu.facts.fields import FIELDS, TERM_FIELDS, FieldSpec
from cqedu.facts.model import KIND_TABLES, MEASURES, PARTNER_CATEGORIES

SCHEMA_VERSION = 1

#: What SQLite stores as an INTEGER: a facts file's integers must fit, or it would
#: refuse them at the first load ("Python int too large to convert to SQLite INTEGER").
INT_MIN, INT_MAX = -(2**63), 2**63 - 1

#: A slug: ids of sources, levels and records.
SLUG_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"
#: An ISO date; the loader also checks that the day exists.
DATE_PATTERN = r"\d{4}-\d{2}-\d{2}"


class Constraint(NamedTuple):
    """What a field's value must be beyond its type, by field name in every table."""

    format: str | None = None
    """"slug" or "date" for strings."""
    minimum: int | None = None
    """The least integer allowed."""
    nonempty: str | None = None
    """For a list that must not be empty: what to say when it is."""


#: Field name -> constraint, in every table that has the field.
CONSTRAINTS: dict[str, Constraint] = {
    "id": Constraint(format="slug"),
    "date": Constraint(format="date"),
    "paragraph": Constraint(minimum=1),
    "sections": Constraint(nonempty="must list at least one section heading"),
    "synonyms": Constraint(nonempty="must list at least one synonym"),
}

#: The fields that make a figure: a record gives all of them or none.
FIGURE_FIELDS: tuple[str, ...] = ("value", "unit", "as_written")
#: Fields a record of a kind must give, beyond those every record gives, and why.
KIND_REQUIRED: dict[str, tuple[tuple[str, ...], str]] = {
    "stat": (("value",), "every stat has a figure"),
    "partner": (("category", "country"), "partners need it"),
}
#: Field -> (the only kind that may give it, the values it may take).
KIND_ONLY: dict[str, tuple[str, tuple[str, ...]]] = {
    "category": ("partner", PARTNER_CATEGORIES),
}
#: Field -> the values it may take, for fields any kind gives, and only with a figure.
FIGURE_CHOICES: dict[str, tuple[str, ...]] = {
    "measure": MEASURES,
}


class TableSpec(NamedTuple):
    """One array of tables of a facts file (`[[sources]]`, `[[stats]]`, ...)."""

    name: str
    """The array's name in the file."""
    fields: tuple[FieldSpec, ...]
    """The fields its tables may hold."""
    required: bool = False
    """Whether a file must hold at least one such table."""
    kind: str | None = None
    """The record kind of a record table; None for the declarations."""
    doc: str = ""
    """What a table of it declares, for the JSON Schema."""


def _field(name: str, type_: str, doc: str, *, required: bool = True) -> FieldSpec:
    return FieldSpec(name, type_, required, name.capitalize(), doc, in_file=True, on_record=False)


SOURCES = TableSpec(
    "sources",
    (
        _field("id", "str", "slug that records name in their `source` field"),
        _field("title", "str", "a short title in our own words"),
        _field("file", "str", "file name of the article text"),
        _field("date", "str", "ISO date (YYYY-MM-DD) of the event the article reports"),
        _field("summary", "str", "one line on what the article covers"),
        _field("sections", "list", "the article's section headings, in order"),
    ),
    required=True,
    doc="An article the facts come from.",
)
LEVELS = TableSpec(
    "levels",
    (
        _field("id", "str", "slug records name in their `level` field"),
        _field("name", "str", "display name"),
        _field("aliases", "list", "other words people type for the level", required=False),
    ),
    doc="An education level that records can belong to.",
)
COUNTRIES = TableSpec(
    "countries",
    (
        _field("name", "str", "canonical name, which records name in `country`"),
        _field("aliases", "list", "short forms and other names", required=False),
    ),
    doc="A country or region that records point at.",
)
TERMS = TableSpec(
    "terms",
    TERM_FIELDS,
    doc="A word the records use and the synonyms a question may use for it (kids: children).",
)
_RECORD_FIELDS: tuple[FieldSpec, ...] = tuple(spec for spec in FIELDS if spec.in_file)
RECORD_TABLES: tuple[TableSpec, ...] = tuple(
    TableSpec(table, _RECORD_FIELDS, kind=kind, doc=f"A record of kind {kind}.")
    for table, kind in KIND_TABLES.items()
)
#: Every array of tables a facts file may hold, in the order they are checked.
TABLES: tuple[TableSpec, ...] = (SOURCES, LEVELS, COUNTRIES, TERMS, *RECORD_TABLES)
#: Every top-level key of a facts file.
TOP_LEVEL: tuple[str, ...] = ("schema", *(table.name for table in TABLES))
