"""A list question asked as "the numbers of X, Y and Z", or closed by words that echo it.

"What are the numbers of schools, students and teachers" asks, in the plural, one count
of each noun listed: "how many schools, students and teachers". A request may close by
repeating that every one is wanted ("... *all three please*", "*both*", "*list them
all*"): the echo says nothing the list does not, and is dropped, but only when a number
it gives is the number of nouns listed ("all four" of three nouns is no echo, and stays).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

#: "the numbers of" (plural: several counts) opening a question, with what asks for it.
_NUMBERS_OF = (
    r"(?i)^\s*(?:(?:what|which)\s+(?:are|were)\s+|(?:give|tell|show)\s+(?:me\s+)?|list\s+)?"
    r"the\s+(?:numbers|figures|counts|totals)\s+(?:of|for)\s+"
)
#: Words that close a list question by echoing it ("..., all three please!!").
_ECHO = (
    r"(?i)(?:[\s,.;:!?\u2026-])+(?:(?:please|pls)\s+)?(?:(?P<all>all)\s+(?P<number>two|three|four|five|\d)"
    r"|all\s+of\s+them|both(?:\s+of\s+them)?|(?:list|name|give\s+me)\s+them\s+all"
    r"|each\s+of\s+them)(?:\s+(?:please|pls))?[\s?!.]*$"
)
#: The numbers an echo gives in words.
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5}


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The patterns, compiled when a question first holds "and"."""
    return re.compile(_NUMBERS_OF), re.compile(_ECHO)


def plainly_listed(question: str, listed: Callable[[str], int]) -> str:
    """The question as "how many X, Y and Z" and without an echo closing it, when the
    echo's number (if any) is the number of noun phrases `listed` counts in the question
    without it; any other question as typed."""
    numbers_of, echo = _patterns()
    said = numbers_of.sub("how many ", question, count=1)
    found = echo.search(said)
    if found is None:
        return said
    end = "?" if "?" in found[0] else ""
    without = f"{said[: found.start()].rstrip()}{end}"
    if found["all"]:
        number = found["number"].lower()
        if _NUMBERS.get(number, int(number) if number.isdigit() else 0) != listed(without):
            return said
    return without
