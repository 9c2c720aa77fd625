"""Words of a question quoted back in a refusal, as the user typed them."""

from __future__ import annotations

import re
from collections.abc import Sequence

from cqedu.ask.reading import Reading, phrase


def as_typed(reading: Reading, positions: Sequence[int]) -> str:
    """The words at `positions` as the question spells and spaces them. A rewritten
    question ("how do you see X" read as "... see X as") holds words the user never
    typed, and a split word ("out going" of "outgoing") is typed as one: a refusal
    quotes the user, so it keeps only their words, cut from their own text: "" when
    none of them is typed."""
    said = phrase(reading, positions)
    typed = reading.question
    found = _span_of(typed, said.split())
    if found:
        return found
    kept = [w for w in said.split() if _span_of(typed, [w])]
    return _span_of(typed, kept) or " ".join(kept)


def _span_of(text: str, pieces: Sequence[str]) -> str:
    """The stretch of `text` that holds `pieces` in order, whole words, with nothing
    but spaces (or nothing, a word typed as one) between them; "" when there is none."""
    if not pieces:
        return ""
    between = r"[\s\-]*"
    pattern = between.join(re.escape(p) for p in pieces)
    found = re.search(rf"(?i)(?<!\w){pattern}(?!\w)", text)
    return found.group(0) if found else ""
