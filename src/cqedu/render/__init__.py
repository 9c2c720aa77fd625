"""Output formats: one renderer module per format, each turning results into text."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from enum import StrEnum
from typing import NamedTuple

from cqedu.model import Fact, FactsDocument, SearchHit


class OutputFormat(StrEnum):
    """The formats every query command can write."""

    TABLE = "table"
    TSV = "tsv"
    CSV = "csv"
    JSON = "json"
    JSONL = "jsonl"
    TOML = "toml"


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


class Results(NamedTuple):
    """What a command found, ready to render."""

    facts: tuple[Fact, ...]
    """The records, in the order to show them."""
    hits: tuple[SearchHit, ...] | None = None
    """Search hits parallel to `facts`, or None when the command is not a search."""
    document: FactsDocument | None = None
    """The whole knowledge base, when the command exports it."""
    detail: bool = False
    """One record shown in full (the show command)."""


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
