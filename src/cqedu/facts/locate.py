"""Lines and columns of the tables and keys of a facts file, for `check`'s messages."""

from __future__ import annotations

import re

from cqedu.facts.problems import Problem

_BARE_KEY = r"[A-Za-z0-9_-]+"
_KEY = rf"""(?:{_BARE_KEY}|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')"""
_HEADER_LINE = re.compile(rf"[ \t]*\[\[[ \t]*({_KEY})[ \t]*\]\]")
_TABLE_LINE = re.compile(rf"[ \t]*\[[ \t]*({_KEY})")
_KEY_LINE = re.compile(rf"[ \t]*({_KEY})(?:[ \t]*\.[ \t]*{_KEY})*[ \t]*=")
_MULTILINE = re.compile(r'"""|\'\'\'')
_WHERE = re.compile(
    r'(?P<table>[^\s:\[\]"]+)(?:\[(?P<index>\d+)\](?: \((?:id|name) "(?:[^"\\]|\\.)*"\))?)?'
    r"(?:: (?P<field>[^\s:\[\]]+))?"
)


def _unquote(key: str) -> str:
    return key[1:-1] if key[:1] in {'"', "'"} else key


class Locator:
    """Lines and columns of tables and keys in a facts file's text.

    tomllib gives no positions, so the text is scanned for `[[table]]` headers and
    `key =` lines; a record's fault points at its field, else at its header. Lines are
    counted as TOML counts them: only "\\n" ends a line.
    """

    def __init__(self, text: str) -> None:
        self.headers: dict[str, list[int]] = {}
        self.tables: dict[str, int] = {}
        # (table, index) -> key -> (line, column); ("", -1) holds the top-level keys
        self.keys: dict[tuple[str, int], dict[str, tuple[int, int]]] = {}
        current: tuple[str, int] | None = ("", -1)
        inside: str | None = None  # the quotes of a multi-line string the line is in
        for number, line in enumerate(text.split("\n"), start=1):
            if inside is not None:
                if len(re.findall(re.escape(inside), line)) % 2:
                    inside = None
                continue
            current = self._scan(number, line, current)
            quotes = _MULTILINE.search(line)
            if quotes is not None and line.count(quotes[0]) % 2:
                inside = quotes[0]

    def _scan(
        self, number: int, line: str, current: tuple[str, int] | None
    ) -> tuple[str, int] | None:
        """Record a header or key on line `number`; the table its later keys belong to."""
        header = _HEADER_LINE.match(line)
        if header:
            name = _unquote(header[1])
            lines = self.headers.setdefault(name, [])
            lines.append(number)
            self.tables.setdefault(name, number)
            return (name, len(lines) - 1)
        table = _TABLE_LINE.match(line)
        if table:
            self.tables.setdefault(_unquote(table[1]), number)
            return None  # a table or sub-table: its keys belong to no record field
        key = _KEY_LINE.match(line)
        if key and current is not None:
            fields = self.keys.setdefault(current, {})
            fields.setdefault(_unquote(key[1]), (number, key.start(1) + 1))
        return current

    def locate(self, problem: Problem) -> Problem:
        """The problem with the line and column of its record or field, else 1:1."""
        if problem.line:
            return problem
        where = _WHERE.match(problem.where)
        line, column = 1, 1
        if where is not None:
            table, field = where["table"], where["field"]
            if where["index"] is None:
                top = self.keys.get(("", -1), {})
                if table in top:
                    line, column = top[table]
                elif table in self.tables:
                    line = self.tables[table]
            else:
                index = int(where["index"])
                headers = self.headers.get(table, [])
                if index < len(headers):
                    line = headers[index]
                    found = self.keys.get((table, index), {}).get(field or "")
                    if found is not None:
                        line, column = found
        return problem._replace(line=line, column=column)
