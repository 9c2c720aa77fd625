"""Which of two figures is the higher or the lower, when the article's figures tell.

"Which is higher, the preschool or the high school enrollment rate?" asks for one of the
two: the figure that is higher answers it, the other stands beside it as related. Two
figures of one unit decide it when their bounds do not overlap ("over 10,000" against
9,177 does; "over 500" against 600 does not, nor does "about 95%" against 96%); figures
of two units ("teachers or schools") are no one quantity, nor are two measures of one unit
("the preschool enrollment rate or the share of inclusive kindergartens": an enrollment rate
and a coverage), and both are named for the reader to compare.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from cqedu.core.text import words
from cqedu.facts.model import Fact

#: Comparatives that ask for the larger figure, and those that ask for the smaller.
LARGER = frozenset("more higher larger bigger greater".split())
SMALLER = frozenset("fewer less lower smaller".split())
#: Qualifiers that bound a figure from below ("over 10,000") or from above ("nearly 70%");
#: a figure with any other ("about", "top") has no bound to compare by.
_AT_LEAST = frozenset({"over", "more than", "surpassed", "at least", "above"})
_AT_MOST = frozenset({"under", "less than", "fewer than", "nearly", "almost", "up to", "below"})


def _bounds(fact: Fact) -> tuple[float, float] | None:
    """The least and the most the figure may be, or None when its qualifier gives none."""
    if fact.value is None:
        return None
    value = float(fact.value)
    qualifier = (fact.qualifier or "").lower()
    if not qualifier:
        return value, value
    if qualifier in _AT_LEAST:
        return value, math.inf
    if qualifier in _AT_MOST:
        return -math.inf, value
    return None


def _measure(fact: Fact, levels: Mapping[str, frozenset[str]]) -> frozenset[str]:
    """What a record's name says it measures, without the words of its own education
    level: "High school enrollment rate": {"enrollment", "rate"}."""
    return frozenset(words(fact.name)) - levels.get(fact.level or "", frozenset())


def ranked(
    facts: Sequence[Fact], comparative: str, levels: Mapping[str, frozenset[str]]
) -> tuple[Fact, Fact] | None:
    """The two figures with the one `comparative` asks for first ("higher": the larger),
    or None when it is no comparative of size, the two are not one measure (of one unit,
    named alike but for their level: `levels` holds each level's words) or the bounds
    overlap."""
    if len(facts) != 2 or comparative not in LARGER | SMALLER:
        return None
    first, second = facts
    if first.unit != second.unit or _measure(first, levels) != _measure(second, levels):
        return None
    one, other = _bounds(first), _bounds(second)
    if one is None or other is None:
        return None
    if one[0] > other[1]:
        larger, smaller = first, second
    elif other[0] > one[1]:
        larger, smaller = second, first
    else:
        return None  # equal, or bounds that overlap: the article does not tell which
    return (larger, smaller) if comparative in LARGER else (smaller, larger)
