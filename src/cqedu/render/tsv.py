"""Tab-separated output: a header, then one record a line, escapes for tabs and newlines."""

from __future__ import annotations

from cqedu.render import RenderOptions, Results
from cqedu.render.rows import Value, columns, number_text, values

_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})
LIST_SEPARATOR = "; "


def cell(value: Value) -> str:
    """One value as a TSV cell: empty for None, lists joined with "; ", specials escaped."""
    if isinstance(value, str):
        return value.translate(_ESCAPES)
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return LIST_SEPARATOR.join(value).translate(_ESCAPES)
    return number_text(value)


def render(results: Results, options: RenderOptions) -> str:
    """Results as TSV."""
    lines = ["\t".join(columns(results))] if options.header else []
    lines.extend("\t".join(map(cell, row)) for row in values(results))
    return "".join(line + "\n" for line in lines)
