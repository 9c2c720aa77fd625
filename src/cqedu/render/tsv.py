"""Tab-separated output: a header, then one record a line, escapes for tabs and newlines."""

from __future__ import annotations

from cqedu.render import RenderOptions, Results
from cqedu.render.rows import Value, columns, number_text, rows

_ESCAPES = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}
LIST_SEPARATOR = "; "


def cell(value: Value) -> str:
    """One value as a TSV cell: empty for None, lists joined with "; ", specials escaped."""
    if value is None:
        return ""
    if isinstance(value, list):
        value = LIST_SEPARATOR.join(value)
    if isinstance(value, int | float):
        return number_text(value)
    return "".join(_ESCAPES.get(ch, ch) for ch in value)


def render(results: Results, options: RenderOptions) -> str:
    """Results as TSV."""
    names = columns(results)
    lines = ["\t".join(names)] if options.header else []
    lines.extend("\t".join(cell(row[name]) for name in names) for row in rows(results))
    return "".join(line + "\n" for line in lines)
