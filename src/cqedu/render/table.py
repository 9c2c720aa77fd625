"""Rich tables for people: one design per command, fitted so no word is ever split.

Each column's narrowest width is its longest word and its widest its longest line; the
columns share the terminal's width from there, and when even the narrowest widths do
not fit, every record becomes a block of lines with the same information.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from rich import box
from rich.cells import cell_len
from rich.table import Table
from rich.text import Text

from cqedu.core.text import word_spans
from cqedu.facts.fields import BY_NAME
from cqedu.facts.model import TABLE_OF_KIND, Fact, SearchHit
from cqedu.query.wording import figure_text, where
from cqedu.render import KIND_COLUMNS, OTHER_KIND_COLUMNS, Layout, RenderOptions, Results
from cqedu.render.console import hanging, string_console, writable
from cqedu.render.rows import Value, hit_value, plain_text

if TYPE_CHECKING:
    from rich.console import Console, JustifyMethod

#: Below this width a table is never tried; each record is written as a block instead.
NARROW_WIDTH = 60
BAR_CELLS = 10
#: Columns between two table columns: padding, divider, padding.
COLUMN_GAP = 3
#: A figure column grows no wider than this, so names keep the room.
FIGURE_CAP = 24
_HIGHLIGHT = "bold black on yellow"


def _text(value: str, encoding: str, style: str = "") -> Text:
    """A cell's text as the stream will show it (escaped), so it is measured as shown."""
    return Text(writable(value, encoding), style=style)


def _highlighted(value: str, matched: frozenset[str], encoding: str, style: str = "") -> Text:
    text = _text(value, encoding, style)
    if matched and text.plain == value:  # spans are only valid when nothing was escaped
        for start, end, word in word_spans(value):
            if word in matched:
                text.stylize(_HIGHLIGHT, start, end)
    return text


def bar(fact: Fact, ascii_only: bool) -> str:
    """A ten-cell bar for a share of a whole, so levels compare at a glance; none for any
    other figure, a rank band ("top 1%") included."""
    if not fact.is_share or fact.value is None:
        return ""
    filled = max(0, min(BAR_CELLS, round(float(fact.value) / 100 * BAR_CELLS)))
    full, empty = ("#", "-") if ascii_only else ("\u2588", "\u2591")
    return full * filled + empty * (BAR_CELLS - filled)


class _Row(NamedTuple):
    """One record to show, with what its cells need."""

    fact: Fact
    hit: SearchHit | None
    child: bool
    """A figure shown under its program (the tree layout)."""


class _Context(NamedTuple):
    """What every cell of one table needs to know."""

    options: RenderOptions
    long: bool
    chosen: bool
    """The columns are the fields --fields chose: keep them all."""
    matched: Callable[[_Row], frozenset[str]]
    level_names: dict[str, str]
    """Each level's name by its id."""


# ---------------------------------------------------------------- cells


def _figure_cell(row: _Row, ctx: _Context) -> Text:
    shown = bar(row.fact, ctx.options.ascii_only)
    cell = Text(shown + " ", style="green") if shown else Text()
    cell.append_text(_text(figure_text(row.fact), ctx.options.encoding, "bold"))
    return cell


def _figure_fitted(row: _Row, cell: Text, width: int) -> Text:
    """The figure cell with its bar on a line of its own when the bar would otherwise
    push part of the figure as written ("more than 70%") onto the next line."""
    if not bar(row.fact, False) or cell_len(cell.plain) <= width:
        return cell
    return Text("\n").join([cell[:BAR_CELLS], cell[BAR_CELLS + 1 :]])


def _child_mark(ascii_only: bool) -> str:
    return "`- " if ascii_only else "\u2514 "


#: How far the lines of a name cell after its first are indented when minor columns are
#: folded under it: only a record's first line starts at the column's edge, so a record
#: never reads as part of the one above (and needs no blank line to keep it apart).
NAME_HANG = 2


def _child_hang(row: _Row, ctx: _Context) -> int:
    """A figure under its program keeps every line under its text, right of the mark."""
    return len(_child_mark(ctx.options.ascii_only)) if row.child else 0


def _folded_hang(row: _Row, ctx: _Context) -> int:
    """In a name cell with folded lines, every line after the first is indented."""
    return _child_hang(row, ctx) or NAME_HANG


def _name_cell(row: _Row, ctx: _Context) -> Text:
    """Name then id (dim) on one line when they fit; --long adds summary and provenance."""
    fact = row.fact
    matched = ctx.matched(row)
    cell = Text()
    if row.child:
        cell.append(_child_mark(ctx.options.ascii_only), style="dim")
    encoding = ctx.options.encoding
    cell.append_text(_highlighted(fact.name, matched, encoding, "bold"))
    cell.append("  ")
    cell.append_text(_text(fact.id, encoding, "dim cyan"))
    if ctx.long:
        cell.append("\n")
        cell.append_text(_highlighted(fact.summary, matched, encoding))
        cell.append("\n")
        cell.append_text(_text(where(fact, ctx.options.ascii_only), encoding, "dim"))
    return cell


def _says_its_name(level: str, name: str) -> bool:
    """Whether a level's id is its name but for case and hyphens ("system-wide" for
    "System-wide"), so showing the id tells the reader the name."""
    return name.casefold().replace("-", " ") == level.replace("-", " ")


def _level_cell(row: _Row, ctx: _Context) -> Text:
    """The level id with spaces for hyphens, so a narrow column wraps between its words;
    its name when the id does not say it ("Ensino médio" for ensino-medio, "Higher
    education" for he)."""
    level = row.fact.level or ""
    name = ctx.level_names.get(level)
    shown = name if name and not _says_its_name(level, name) else level.replace("-", " ")
    return _text(shown, ctx.options.encoding)


def _score_cell(row: _Row, ctx: _Context) -> Text:
    del ctx
    return Text(f"{row.hit.score:.1f}" if row.hit is not None else "")


def _field_cell(name: str) -> Callable[[_Row, _Context], Text]:
    def cell(row: _Row, ctx: _Context) -> Text:
        value: Value = (
            hit_value(row.hit, name) if row.hit is not None else getattr(row.fact, name, None)
        )
        return _text(plain_text(value), ctx.options.encoding, "dim" if name == "id" else "")

    return cell


class _Column(NamedTuple):
    header: str
    cell: Callable[[_Row, _Context], Text]
    justify: JustifyMethod = "left"
    cap: int | None = None
    """Widest the column grows while others still want room."""
    foldable: bool = False
    """When the table is too narrow, shown as a "header: value" line under the name."""
    first: bool = False
    """Served its (capped) width before long columns: figures are what rows compare by."""
    whole: Callable[[_Row], str] | None = None
    """Text of a cell that must stay on one line (a figure as written: "more than 70%")."""
    fitted: Callable[[_Row, Text, int], Text] | None = None
    """Remakes a cell once the column's width is known."""
    hang: Callable[[_Row, _Context], int] | None = None
    """How far a row's cell indents its lines after the first (a figure under its program
    keeps its lines under its text, not under the tree mark); the cell is re-wrapped so."""
    short_lines: Callable[[_Row, _Context], str] | None = None
    """A name cell's longest folded "Header: value" line of a short value, as indented: it
    stays on one line whenever short columns do ("Period: as of 2025")."""
    unbroken: bool = False
    """A value read as one (a level, period or country: "over the past five years"): kept
    on one line however long, in its column or folded; a layout it does not fit gives way
    to the next, down to blocks."""


_COMPOSITE: dict[str, _Column] = {
    "figure": _Column(
        "Figure",
        _figure_cell,
        "right",
        FIGURE_CAP,
        first=True,
        whole=lambda row: row.fact.as_written or "",
        fitted=_figure_fitted,
    ),
    "name": _Column("Name, id", _name_cell, hang=_child_hang),
    "score": _Column("Score", _score_cell, "right"),
    "level": _Column("Level", _level_cell, unbroken=True),
}

#: Fields whose values are read as one and never broken (see `_Column.unbroken`).
_UNBROKEN = frozenset({"level", "period", "country"})


#: Columns a narrow table folds under the name first: they help least to compare rows.
_FOLDABLE = frozenset(
    {"fields", "period", "kind", "matched_field", "category", "summary", "source"}
)


def _column(name: str, composite: bool) -> _Column:
    """A table column: a composite one of a command's design, or one field as it is."""
    if composite and name in _COMPOSITE:
        return _COMPOSITE[name]
    spec = BY_NAME[name]
    numeric = spec.type in ("number", "int")
    header = "Matched" if name == "matched_field" else spec.label
    # A list of subject fields wraps well; like figures, it leaves the room to names.
    cap = FIGURE_CAP if composite and name == "fields" else None
    return _Column(
        header,
        _field_cell(name),
        "right" if numeric else "left",
        foldable=composite and name in _FOLDABLE,
        cap=cap,
        unbroken=name in _UNBROKEN,
    )


def _folded(columns: Sequence[_Column], fold: frozenset[str]) -> list[_Column]:
    """The columns with those headed in `fold` moved into the name cell, as labelled lines."""
    folded = [column for column in columns if column.header in fold]

    def name_and_more(row: _Row, ctx: _Context) -> Text:
        cell = _name_cell(row, ctx)
        for column in folded:
            value = column.cell(row, ctx)
            if value.plain.strip():
                cell.append(f"\n{column.header}: ", style="dim")
                cell.append_text(value)
        return cell

    def short_lines(row: _Row, ctx: _Context) -> str:
        lines = [
            f"{column.header}: {value}"
            for column in folded
            if (value := column.cell(row, ctx).plain.strip())
            and (column.unbroken or cell_len(value) <= SHORT_COLUMN)
        ]
        return " " * _folded_hang(row, ctx) + max(lines, key=cell_len) if lines else ""

    return [
        column._replace(cell=name_and_more, hang=_folded_hang, short_lines=short_lines)
        if column.cell is _name_cell
        else column
        for column in columns
        if column.header not in fold
    ]


def _narrower(columns: Sequence[_Column]) -> list[list[_Column]]:
    """The layouts to try, widest first: all columns, then minor ones folded one by one."""
    tries = [list(columns)]
    if any(column.cell is _name_cell for column in columns):
        fold: frozenset[str] = frozenset()
        for column in columns:
            if column.foldable:
                fold |= {column.header}
                tries.append(_folded(columns, fold))
    return tries


# ---------------------------------------------------------------- fitting


def _extent(text: str, hang: int = 0) -> tuple[int, int]:
    """(longest word, longest line) of a cell, in terminal cells, when its lines after the
    first are indented by `hang` (a word may land on any of them: all count indented).

    A hung cell's later lines wrap deeper still (`_hung`: by NAME_HANG more), so a word of
    theirs counts at that depth: "Source: <a long id>" keeps the id whole."""
    lines = text.split("\n")
    deeper = hang + NAME_HANG if hang else 0
    words = [cell_len(word) for word in lines[0].split()]
    later = [cell_len(word) for line in lines[1:] for word in line.split()]
    first = text[: len(text) - len(text.lstrip())] + (lines[0].split() or [""])[0]
    longest_word = max(
        [cell_len(first), *(width + hang for width in words[1:]), *(w + deeper for w in later)],
        default=0,
    )
    widths = [cell_len(line) + (hang if number else 0) for number, line in enumerate(lines)]
    return longest_word, max(widths)


#: A column no wider than this at its widest (level, period, country) is served first,
#: whole, so it stays on one line; wrapping costs least in the long text of names.
SHORT_COLUMN = 20


def _share(widths: list[int], wants: Sequence[int], spare: int, columns: Sequence[int]) -> int:
    """Give `columns` up to what they want, fairly, smallest needs first; returns what is left."""
    order = sorted(columns, key=lambda i: wants[i] - widths[i])
    for left, index in zip(range(len(order), 0, -1), order, strict=True):
        give = max(0, min(wants[index] - widths[index], spare // left))
        widths[index] += give
        spare -= give
    return spare


class _Needs(NamedTuple):
    """What the cells of one layout need, besides their words."""

    wholes: Sequence[int]
    """Per column: the widest text that must stay on one line (a figure as written)."""
    hangs: Sequence[Sequence[int]]
    """Per column, per row: the indent of the cell's lines after the first."""


def _fit(
    columns: Sequence[_Column],
    cells: list[list[Text]],
    width: int,
    header: bool,
    needs: _Needs,
) -> list[int] | None:
    """Column widths that fit `width` with every word whole (and what `needs` asks), or
    None when none do."""
    mins: list[int] = []
    capped: list[int] = []
    widest: list[int] = []
    for index, column in enumerate(columns):
        extents = [
            _extent(row[index].plain, hang)
            for row, hang in zip(cells, needs.hangs[index], strict=True)
        ]
        if header:
            extents.append(_extent(column.header))
        narrowest = max(1, needs.wholes[index], *(e[0] for e in extents))
        longest = max(1, *(e[1] for e in extents))
        if (longest <= SHORT_COLUMN or column.unbroken) and not column.first:
            narrowest = longest  # "as of 2025", "system wide": whole
        mins.append(narrowest)
        widest.append(longest)
        capped.append(longest if column.cap is None else max(narrowest, min(longest, column.cap)))
    spare = width - COLUMN_GAP * (len(columns) - 1) - sum(mins)
    if spare < 0:
        return None
    widths = list(mins)
    every = range(len(columns))
    short = [i for i in every if widest[i] <= SHORT_COLUMN or columns[i].first]
    for index in sorted(short, key=lambda i: capped[i] - mins[i]):
        give = min(capped[index] - widths[index], spare)
        widths[index] += give
        spare -= give
    # The long columns share the rest: capped ones (figures) stop at their cap first so
    # names get room; what is left after that lets them grow to their longest line.
    spare = _share(widths, capped, spare, every)
    _share(widths, widest, spare, every)
    return widths


def _table(
    columns: Sequence[_Column], widths: Sequence[int], options: RenderOptions, leading: int
) -> Table:
    table = Table(
        leading=leading,
        box=box.ASCII if options.ascii_only else box.SIMPLE_HEAD,
        show_header=options.header,
        show_edge=False,
        header_style="bold",
        pad_edge=False,
    )
    for column, width in zip(columns, widths, strict=True):
        table.add_column(column.header, justify=column.justify, width=width, overflow="fold")
    return table


#: How much deeper a wrapped line of a block goes than the line it continues: deeper
#: than a field's "  Label:" lines, so it never reads as a new field or a new record.
BLOCK_HANG = 4


def _block(columns: Sequence[_Column], rows: Sequence[_Row], ctx: _Context) -> list[Text]:
    """Each record as lines: name, id, then every other column as "header: value"; a line
    too long for the width wraps with a hanging indent."""
    width = ctx.options.width
    encoding = ctx.options.encoding
    blocks: list[Text] = []
    for row in rows:
        fact = row.fact
        name = Text()
        if row.child:
            name.append(_child_mark(ctx.options.ascii_only), style="dim")
        name.append_text(_highlighted(fact.name, ctx.matched(row), encoding, "bold"))
        # A tied figure's lines stand under its text, past the mark: only a record's own
        # first line starts at the edge.
        inset = " " * cell_len(_child_mark(ctx.options.ascii_only)) if row.child else ""
        lines = [name, Text(inset).append_text(_text(fact.id, encoding, "cyan"))]
        for column in columns:
            if column.cell is _name_cell or column.header == BY_NAME["id"].label:
                continue  # the name and id are the block's first two lines
            value = column.cell(row, ctx)
            if value.plain.strip():
                lines.append(Text(f"{inset}  {column.header}: ", style="dim").append_text(value))
        if ctx.long:
            summary = _highlighted(fact.summary, ctx.matched(row), encoding)
            lines.append(Text(f"{inset}  ").append_text(summary))
            place = _text(where(fact, ctx.options.ascii_only), encoding, "dim")
            lines.append(Text(f"{inset}  ").append_text(place))
        block = Text()
        for number, line in enumerate(lines):
            # A cell of several lines (a figure's bar, then its text) keeps its own breaks.
            for part in line.split("\n"):
                indent = len(part.plain) - len(part.plain.lstrip(" "))
                if number == 0:  # the name: a tied figure's wraps past the mark
                    indent = len(inset)
                block.append_text(hanging(part, width, indent + BLOCK_HANG))
                block.append("\n")
        blocks.append(block)
    return blocks


def _empty(ctx: _Context) -> Text:
    """What an empty leading cell shows."""
    return Text("-" if ctx.options.ascii_only else "\u2014", style="dim")


def _wholes(columns: Sequence[_Column], rows: Sequence[_Row], ctx: _Context) -> list[int]:
    """Per column, the widest text of its cells that must stay on one line, as written."""
    enc = ctx.options.encoding
    return [
        max((cell_len(writable(c.whole(row), enc)) for row in rows), default=0) if c.whole else 0
        for c in columns
    ]


def _hangs(columns: Sequence[_Column], rows: Sequence[_Row], ctx: _Context) -> list[list[int]]:
    """Per column, per row, the indent of a cell's lines after its first."""
    return [[c.hang(row, ctx) if c.hang else 0 for row in rows] for c in columns]


def _hung(cell: Text, width: int, hang: int) -> Text:
    """A cell's lines re-wrapped to `width`, each after the first indented by `hang`."""
    parts = cell.split("\n", allow_blank=True)
    out = hanging(parts[0], width, hang)
    for part in parts[1:]:
        # A folded "Period: ..." line starts under the text; its own wrapped lines go deeper.
        out.append("\n")
        out.append_text(hanging(Text(" " * hang).append_text(part), width, hang + NAME_HANG))
    return out


def _print_listing(
    console: Console, columns: Sequence[_Column], rows: Sequence[_Row], ctx: _Context
) -> None:
    """One table of rows; when its words do not fit, the minor columns go under the name,
    and when they still do not fit (or below NARROW_WIDTH), blocks of lines."""
    made: dict[Callable[[_Row, _Context], Text], list[Text]] = {}

    def cells_of(column: _Column) -> list[Text]:
        # Each column's cells are made once, whichever layouts are tried.
        if column.cell not in made:
            made[column.cell] = [column.cell(row, ctx) for row in rows]
        return made[column.cell]

    if not ctx.chosen:  # a column empty for every record says nothing
        columns = [c for c in columns if any(cell.plain for cell in cells_of(c))]
    if columns:
        lead = columns[0].cell
        # A record whose first cell is empty would read as more lines of the record above
        # (an event without a date): the cell says it is empty.
        made[lead] = [cell if cell.plain else _empty(ctx) for cell in cells_of(columns[0])]
    fitted = (
        _fitted_layout(columns, rows, ctx, cells_of) if ctx.options.width >= NARROW_WIDTH else None
    )
    if fitted is None:
        for block in _block(columns, rows, ctx):
            console.print(block)
        return
    columns, widths, cells = fitted
    for index, column in enumerate(columns):
        for row, row_cells in zip(rows, cells, strict=True):
            if column.fitted is not None:
                row_cells[index] = column.fitted(row, row_cells[index], widths[index])
            hang = column.hang(row, ctx) if column.hang is not None else 0
            if hang:
                row_cells[index] = _hung(row_cells[index], widths[index], hang)
    table = _table(columns, widths, ctx.options, leading=0)
    for row_cells in cells:
        table.add_row(*row_cells)
    console.print(table)


def _fitted_layout(
    columns: Sequence[_Column],
    rows: Sequence[_Row],
    ctx: _Context,
    cells_of: Callable[[_Column], list[Text]],
) -> tuple[list[_Column], list[int], list[list[Text]]] | None:
    """The columns, their widths and the rows' cells of the first layout that fits, or
    None. Short values stay whole in every layout (minor columns fold under the name
    rather than break "as of 2025" or "system wide"); when none fits, the caller writes
    blocks, which break neither."""
    for shown in _narrower(columns):
        cells = [list(row) for row in zip(*map(cells_of, shown), strict=True)]
        wholes = [
            max(whole, *(cell_len(c.short_lines(row, ctx)) for row in rows))
            if c.short_lines
            else whole
            for c, whole in zip(shown, _wholes(shown, rows, ctx), strict=True)
        ]
        needs = _Needs(wholes, _hangs(shown, rows, ctx))
        widths = _fit(shown, cells, ctx.options.width, ctx.options.header, needs)
        if widths is not None:
            return shown, widths, cells
    return None


# ---------------------------------------------------------------- layouts


def _level_line(level: str, level_names: dict[str, str]) -> str:
    """A record's level as `show` writes it: the name, with the id `--level` takes after it
    when the name does not say it ("Ensino médio (ensino-medio)")."""
    name = level_names.get(level)
    if not name:
        return level
    return name if _says_its_name(level, name) else f"{name} ({level})"


def _record(
    results: Results, console: Console, options: RenderOptions, level_names: dict[str, str]
) -> None:
    """One record as field / value lines: every field it has, or those --fields chose.

    When the longest word of a value (an id, say) cannot stand beside the field names,
    each field becomes a name line and its value indented below, so no word is split.
    """
    view = results.view
    lines: list[tuple[str, Text]] = []
    for fact in results.facts:
        for name in view.fields:
            value = plain_text(getattr(fact, name))
            if name == "level" and value:  # a reader reads the name; the id is a key
                value = _level_line(value, level_names)
            if value or view.chosen:
                lines.append((name, _text(value, options.encoding)))
        if fact.is_share and not view.chosen:
            lines.append(("share", Text(bar(fact, options.ascii_only), style="green")))
    label = max((cell_len(name) for name, _ in lines), default=0)
    longest = max((cell_len(word) for _, text in lines for word in text.plain.split()), default=0)
    if label + 3 + longest > options.width:
        from rich.padding import Padding  # deferred for start-up: only narrow records

        for name, text in lines:
            console.print(Text(name, style="cyan"))
            console.print(Padding(text, (0, 0, 0, 2)))
        return
    table = Table(
        box=box.ASCII if options.ascii_only else box.SIMPLE_HEAD,
        show_header=options.header,
        show_edge=False,
        header_style="bold",
        pad_edge=False,
    )
    table.add_column("Field", style="cyan", no_wrap=True)
    table.add_column("Value", overflow="fold")
    for name, text in lines:
        table.add_row(name, text)
    console.print(table)


def _rows(results: Results) -> list[_Row]:
    hits: Sequence[SearchHit | None] = results.hits or (None,) * len(results.facts)
    tree = results.view.layout == Layout.TREE
    return [
        _Row(fact, hit, tree and fact.kind != "program")
        for fact, hit in zip(results.facts, hits, strict=True)
    ]


def _columns(names: Sequence[str], results: Results) -> list[_Column]:
    view = results.view
    if view.chosen:
        # The fields --fields chose, as they are; the id always shows so `show` can follow.
        chosen = names if "id" in names else ("id", *names)
        return [_column(name, composite=False) for name in chosen]
    if len({fact.source for fact in results.facts}) > 1:
        # Records of several articles: without their source a reader cannot tell whose
        # figure a row is. It is the last column, and the last to fold under the name.
        names = (*names, "source")
    columns = [_column(name, composite=True) for name in names]
    if view.layout == Layout.TREE:
        # In the tree the names carry the structure (which figure is whose): they keep the
        # room, and the figures share what is left (wrapping between their words if need be).
        columns = [column._replace(first=False, whole=None, fitted=None) for column in columns]
    return columns


def render(results: Results, options: RenderOptions) -> str:
    """Results as the table of their view (or blocks of lines when the width is too small)."""
    console, buffer = string_console(options.width, options.color)
    view = results.view
    color = options.color

    def matched(row: _Row) -> frozenset[str]:
        return row.hit.matched_words if row.hit is not None and color else frozenset()

    levels = results.levels or (results.document.levels if results.document else ())
    level_names = {level.id: level.name for level in levels}
    ctx = _Context(options, view.long, view.chosen, matched, level_names)
    if view.layout == Layout.RECORD:
        _record(results, console, options, level_names)
    elif view.layout == Layout.BY_KIND:
        kinds: dict[str, list[_Row]] = {}
        for row in _rows(results):
            kinds.setdefault(row.fact.kind, []).append(row)
        for number, (kind, rows) in enumerate(kinds.items()):
            heading = Text(f"{TABLE_OF_KIND[kind]} ({len(rows)})", style="bold")
            console.print(heading if number == 0 else Text("\n").append_text(heading))
            names = view.fields if view.chosen else KIND_COLUMNS.get(kind, OTHER_KIND_COLUMNS)
            _print_listing(console, _columns(names, results), rows, ctx)
    else:
        names = view.fields if view.chosen else view.columns
        _print_listing(console, _columns(names, results), _rows(results), ctx)
    text = buffer.getvalue()
    if options.color:
        return text
    # Padding of the last column is noise when pasted; coloured lines end in style codes.
    return "".join(line.rstrip(" ") + "\n" for line in text.splitlines())
