"""Rich tables for people: figures right-aligned, percentages drawn as bars."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich import box
from rich.table import Table
from rich.text import Text

from cqedu.console import string_console
from cqedu.fields import FACT_FIELDS
from cqedu.model import Fact, SearchHit
from cqedu.render import RenderOptions, Results
from cqedu.render.rows import fact_row, plain_text
from cqedu.text import escape_controls, word_spans
from cqedu.wording import figure_text, where

if TYPE_CHECKING:
    from rich.console import RenderableType

#: Below this width a table cannot fit; each record is written as a block instead.
NARROW_WIDTH = 60
BAR_CELLS = 10
_HIGHLIGHT = "bold black on yellow"


def _text(value: str, style: str = "") -> Text:
    return Text(escape_controls(value), style=style)


def _highlighted(value: str, matched: frozenset[str], style: str = "") -> Text:
    text = _text(value, style)
    if matched and text.plain == value:  # spans are only valid when nothing was escaped
        for start, end, word in word_spans(value):
            if word in matched:
                text.stylize(_HIGHLIGHT, start, end)
    return text


def bar(fact: Fact, ascii_only: bool) -> str:
    """A ten-cell bar for a percentage, so levels compare at a glance."""
    if fact.unit != "percent" or fact.value is None:
        return ""
    filled = max(0, min(BAR_CELLS, round(float(fact.value) / 100 * BAR_CELLS)))
    full, empty = ("#", "-") if ascii_only else ("\u2588", "\u2591")
    return full * filled + empty * (BAR_CELLS - filled)


def _record_cell(fact: Fact, matched: frozenset[str], ascii_only: bool) -> Text:
    """Id, name, summary and provenance of a record, one above the other."""
    dot = "-" if ascii_only else "\u00b7"
    cell = _text(fact.id, "cyan")
    cell.append("\n")
    cell.append_text(_highlighted(fact.name, matched, "bold"))
    cell.append("\n")
    cell.append_text(_highlighted(fact.summary, matched))
    cell.append("\n")
    cell.append_text(_text(f"{fact.kind} {dot} {where(fact, ascii_only)}", "dim"))
    return cell


def _table(options: RenderOptions, leading: int = 0) -> Table:
    return Table(
        box=box.ASCII if options.ascii_only else box.SIMPLE_HEAD,
        show_header=options.header,
        show_edge=False,
        header_style="bold",
        pad_edge=False,
        leading=leading,
    )


def _wide(results: Results, options: RenderOptions) -> Table:
    percent = any(f.unit == "percent" for f in results.facts)
    table = _table(options, leading=1)
    table.expand = True
    if results.hits is not None:
        table.add_column("Score", justify="right", no_wrap=True)
    table.add_column("Record", overflow="fold", ratio=4, min_width=16)
    table.add_column("Figure", justify="right", overflow="fold", ratio=1, min_width=8)
    table.add_column("Level", overflow="fold", ratio=1, min_width=9)
    if percent:
        table.add_column("Share", no_wrap=True, min_width=BAR_CELLS)
    hits: tuple[SearchHit | None, ...] = results.hits or (None,) * len(results.facts)
    for fact, hit in zip(results.facts, hits, strict=True):
        matched = hit.matched_words if hit is not None and options.color else frozenset()
        cells: list[RenderableType] = []
        if hit is not None:
            cells.append(Text(f"{hit.score:.1f}"))
        cells.append(_record_cell(fact, matched, options.ascii_only))
        cells.append(_text(figure_text(fact), "bold"))
        # Spaces, not hyphens, so a narrow column wraps between words.
        cells.append(_text((fact.level or "").replace("-", " ")))
        if percent:
            cells.append(Text(bar(fact, options.ascii_only), style="green"))
        table.add_row(*cells)
    return table


def _block(fact: Fact, hit: SearchHit | None, options: RenderOptions) -> RenderableType:
    """One record as a block of lines, for terminals too narrow for a table."""
    from rich.console import Group
    from rich.padding import Padding

    matched = hit.matched_words if hit is not None and options.color else frozenset()
    head = _text(fact.id, "bold cyan")
    if hit is not None:
        head.append(f"  score {hit.score:.1f}")
    body = _highlighted(fact.name, matched, "bold")
    figure = figure_text(fact)
    if figure:
        body.append("\n")
        body.append_text(_text(figure, "bold"))
        shown = bar(fact, options.ascii_only)
        if shown:
            body.append(" " + shown, style="green")
    if fact.level:
        body.append("\nlevel: ")
        body.append_text(_text(fact.level))
    body.append("\n")
    body.append_text(_text(where(fact, options.ascii_only), "dim"))
    return Group(head, Padding(body, (0, 0, 1, 2)))


def _detail(fact: Fact, options: RenderOptions) -> Table:
    table = _table(options)
    table.add_column("Field", style="cyan", no_wrap=True)
    table.add_column("Value", overflow="fold")
    row = fact_row(fact)
    for name in FACT_FIELDS:
        value = row[name]
        if value is None or value == []:
            continue
        shown = plain_text(value)
        table.add_row(name, _text(shown))
    if fact.unit == "percent":
        table.add_row("share", Text(bar(fact, options.ascii_only), style="green"))
    return table


def render(results: Results, options: RenderOptions) -> str:
    """Results as a Rich table (or blocks of lines when the width is too small)."""
    console, buffer = string_console(options.width, options.color)
    if results.detail and len(results.facts) == 1:
        console.print(_detail(results.facts[0], options))
    elif options.width < NARROW_WIDTH:
        hits: tuple[SearchHit | None, ...] = results.hits or (None,) * len(results.facts)
        for fact, hit in zip(results.facts, hits, strict=True):
            console.print(_block(fact, hit, options))
    else:
        console.print(_wide(results, options))
    return buffer.getvalue()
