"""The one place that decides colour and width, and builds Rich consoles."""

from __future__ import annotations

import io
import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, NamedTuple, TextIO

if TYPE_CHECKING:
    from rich.console import Console


class StreamTraits(NamedTuple):
    """What an output stream can show."""

    is_terminal: bool
    """The stream is an interactive terminal."""
    color: bool
    """ANSI colour is welcome."""
    width: int
    """Columns available."""
    ascii_only: bool
    """The stream's encoding cannot write non-ASCII text."""


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (ValueError, OSError):  # a closed or detached stream
        return False


def wants_color(stream: TextIO, environ: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    """Colour only on a terminal; NO_COLOR always wins, FORCE_COLOR forces it, TERM=dumb refuses."""
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    if environ.get("TERM") == "dumb":
        return False
    return _is_terminal(stream)


def stream_traits(stream: TextIO) -> StreamTraits:
    """The traits of `stream` under the current environment."""
    encoding = (getattr(stream, "encoding", None) or "utf-8").lower()
    try:
        "\u2588\u00e9".encode(encoding)
        ascii_only = False
    except (UnicodeEncodeError, LookupError):
        ascii_only = True
    return StreamTraits(_is_terminal(stream), wants_color(stream), terminal_width(), ascii_only)


def terminal_width(environ: Mapping[str, str] = os.environ) -> int:
    """$COLUMNS, else the width of the terminal on stdout, stderr or stdin, else 80.

    A table piped into `less` or `head` still fits the terminal the user is looking at.
    """
    try:
        columns = int(environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns > 0:
        return columns
    for descriptor in (1, 2, 0):
        try:
            columns = os.get_terminal_size(descriptor).columns
        except (OSError, ValueError):
            continue
        if columns > 0:
            return columns
    return 80


def string_console(width: int, color: bool) -> tuple[Console, io.StringIO]:
    """A Rich console that renders into a string buffer, never to a stream directly.

    Markup, emoji codes and automatic highlighting are off: data is shown as written.
    """
    # deferred for start-up: Rich only when a console is built
    from rich.console import Console

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        force_terminal=color,
        color_system="standard" if color else None,
        no_color=not color,
        markup=False,
        emoji=False,
        highlight=False,
        legacy_windows=False,
        soft_wrap=False,
    )
    return console, buffer
