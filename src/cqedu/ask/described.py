"""Questions of how the article describes a thing: "How is Chongqing described in terms
of ...?", "Which city is described as an emerging hub for ...?", "What role does
education play in ...?", "What makes X unique?".

"How is X described" asks no manner of doing (as "how are teachers paid" does): the
manner of a description is the description, what "what is X described as" asks. "Which
city is described as Y" asks what Y is said of; the city is the place the source is
about, which its records describe, when the source's own description calls it so ("a
press conference in Chongqing on *the city's* education results").
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import TYPE_CHECKING

from cqedu.core.text import stem, words

if TYPE_CHECKING:
    from cqedu.ask.question import KnowledgeBase

#: Verbs that say how a thing is described or regarded, which take what it is as an
#: "as" phrase ("described as", "seen as") or a name ("called").
_DESCRIBING = (
    r"(?:described|portrayed|depicted|characteri[sz]ed|presented|seen|viewed|regarded|known"
    r"|called|labell?ed|referred\s+to)"
)
_HOW = rf"(?is)^\s*how\s+(?P<be>is|are|was|were)\s+(?P<what>\S.*?)\s+(?P<verb>{_DESCRIBING})\b"
#: The same in the active voice: "how do officials describe X", "how does the article
#: characterise X".
_ACTIVE = (
    r"(?:describe|portray|depict|characteri[sz]e|present|see|view|regard|call|label"
    r"|refer\s+to)"
)
#: Letters that every verb of `_DESCRIBING` and `_ACTIVE` holds ("seen" holds "see").
_VERB_STEMS = (
    "describ", "portray", "depict", "characteri", "present", "see", "view", "regard", "known",
    "call", "label", "refer",
)  # fmt: skip
_HOW_ACTIVE = (
    rf"(?is)^\s*how\s+(?P<do>do|does|did|would|will)\s+(?P<who>\S.*?)\s+(?P<verb>{_ACTIVE})\b"
    r"(?P<rest>.*?)(?P<end>[\s?.!]*)$"
)
_WHICH = (
    rf"(?is)^\s*(?:which|what)\s+(?P<noun>[a-z]+)\s+(?P<be>is|are|was|were)\s+"
    rf"(?P<verb>{_DESCRIBING})\s+(?P<rest>\S.*)$"
)


#: "What role does X play in Y" (English's idiom "play a role", "play a part"): the role
#: is what X is said to be for Y, the question "what is X in Y".
_ROLE = (
    r"(?is)^\s*what\s+(?:roles?|parts?)\s+(?:(?:does|do|did|will|can|could|should|would|is|are)"
    r"\s+)?(?P<what>\S.*?)\s+(?:play|plays|played|playing)\s+(?P<rest>(?:in|for|on|within|at"
    r"|towards?)\b\S*.*)$"
)


def role_played(question: str, kb: KnowledgeBase) -> str:
    """The question "what role does X play in Y" as what it asks: "what is X in Y", or
    "who is X in Y" when X is a person the records name (a person's role is who they
    are there); unchanged otherwise."""
    if "play" not in question.lower():
        return question  # no idiom: its pattern is not compiled
    found = re.match(_ROLE, question)
    if found is None:
        return question
    who = words(found["what"])
    person = any(f.kind == "person" and words(f.name) == who for f in kb.facts())
    return f"{'who' if person else 'what'} is {found['what']} {found['rest']}"


#: "What makes X unique (in Y)": an adjective of distinctiveness asks what sets X apart,
#: which is how the article describes it, the question "what is special about X".
_MAKES = (
    r"(?is)^\s*what\s+(?P<verb>makes|made)\s+(?P<what>\S.*?)\s+(?:so\s+)?"
    r"(?:unique|special|distinctive|different|distinct|notable|remarkable|exceptional|unusual)"
    r"\b(?P<rest>.*)$"
)


def what_sets_apart(question: str) -> str:
    """The question "what makes X unique (in Y)" as "what is special about X (in Y)",
    unchanged otherwise; any other adjective ("what makes X *expensive*") is what it asks."""
    lowered = question.lower()
    if "what" not in lowered or not ("makes" in lowered or "made" in lowered):
        return question  # no idiom: its pattern is not compiled
    found = re.match(_MAKES, question)
    if found is None:
        return question
    be = "is" if found["verb"] == "makes" else "was"
    return f"what {be} special about {found['what']}{found['rest']}"


def as_described(question: str, kb: KnowledgeBase) -> str:
    """The question as what it asks of a description: "how is X described ..." as "what
    is X described as ...", "how do officials describe X" as "what do officials describe
    X as", and "which city is described as Y" as "what is described as
    Y" where the sources' own description names their place "city"; unchanged
    otherwise."""
    lowered = question.lower()
    if not any(stem in lowered for stem in _VERB_STEMS):
        return question  # none of the verbs: the patterns are not compiled
    if not re.search(_DESCRIBING, lowered) and not re.search(_ACTIVE, lowered):
        return question
    active = re.match(_HOW_ACTIVE, question)
    if active is not None and active["rest"].strip():
        said = "" if re.search(r"(?i)\bas\b", active["rest"]) else " as"
        verb = f"what {active['do']} {active['who']} {active['verb']}"
        return f"{verb}{active['rest']}{said}{active['end']}"
    found = re.match(_HOW, question)
    if found is not None:
        rest = question[found.end() :]
        said = "" if re.match(r"(?i)\s+as\b", rest) else " as"
        return f"what {found['be']} {found['what']} {found['verb']}{said}{rest}"
    found = re.match(_WHICH, question)
    if found is not None and found["noun"].lower() in place_nouns(kb):
        return f"what {found['be']} {found['verb']} {found['rest']}"
    return question


def place_nouns(kb: KnowledgeBase) -> set[str]:
    """Nouns the sources' own descriptions use of the place they are about: the noun
    after "the" and before "'s" ("on *the city's* education results")."""
    found: set[str] = set()
    for source in kb.sources:
        for text in (source.title, source.summary):
            found |= {m.lower() for m in re.findall(r"(?i)\bthe\s+(\w+)[\u2019']s\b", text)}
    return {w for w in found if words(w) == [w]}


#: "Which X is credited with (driving) Y": the idiom says X is held responsible for Y,
#: which the article says as X being behind Y ("among the programs behind the enterprises
#: helped"); the gerund after it ("driving", "boosting") is how, and names nothing more.
_CREDITED = (
    r"(?is)^(?P<lead>\s*(?:which|what)\s+\S.*?\b(?:is|are|was|were|s)\s+)(?:widely\s+)?"
    r"credited\s+with\s+(?:(?P<verb>[a-z]+ing)\s+)?(?P<rest>\S.*)$"
)


def credited_with(question: str, money: Collection[str]) -> str:
    """The question "which X is credited with (driving) Y" as "which X is behind Y",
    unchanged otherwise; a gerund of money ("credited with *funding*": a sum paid, no
    cause; its stem in `money`) is what it asks."""
    if "credited" not in question.lower():
        return question  # no idiom: its pattern is not compiled
    found = re.match(_CREDITED, question)
    if found is None:
        return question
    if found["verb"] and stem(found["verb"].lower()) in money:
        return question
    return f"{found['lead']}behind {found['rest']}"
