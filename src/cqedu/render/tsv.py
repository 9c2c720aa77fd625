"""Tab-separated output: a header, then one record a line, escapes for tabs and newlines."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from cqedu.render import RenderOptions, Results
from cqedu.render.rows import columns, plain_text, values

_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def write(header: Sequence[str] | None, rows: Iterable[Iterable[str]]) -> str:
    """Rows of plain-text cells as TSV, after the header when there is one."""
    lines = ["\t".join(header)] if header is not None else []
    lines.extend("\t".join(text.translate(_ESCAPES) for text in row) for row in rows)
    return "".join(line + "\n" for line in lines)


def render(results: Results, options: RenderOptions) -> str:
    """Results as TSV."""
    header = columns(results) if options.header else None
    return write(header, (map(plain_text, row) for row in values(results)))
