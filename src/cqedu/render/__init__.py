"""Output formats: one renderer module per format, each turning results into text."""

# No `from __future__ import annotations` here: typing.NamedTuple compiles each field's
# annotation into a ForwardRef when it is a string, about 30 us a field at every start-up.
import importlib
from collections.abc import Callable
from enum import StrEnum
from typing import NamedTuple

from cqedu.facts.fields import FACT_FIELDS, SEARCH_FIELD_NAMES
from cqedu.facts.model import Fact, FactsDocument, Level, SearchHit


class OutputFormat(StrEnum):
    """The formats every query command can write."""

    TABLE = "table"
    TSV = "tsv"
    CSV = "csv"
    JSON = "json"
    JSONL = "jsonl"
    TOML = "toml"


class AnswerFormat(StrEnum):
    """The formats `ask` can write: one answer has no TOML form."""

    TABLE = "table"
    TSV = "tsv"
    CSV = "csv"
    JSON = "json"
    JSONL = "jsonl"


#: Formats that have a header row that --no-header can drop.
HEADED_FORMATS = frozenset({OutputFormat.TABLE, OutputFormat.TSV, OutputFormat.CSV})


class RenderOptions(NamedTuple):
    """How to write results."""

    header: bool = True
    """Write the header row (table, tsv, csv)."""
    color: bool = False
    """Use ANSI colour and highlighting (table only)."""
    width: int = 80
    """Columns available to a table."""
    ascii_only: bool = False
    """The output stream cannot encode non-ASCII text; escape or substitute it."""
    encoding: str = "utf-8"
    """The output stream's encoding: tables escape what it cannot hold before measuring."""


class Layout:
    """How a table arranges the records of a view (plain strings: an enum costs start-up)."""

    ROWS = "rows"
    """One row per record."""
    TREE = "tree"
    """Programs, each with the figures tied to it indented under it."""
    RECORD = "record"
    """One record as field / value lines; machine formats write one object, not a list."""
    BY_KIND = "by-kind"
    """One table per kind of record."""


class View(NamedTuple):
    """What a command shows: the fields of each row, and how a table lays them out."""

    fields: tuple[str, ...] = FACT_FIELDS
    """The fields of every row, in order (the machine formats' columns and keys)."""
    columns: tuple[str, ...] = ("figure", "name", "level", "period")
    """Table columns: field names or the composite columns of render/table.py."""
    layout: str = Layout.ROWS
    """How a table arranges the records: one of Layout's values."""
    long: bool = False
    """Tables add each record's summary and provenance."""
    chosen: bool = False
    """`fields` were chosen by --fields: tables show those fields as columns."""

    def with_fields(self, fields: tuple[str, ...] | None) -> "View":
        """This view with the fields --fields chose, or unchanged when none were."""
        if fields is None:
            return self
        return self._replace(fields=fields, chosen=True)


#: Each listing command's view. The table columns answer the command's question; the
#: machine formats write every field unless --fields chooses.
VIEWS: dict[str, View] = {
    "stats": View(columns=("figure", "name", "level", "period")),
    "programs": View(columns=("name", "fields", "figure", "level", "period"), layout=Layout.TREE),
    "partners": View(columns=("name", "country", "category", "level")),
    "search": View(
        fields=FACT_FIELDS + SEARCH_FIELD_NAMES,
        columns=("score", "kind", "name", "figure", "level", "matched_field"),
    ),
    "show": View(columns=(), layout=Layout.RECORD),
    "export": View(layout=Layout.BY_KIND),
}

#: Table columns of each kind of record in an export (one table per kind).
KIND_COLUMNS: dict[str, tuple[str, ...]] = {
    "stat": VIEWS["stats"].columns,
    "program": ("name", "fields", "figure", "level", "period"),
    "partner": VIEWS["partners"].columns,
    "event": ("date_as_written", "name", "level"),
}
#: Table columns of the kinds KIND_COLUMNS does not name.
OTHER_KIND_COLUMNS: tuple[str, ...] = ("name", "summary")


class Results(NamedTuple):
    """What a command found, ready to render."""

    facts: tuple[Fact, ...]
    """The records, in the order to show them."""
    view: View = View()
    """The fields and layout the command chose."""
    hits: tuple[SearchHit, ...] | None = None
    """Search hits parallel to `facts` (their score and matched field), or None."""
    document: FactsDocument | None = None
    """The whole knowledge base (sources, levels, countries), when a command exports it."""
    levels: tuple[Level, ...] = ()
    """The knowledge base's levels, so tables can name a record's level, not only id it."""


Renderer = Callable[[Results, RenderOptions], str]

# Format -> (module, function). Modules are imported only when their format is
# used, so a TSV answer never pays for Rich or json.
_RENDERERS: dict[OutputFormat, tuple[str, str]] = {
    OutputFormat.TABLE: ("cqedu.render.table", "render"),
    OutputFormat.TSV: ("cqedu.render.tsv", "render"),
    OutputFormat.CSV: ("cqedu.render.csvfmt", "render"),
    OutputFormat.JSON: ("cqedu.render.jsonfmt", "render"),
    OutputFormat.JSONL: ("cqedu.render.jsonfmt", "render_lines"),
    OutputFormat.TOML: ("cqedu.render.tomlfmt", "render"),
}


def renderer_for(fmt: OutputFormat) -> Renderer:
    """The function that renders `fmt`."""
    module_name, function = _RENDERERS[fmt]
    renderer: Renderer = getattr(importlib.import_module(module_name), function)
    return renderer


def render(fmt: OutputFormat, results: Results, options: RenderOptions) -> str:
    """Results as text in the given format."""
    return renderer_for(fmt)(results, options)
