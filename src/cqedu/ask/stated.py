"""What a record is, by the opening of its summary: "The stated *aim* of ...".

A summary opens by naming what its record is, a noun phrase whose last word is its head
("the stated aim", "a model"). A question that asks of that word ("what does Chongqing
hope to contribute", where "hope" stands for "aim") asks of the record itself, which
its summary describes, not a thing it mentions in passing. So does a question that says
a word as the summary says it ("the *three* major industries", "set *up*", "subjects
*fall* in"), and one that counts with another number what the summary counts ("four
major industries" of "three major industries") asks of other things.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

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
    """Whether a numeral or a verb at `position` is said by `text` (a summary) with the
    words that make its phrase, in the same order: a numeral with the noun phrase it
    counts ("*three* major industries"), a verb with its particle ("*set* up"), a verb
    between its subject and its preposition ("subjects *fall* in"). Said so, it is the
    record's own description, no other quantity."""
    span = _phrase_of(tokens, position, phrasal)
    if not span:
        return False
    # deferred for start-up: stems load the stemmer
    from cqedu.core.text import stem

    said = [stem(w) for w in words(text)]
    asked = [stem(w) for w in span]
    return any(said[j : j + len(asked)] == asked for j in range(len(said)))


def _phrase_of(tokens: Sequence[str], position: int, phrasal: Collection[int]) -> Sequence[str]:
    """The words around a numeral or verb that make its phrase (`said_in_a_row`), or none."""
    word = tokens[position]
    after = tokens[position + 1 : position + 2]
    if word.isdigit() or word in CARDINALS:
        return tokens[position : position + 2] if after else ()
    if position in phrasal and after and after[0] in PARTICLES:
        return tokens[position : position + 2]
    if position - 1 in phrasal and word in PARTICLES:
        return tokens[position - 1 : position + 1]
    if position > 0 and after and after[0] in PREPOSITIONS:
        return tokens[position - 1 : position + 2]
    return ()


def numbered_alike(tokens: Sequence[str], position: int, text: str) -> bool:
    """Whether a modifier between a numeral and its noun ("83 *leading* subjects") stands
    where `text` (a summary) writes the same numeral and noun with a modifier of its own
    ("the 83 ranked subjects"): the numeral says which things are meant, the modifier
    only describes them."""
    if not 0 < position < len(tokens) - 1:
        return False
    number, noun = tokens[position - 1], tokens[position + 1]
    if not (number.isdigit() or number in CARDINALS):
        return False
    said = words(text)
    return any(
        said[j] == number and said[j + 2] == noun and said[j + 1] not in CLOSED_CLASS
        for j in range(len(said) - 2)
    )


#: How many words after a numeral may stand before the noun it counts ("three *major*
#: industries").
_NUMBERED_SPAN = 3
#: The digits of a year ("2025"), which counts nothing.
_YEAR_DIGITS = 4


def _value(word: str) -> int | None:
    """The number a cardinal says ("3", "three"; not a year), or None for any other word."""
    if word.isdigit():
        return int(word) if len(word) < _YEAR_DIGITS else None
    return CARDINALS.get(word)


def _numbered(said: Sequence[str], at: int) -> list[int]:
    """The positions of the words right after the numeral at `at`, up to another number
    or a closed-class word ("one *of* the countries" counts nothing): what it counts."""
    found: list[int] = []
    for k in range(at + 1, min(at + 1 + _NUMBERED_SPAN, len(said))):
        if said[k].isdigit() or said[k] in CARDINALS or said[k] in CLOSED_CLASS:
            break
        found.append(k)
    return found


def numbered_otherwise(tokens: Sequence[str], position: int, text: str) -> str:
    """The words of `text` (a summary) that count what the numeral at `position` counts
    with another number ("three major industries" against "*four* major industries"), or
    "" when it says no other: the question's number names things the record does not."""
    asked = _value(tokens[position])
    if asked is None:
        return ""
    # deferred for start-up: stems load the stemmer
    from cqedu.core.text import stem

    nouns = {stem(tokens[k]) for k in _numbered(tokens, position)}
    said = words(text)
    for j, word in enumerate(said):
        value = _value(word)
        if value is None or value == asked:
            continue
        alike = [k for k in _numbered(said, j) if stem(said[k]) in nouns]
        if alike:
            return " ".join(said[j : alike[-1] + 1])
    return ""
