"""What a list question's noun is, and which records are one.

"List the people", "name all partner universities", "which officials spoke": a list
names records that ARE of the noun asked, not records that merely use its word ("young
people" in a summary is no person; "officials" in a conference's keywords is no
official). A record is of a noun when its name says it, or its kind or partner category
does ("people" are the person records, "institutions" the partners of that category),
or its summary opens by calling it one ("Platform founded by ..."), or, for a record that
names an entity (a person, partner or organisation), a keyword calls it one ("role
model", "official"): what such a record is described as, it is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from cqedu.ask.language import function_words, inflected
from cqedu.ask.reading import CLOSED_CLASS, GENERAL_NOUNS, NAMING, _plural, leading
from cqedu.ask.stated import summary_opening
from cqedu.core.text import stem, words
from cqedu.facts.model import KIND_TABLES, TABLE_OF_KIND, Fact

if TYPE_CHECKING:
    from cqedu.ask.checks import _Question

#: Two stems this alike (rapidfuzz ratio) are one word spelt two ways ("centr", "center").
_SAME_SPELLING = 80
#: Kinds of record whose keywords say what the thing is ("role model", "official"); the
#: keywords of an event, program, figure or idea say what it is about.
_ENTITIES = frozenset({"person", "partner", "organization"})
#: Words of a list question that say where the names stand, not what they are ("the people
#: *mentioned* in the *article*").
_WHERE_SAID = frozenset(
    "mentioned named cited listed featured given described appear appearing article "
    "story report text piece news".split()
)
#: Kinds listed whole when a question asks for them by their plain noun ("list the
#: people"); a figure or a program is counted by records whose units say so instead.
_LISTED_WHOLE = frozenset({"person", "event", "organization", "concept"})


def _alike(first: str, second: str) -> bool:
    from rapidfuzz import fuzz  # deferred: only a list question needs it

    return fuzz.ratio(first, second) >= _SAME_SPELLING


def _kind_words(fact: Fact) -> list[str]:
    said = [fact.kind, TABLE_OF_KIND.get(fact.kind, "")]
    if fact.kind == "person":
        said.append("persons")
    if fact.category:
        said.append(fact.category)
    return [w for w in said if w]


def is_a(noun: str, fact: Fact) -> bool:
    """Whether `fact` is one of what `noun` names, by Snowball stem or a spelling alike."""
    root = stem(noun)
    if fact.fields and _alike(stem("fields"), root):
        return True  # "list the fields": a program's answer is its own subject fields
    said = [*words(fact.name), *_kind_words(fact), *summary_opening(fact)]
    # a summary's closing note says what the record is drawn from: "(photo caption; photo
    # by ...)" is a photo's
    note = re.search(r"\(([^()]*)\)\W*$", fact.summary)
    if note:
        said += [words(part)[0] for part in note[1].split(";") if words(part)]
    if fact.kind in _ENTITIES:
        said += [words(k)[-1] for k in fact.keywords if words(k)]
    return any(w and _alike(stem(w), root) for w in said)


def listed_noun(q: _Question) -> int | None:
    """The position of the noun a list question asks for: the last word of the noun
    phrase right after "list", "name", "which", "what are" or "who are" ("list the
    *people*", "which role *models*"), or None for a question that asks no list."""
    tokens = q.r.tokens
    lead = leading(tokens)
    if lead < 0 or not q.r.plural:
        return None
    if tokens[lead] not in {*NAMING, "which", "what", "who"}:
        return None
    at = lead + 1
    if tokens[lead] in ("what", "who"):
        if tokens[at : at + 1] not in (("are",), ("were",)):
            return None
        at += 1
    small = function_words()
    while at < len(tokens) and tokens[at] in CLOSED_CLASS and tokens[at] in small:
        at += 1
    last = None
    while at < len(tokens) and tokens[at] not in CLOSED_CLASS and tokens[at] not in _WHERE_SAID:
        last = at
        if _plural(tokens[at], q.lexicon):
            break  # "the platforms Chongqing founded": the plural ends the noun phrase
        if at + 1 < len(tokens) and inflected(tokens[at + 1]):
            break  # "the people *trained* at NTU": a participle after the noun ends it
        at += 1
    if last is not None and tokens[last] in GENERAL_NOUNS:
        return None  # "name the *guy* who heads ...": a general noun names no kind to list
    return last


def of_the_noun(q: _Question, named: Sequence[Fact]) -> list[Fact]:
    """The records of a list that are of its noun (all of them when it asks no list)."""
    noun = listed_noun(q)
    if noun is None:
        return list(named)
    return [f for f in named if is_a(q.r.tokens[noun], f)]


def of_a_kind(q: _Question) -> list[Fact]:
    """Every record of a kind a list question asks for by its plain noun alone ("list
    the people", "name the events mentioned"): none when it asks anything more ("the
    people trained at NTU"), or when a figure counts that noun (its records say how
    many, which no list of records answers)."""
    noun = listed_noun(q)
    if noun is None:
        return []
    tokens = q.r.tokens
    small = function_words()
    rest = [
        i
        for i in q.subject
        if i != noun and tokens[i] not in small and tokens[i] not in _WHERE_SAID
    ]
    if rest or (noun > 0 and tokens[noun - 1] not in CLOSED_CLASS):
        return []
    root = stem(tokens[noun])
    kinds = [
        kind
        for table, kind in KIND_TABLES.items()
        if kind in _LISTED_WHOLE and (_alike(stem(table), root) or _alike(stem(kind), root))
    ]
    if not kinds or any(stem(u) == root for u in q.kb.units()):
        return []
    facts = [f for f in q.kb.facts() if f.kind in kinds]
    if q.r.sources:
        ids = {s.id for s in q.r.sources}
        facts = [f for f in facts if f.source in ids]
    return facts
