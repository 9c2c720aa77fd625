"""JSON output: an array of objects (one object for a single record), or one a line (jsonl)."""

from __future__ import annotations

import json

from cqedu.render import Layout, RenderOptions, Results
from cqedu.render.rows import rows


def render(results: Results, options: RenderOptions) -> str:
    """Results as a JSON array of objects; a one-record view (show) as that one object."""
    found = rows(results)
    data: object = found[0] if results.view.layout == Layout.RECORD and found else found
    return json.dumps(data, ensure_ascii=options.ascii_only, indent=2) + "\n"


def render_lines(results: Results, options: RenderOptions) -> str:
    """Results as JSON Lines: one compact object a line."""
    return "".join(
        json.dumps(row, ensure_ascii=options.ascii_only, separators=(",", ":")) + "\n"
        for row in rows(results)
    )
