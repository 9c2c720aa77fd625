"""Which of two figures is the higher or the lower, when the article's figures tell.

"Which is higher, the preschool or the high school enrollment rate?", "which is larger,
the international students or the yearly intake of joint programmes?" ask for one of the
two: the figure that is larger answers it, the other stands beside it as related. Two
figures of one kind of quantity compare: two counts (of whatever they count: "the
platforms or the programmes"), two sums of money, two spans of time; a share and a count
do not (`comparable`). Two shares compare only as one measure (named alike but for their
level): each is a share of its own whole, and "93.5% of children" is no less than "95.2%
of kindergartens" (both are named, for the reader to compare). Bounds must not overlap
("over 10,000" against 9,177 does not; "over 500" against 600 does, nor does "about 95%"
against 96%); two figures bounded alike ("over 10,000" against "over 8,000") are the
article's own rounding of each, and their written values tell.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from cqedu.core.text import words
from cqedu.core.units import MONEY_UNITS
from cqedu.facts.model import Fact

#: Comparatives that ask for the larger figure, and those that ask for the smaller.
LARGER = frozenset("more higher larger bigger greater".split())
SMALLER = frozenset("fewer less lower smaller".split())
#: Qualifiers that bound a figure from below ("over 10,000") or from above ("nearly 70%");
#: a figure with any other ("about", "top") has no bound to compare by.
_AT_LEAST = frozenset({"over", "more than", "surpassed", "at least", "above"})
_AT_MOST = frozenset({"under", "less than", "fewer than", "nearly", "almost", "up to", "below"})
#: Units of a span of time: a duration is no count of things.
_SPANS = frozenset({"year", "years", "month", "months", "week", "weeks", "day", "days"})
#: The kinds of quantity, for a refusal: what a figure of each is.
SHARE, SUM, SPAN, COUNT = "a share", "a sum of money", "a span of time", "a count"


def quantity(fact: Fact) -> str:
    """The kind of quantity a figure is: a share, a sum of money, a span of time or a count."""
    unit = (fact.unit or "").lower()
    if unit == "percent":
        return SHARE
    if unit in MONEY_UNITS:
        return SUM
    return SPAN if unit in _SPANS else COUNT


def comparable(first: Fact, second: Fact) -> bool:
    """Whether two figures are of one kind of quantity, which one comparative orders."""
    return quantity(first) == quantity(second)


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


def _bounded_alike(first: Fact, second: Fact) -> bool:
    """Whether both figures are bounded the same way ("over 10,000", "more than 8,000")."""
    one, other = (first.qualifier or "").lower(), (second.qualifier or "").lower()
    return any(one in side and other in side for side in (_AT_LEAST, _AT_MOST))


def _measure(fact: Fact, levels: Mapping[str, frozenset[str]]) -> frozenset[str]:
    """What a record's name says it measures, without the words of its own education
    level: "High school enrollment rate": {"enrollment", "rate"}."""
    return frozenset(words(fact.name)) - levels.get(fact.level or "", frozenset())


def ranked(
    facts: Sequence[Fact], comparative: str, levels: Mapping[str, frozenset[str]]
) -> tuple[Fact, Fact] | None:
    """The two figures with the one `comparative` asks for first ("higher": the larger),
    or None when it is no comparative of size, the two are of two kinds of quantity, two
    shares of two measures (`levels` holds each level's words) or their bounds overlap."""
    if len(facts) != 2 or comparative not in LARGER | SMALLER:
        return None
    first, second = facts
    if not comparable(first, second):
        return None
    if quantity(first) == SHARE and _measure(first, levels) != _measure(second, levels):
        return None
    one, other = _bounds(first), _bounds(second)
    if one is None or other is None:
        return None
    if _bounded_alike(first, second):  # the article's own rounding of each
        one = (float(first.value or 0),) * 2
        other = (float(second.value or 0),) * 2
    if one[0] > other[1]:
        larger, smaller = first, second
    elif other[0] > one[1]:
        larger, smaller = second, first
    else:
        return None  # equal, or bounds that overlap: the article does not tell which
    return (larger, smaller) if comparative in LARGER else (smaller, larger)
