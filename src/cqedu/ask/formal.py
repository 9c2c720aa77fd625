"""Formal English read as the plain question it asks.

Complex prepositions ("with respect to", "as regards", "concerning"): English grammars
list a closed class of prepositions made of several words, or of a verb's "-ing" form,
that introduce what a clause is about: "*with respect to* the initiative, how many ...",
"the rate *concerning* high school". Their nouns ("respect", "regard", "relation") name
nothing the article must say, so each is read as the simple preposition "on", and the
noun phrase after it stays a word of the question to be answered.

"To what extent" asks a degree, which the article gives as a share: read as "what
proportion", unless it asks the margin of a comparison ("to what extent is X above Y").
A participle clause that names the answer's form ("..., *expressed as a proportion*,
...") says how to answer, not what: dropped.
"""

from __future__ import annotations

import re
from functools import cache

#: The complex prepositions of topic (Quirk et al.'s list, as a pattern).
_COMPLEX = (
    r"(?i)\b(?:with\s+(?:respect|regard|reference)\s+to|in\s+(?:regard|relation|reference)\s+to"
    r"|in\s+respect\s+of|as\s+regards|as\s+for|pertaining\s+to|when\s+it\s+comes\s+to"
    r"|on\s+the\s+subject\s+of|regarding|concerning)\b"
)
#: A word one of the complex prepositions holds, to look for before compiling the pattern.
_CUES = (
    *("respect", "regard", "relation", "reference", "as for", "pertaining", "comes to"),
    *("subject of", "concerning"),
)


#: "To what extent": a degree asked.
_EXTENT = r"(?i)\bto\s+what\s+(?:extent|degree)\b"
#: Words of a comparison: "to what extent is X *above* Y" asks a margin, no share.
_COMPARING = frozenset(
    "above below over under more less fewer higher lower than exceed exceeds exceeded "
    "exceeding beyond surpass surpasses surpassed outperform outperforms".split()
)
#: ", expressed as a proportion,": the form the answer is wanted in.
_FORM = (
    r"(?i)\s*,\s*(?:expressed|given|stated|measured)\s+(?:as|in)\s+(?:a\s+|an\s+)?"
    r"(?:proportion|percentage|share|fraction|ratio|percent|percentage\s+terms)\s*(?:,|(?=[?.!]*\s*$))"
)


@cache
def _pattern() -> re.Pattern[str]:
    """`_COMPLEX`, compiled when a question first holds one of its words."""
    return re.compile(_COMPLEX)


def plain_degree(question: str) -> str:
    """The question with "to what extent" read as "what proportion" and a clause naming
    the answer's form dropped; any other question as typed."""
    lowered = question.lower()
    said = question
    if "expressed" in lowered or " as a" in lowered or " in " in lowered:
        said = re.sub(_FORM, "", said)
    if ("what extent" in lowered or "what degree" in lowered) and _COMPARING.isdisjoint(
        re.findall(r"[a-z]+", lowered)
    ):
        said = re.sub(_EXTENT, "what proportion", said)
    return said


def simple(question: str) -> str:
    """The question with each complex preposition read as "on" ("on the initiative, how
    many ..."), in lower case wherever it stands (a capital mid-question marks a name);
    any other question as typed."""
    lowered = question.lower()
    if not any(cue in lowered for cue in _CUES):
        return question
    return _pattern().sub("on", question)
