"""Step 3, a check of its own: "other" and "else" ask for what the article does not name.

"What are the other five brands", "which other universities", "who else spoke": the
question asks for something besides what it names or what the article gives, so the
records the question finds are not the answer; the refusal says what the article does
give ("counts six brands but names only Study in Chongqing"). A name left out by
"besides" or "other than" is read as such (`reading`'s `excluded`), not here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from cqedu.ask.cues import OTHER
from cqedu.core.errors import NoMatchError
from cqedu.core.text import words
from cqedu.facts.model import Fact
from cqedu.query import wording

if TYPE_CHECKING:
    from cqedu.ask.language import Lexicon
    from cqedu.ask.question import Answer, KnowledgeBase
    from cqedu.ask.reading import Reading

#: Words after "other" that make no question of others: "other than X" leaves X out,
#: "on the other hand" turns an argument.
_NOT_ASKING = frozenset({"than", "hand"})


def other_asked(tokens: Sequence[str]) -> bool:
    """Whether the question asks for others ("the *other* brands", "who *else*"), not
    "each other" or "other than X"."""
    for i, word in enumerate(tokens):
        if word not in OTHER:
            continue
        after = tokens[i + 1] if i + 1 < len(tokens) else ""
        before = tokens[i - 1] if i else ""
        if after in _NOT_ASKING or (word == "other" and before == "each"):
            continue
        return True
    return False


def besides(kb: KnowledgeBase, lexicon: Lexicon, reading: Reading) -> Answer | None:
    """None when the question asks for no others (or leaves out a name it says: see
    `reading`); else NoMatchError saying what the article names and counts."""
    if not other_asked(reading.tokens) or reading.excluded:
        return None
    from cqedu.ask import checks  # deferred with the rest of the question logic

    try:
        found = checks.answer(kb, lexicon, reading)
    except NoMatchError as error:
        count, named = _count_and_names(kb, reading.tokens, [])
        if count is None or not named:
            raise error from None
        raise NoMatchError(_only(count, named)) from None
    count, named = _count_and_names(kb, reading.tokens, found.named)
    if count is not None and named:
        raise NoMatchError(_only(count, named))
    names = ", ".join(f.name for f in found.named)
    word = next(t for t in reading.tokens if t in OTHER)
    raise NoMatchError(f'the article names {names}; ask for them without "{word}"')


def _only(count: Fact, named: Sequence[Fact]) -> str:
    return (
        f"the article counts {wording.counted(count)} but names only "
        f"{', '.join(f.name for f in named)}"
    )


def _forms(tokens: Sequence[str]) -> set[str]:
    """The question's words with their plurals ("brand": "brands")."""
    found = set(tokens)
    found |= {f"{t}s" for t in tokens if t.isalpha()}
    found |= {f"{t[:-1]}ies" for t in tokens if t.endswith("y")}
    return found


def _count_and_names(
    kb: KnowledgeBase, tokens: Sequence[str], named: Sequence[Fact]
) -> tuple[Fact | None, list[Fact]]:
    """A figure that counts a noun of the question ("six brands") and the records it is
    tied to that name one of them (not figures): what the article names of them."""
    forms = _forms(tokens)
    pool = [*named, *(kb.get(i) for f in named for i in f.related)]
    pool += kb.index_words.records_with(sorted(forms))
    for fact in pool:
        if not fact.has_figure or not fact.unit or fact.unit not in forms:
            continue
        tied = [kb.get(i) for i in fact.related]
        return fact, [f for f in tied if not f.has_figure and _one_of(f, fact.unit)]
    return None, []


#: Words of a summary's start that say what its record is ("City brand for ...").
_SUMMARY_HEAD = 4


def _one_of(fact: Fact, unit: str) -> bool:
    """Whether a record is one of what a figure counts: its name, category or the
    start of its summary says the unit's noun ("City *brand* for ..."), or, of a count
    of countries, it is a country's partner."""
    nouns = {unit, unit.removesuffix("s"), f"{unit.removesuffix('ies')}y"}
    if "countries" in nouns or "country" in nouns:
        return fact.country is not None
    # not its kind: a record filed as a "program" is no overseas vocational program
    said = {*words(fact.name), *words(fact.summary)[:_SUMMARY_HEAD]}
    said |= set(words(fact.category or ""))
    return bool(said & nouns)
