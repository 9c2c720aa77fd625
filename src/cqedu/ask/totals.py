"""Ways of asking a total ("altogether", "combined", "cumulative", "in all") read as "in total"."""

from __future__ import annotations

import re
from functools import cache

#: Words a question must hold to be worth the patterns (compiled on first use).
_LEADS = ("altogether", "combined", "together", "all told", "in all", "cumulative", "aggregate")
#: "combined" before a count noun is its adjective: "the *combined* number of"; so are
#: "cumulative" and "aggregate", English's other adjectives of a sum.
_BEFORE_COUNT = (
    r"(?i)\b(?:combined|cumulative|aggregate)\b(?=\s+(?:number|count|figure|amount|size)s?\b)"
)
#: The adverbs of a total; "in all" only where it ends a clause ("in all, how many",
#: "how many ... in all?"), never before its noun ("in all levels").
_ADVERBS = (
    r"(?i)\b(?:altogether|all\s+together|combined|cumulatively|in\s+aggregate|all\s+told"
    r"|(?:taken|put)\s+together"
    r"|in\s+all(?=\s*(?:[,;:?.!]|$)))"
)


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    return re.compile(_BEFORE_COUNT), re.compile(_ADVERBS)


def in_total(question: str) -> str:
    """`question` with each way of asking a total written "in total" ("how many schools
    and teachers altogether", "in all, how many ...") or, before a count noun, "total"
    ("the combined number of ..."), as the rest of the question logic reads them."""
    lowered = question.lower()
    if not any(lead in lowered for lead in _LEADS):
        return question
    before_count, adverbs = _patterns()
    return adverbs.sub("in total", before_count.sub("total", question))
