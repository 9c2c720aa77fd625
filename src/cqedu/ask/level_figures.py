"""Questions that ask for every figure the article gives on one education level.

"List the two figures the article gives on special education", "special education
figures", "what numbers does it give on preschool": a plural count noun and a level, and
nothing else to look up, ask for the figures of that level, each record of it with a
figure, in the records' order. A count the question states ("the *two* figures") must be
how many the article gives, or the question is refused saying how many it does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cqedu.ask.reading import _COUNT_NOUNS, Reading
from cqedu.core.errors import NoMatchError
from cqedu.core.text import words
from cqedu.facts.model import Fact
from cqedu.query.wording import FIGURE

if TYPE_CHECKING:
    from cqedu.ask.question import Answer, KnowledgeBase

#: The plural count nouns, which ask for several figures ("the *figures* on preschool").
_FIGURES = frozenset(f"{noun}s" for noun in _COUNT_NOUNS)
#: The words that ask a figure at each education level ("the rates *by level*").
_LEVEL_WORDS = frozenset({"level", "levels"})


def listed(kb: KnowledgeBase, reading: Reading) -> Answer | None:
    """Every figure of the one level a question asks the figures of, or None when it asks
    none; NoMatchError when the count it states is not how many the article gives."""
    r = reading
    nouns = [i for i, t in enumerate(r.tokens) if t in _FIGURES]
    if r.kind != FIGURE or not nouns or len(r.levels) != 1 or r.counted:
        return None
    level = r.levels[0]
    found = [f for f in kb.facts() if f.has_figure and f.level == level.id]
    if not found:
        return None
    stated = [i for i in r.subject if i not in r.level_positions]
    if stated:
        # deferred: only a question with words besides the level reads a count
        from cqedu.facts.figures import parse_figure

        # only a count may stand beside the level: "the *two* figures"
        pairs = [(parse_figure(r.tokens[i]), i) for i in stated]
        if any(c is None or c.percent or i + 1 not in nouns for c, i in pairs):
            return None
        ids = ", ".join(f.id for f in found[:3])
        for figure, i in pairs:
            if figure is not None and figure.value != len(found):
                raise NoMatchError(
                    f"the article gives {len(found)} figures on {level.name.lower()}, not "
                    f'"{r.typed[i]}"; worth a look: {ids}'
                )
    from cqedu.ask.question import made  # deferred with the question logic

    return made(r.question, FIGURE, found, [], limit=0)


def of_each_level(reading: Reading, facts: list[Fact]) -> list[Fact]:
    """The figures a list asked at each level ("the enrollment rates by level", "for each
    level of education") names: those whose records say they are a level's (their name or
    keywords hold "level"), when some do; a rate of a group within one ("of children with
    disabilities") is no level's. A question that names a level lists its own figures."""
    if reading.levels or _LEVEL_WORDS.isdisjoint(reading.tokens):
        return facts
    said = [f for f in facts if not _LEVEL_WORDS.isdisjoint(words(" ".join((f.name, *f.keywords))))]
    return said or facts
