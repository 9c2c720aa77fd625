"""An answer written out: its one line, a small Rich view, or its record in a machine format."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cqedu.query.wording import (
    COUNTRIES,
    DATE,
    FIGURE,
    NAME,
    PLACE,
    PLACES,
    answer_line,
    figure_text,
    place_of,
)
from cqedu.render import AnswerFormat, OutputFormat, RenderOptions

if TYPE_CHECKING:
    from cqedu.ask.question import Answer
    from cqedu.facts.model import Fact

# cqedu.render.rows (and the decimal module behind it) is imported only by the formats
# that write records: the answer line alone, a pipe's default, does without.

#: Related records the terminal view shows at most.
MAX_RELATED = 3
#: The column `-f tsv` and `-f csv` add after the record's own.
ANSWER_COLUMN = "answer"
#: Formats an answer can be written in (the record and its answer line).
ANSWER_FORMATS = frozenset(OutputFormat(fmt) for fmt in AnswerFormat)


def answer_text(answer: Answer, ascii_only: bool = False) -> str:
    """The answer line, with "para" for the pilcrow when the stream cannot write it."""
    if not ascii_only:
        return answer.text
    return answer_line(answer.kind, answer.named, ascii_only, sources=answer.sources)


def _others(answer: Answer) -> list[Fact]:
    """The related records the answer does not name: a list's other members are in the
    answer already, so every view shows them once."""
    return [fact for fact in answer.related if fact not in answer.named]


def answer_object(answer: Answer) -> dict[str, object]:
    """The answer as JSON writes it: the question, the answer line, its first record,
    every record the line names (`named`, `record` first: a list's members, each
    source's figure) and the related records it does not name."""
    # deferred for start-up: only the format asked for is imported
    from cqedu.render.rows import Row, fact_row

    named: list[Row] = [fact_row(fact) for fact in answer.named]
    related: list[Row] = [fact_row(fact) for fact in _others(answer)]
    return {
        "question": answer.question,
        "answer": answer.text,
        "record": named[0],
        "named": named,
        "related": related,
    }


def headline(answer: Answer) -> str:
    """What the answer gives in a few words, shown large: the figure, date or names."""
    fact = answer.record
    if answer.kind == FIGURE and fact.as_written:
        return fact.as_written
    if answer.kind == DATE and fact.date_as_written:
        return fact.date_as_written
    if answer.kind == COUNTRIES:
        return ", ".join(dict.fromkeys(f.country for f in answer.named if f.country))
    if answer.kind == PLACE:
        return place_of(fact) or fact.name
    if answer.kind in (PLACES, NAME):
        return ", ".join(f.name for f in answer.named)
    return fact.name


def _delimited(answer: Answer, options: RenderOptions, csv_format: bool) -> str:
    """One CSV or TSV row for each record the answer names (a list's members, each
    source's figure), in the answer's order: the record's columns, then the answer line."""
    # deferred for start-up: only the format asked for is imported
    from cqedu.facts.fields import FACT_FIELDS
    from cqedu.render.rows import fact_row, plain_text

    if csv_format:
        # deferred for start-up: only the format asked for is imported
        from cqedu.render.csvfmt import write
    else:
        # deferred for start-up: only the format asked for is imported
        from cqedu.render.tsv import write
    line = answer_text(answer, options.ascii_only)
    rows = [fact_row(fact) for fact in answer.named]
    table = [[*(plain_text(row[name]) for name in FACT_FIELDS), line] for row in rows]
    return write([*FACT_FIELDS, ANSWER_COLUMN] if options.header else None, table)


#: Spaces between the columns of the related records' grid.
GRID_GAP = 2


def _view(answer: Answer, options: RenderOptions) -> str:
    """The terminal view: a figure or date large, the answer line once, up to three related.

    No word or id is ever split: a line wraps between words. The related records are a
    grid of id, figure and name when every row fits the width on one line; otherwise each
    is its id on one line and its name and figure under it (a grid squeezed into a narrow
    name column would stack a name one word per line).
    """
    # deferred for start-up: only the format asked for is imported
    from rich.cells import cell_len
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    # deferred for start-up: only the format asked for is imported
    from cqedu.render.console import string_console, writable

    def escape_controls(text: str) -> str:
        # Measured as the stream will show it: escaped where its encoding cannot hold it.
        return writable(text, options.encoding)

    console, buffer = string_console(options.width, options.color)
    if answer.kind in (FIGURE, DATE) and len(answer.named) == 1:
        console.print(Text(escape_controls(headline(answer)), style="bold green"))
    console.print(Text(escape_controls(answer_text(answer, options.ascii_only))))
    related = _others(answer)[:MAX_RELATED]
    if related:
        console.print()
        console.print(Text("Related", style="bold"))
        rows = [
            (
                escape_controls(fact.id),
                escape_controls(figure_text(fact)),
                escape_controls(fact.name),
            )
            for fact in related
        ]
        widths = [max(cell_len(row[column]) for row in rows) for column in range(3)]
        gaps = GRID_GAP * (2 if widths[1] else 1)
        if sum(widths) + gaps <= console.width:
            grid = Table.grid(padding=(0, GRID_GAP))
            grid.add_column(style="cyan", no_wrap=True)
            grid.add_column(justify="right", no_wrap=True)
            grid.add_column(no_wrap=True)
            for record_id, figure, name in rows:
                grid.add_row(Text(record_id), Text(figure, style="bold"), Text(name))
            console.print(grid)
        else:
            for record_id, figure, name in rows:
                # soft wrap: an id wider than the screen is printed whole (the terminal
                # wraps it), never cut short nor split at a width of our choosing
                console.print(Text(record_id, style="cyan"), soft_wrap=True)
                # name first: a figure's unit run into the name read as one phrase
                shown = f"{name}: {figure}" if figure else name
                console.print(Padding(Text(shown), (0, 0, 0, 2), expand=False))
    # Wrapping leaves the space it broke at, and padding fills to the width: a line's
    # trailing spaces are noise in a pipe or a diff, never meaning.
    return "\n".join(line.rstrip(" ") for line in buffer.getvalue().split("\n"))


def render_answer(fmt: OutputFormat | None, answer: Answer, options: RenderOptions) -> str:
    """The answer as text: its line alone when `fmt` is None, else in that format.

    `fmt` must be one of ANSWER_FORMATS or None.
    """
    if fmt is None:
        return answer_text(answer, options.ascii_only) + "\n"
    if fmt is OutputFormat.TABLE:
        return _view(answer, options)
    if fmt in (OutputFormat.TSV, OutputFormat.CSV):
        return _delimited(answer, options, csv_format=fmt is OutputFormat.CSV)
    # deferred for start-up: only the format asked for is imported
    import json

    if fmt is OutputFormat.JSONL:
        compact = json.dumps(
            answer_object(answer), ensure_ascii=options.ascii_only, separators=(",", ":")
        )
        return compact + "\n"
    return json.dumps(answer_object(answer), ensure_ascii=options.ascii_only, indent=2) + "\n"
