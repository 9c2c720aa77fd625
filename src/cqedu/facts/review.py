"""The `# REVIEW:` lines a draft leaves in a facts file, for `check` to report."""

from __future__ import annotations

import re

from cqedu.facts.draft.write import REVIEW_MARK

_TABLE = re.compile(r"^[ \t]*\[\[[ \t]*([\w-]+)[ \t]*\]\]", re.MULTILINE)
_ID = re.compile(r'^[ \t]*id[ \t]*=[ \t]*"([^"]*)"', re.MULTILINE)
_MARK = re.compile(rf"^[ \t]*{re.escape(REVIEW_MARK)}[ \t]*(.*?)[ \t]*$", re.MULTILINE)


def review_warnings(label: str, text: str) -> tuple[str, ...]:
    """`path:line:column: warning: stats "id" not reviewed yet: name, unit` for every
    `# REVIEW:` line left in `text` (a person deletes the line once the table is right)."""
    warnings: list[str] = []
    for mark in _MARK.finditer(text):
        line = text.count("\n", 0, mark.start()) + 1
        column = (
            mark.start() - text.rfind("\n", 0, mark.start()) + len(mark[0]) - len(mark[0].lstrip())
        )
        tables = list(_TABLE.finditer(text, 0, mark.start()))
        following = _TABLE.search(text, mark.end())
        ident = _ID.search(text, mark.end(), following.start() if following else len(text))
        what = f"{tables[-1][1]} " if tables else ""
        what += f'"{ident[1]}"' if ident else "this table"
        left = f": {mark[1]}" if mark[1] else ""
        warnings.append(f"{label}:{line}:{column}: warning: {what} not reviewed yet{left}")
    return tuple(warnings)
