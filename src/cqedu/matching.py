"""Forgiving lookup of names people type: exact, by alias, then fuzzily."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TypeVar

from cqedu.text import normalise_phrase

T = TypeVar("T")

#: A typed name this close to a known one (rapidfuzz ratio, 0-100) is taken as it.
ACCEPT_SCORE = 80.0
#: Names this close are offered as "did you mean".
SUGGEST_SCORE = 55.0


def lookup(text: str, names: Mapping[str, T]) -> T | None:
    """The value whose name matches `text` exactly (after normalising) or fuzzily."""
    wanted = normalise_phrase(text)
    table = {normalise_phrase(name): value for name, value in names.items()}
    if wanted in table:
        return table[wanted]
    if not wanted:
        return None
    from rapidfuzz import fuzz, process  # deferred: exact matches need no fuzzy matching

    best = process.extractOne(wanted, list(table), scorer=fuzz.ratio, score_cutoff=ACCEPT_SCORE)
    return table[best[0]] if best is not None else None


def suggest(
    text: str, names: Sequence[str], limit: int = 3, cutoff: float = SUGGEST_SCORE
) -> list[str]:
    """Known names that look like `text`, best first, for a "did you mean" hint."""
    wanted = normalise_phrase(text)
    if not wanted or not names:
        return []
    from rapidfuzz import fuzz, process

    by_norm: dict[str, str] = {}
    for name in names:
        by_norm.setdefault(normalise_phrase(name), name)
    found = process.extract(
        wanted, list(by_norm), scorer=fuzz.ratio, score_cutoff=cutoff, limit=limit
    )
    return [by_norm[choice] for choice, _score, _index in found]


def did_you_mean(text: str, names: Sequence[str]) -> str:
    """' (did you mean "x"?)' or an empty string."""
    close = suggest(text, names, limit=1)
    return f' (did you mean "{close[0]}"?)' if close else ""
