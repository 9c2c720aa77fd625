"""JSON output: an array of objects, or one object a line (jsonl)."""

from __future__ import annotations

import json

from cqedu.render import RenderOptions, Results
from cqedu.render.rows import rows


def render(results: Results, options: RenderOptions) -> str:
    """Results as a JSON array of objects."""
    return json.dumps(rows(results), ensure_ascii=options.ascii_only, indent=2) + "\n"


def render_lines(results: Results, options: RenderOptions) -> str:
    """Results as JSON Lines: one compact object a line."""
    return "".join(
        json.dumps(row, ensure_ascii=options.ascii_only, separators=(",", ":")) + "\n"
        for row in rows(results)
    )
