"""The sources of a knowledge base in every output format (what `cqedu sources` writes)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from cqedu.render import OutputFormat, RenderOptions

if TYPE_CHECKING:
    from cqedu.store.records import SourceInfo

#: Columns of every format, in order.
SOURCE_COLUMNS: tuple[str, ...] = ("id", "title", "date", "records", "facts_file")
_HEADERS = ("Source", "Title", "Date", "Records", "Facts file")

SourceRow = dict[str, str | int]
#: Below this many columns for the title, each source is written as a block of lines.
_MIN_TITLE_WIDTH = 16


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
        # deferred for start-up: only the format asked for is imported
        import tomli_w

        return tomli_w.dumps({"sources": rows})
    # deferred for start-up: only the format asked for is imported
    import json

    if fmt is OutputFormat.JSON:
        return json.dumps(rows, ensure_ascii=options.ascii_only, indent=2) + "\n"
    return "".join(
        json.dumps(row, ensure_ascii=options.ascii_only, separators=(",", ":")) + "\n"
        for row in rows
    )


def _delimited(fmt: OutputFormat, rows: list[SourceRow], options: RenderOptions) -> str:
    """The sources as TSV or CSV rows."""
    if fmt is OutputFormat.TSV:
        # deferred for start-up: only the format asked for is imported
        from cqedu.render.tsv import write
    else:
        # deferred for start-up: only the format asked for is imported
        from cqedu.render.csvfmt import write
    cells = ([str(row[column]) for column in SOURCE_COLUMNS] for row in rows)
    return write(SOURCE_COLUMNS if options.header else None, cells)


def _table(rows: list[SourceRow], options: RenderOptions) -> str:
    # deferred for start-up: only the format asked for is imported
    from rich.cells import cell_len
    from rich.text import Text

    # deferred for start-up: only the format asked for is imported
    from cqedu.render.console import hanging, string_console, writable

    # Cells are measured as the stream will show them (escaped where it cannot encode).
    cells = [
        [writable(str(row[column]), options.encoding) for column in SOURCE_COLUMNS] for row in rows
    ]
    # Ids, dates, counts and paths are shown whole; the title takes what is left and wraps
    # between words. When too little is left, blocks of lines say the same.
    widths = [
        max([cell_len(header), *(cell_len(line[index]) for line in cells)])
        for index, header in enumerate(_HEADERS)
    ]
    gap = "  "
    title_width = options.width - len(gap) * (len(_HEADERS) - 1) - sum(widths) + widths[1]
    console, buffer = string_console(options.width, options.color)

    def wrapped(text: str, width: int) -> list[str]:
        # Between words, and a word wider than the column after its hyphens, as blocks do.
        lines = hanging(Text(text), max(width, 1), 0).plain.split("\n")
        return [line.rstrip() for line in lines] or [""]

    if title_width < min(widths[1], _MIN_TITLE_WIDTH):
        # A line too long for the width wraps with a hanging indent, deeper than the block's
        # own lines, so it never reads as the next source.
        for line in cells:
            # The count and date go beside the id when they fit, else on a line of their
            # own: wrapped after the id, "16" was left on one line and "records" on the next.
            counted = f"{line[3]} records, {line[2]}"
            head = Text(line[0], style="bold cyan")
            if cell_len(f"{line[0]}  {counted}") <= options.width:
                console.print(head.append(f"  {counted}"))
            else:
                console.print(hanging(head, options.width, 4))
                console.print(hanging(Text(f"  {counted}"), options.width, 6))
            console.print(hanging(Text("  " + line[1]), options.width, 6))
            console.print(hanging(Text("  " + line[4], style="dim"), options.width, 6))
            console.print()
        return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())
    widths[1] = min(widths[1], title_width)

    def pad(value: str, width: int, right: bool = False) -> str:
        space = " " * max(0, width - cell_len(value))
        return space + value if right else value + space

    def fitted(values: list[str], style: str = "") -> None:
        for number, title in enumerate(wrapped(values[1], widths[1])):
            shown = values if number == 0 else ["", title, "", "", ""]
            parts = [
                pad(value, width, right=index == 3)
                for index, (value, width) in enumerate(zip(shown, widths, strict=True))
            ]
            parts[1] = pad(title, widths[1])
            console.print(
                Text(gap.join(parts).rstrip(), style=style), overflow="ignore", crop=False
            )

    if options.header:
        fitted(list(_HEADERS), "bold")
        rule = "-" if options.ascii_only else "\u2500"
        console.print(rule * (sum(widths) + len(gap) * (len(_HEADERS) - 1)))
    for line in cells:
        fitted(line)
    return buffer.getvalue()
