"""Faults of a facts file: how each is worded, raised when loading and collected by `check`."""

from __future__ import annotations

import datetime
from typing import Any, NamedTuple

from cqedu.core.errors import FactsError
from cqedu.core.text import CONTROL_CHARACTERS as _CONTROL

#: Integers with more digits are shown by their length: a message stays one short line.
_SHOWN_DIGITS = 40


class Problem(NamedTuple):
    """One fault of a facts file, as `check` lists it and loading raises the first."""

    message: str
    """The whole message, file name first, exactly as loading raises it."""
    where: str
    """The record and field it concerns (`stats[3] (id "x"): value`), or "" for the file."""
    line: int
    """Line of the fault, counting from 1; 0 until `locate` finds it."""
    column: int
    """Column of the fault, counting from 1; 0 until `locate` finds it."""


class LocatedError(FactsError):
    """A FactsError that knows which record and field it concerns."""

    def __init__(self, message: str, where: str, line: int = 0, column: int = 0) -> None:
        super().__init__(message)
        self.problem = Problem(message, where, line, column)


class SkipRecord(Exception):  # noqa: N818 - a control-flow signal, not an error to report
    """A record whose faults are already recorded: leave it out and carry on."""


class Reporter:
    """Where the checks of one file send their faults: raised at once, or collected."""

    def __init__(self, label: str, *, collect: bool = False) -> None:
        """`collect` records every fault in `problems` and carries on; else the first raises."""
        self.label = label
        self.collect = collect
        self.problems: list[Problem] = []

    def fail(self, where: str, problem: str) -> LocatedError:
        """The fault `problem` of `where` (a record and field, or "" for the file)."""
        message = f"{self.label}: {where}: {problem}" if where else f"{self.label}: {problem}"
        return LocatedError(message, where)

    def report(self, fault: LocatedError) -> None:
        """Record a fault and carry on, or raise it when loading (only the first matters)."""
        if not self.collect:
            raise fault
        self.problems.append(fault.problem)


def name_of(key: str) -> str:
    """A key or id as a message shows it: control characters as "?", so it stays one line."""
    return key if key.isprintable() else _CONTROL.sub("?", key)


def show(value: Any) -> str:  # noqa: PLR0911 - one return per kind of value
    """A value as a message shows it: strings quoted, containers by type."""
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return '"' + name_of(shown) + '"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        # repr of an int past 4,300 digits raises ValueError; long ones are not read anyway.
        return repr(value) if abs(value) < 10**_SHOWN_DIGITS else show_long_int(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        tables = sum(isinstance(v, dict) for v in value)
        return (
            "an array"
            if not tables
            else "an array of tables"
            if tables == len(value)
            else ("an array of tables and other values")
        )
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return f"a TOML date/time ({value.isoformat()}); write it as a string"
    return type(value).__name__


def show_long_int(value: int) -> str:
    """An integer of more than 40 digits, by its sign and size."""
    return f"{'a negative' if value < 0 else 'an'} integer of more than {_SHOWN_DIGITS} digits"
