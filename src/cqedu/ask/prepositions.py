"""Complex prepositions ("with respect to", "as regards", "concerning") read as a plain one.

English grammars list a closed class of prepositions made of several words, or of a verb's
"-ing" form, that introduce what a clause is about: "*with respect to* the initiative, how
many ...", "the rate *concerning* high school". Their nouns ("respect", "regard",
"relation") name nothing the article must say, so each is read as the simple preposition
"on", and the noun phrase after it stays a word of the question to be answered.
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


@cache
def _pattern() -> re.Pattern[str]:
    """`_COMPLEX`, compiled when a question first holds one of its words."""
    return re.compile(_COMPLEX)


def simple(question: str) -> str:
    """The question with each complex preposition read as "on" ("on the initiative, how
    many ..."), in lower case wherever it stands (a capital mid-question marks a name);
    any other question as typed."""
    lowered = question.lower()
    if not any(cue in lowered for cue in _CUES):
        return question
    return _pattern().sub("on", question)
