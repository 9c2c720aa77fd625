"""Step 3, a ranking of its own: a plain count is answered by the figure named for its noun alone.

"How many teachers" (or "number of teachers", "how many teachers does the city have") asks
for the teachers, not for a narrower count of them: "New teachers", "Teachers trained
abroad each year". Name words alone do not tell them apart (the stop-word list holds "new",
"abroad", "each" and "year", so "New teachers" uses every name word the question does), so
a record whose name says the noun asked and nothing else goes first: "New teachers" is
the answer to "how many new teachers" only.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from cqedu.ask.candidates import Candidate
from cqedu.ask.reading import _COUNT_WORDS, DETERMINERS, PREPOSITIONS, place_name
from cqedu.core.text import normalise_phrase, words
from cqedu.facts.model import Fact
from cqedu.query.wording import FIGURE, NAME

if TYPE_CHECKING:
    from cqedu.ask.checks import _Question

#: Words a record's name may hold besides the noun it counts and still count it whole:
#: the count itself ("*Number of* teachers") and a determiner.
_FRAME = _COUNT_WORDS | PREPOSITIONS | DETERMINERS


def plain_first(q: _Question, ranked: list[Candidate]) -> list[Candidate]:
    """`ranked` with the records whose name is the noun phrase counted, and nothing more,
    first, when the question asks only how many of it there are (any other word it says
    that the records use, but for function words, leaves the order as it is)."""
    r = q.r
    counted = r.counted or r.head  # "total teachers": the count noun is no subject word
    # a noun phrase alone ("riverton teachers") asks what its best record gives: a figure
    figure = r.kind == FIGURE or (r.kind == NAME and bool(ranked) and ranked[0].fact.has_figure)
    if not figure or r.extreme or r.percent or not counted:
        return ranked
    if set(q.known) - set(counted) - set(r.common) - set(r.level_positions):
        return ranked  # "how many teachers will be hired": the other words pick one
    asked = [q.stands_for([i]) | {r.tokens[i]} for i in sorted(counted)]
    places = {w for s in q.kb.sources for w in words(normalise_phrase(place_name(s)))}
    exact = [c for c in ranked if _named_as(c.fact, asked, places)]
    if not exact:
        return ranked
    return [*exact, *(c for c in ranked if c not in exact)]


def _named_as(fact: Fact, asked: Sequence[set[str]], places: set[str]) -> bool:
    """Whether a figure's name is the noun phrase asked, word for word (each word as
    typed or as what it stands for), with at most the count and the sources' place
    around it ("Number of teachers", "Teachers in Riverton")."""
    if not fact.has_figure:
        return False
    name = [w for w in words(fact.name) if w not in _FRAME and w not in places]
    return len(name) == len(asked) and all(w in a for w, a in zip(name, asked, strict=True))
