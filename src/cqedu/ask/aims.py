"""Questions of what a thing is for: its purpose, function or what it says of something.

"What is X meant to support?", "How is X intended to reshape exchanges?", "What function
does X serve in Y?", "What is the purpose of X?", "What does X imply about Y?": each asks
what X is for, which is what the article's description of X says (its summary). The
frame's verb ("support", "reshape") and abstract noun ("function") name no subject of their
own, so the question is read as "describe X".

What follows X ("in Y", "about Y", the verb's object) must still be something the article
says of X: one of its words is said by a record that says X ("pathways" of the share going
on to further study), or the question is left as it was, to be refused as before ("what
does the free preschool year imply about teacher salaries"). A verb that asks a sum of
money ("what is X meant to cost") asks no purpose either. "A, i.e. B" asks B, its pronoun
standing for A's noun phrase ("What drives X, i.e. what is it meant to support?").
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from functools import cache
from typing import TYPE_CHECKING

from cqedu.core.text import stem, words

if TYPE_CHECKING:
    from cqedu.ask.language import Lexicon
    from cqedu.facts.model import Fact

#: Participles of design that take a purpose as "to" and a verb ("meant to", "designed
#: to"); not "expected to": a forecast, no purpose ("what is the rate expected to reach").
_DESIGNED = r"(?:meant|intended|designed|supposed|aimed|set\s+up|created|established)"
#: Nouns of a thing's purpose (Schmid's shell nouns of aim): asked with "serve", "have" or
#: "fulfil", their content is what the thing is for.
_AIM_NOUNS = ("purpose", "function", "role", "aim", "goal", "objective", "mission", "point")
_AIM = rf"(?:{'|'.join(_AIM_NOUNS)})s?"
#: Verbs that say what something tells of another ("what does X imply about Y"); "mean"
#: only with what it means something for ("what does ESI mean" asks what a short form
#: stands for, `abbreviations`). Not "say": what a person says is a report of its own.
_TELLING = (
    r"(?:(?:imply|implies|implied|suggest|suggests|indicate|indicates|signal|signals|signify"
    r"|signifies)\b|means?(?=\s+(?:for|about)\b))"
)
_PREPOSITION = r"(?:in|for|within|to|about|regarding|of|on)"

_FRAMES = (
    # "what is X meant to support (Y)", "how is X intended to reshape exchanges"
    rf"(?is)^\s*(?:what|how)\s+(?:is|are|was|were)\s+(?P<what>\S.*?)\s+{_DESIGNED}\s+to\s+"
    r"(?P<verb>[a-z]+)\b(?P<rest>.*)$",
    # "what function does X serve (in Y)", "what purpose do X have"
    rf"(?is)^\s*what\s+{_AIM}\s+(?:does|do|did|is|are|was|were|will|would|can|could)\s+"
    r"(?P<what>\S.*?)\s+(?:serve|serves|served|serving|have|has|fulfil|fulfill|fulfils"
    r"|fulfills|perform|performs)\b(?P<rest>.*)$",
    # "what is the purpose of X (in Y)"
    rf"(?is)^\s*what\s+(?:is|are|was|were|s)\s+the\s+{_AIM}\s+(?:of|behind)\s+"
    r"(?P<what>\S.*?)(?P<rest>)[\s?.!]*$",
    # "what is X's purpose (in Y)"
    rf"(?is)^\s*what\s+(?:is|are|was|were)\s+(?P<what>\S.*?)['\u2019]s?\s+{_AIM}\b"
    r"(?P<rest>.*)$",
    # "what does X imply about Y", "what does X suggest"
    rf"(?is)^\s*what\s+(?:does|do|did|might|may|could|would|can)\s+(?P<what>\S.*?)\s+"
    rf"{_TELLING}(?P<rest>(?:\s+(?:for|about|regarding|of|on)\b.*)?)$",
)
#: What marks a restatement of the question before it: "A, i.e. B", "A, that is, B".
_RESTATED = (
    r"(?is)^(?P<first>.*?\S)\s*(?:[,;(]|\s-)\s*(?:i\.?\s?e\.?|that\s+is|in\s+other\s+words)"
    r"\s*[,:]?\s+(?P<second>\S.*)$"
)
#: What the restatement's marker holds, looked for before its pattern is matched.
_RESTATING = ("i.e", "ie ", ", that is", "other words")
#: A question word and the verb or auxiliary after it, before the noun phrase a restated
#: question's pronoun stands for ("What drives *X*", "what is *X*").
_OPENING = r"(?is)^\s*(?:what|which|who|how)\s+[a-z']+\s+(?P<what>\S.*?)[\s?.!]*$"
#: Pronouns of a restatement that stand for the first question's noun phrase.
_PRONOUNS = r"(?i)\b(?:it|they|this|that)\b"


@cache
def _compiled() -> tuple[re.Pattern[str], ...]:
    """The frames compiled on first use: only a question holding a cue needs them."""
    return tuple(re.compile(p) for p in _FRAMES)


def for_its_aim(question: str, lexicon: Lexicon, money: Collection[str]) -> str:
    """The question "what is X for" in any of its frames as "describe X", when what it
    asks of X is what the article says of X; unchanged otherwise. `money` holds the stems
    of words that ask a sum of money ("cost", "fund"), which no purpose answers."""
    asked = _restated(question)
    for frame, pattern in enumerate(_compiled()):
        found = pattern.match(asked)
        if found is None:
            continue
        what = found["what"].strip(" ,'\"\u2018\u2019\u201c\u201d")
        verb = found.groupdict().get("verb") or ""
        if verb and stem(verb.lower()) in money:
            return question  # "what is X meant to cost": a sum of money, no purpose
        noun = re.search(rf"(?i)\b{_AIM}\b", asked[: found.start("what")])
        if noun is not None and noun[0].lower() in lexicon.known:
            # a noun the records use may name a record of its own ("what goal does the
            # plan have": the goal the article states), not the description of X
            return question
        if any(ch.isdigit() for ch in found["rest"]):
            return question  # "meant to reach by 2030": a time or figure, no description
        # the frame's own verb ("support") names nothing; its object and what follows do.
        # Only what a figure implies is asked of a measurement: a stat is designed for
        # nothing and serves no function ("what is the share meant to reach" asks a target)
        measured = frame == len(_FRAMES) - 1
        # "the purpose of Study in Chongqing in schools": X is the longest phrase before a
        # preposition that a record says whole, and what follows is asked of it
        for subject, rest in _splits(what, found["rest"]):
            said = _said_of(subject, rest, lexicon, measured=measured)
            if said is not None:
                return f"describe {subject}" if said else question
        return question
    return question


def _splits(what: str, rest: str) -> list[tuple[str, str]]:
    """`what` and `rest` as matched, then `what` cut before each preposition in it, the
    longest first, the words after the cut put before `rest`."""
    found = [(what, rest)]
    for cut in reversed(list(re.finditer(rf"(?i)\s+{_PREPOSITION}\s", what))):
        found.append((what[: cut.start()], f"{what[cut.start() :]} {rest}"))
    return found


def _restated(question: str) -> str:
    """ "A, i.e. B" as B, its pronoun given A's noun phrase; the question otherwise."""
    lowered = question.lower()
    if not any(marker in lowered for marker in _RESTATING):
        return question
    found = re.match(_RESTATED, question)
    if found is None:
        return question
    first = re.match(_OPENING, found["first"])
    if first is None or not re.search(_PRONOUNS, found["second"]):
        return question
    return re.sub(_PRONOUNS, first["what"], found["second"], count=1)


def _said_of(what: str, rest: str, lexicon: Lexicon, *, measured: bool) -> bool | None:
    """Whether a record that says every word of `what` (by stem) says, when `rest` holds
    a word of its own, one of those too: what the question asks of X is what the article
    says of X. None when no record says `what` whole; a stat (a measurement) counts only
    when `measured`."""
    # deferred with the question logic: the function-word list and the sources' places
    from cqedu.ask.described import place_nouns
    from cqedu.ask.language import function_words
    from cqedu.ask.reading import source_places

    small = function_words() | frozenset(place_nouns(lexicon.kb))
    small |= frozenset(source_places(lexicon.kb.sources))
    subject = _content(words(what), small)
    asked = _content(words(rest), small)
    if not subject:
        return None
    of_it = False
    for fact in lexicon.kb.facts():
        if fact.kind == "stat" and not measured:
            continue
        told = {stem(w) for w in words(_told(fact))}
        if subject <= told:
            if not asked or asked & told:
                return True
            of_it = True
    return False if of_it else None


def _content(said: Iterable[str], small: Collection[str]) -> set[str]:
    """The stems of the words that are neither function words nor place names."""
    return {stem(w) for w in said if w.isalpha() and w not in small}


def _told(fact: Fact) -> str:
    """All a record says in words: its name, summary and keywords."""
    return " ".join((fact.name, fact.summary, *fact.keywords))
