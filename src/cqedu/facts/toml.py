"""Parsing TOML 1.0: the one place that knows which parser reads facts files.

toml-rs (Rust, a runtime dependency) parses a large facts file about six times faster
than the standard library's tomllib (see benchmarks/README.md, "Choosing the TOML
parser"); tomllib is the fallback for a platform where toml-rs cannot be installed. Both
read TOML 1.0 (toml-rs is told to: its default, TOML 1.1, accepts more), so a file valid
on one machine is valid on every machine; the parsers word their faults differently.

Importing this module imports the parser: import it only to parse (a query served from
the cache never does).
"""

from __future__ import annotations

import os
import re
import sys
import threading
from collections.abc import Callable
from types import ModuleType
from typing import Any

_toml_rs: ModuleType | None
try:
    import toml_rs as _toml_rs
except ImportError:  # no toml-rs wheel for this platform: tomllib, slower but the same TOML
    _toml_rs = None

#: The parser `loads` uses: "toml-rs", else "tomllib".
PARSER = "tomllib" if _toml_rs is None else "toml-rs"

# toml-rs: "TOML parse error at line 3, column 6\n  |\n3 | id = \n  |      ^\n<problem>".
# Its lineno/colno attributes count bytes and can point past the line the message names,
# so the message's own line and column (in characters) are used.
_RS_POSITION = re.compile(r"TOML parse error at line (\d+), column (\d+)")
_RS_CARET = re.compile(r"[ \t]*\|[ \t]*\^+[ \t]*")
# tomllib: "<problem> (at line 3, column 6)", or "<problem> (at end of document)".
_TOMLLIB_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)$")
_AT_END = "(at end of document)"
_INT_DIGITS = "integer string conversion"
_MIB = 1024 * 1024
_STACK_PER_LEVEL = 4096
#: Past this (about 500,000 brackets in one document, 170,000 records) tomllib parses instead.
_STACK_MAX = 2048 * _MIB if sys.maxsize > 2**32 else 0
_STACK_LOCK = threading.Lock()
#: The stack of the thread kept for texts of up to about 16,000 brackets.
_SHARED_STACK = 64 * _MIB


class TomlError(ValueError):
    """Text that is not valid TOML 1.0: what is wrong, and where when the parser says.

    `line` and `column` count from 1 (the column in characters); both are 0 when the
    parser gives no position (a document nested too deeply).
    """

    def __init__(self, problem: str, line: int = 0, column: int = 0) -> None:
        super().__init__(problem)
        self.problem = problem
        self.line = line
        self.column = column


def loads(text: str) -> dict[str, Any]:
    """The tables of a TOML 1.0 document, as tomllib returns them (dict, list, str, int,
    float, bool, datetime.datetime/date/time). Raises TomlError."""
    return parse_with(PARSER, text)


def parse_with(parser: str, text: str) -> dict[str, Any]:
    """`loads` with a named parser, "toml-rs" or "tomllib" (tests run both). Raises
    TomlError; ImportError when toml-rs is asked for and missing."""
    try:
        return _PARSERS[parser](text)
    except RecursionError:
        raise TomlError("values are nested too deeply") from None


def _toml_rs_loads(text: str) -> dict[str, Any]:
    if _toml_rs is None:
        raise ImportError("toml-rs is not installed")
    # toml-rs recurses on the machine stack for each nesting level and crashes the
    # process (no exception) when it runs out: about 6,000 levels on Linux's 8 MiB main
    # stack, fewer on Windows' 1 MiB. So it runs in a thread whose stack is deep enough
    # for every opening bracket the text has (measured: under 2.6 KiB a level), only
    # reserved, never touched unless the nesting is that deep.
    openers = text.count("[") + text.count("{")
    stack = _MIB * (1 + openers * _STACK_PER_LEVEL // _MIB)
    if stack > _STACK_MAX:
        return _tomllib_loads(text)  # slower, but refuses deep nesting with an exception
    with _STACK_LOCK:
        try:
            if stack <= _SHARED_STACK:  # most files: one thread kept for them all
                outcome = _shared_thread().call(text)
            else:
                outcome = _StackThread(stack).call(text)
        except RuntimeError:  # no thread of that size allowed (ulimit -v): tomllib
            return _tomllib_loads(text)
    if isinstance(outcome, BaseException):
        raise outcome
    return outcome


class _StackThread:
    """A thread with a stack of a given size that parses texts with toml-rs."""

    def __init__(self, stack: int) -> None:
        import queue  # deferred: only a parse needs it

        self.pid = os.getpid()  # a forked child has the object but not the thread
        self.requests: queue.SimpleQueue[str] = queue.SimpleQueue()
        self.outcomes: queue.SimpleQueue[dict[str, Any] | BaseException] = queue.SimpleQueue()
        previous = threading.stack_size(stack)  # process-wide: set for this thread alone
        try:
            thread = threading.Thread(target=self._serve, name="cqedu-toml", daemon=True)
            thread.start()
        finally:
            threading.stack_size(previous)

    def _serve(self) -> None:
        while True:
            text = self.requests.get()
            try:
                self.outcomes.put(_toml_rs_parse(text))
            except BaseException as error:  # raised again in the caller
                self.outcomes.put(error)

    def call(self, text: str) -> dict[str, Any] | BaseException:
        self.requests.put(text)
        return self.outcomes.get()


_shared: _StackThread | None = None


def _shared_thread() -> _StackThread:
    global _shared  # noqa: PLW0603 - one parsing thread per process, made when first needed
    if _shared is None or _shared.pid != os.getpid():
        _shared = _StackThread(_SHARED_STACK)
    return _shared


def _toml_rs_parse(text: str) -> dict[str, Any]:
    assert _toml_rs is not None  # checked by the caller
    try:
        parsed: dict[str, Any] = _toml_rs.loads(text, toml_version="1.0.0")
    except _toml_rs.TOMLDecodeError as error:
        message = str(error)
        position = _RS_POSITION.match(message)
        lines = message.splitlines()
        # The problem is what follows the snippet's caret line, often two lines in one.
        carets = [number for number, line in enumerate(lines) if _RS_CARET.fullmatch(line)]
        problem = "; ".join(line.strip() for line in lines[carets[-1] + 1 :] if line.strip())
        if position is None or not carets or not problem:
            raise TomlError(" ".join(message.split())) from None
        line, column = int(position[1]), int(position[2])
        # At the end of a line toml-rs may count past its newline: the line's end it is.
        if line <= text.count("\n") + 1:
            column = min(column, len(text.split("\n")[line - 1]) + 1)
        raise TomlError(problem, line, column) from None
    except ValueError:
        # A value the Rust side read but Python refused (second 60, an integer of more
        # digits than Python converts): tomllib places most of these.
        return _tomllib_loads(text)
    return parsed


def _tomllib_loads(text: str) -> dict[str, Any]:
    import tomllib  # deferred: the fallback, and the faults toml-rs cannot place

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        position = _TOMLLIB_POSITION.search(message)
        if position is not None:
            problem = message[: position.start()].strip()
            raise TomlError(problem, int(position[1]), int(position[2])) from None
        if message.endswith(_AT_END):
            # tomllib gives no line for a fault at the very end; the end is easy to place.
            column = len(text) - text.rfind("\n")
            raise TomlError(
                message[: -len(_AT_END)].strip(), text.count("\n") + 1, column
            ) from None
        raise TomlError(message) from None
    except ValueError as error:  # Python's limit on the digits of an integer
        if _INT_DIGITS not in str(error):
            raise TomlError(str(error)) from None
        return _too_many_digits(text)


def _too_many_digits(text: str) -> dict[str, Any]:
    """Raise the TomlError for the first integer with more digits than Python converts."""
    limit = sys.get_int_max_str_digits()
    found = re.search(rf"(?<![\w.])[+-]?\d[\d_]{{{limit},}}", text)
    problem = f"an integer has more than {limit} digits"
    if found is None:
        raise TomlError(problem)
    line = text.count("\n", 0, found.start()) + 1
    raise TomlError(problem, line, found.start() - text.rfind("\n", 0, found.start()))


_PARSERS: dict[str, Callable[[str], dict[str, Any]]] = {
    "toml-rs": _toml_rs_loads,
    "tomllib": _tomllib_loads,
}
