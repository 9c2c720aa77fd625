"""Comma-separated output (RFC 4180 quoting), a header, then one record a line."""

from __future__ import annotations

import csv
import io

from cqedu.render import RenderOptions, Results
from cqedu.render.rows import Value, columns, number_text, values
from cqedu.render.tsv import LIST_SEPARATOR


def _cell(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return LIST_SEPARATOR.join(value)
    if isinstance(value, int | float):
        return number_text(value)
    return value


def render(results: Results, options: RenderOptions) -> str:
    """Results as CSV; values with commas, quotes or newlines are quoted."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    names = columns(results)
    if options.header:
        writer.writerow(names)
    for row in values(results):
        writer.writerow([_cell(value) for value in row])
    return buffer.getvalue()
