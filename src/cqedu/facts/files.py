"""Finding the facts files that paths name: a file, or a folder's `*.toml` files, as stat'ed."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from stat import S_ISREG
from typing import NamedTuple

from cqedu.core.errors import FactsError


class FactsFile(NamedTuple):
    """A facts file to read, as found on disk."""

    path: Path
    """The resolved path: what the cache knows the file by."""
    label: str
    """The path as given (or its folder as given, and its name): what messages show."""
    key: str
    """Size, modification time and inode: a change means read it again (the cache
    adds cqedu's version and its own format to the whole store)."""
    size: int
    """Size in bytes."""


def facts_files(paths: Sequence[Path]) -> list[FactsFile]:
    """The facts files that `paths` name, in order: a folder stands for its `*.toml` files.

    A folder's files are taken in sorted order; its subfolders are not read. A file
    named twice (directly and through its folder) counts once, at its first place.
    """
    found: list[FactsFile] = []
    seen: set[Path] = set()
    for path in paths:
        if "\0" in str(path):
            raise FactsError(f"{str(path)!r}: a path cannot hold a NUL character")
        for file, resolved, stat in _expand(path):
            if resolved in seen:
                continue
            seen.add(resolved)
            key = f"{stat.st_size}|{stat.st_mtime_ns}|{stat.st_ino}"
            found.append(FactsFile(resolved, str(file), key, stat.st_size))
    return found


def _expand(path: Path) -> list[tuple[Path, Path, os.stat_result]]:
    """(file as named, resolved file, its status) for a file, or for each facts file of a folder."""
    if not path.is_dir():
        # A missing or unreadable file is reported here.
        try:
            resolved = path.resolve()
            return [(path, resolved, resolved.stat())]
        except OSError as error:
            raise unreadable(path, error) from None
    try:
        folder = path.resolve()
        files: list[tuple[Path, Path, os.stat_result]] = []
        # One scandir: a folder of thousands of files is listed and stat'ed on every run.
        with os.scandir(path) as entries:
            for entry in entries:
                if not entry.name.endswith(".toml") or len(entry.name) <= len(".toml"):
                    continue  # as Path.suffix: ".toml" alone is a hidden file without one
                try:
                    stat = entry.stat()  # follows a symbolic link, as is_file() does
                except OSError:
                    continue  # a broken link is not a file
                if not S_ISREG(stat.st_mode):
                    continue
                # Only a symbolic link needs resolving; any other entry is in `folder`.
                resolved = Path(entry.path).resolve() if entry.is_symlink() else folder / entry.name
                files.append((path / entry.name, resolved, stat))
    except OSError as error:
        raise unreadable(path, error) from None
    if not files:
        raise FactsError(f"{path}: folder has no .toml files; pass a facts file or its folder")
    return sorted(files, key=lambda found: found[0].name)


def unreadable(path: Path, error: OSError) -> FactsError:
    """The FactsError for a facts file the operating system would not let us read."""
    if isinstance(error, FileNotFoundError):
        return FactsError(f"{path}: no such file; pass an existing facts file")
    if isinstance(error, IsADirectoryError):
        return FactsError(f"{path}: is a directory; pass a facts file (.toml)")
    if isinstance(error, PermissionError):
        return FactsError(f"{path}: permission denied; make the file readable")
    return FactsError(f"{path}: cannot read: {error.strerror or error}")
