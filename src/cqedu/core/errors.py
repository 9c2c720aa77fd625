"""The one exception family cqedu raises, each carrying its exit code."""

from __future__ import annotations

EXIT_OK = 0
EXIT_NO_MATCH = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 70
EXIT_OUTPUT = 74  # sysexits' EX_IOERR: the results could not be written
EXIT_INTERRUPTED = 130


class CqeduError(Exception):
    """An error the user can act on; its message is one or two plain lines."""

    exit_code: int = EXIT_USAGE


class FactsError(CqeduError):
    """The facts file is missing, unreadable, or not a valid facts file."""


class QueryError(CqeduError):
    """A query or option value cannot be used (empty query, unknown level, ...)."""


class NoMatchError(CqeduError):
    """The query was valid but nothing in the knowledge base matched it."""

    exit_code = EXIT_NO_MATCH


class OutputError(CqeduError):
    """The results could not be written (a full disk, a device error): not a bug."""

    exit_code = EXIT_OUTPUT
