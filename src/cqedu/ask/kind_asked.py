"""The kind of thing "which X" asks for ranks the records that cover its words alike.

"Which national *program* are two of the city's universities part of" asks for a
programme: of the records that hold "national" as well, the one that is a programme (its
kind, or the last word of its name: "... *Initiative*", "... *reform*") answers before a
figure that mentions a national average. The noun asked for is the last word of the run
of open-class words after "which" or "what".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from cqedu.core.text import stem, words
from cqedu.facts.model import Fact

_ASKING = frozenset({"which", "what"})


def noun_asked(tokens: Sequence[str], lead: int, closed: frozenset[str]) -> int | None:
    """Position of the noun "which" or "what" at `lead` asks for ("which national
    *program*"), or None when a closed-class word follows it ("what is", "which of")."""
    if lead < 0 or tokens[lead] not in _ASKING:
        return None
    end = lead + 1
    while end < len(tokens) and tokens[end] not in closed:
        end += 1
    return end - 1 if end - 1 > lead else None


def of_kind(
    fact: Fact, at: int, tokens: Sequence[str], stands_for: Callable[[Iterable[int]], set[str]]
) -> bool:
    """Whether a record is of the kind the noun at `at` names: its kind ("program"), or
    the last word of its name, is the noun or a record word it stands for."""
    meant = {stem(tokens[at]), *(stem(w) for w in stands_for([at]))}
    name = words(fact.name)
    own = {stem(fact.kind), *(stem(w) for w in name[-1:])}
    return bool(meant & own)
