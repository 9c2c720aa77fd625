"""What a record is, by the opening of its summary: "The stated *aim* of ...".

A summary opens by naming what its record is, a noun phrase whose last word is its head
("the stated aim", "a model"). A question that asks of that word ("what does Chongqing
hope to contribute", where "hope" stands for "aim") asks of the record itself, which
its summary describes, not a thing it mentions in passing.
"""

from __future__ import annotations

from collections.abc import Sequence

from cqedu.ask.reading import CLOSED_CLASS, DETERMINERS, PREPOSITIONS
from cqedu.core.text import words
from cqedu.facts.model import Fact


def summary_opening(fact: Fact) -> list[str]:
    """The words of the noun phrase a record's summary opens with ("stated aim", "Platform
    founded", "Student hero"): what it calls its record."""
    phrase: list[str] = []
    for word in words(fact.summary):
        if word in CLOSED_CLASS:
            if phrase:
                break
            continue  # "The stated aim": a determiner before the phrase
        phrase.append(word)
    return phrase


def summary_head(fact: Fact) -> str:
    """The last word of the noun phrase a record's summary opens with ("aim"), or ""."""
    phrase = summary_opening(fact)
    return phrase[-1] if phrase else ""


def compound_restated(tokens: Sequence[str], position: int, summary: str) -> bool:
    """Whether a noun before a noun of action ("*school* enrolment") is said by a summary
    as that action's object after a preposition ("enrolled in school"): the same thing in
    a compound, no other one the figure only mentions."""
    if position + 1 >= len(tokens):
        return False
    # deferred for start-up: stems load the stemmer
    from cqedu.core.text import stem

    action = stem(tokens[position + 1])
    said = words(summary)
    for j, word in enumerate(said[:-1]):
        if stem(word) != action or said[j + 1] not in PREPOSITIONS:
            continue
        rest = [w for w in said[j + 2 : j + 4] if w not in DETERMINERS]
        if rest[:1] == [tokens[position]]:
            return True
    return False
