"""A noun phrase contrasted with "not": what the question sets aside, not what it asks.

English negates a constituent to correct or contrast it ("which university presented,
*not the political science and law one*?", "*Not the universities but the disciplines*: how
many ..."): the "not" denies no verb of the question, and the noun phrase after it names
what is not wanted. The question is read without it, and an answer whose record is named
by that phrase (each of its content words in the record's name or unit, or a name it
gives anywhere in the record) is refused: the article then gives only what the question
set aside. "not just any X", "not only X" add
emphasis and set nothing aside.

A contrast is only a "not" before a determiner or a capitalised name, set off by a comma
or a dash at the question's end; one set off by two commas after the noun it corrects
("how many principals, not teachers, go ..."); or "Not X but Y:" opening the question. A
"not" after a verb's auxiliary ("did not host", "are not special education schools") or
before a preposition ("not in Chongqing") denies, and is read with the question as before.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from cqedu.core.text import stem, words

#: Determiners (and "any") that open the noun phrase a "not" contrasts.
_DETERMINER = r"(?:the|a|an|any|that|this|those|these|its|their)"
#: Adverbs of emphasis after "not" ("not *just* any"): nothing is set aside.
_EMPHASIS = r"(?:just|only|merely|simply)"
#: "..., not the X?" at the question's end.
_AFTER = (
    rf"^(?P<rest>.*?\w)\s*[,;\u2013\u2014]\s*(?:but\s+)?not\s+(?P<just>{_EMPHASIS}\s+)?"
    rf"(?P<phrase>(?:(?i:{_DETERMINER})\s|[A-Z])[^,;:?!.]*?)\s*(?P<end>[?!.]*)\s*$"
)
#: "Not X but Y: the question" (or "Not X, but Y, ...", "Not X, Y: ...") at its start.
_BEFORE = (
    r"^\s*(?i:not)\s+(?P<phrase>[^,;:?!.]+?)"
    r"(?:(?:\s*,)?\s+(?i:but)\s+[^,;:?!.]+?\s*[,;:\u2013\u2014]"
    r"|\s*,\s*[^,;:?!.]+?\s*[:;\u2013\u2014])\s*(?P<rest>\S.*)$"
)
#: "X, not Y, the rest": a parenthetical contrast after the noun it corrects; its phrase
#: opens with no verb's "-ing" ("not counting" leaves out, as `reading` reads it).
_BETWEEN = (
    r"^(?P<head>.*?\w)\s*,\s*not\s+(?P<just>{_EMPHASIS}\s+)?"
    r"(?P<phrase>(?![a-z]+ing\b)[A-Za-z][^,;:?!.]*?)\s*,\s*(?P<tail>\w.*)$"
).replace("{_EMPHASIS}", _EMPHASIS)
#: Words of the contrasted phrase that name nothing of a record: its determiners and the
#: pronoun "one" that stands for the question's own noun.
_EMPTY = frozenset(
    "the a an any that this those these its their one ones all of and or just only".split()
)


class Contrast(NamedTuple):
    """A question without its contrasted phrase, and the words that phrase sets aside
    (none for emphasis)."""

    question: str
    phrase: str
    set_aside: frozenset[str]
    names: frozenset[str] = frozenset()
    """The words of the phrase typed capitalised: names ("not the one in *Yubei*")."""
    asserted: frozenset[str] = frozenset()
    """What "not just any X" says the answer is (X's content stems), which its record
    must say too."""


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The patterns, compiled when a question first holds "not"."""
    return tuple(re.compile(p, re.DOTALL) for p in (_AFTER, _BEFORE, _BETWEEN))  # type: ignore[return-value]


def contrasted(question: str) -> Contrast | None:
    """The question without a noun phrase it contrasts with "not", or None."""
    if "not" not in words(question):
        return None
    after, before, between = _patterns()
    found = after.match(question.strip())
    if found is not None:
        return _made(f"{found['rest']}{found['end'] or ''}", found["phrase"], found["just"])
    found = before.match(question)
    if found is not None:
        return _made(found["rest"], found["phrase"], None)
    found = between.match(question.strip())
    if found is not None:
        return _made(f"{found['head']} {found['tail']}", found["phrase"], found["just"])
    return None


def _made(rest: str, phrase: str, just: str | None) -> Contrast:
    """The contrast of a phrase: set aside, or with an adverb of emphasis ("not *just* any
    X") asserted of the answer."""
    phrase = phrase.strip()
    if just:
        return Contrast(rest, f"not {just}{phrase}", frozenset(), asserted=_content(phrase))
    return Contrast(rest, f"not {phrase}", _content(phrase), _names(phrase))


def _content(phrase: str) -> frozenset[str]:
    """The stems of a phrase's words that name something."""
    return frozenset(stem(w) for w in words(phrase) if w not in _EMPTY)


def _names(phrase: str) -> frozenset[str]:
    """The words of a phrase typed capitalised, in lower case."""
    return frozenset(w.lower() for w in re.findall(r"\b[A-Z][\w-]*", phrase)) - _EMPTY


def unasserted(contrast: Contrast, told: str) -> bool:
    """Whether a record does not say it is what "not just any X" says the answer is."""
    return not contrast.asserted <= {stem(w) for w in words(told)}


def sets_aside(contrast: Contrast, name: str, unit: str | None, told: str) -> bool:
    """Whether a record of this name and unit is what the contrasted phrase names: each
    of its content words is in them, or a name it gives is anywhere the record says
    (`told`: "not the one in Yubei" sets aside the university whose Yubei campus ...)."""
    if not contrast.set_aside:
        return False
    said = {stem(w) for w in words(f"{name} {unit or ''}")}
    return contrast.set_aside <= said or not contrast.names.isdisjoint(words(told))
