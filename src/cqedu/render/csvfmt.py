"""Comma-separated output (RFC 4180 quoting), a header, then one record a line."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from cqedu.render import RenderOptions, Results
from cqedu.render.rows import columns, plain_texts, values


def write(header: Sequence[str] | None, rows: Iterable[Iterable[str]]) -> str:
    """Rows of plain-text cells as CSV, after the header when there is one; values with
    commas, quotes or newlines are quoted."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    if header is not None:
        writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def render(results: Results, options: RenderOptions) -> str:
    """Results as CSV."""
    header = columns(results) if options.header else None
    return write(header, map(plain_texts, values(results)))
