"""Step 3, a check of the answer: a person's role as the question words it.

A word before a role noun may make it another office: the *vice* director, the *acting*
director, the *assistant* director are not the director, and the article names only the
holders it reports. So every word of the noun phrase before a person's role noun must
be one the record says (its name, summary or keywords, or a word standing for one: "the
Chongqing education *head*"), or one that asks of the holder at the time reported ("the
*current* director"); any other refuses the answer. The other offices the closed class
of sequence adjectives makes ("the *former* director") are `holders`' to refuse.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from cqedu.ask.language import inflected
from cqedu.core.text import stem, words
from cqedu.facts.model import Fact

#: Adjectives of time that ask of whoever holds an office now, the holder an article
#: reports (a closed class of English, the counterpart of `holders`' "former", "next"),
#: and "top", which ranks an office as the head of its body ("the *top* official").
_NOW = frozenset("current present incumbent sitting serving reigning".split())
_TOP = "top"


def _said(fact: Fact) -> set[str]:
    text = " ".join((fact.name, fact.summary, *fact.keywords))
    return {stem(w) for w in words(text)}


def role_nouns(fact: Fact, closed: frozenset[str]) -> set[str]:
    """The nouns that name a person's role: the last word of the summary's opening noun
    phrase ("*Director* of the ...", "Go world *champion* who ...", "Olympic *champion*
    cited as ...") and of each keyword."""
    opening: list[str] = []
    for word in words(fact.summary):
        if word in closed or inflected(word):
            break
        opening.append(word)
    phrases = [opening, *(words(k) for k in fact.keywords)]
    return {stem(p[-1]) for p in phrases if p}


def unsaid_modifier(
    tokens: tuple[str, ...],
    person: Fact,
    closed: frozenset[str],
    stands_for: Callable[[Iterable[int]], set[str]],
) -> range | None:
    """The positions of a modifier and the role noun it changes ("*vice director*") when
    the record does not say the modifier, or None. `stands_for` gives the record words a
    question's words may stand for ("head": "director"); `closed` ends a noun phrase."""
    # deferred: the figure grammar loads only for a question naming a person's role
    from cqedu.facts.figures import parse_figure

    said = _said(person)
    roles = role_nouns(person, closed)

    def is_said(i: int) -> bool:
        return stem(tokens[i]) in said or any(stem(w) in said for w in stands_for([i]))

    for i, token in enumerate(tokens):
        if token in closed:
            continue
        meant = {stem(token), *(stem(w) for w in stands_for([i]))}
        if not meant & roles:
            continue
        j = i - 1
        while j >= 0 and tokens[j] not in closed:
            # a count of holders ("the *two* role models") asks of those reported
            plain = tokens[j] in _NOW or tokens[j] == _TOP or parse_figure(tokens[j])
            if not (is_said(j) or plain):
                return range(j, i + 1)
            j -= 1
    return None
