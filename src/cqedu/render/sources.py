"""The sources of a knowledge base in every output format (what `cqedu sources` writes)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from cqedu.render import OutputFormat, RenderOptions
from cqedu.text import escape_controls

if TYPE_CHECKING:
    from cqedu.knowledge import SourceInfo

#: Columns of every format, in order.
SOURCE_COLUMNS: tuple[str, ...] = ("id", "title", "date", "records", "facts_file")
_HEADERS = ("Source", "Title", "Date", "Records", "Facts file")

SourceRow = dict[str, str | int]


def source_rows(sources: Sequence[SourceInfo]) -> list[SourceRow]:
    """One row per source, keyed by SOURCE_COLUMNS."""
    return [
        {
            "id": info.source.id,
            "title": info.source.title,
            "date": info.source.date,
            "records": info.records,
            "facts_file": info.facts_file,
        }
        for info in sources
    ]


def render_sources(fmt: OutputFormat, sources: Sequence[SourceInfo], options: RenderOptions) -> str:
    """The sources as text in `fmt`."""
    rows = source_rows(sources)
    if fmt is OutputFormat.TABLE:
        return _table(rows, options)
    if fmt in (OutputFormat.TSV, OutputFormat.CSV):
        return _delimited(fmt, rows, options)
    if fmt is OutputFormat.TOML:
        import tomli_w

        return tomli_w.dumps({"sources": rows})
    import json

    if fmt is OutputFormat.JSON:
        return json.dumps(rows, ensure_ascii=options.ascii_only, indent=2) + "\n"
    return "".join(
        json.dumps(row, ensure_ascii=options.ascii_only, separators=(",", ":")) + "\n"
        for row in rows
    )


def _delimited(fmt: OutputFormat, rows: list[SourceRow], options: RenderOptions) -> str:
    lines = [list(SOURCE_COLUMNS)] if options.header else []
    lines.extend([str(row[column]) for column in SOURCE_COLUMNS] for row in rows)
    if fmt is OutputFormat.TSV:
        from cqedu.render.tsv import cell

        return "".join("\t".join(cell(value) for value in line) + "\n" for line in lines)
    import csv
    import io

    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(lines)
    return buffer.getvalue()


def _table(rows: list[SourceRow], options: RenderOptions) -> str:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from cqedu.console import string_console

    table = Table(
        box=box.ASCII if options.ascii_only else box.SIMPLE_HEAD,
        show_header=options.header,
        show_edge=False,
        header_style="bold",
        pad_edge=False,
        expand=True,
    )
    for header in _HEADERS:
        table.add_column(
            header, overflow="fold", justify="right" if header == "Records" else "left"
        )
    for row in rows:
        table.add_row(*(Text(escape_controls(str(row[column]))) for column in SOURCE_COLUMNS))
    console, buffer = string_console(options.width, options.color)
    console.print(table)
    return buffer.getvalue()
