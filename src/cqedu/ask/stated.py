"""What a record is, by the opening of its summary: "The stated *aim* of ...".

A summary opens by naming what its record is, a noun phrase whose last word is its head
("the stated aim", "a model"). A question that asks of that word ("what does Chongqing
hope to contribute", where "hope" stands for "aim") asks of the record itself, which
its summary describes, not a thing it mentions in passing.
"""

from __future__ import annotations

from cqedu.ask.reading import CLOSED_CLASS
from cqedu.core.text import words
from cqedu.facts.model import Fact


def summary_head(fact: Fact) -> str:
    """The last word of the noun phrase a record's summary opens with ("aim"), or ""."""
    phrase: list[str] = []
    for word in words(fact.summary):
        if word in CLOSED_CLASS:
            if phrase:
                break
            continue  # "The stated aim": a determiner before the phrase
        phrase.append(word)
    return phrase[-1] if phrase else ""
