"""What a record is, by the opening of its summary: "The stated *aim* of ...".

A summary opens by naming what its record is, a noun phrase whose last word is its head
("the stated aim", "a model"). A question that asks of that word ("what does Chongqing
hope to contribute", where "hope" stands for "aim") asks of the record itself, which
its summary describes, not a thing it mentions in passing.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from itertools import pairwise

from cqedu.ask.reading import CLOSED_CLASS, DETERMINERS, PARTICLES, PREPOSITIONS
from cqedu.ask.spoken import CARDINALS
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


def said_in_a_row(
    tokens: Sequence[str], position: int, phrasal: Collection[int], text: str
) -> bool:
    """Whether a numeral or a phrasal verb's word at `position` is said by `text` (a
    summary) together with the word that makes its phrase, in the same order: a numeral
    with the noun phrase it counts ("*three* major industries"), a verb with its particle
    ("*set* up"). Said so, it is the record's own description, no other quantity."""
    word = tokens[position]
    if word.isdigit() or word in CARDINALS:
        start = position
    else:
        start = position if position in phrasal else position - 1
        if start not in phrasal or tokens[start + 1 : start + 2] not in {(p,) for p in PARTICLES}:
            return False
    if start < 0 or start + 1 >= len(tokens):
        return False
    # deferred for start-up: stems load the stemmer
    from cqedu.core.text import stem

    said = {(stem(a), stem(b)) for a, b in pairwise(words(text))}
    return (stem(tokens[start]), stem(tokens[start + 1])) in said
