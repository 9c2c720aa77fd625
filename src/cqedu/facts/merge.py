"""Merging what several facts files declare, and the wording of clashes between files."""

from __future__ import annotations

from collections.abc import Iterable

from cqedu.facts.model import Country, Level, Term

#: How not to make such a clash again: draft the new file knowing the others' ids.
_DRAFT_HINT = " (cqedu draft avoids the ids of the facts files --facts names)"


def clash_message(what: str, ident: str, first: str, second: str) -> str:
    """The error for an id (of a record or source) that two facts files both use."""
    return (
        f'{what} id "{ident}" is used in both {first} and {second}; rename one of them{_DRAFT_HINT}'
    )


def merge_levels(entries: Iterable[tuple[str, Level]]) -> tuple[list[Level], str | None]:
    """Levels of several files, one per id with aliases joined; and the first clash, if any.

    `entries` are (facts file, level) in file order. The same id under two names is a clash.
    """
    merged: dict[str, Level] = {}
    declared_in: dict[str, str] = {}
    clash: str | None = None
    for file, level in entries:
        known = merged.get(level.id)
        if known is None:
            merged[level.id] = level
            declared_in[level.id] = file
        elif known.name != level.name:
            clash = clash or (
                f'level "{level.id}" is named "{known.name}" in {declared_in[level.id]} but '
                f'"{level.name}" in {file}; give it one name'
            )
        else:
            aliases = tuple(dict.fromkeys((*known.aliases, *level.aliases)))
            merged[level.id] = known._replace(aliases=aliases)
    return list(merged.values()), clash


def merge_countries(entries: Iterable[Country]) -> list[Country]:
    """Countries of several files, one per name with aliases joined, in first-seen order."""
    merged: dict[str, Country] = {}
    for country in entries:
        known = merged.get(country.name)
        if known is None:
            merged[country.name] = country
        else:
            aliases = tuple(dict.fromkeys((*known.aliases, *country.aliases)))
            merged[country.name] = known._replace(aliases=aliases)
    return list(merged.values())


def merge_terms(entries: Iterable[Term]) -> list[Term]:
    """Terms of several files, one per term (case aside) with synonyms joined, in first-seen
    order."""
    merged: dict[str, Term] = {}
    for term in entries:
        key = " ".join(term.term.casefold().replace("-", " ").split())
        known = merged.get(key)
        if known is None:
            merged[key] = term
        else:
            synonyms = tuple(dict.fromkeys((*known.synonyms, *term.synonyms)))
            merged[key] = known._replace(synonyms=synonyms)
    return list(merged.values())
