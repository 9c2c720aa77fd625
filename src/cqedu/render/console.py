"""The one place that decides colour and width, and builds Rich consoles."""

import codecs
import io
import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, NamedTuple, TextIO

from cqedu.core.text import escape_controls

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

#: Encodings that hold every character (codecs' names): nothing to escape.
_UNICODE_ENCODINGS = frozenset({"utf-8", "utf-16", "utf-32", "utf-8-sig", "gb18030"})


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
    encoding: str = "utf-8"
    """The stream's encoding (Python's name for it)."""


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
    try:
        encoding = codecs.lookup(encoding).name
    except LookupError:  # a name Python does not know: only ASCII is safe
        encoding = "ascii"
    return StreamTraits(
        _is_terminal(stream), wants_color(stream), terminal_width(), ascii_only, encoding
    )


def writable(text: str, encoding: str) -> str:
    """`text` as a stream in `encoding` will show it: control characters and what the
    encoding cannot hold escaped ("\\x1b", "\\u91cd"). Tables measure this, not the text,
    so an escaped name takes the columns it is given."""
    text = escape_controls(text)
    if encoding in _UNICODE_ENCODINGS:
        return text
    try:
        return text.encode(encoding, errors="backslashreplace").decode(encoding)
    except LookupError:  # an encoding Python does not know: ASCII is safe
        return text.encode("ascii", errors="backslashreplace").decode("ascii")


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


def string_console(width: int, color: bool) -> "tuple[Console, io.StringIO]":
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


def hanging(text: "Text", width: int, hang: int) -> "Text":
    """`text` (one line, no newline) wrapped between words to `width` cells, every line
    after the first indented by `hang` spaces so it reads as part of the same value.

    A word wider than a line is folded; the first line keeps its own leading spaces.
    """
    # deferred for start-up: Rich only when a table is drawn
    import re

    from rich.cells import cell_len

    plain = text.plain
    if cell_len(plain) <= width:
        return text
    hang = max(0, min(hang, width - 1))
    spans: list[tuple[int, int]] = []
    start, end, room = 0, -1, width
    for match in re.finditer(r"\S+", plain):
        word_start, word_end = match.span()
        if end >= 0 and cell_len(plain[start:word_end]) <= room:
            end = word_end
            continue
        if end >= 0:
            spans.append((start, end))
            start, room = word_start, width - hang
        while cell_len(plain[start:word_end]) > room:  # fold a word wider than the line
            cut = start + 1
            while cut < word_end and cell_len(plain[start : cut + 1]) <= room:
                cut += 1
            spans.append((start, _joint(plain, start, cut)))
            start, room = spans[-1][1], width - hang
        end = word_end
    if end >= 0:
        spans.append((start, end))
    lines = [text[first:last] for first, last in spans]
    out = lines[0]
    for line in lines[1:]:
        out.append("\n" + " " * hang)
        out.append_text(line)
    return out


#: Where a word too wide for a line may break and still read as its parts, best first:
#: after the slash of a path ("/srv/kb/" / "chengdu_facts.toml"), the hyphen of an id
#: ("southwest-university-of-" / "political-science-and-law"), else another joint, as a
#: reader would break it by hand.
_JOINTS = ("/\\", "-", "_.")


def _joint(plain: str, start: int, cut: int) -> int:
    """Where to end the part of a word that fits in `plain[start:cut]`: after its last
    joint of the best kind it has, or at `cut` when it has none past its first character."""
    last = min(cut, len(plain) - 1)
    every = "".join(_JOINTS)
    for joints in _JOINTS:
        # A part of joints alone ("-", "/") says nothing: the joint must end a word.
        for at in range(last, start + 1, -1):
            if plain[at - 1] in joints and plain[at] not in every and plain[at - 2] not in every:
                return at
    return cut


#: What every message line on stderr begins with; a wrapped message hangs under its text.
MESSAGE_PREFIX = "cqedu: "


def message_for(stream: TextIO, message: str) -> str:
    """`message` (one line) as `stream` should show it: unchanged in a pipe or a file, where
    scripts read a message a line; on a terminal, wrapped between words to its width, the
    lines after the first indented under the text after "cqedu: ", so the terminal never
    cuts a word or a record id in two."""
    if not _is_terminal(stream):
        return message
    width = terminal_width()
    # deferred for start-up: Rich only when a message is shown on a terminal
    from rich.cells import cell_len
    from rich.text import Text

    if cell_len(message) <= width:
        return message
    hang = len(MESSAGE_PREFIX) if message.startswith(MESSAGE_PREFIX) else 0
    return hanging(Text(message), width, hang).plain
