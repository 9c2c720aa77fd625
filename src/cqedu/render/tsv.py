"""Tab-separated output: a header, then one record a line, escapes for tabs and newlines."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from cqedu.render import RenderOptions, Results
from cqedu.render.rows import columns, plain_texts, values

_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def write(header: Sequence[str] | None, rows: Iterable[Iterable[str]]) -> str:
    """Rows of plain-text cells as TSV, after the header when there is one."""
    table = [list(row) for row in rows]
    lines = ["\t".join(header)] if header is not None else []
    # Cells almost never hold a character to escape: the rows are joined as they are and
    # the whole text checked at once (a translate per cell was most of the time of a
    # large listing); only when the check fails is every cell escaped.
    text = "\n".join(["\t".join(cells) for cells in table])
    if (
        text.count("\t") != sum(map(len, table)) - len(table)
        or text.count("\n") != len(table) - 1
        or "\\" in text
        or "\r" in text
    ):
        text = "\n".join(["\t".join([cell.translate(_ESCAPES) for cell in row]) for row in table])
    if table:
        lines.append(text)
    return "".join(line + "\n" for line in lines)


def render(results: Results, options: RenderOptions) -> str:
    """Results as TSV."""
    header = columns(results) if options.header else None
    return write(header, map(plain_texts, values(results)))
