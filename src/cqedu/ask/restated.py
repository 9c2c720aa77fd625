"""A question asked twice, the second time to say it plainly: "what's the school headcount,
i.e. how many schools are there?", "..., in other words, how many ...".

English marks such a restatement with "i.e.", "that is" or "in other words" between the
two. Each says what is asked; neither narrows the other. Read as one run of words, the two
would mix ("school headcount i e how many schools" found the high school enrollment rate),
so each is answered on its own, and the answer stands only when both give the same
records: a restatement that asks something else is refused, as is one the article cannot
answer (the first put may carry a word that restricts it: "the Leicester intake, i.e. how
many students enroll").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

from cqedu.core.errors import NoMatchError

if TYPE_CHECKING:
    from cqedu.ask.question import Answer

#: Pronouns that point back to the first way of putting it.
_REFERRING = re.compile(r"(?i)\b(?:it|its|they|them|their)\b")
#: The question words a restatement opens with.
_ASKING = r"(?:how|what|whats|what's|which|who|when|where)\b"


@cache
def _marker() -> re.Pattern[str]:
    """ "i.e." (however dotted), "that is" or "in other words", set off before a question
    word: compiled on first use, only for a question holding one."""
    return re.compile(
        r"(?is)^(?P<first>.*?\w.*?)[\s,;:(\u2013\u2014-]+"
        r"(?:i\.?\s?e\b\.?|that\s+is|in\s+other\s+words)[\s,:]+"
        rf"(?P<second>{_ASKING}.*)$"
    )


def restatement(question: str) -> tuple[str, str] | None:
    """The two ways a question is put ("what's the school headcount", "how many schools
    are there?"), or None when it restates nothing."""
    found = _marker().match(question.strip())
    if found is None:
        return None
    first = found["first"].strip(" ,;:-")
    if not first or _REFERRING.search(found["second"]):
        # "X, i.e. what is *it* meant to support": the second way leans on the first for
        # what it asks of, and is no question of its own (`aims` reads the two as one)
        return None
    return first, found["second"]


def both_ways(question: str, parts: tuple[str, str], answered: Callable[[str], Answer]) -> Answer:
    """The answer both ways of putting a question give, or a refusal: the first way's
    own refusal, or that the two ask different things."""
    first, second = (answered(part) for part in parts)
    if [f.id for f in first.named] != [f.id for f in second.named] or first.kind != second.kind:
        raise NoMatchError(
            f'the article does not answer "{" ".join(question.split())}" as one question: '
            f'"{parts[0]}" and "{parts[1]}" ask different things; ask each on its own'
        )
    return second._replace(question=question.strip())
