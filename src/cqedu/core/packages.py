"""Data files that installed packages ship, found without importing the packages."""

from __future__ import annotations

from pathlib import Path


def package_file(package: str, *parts: str) -> Path | None:
    """The file `parts` names in an installed package's folder, found without importing
    the package (`package_file("breame", "data", "spelling_constants.py")`); None when the
    package is not installed or keeps no such file there (a zipped install)."""
    # deferred for start-up: only a reader of a package's data needs it
    from importlib.util import find_spec

    spec = find_spec(package)
    folders = spec.submodule_search_locations if spec is not None else None
    if not folders:
        return None
    found = Path(folders[0], *parts)
    return found if found.is_file() else None
