"""Tab-separated output: a header, then one record a line, escapes for tabs and newlines."""

from __future__ import annotations

from cqedu.render import RenderOptions, Results
from cqedu.render.rows import Value, columns, plain_text, values

_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def cell(value: Value) -> str:
    """One value as a TSV cell: its plain text with tabs, newlines and backslashes escaped."""
    return plain_text(value).translate(_ESCAPES)


def render(results: Results, options: RenderOptions) -> str:
    """Results as TSV."""
    lines = ["\t".join(columns(results))] if options.header else []
    lines.extend("\t".join(map(cell, row)) for row in values(results))
    return "".join(line + "\n" for line in lines)
