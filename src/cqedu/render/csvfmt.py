"""Comma-separated output (RFC 4180 quoting), a header, then one record a line."""

from __future__ import annotations

import csv
import io

from cqedu.render import RenderOptions, Results
from cqedu.render.rows import columns, plain_text, values


def render(results: Results, options: RenderOptions) -> str:
    """Results as CSV; values with commas, quotes or newlines are quoted."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    names = columns(results)
    if options.header:
        writer.writerow(names)
    for row in values(results):
        writer.writerow(map(plain_text, row))
    return buffer.getvalue()
