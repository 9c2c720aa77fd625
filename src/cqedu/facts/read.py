"""Reading a facts file: its bytes, their decoding, and the TOML parse. Never prints."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cqedu.core.errors import FactsError
from cqedu.facts.files import unreadable
from cqedu.facts.problems import LocatedError

if TYPE_CHECKING:
    from cqedu.facts.toml import TomlError

#: Far above any real facts file (130,000 records is about 60 MB), low enough to
#: refuse a wrong file before tomllib spends minutes and gigabytes on it.
MAX_FILE_BYTES = 256 * 1024 * 1024

#: Python converts at most 4,300 decimal digits to an int (sys.get_int_max_str_digits);
#: a longer integer literal is cut to this many, so the shape checks can name its field.
_KEPT_DIGITS = 4_000
#: A decimal integer literal (not part of a float, a date or a word) longer than that.
_LONG_INTEGER = re.compile(
    r"(?<![\w.:+-])([+-]?)([1-9](?:_?[0-9]){%d,})(?![\w.:])" % (_KEPT_DIGITS + 1)  # noqa: UP031 - braces are regex syntax here
)


#: Suffixes of the articles `cqedu draft` reads: given as a facts file, one fails as TOML.
ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
#: A line only TOML writes: a table header, or a key and its "=".
_TOML_LINE = re.compile(r"^[ \t]*(?:\[|[\w\"'.-]+[ \t]*=)", re.MULTILINE)
_PROSE_LINE = re.compile(r"^[ \t]*(?:\S+[ \t]+){4}\S", re.MULTILINE)


def looks_like_article(label: str, text: str) -> bool:
    """Whether a file that is no valid TOML is an article rather than a broken facts file:
    it has an article's suffix (.txt, .md, .html, ...), or no line of it reads as TOML (a
    `[table]` header, a `key = value`) and one is a run of five words or more."""
    if Path(label).suffix.lower() in ARTICLE_SUFFIXES:
        return True
    return _TOML_LINE.search(text) is None and _PROSE_LINE.search(text) is not None


def read_facts_bytes(path: Path) -> bytes:
    """The bytes of a facts file, or a FactsError that says why they cannot be read."""
    try:
        with path.open("rb") as handle:
            return read_open_facts(handle.read, str(path))
    except OSError as error:
        raise unreadable(path, error) from None


def read_open_facts(read: Callable[[int], bytes], label: str) -> bytes:
    """Read at most MAX_FILE_BYTES through `read`, refusing larger files."""
    data = read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise FactsError(
            f"{label}: file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB; "
            "split it or pass the right file"
        )
    return data


def decode_facts(data: bytes, label: str) -> str:
    """Facts text from bytes: UTF-8, with or without a byte-order mark."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FactsError(f"{label}: file is UTF-16; save it as UTF-8")
    if b"\x00" in data:
        raise FactsError(f"{label}: file contains NUL bytes and is not a text file")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise FactsError(
            f"{label}:{line}: not UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start}); "
            "save the file as UTF-8"
        ) from None


def facts_text(data: bytes, label: str) -> str:
    """Facts text from bytes, refusing what `parse_facts` refuses before parsing."""
    text = decode_facts(data, label)
    if not text or text.isspace():  # not strip(): that copies a 50 MB text to test it
        raise FactsError(f'{label}: file is empty; a facts file starts with "schema = 1"')
    return text


def parse_toml(text: str, label: str) -> dict[str, Any]:
    """The TOML document of a facts text. Raises FactsError at a syntax error, located
    (`label:line:column: invalid TOML: ...`) where the parser says where."""
    # deferred for start-up, as in _parse
    from cqedu.facts.toml import TomlError

    try:
        return _parse(text)
    except TomlError as fault:
        raise _located(fault, label) from None
    except ValueError as error:
        # Only int() raises a plain ValueError: a literal over 4,300 digits. Cut, it still
        # parses as an integer too large to store, which the shape checks refuse with its
        # field named.
        cut = _LONG_INTEGER.sub(lambda m: m[1] + m[2][:_KEPT_DIGITS].rstrip("_"), text)
        if cut != text:
            return parse_toml(cut, label)
        raise FactsError(f"{label}: invalid TOML: {error}") from None
    except RecursionError:
        raise FactsError(f"{label}: invalid TOML: values are nested too deeply") from None


def _parse(text: str) -> dict[str, Any]:
    """The one call of the TOML parser (`cqedu.facts.toml`: toml-rs, else tomllib)."""
    # deferred for start-up: importing the module imports the parser, which only a cache
    # miss needs
    from cqedu.facts.toml import loads

    return loads(text)


def _located(fault: TomlError, label: str) -> FactsError:
    """The FactsError of a syntax error, at its line and column when the parser gives them."""
    if not fault.line:
        return FactsError(f"{label}: invalid TOML: {fault.problem}")
    return LocatedError(
        f"{label}:{fault.line}:{fault.column}: invalid TOML: {fault.problem}",
        "",
        fault.line,
        fault.column,
    )
