"""Finding the facts files that paths name: a file, or a folder's `*.toml` files, as stat'ed.

Paths are bytes on POSIX: a name that is not UTF-8 arrives here as a str holding surrogate
escapes (os.fsdecode's `\\udcXX`). Such a str opens the file as it is; `path_bytes` gives
the bytes to store and `display_path` the text to print.
"""

# No `from __future__ import annotations` here: typing.NamedTuple compiles each field's
# annotation into a ForwardRef when it is a string, about 30 us a field at every start-up.
import errno
import os
import sys
import time
from collections.abc import Sequence
from operator import itemgetter
from pathlib import Path
from stat import S_ISREG
from typing import NamedTuple

from cqedu.core.errors import FactsError

#: A file whose status changed less than this long before it was listed may still change
#: within the same timestamp tick (a second on ext3 and HFS+, two on FAT, a clock tick on
#: ext4): its timestamps cannot vouch for its content until this much time has passed.
RACY_NS = 3_000_000_000


# What os.fsencode uses: surrogateescape on POSIX gives back the bytes os.fsdecode escaped.
_FS_ENCODING, _FS_ERRORS = sys.getfilesystemencoding(), sys.getfilesystemencodeerrors()


class FactsFile(NamedTuple):
    """A facts file to read, as found on disk, with the status the cache keys it by."""

    path: str
    """The resolved path, as text (os.fspath of a Path): what the cache knows the file by."""
    label: str
    """The path as given (or its folder as given, and its name): what messages show."""
    size: int
    """Size in bytes: the only part of the status that proves the content changed."""
    stamp: str
    """Size, modification time, status-change time (ns) and inode, as "size mtime ctime
    inode": the same stamp and not racy proves the content unchanged. tar -x, rsync -t and
    cp -p set the mtime back, but the kernel sets the ctime on every change and nothing
    sets it back, so a file rewritten in place to the same size and mtime shows here. (On
    Windows st_ctime is the creation time; there only `racy` guards such a rewrite.)"""
    racy: bool
    """Changed within RACY_NS of being listed (or dated in the future): a later change
    may leave the same stamp, so the cache checks its content's hash instead."""


def path_bytes(path: str | Path) -> bytes:
    """The path as the file system's bytes (any name a file system allows), for storing.

    os.fsencode in fewer calls (str of a Path is its fspath): every run encodes the path
    of every facts file.
    """
    return str(path).encode(_FS_ENCODING, _FS_ERRORS)


def display_path(text: str | os.PathLike[str]) -> str:
    """A path (or a message naming one) as text every stream can print.

    Each byte of the name that is not UTF-8 is shown as `\\xNN`, as GNU ls does:
    `caf\\xe9.toml` for "café.toml" written in Latin-1.
    """
    shown = os.fspath(text)
    try:
        shown.encode("utf-8")
    except UnicodeEncodeError:
        pass
    else:
        return shown  # the usual case: nothing to escape
    try:
        # The escapes back to their bytes, and those bytes, not UTF-8, as \xNN.
        return shown.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # another lone surrogate, which no file name decodes to
        return shown.encode("utf-8", "backslashreplace").decode("utf-8")


def facts_files(paths: Sequence[Path]) -> list[FactsFile]:
    """The facts files that `paths` name, in order: a folder stands for its `*.toml` files.

    A folder's files are taken in sorted order; its subfolders are not read. A file
    named twice (directly and through its folder) counts once, at its first place.
    FactsError for a path holding NUL, a missing or unreadable file, or a folder without
    facts files.
    """
    found: list[FactsFile] = []
    seen: set[str] = set()
    # Taken before any file is stat'ed: a file changed after this reads as racy.
    racy_after = time.time_ns() - RACY_NS
    for path in paths:
        if "\0" in str(path):
            raise FactsError(f"{str(path)!r}: a path cannot hold a NUL character")
        for label, resolved, stat in _expand(path):
            if resolved in seen:
                continue
            seen.add(resolved)
            size, mtime, ctime = stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns
            stamp = f"{size} {mtime} {ctime} {stat.st_ino}"
            # a pipe's status says nothing of what it holds: it is read as if just changed
            racy = ctime >= racy_after or mtime >= racy_after or not S_ISREG(stat.st_mode)
            found.append(FactsFile(resolved, label, size, stamp, racy))
    return found


def _one_file(path: Path) -> tuple[str, str, os.stat_result]:
    """(file as named, resolved file, its status) for a path that is no folder; a missing
    or unreadable file is reported here."""
    try:
        resolved = path.resolve()
        return (str(path), str(resolved), resolved.stat())
    except RuntimeError:  # Python before 3.13 says a loop of links so
        raise unreadable(path, OSError(errno.ELOOP, os.strerror(errno.ELOOP))) from None
    except FileNotFoundError as error:
        # /dev/stdin and a shell's <(...) (/dev/fd/63) link to a pipe, which no path
        # names: the file is read as given
        try:
            return (str(path), str(path), path.stat())
        except OSError:
            raise unreadable(path, error) from None
    except OSError as error:
        raise unreadable(path, error) from None


def _expand(path: Path) -> list[tuple[str, str, os.stat_result]]:
    """(file as named, resolved file, its status) for a file, or for each facts file of a folder."""
    try:
        is_folder = path.is_dir()
    except OSError as error:  # a name too long for the system, ...: is_dir() raises
        raise unreadable(path, error) from None
    if not is_folder:
        return [_one_file(path)]
    # A folder of thousands of files is listed and stat'ed on every run: one scandir, and
    # names joined as text, as Path would join them, rather than two Paths a file.
    try:
        folder = str(path.resolve())
        given = str(path)
        entries: list[tuple[str, os.DirEntry[str], os.stat_result]] = []
        with os.scandir(path) as listing:
            for entry in listing:
                name = entry.name
                if not name.endswith(".toml") or len(name) <= len(".toml"):
                    continue  # as Path.suffix: ".toml" alone is a hidden file without one
                try:
                    stat = entry.stat()  # follows a symbolic link, as is_file() does
                except OSError:
                    continue  # a broken link is not a file
                if S_ISREG(stat.st_mode):
                    entries.append((name, entry, stat))
        entries.sort(key=itemgetter(0))
        # Only a symbolic link needs resolving; any other entry is in `folder`.
        files = [
            (
                name if given == "." else os.path.join(given, name),  # noqa: PTH118 - str(path / name), without a Path
                str(Path(entry.path).resolve())
                if entry.is_symlink()
                else os.path.join(folder, name),  # noqa: PTH118 - str(folder / name)
                stat,
            )
            for name, entry, stat in entries
        ]
    except RuntimeError:  # Python before 3.13 says a loop of links so
        raise unreadable(path, OSError(errno.ELOOP, os.strerror(errno.ELOOP))) from None
    except OSError as error:
        raise unreadable(path, error) from None
    if not files:
        raise FactsError(
            f"{display_path(path)}: folder has no .toml files; pass a facts file or its folder"
        )
    return files


#: A path longer than this (past what most systems take) is named by its length alone.
MAX_SHOWN_PATH = 1024


def unreadable(path: Path, error: OSError) -> FactsError:
    """The FactsError for a facts file the operating system would not let us read."""
    shown = display_path(path)
    too_long = error.errno == errno.ENAMETOOLONG
    # A name the system finds too long is not quoted back: a single name over most
    # systems' 255 characters is too long long before the path is over MAX_SHOWN_PATH,
    # also when the system stops at a missing folder before it.
    if too_long or len(shown) > MAX_SHOWN_PATH or max(map(len, path.parts), default=0) > 255:
        shown = f"a path of {len(shown):,} characters"
    if too_long:
        return FactsError(f"{shown}: a name in it is too long for the system; use a shorter name")
    if isinstance(error, FileNotFoundError):
        return FactsError(f"{shown}: no such file; pass an existing facts file")
    if isinstance(error, IsADirectoryError):
        return FactsError(f"{shown}: is a directory; pass a facts file (.toml)")
    if isinstance(error, PermissionError):
        return FactsError(f"{shown}: permission denied; make the file readable")
    return FactsError(f"{shown}: cannot read: {error.strerror or error}")
