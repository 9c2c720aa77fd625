"""A list of partner countries that the article counts more of than it names.

"Which countries does Chongqing cooperate with" is answered by the countries the records
name; when a figure of the same subject counts more of them ("more than 70 countries and
regions"), a user must not take the names for the whole. The answer then gives the count
first and every country the article names for that subject (the partners tied to the
figure's record, else those named in the figure's section), never one or two of them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from cqedu.ask.candidates import Candidate
from cqedu.ask.question import Answer, made
from cqedu.core.text import normalise_phrase, stem, words
from cqedu.facts.model import Fact
from cqedu.query.wording import COUNTRIES, counted_list

if TYPE_CHECKING:
    from cqedu.ask.question import KnowledgeBase


def counted_in_full(
    kb: KnowledgeBase,
    answer: Answer,
    found: Sequence[Candidate],
    required: Sequence[int],
    known: Sequence[int],
    *,
    a_list: bool,
) -> Answer:
    """The answer with the count of its subject's countries when that count is more than
    the countries named, and every country named for that subject; `answer` itself for
    any other answer. `found` are the question's candidates, `required` and `known` the
    positions of the words a record must cover and may cover; `a_list` whether the question
    asks a list (plural, naming no country of its own: "is Spain one of them" asks none)."""
    if answer.kind != COUNTRIES or answer.sources or not a_list:
        return answer
    noun = stem("countries")
    best: tuple[float, float, Fact, list[Fact]] | None = None
    for candidate in found:
        count = candidate.fact
        if count.value is None or noun not in {stem(w) for w in words(count.unit or "")}:
            continue
        if not candidate.covers(required):
            continue
        scope = named_for(kb, count)
        if not {f.id for f in answer.named} <= {f.id for f in scope}:
            continue  # a count of another subject than the countries answered
        if count.value <= len(_countries(scope)):
            continue
        rank = (candidate.score(known), candidate.fit)
        if best is None or rank > best[:2]:
            best = (*rank, count, scope)
    if best is None:
        return answer
    _, _, count, scope = best
    shown = made(answer.question, COUNTRIES, scope, [count, *answer.related], limit=len(scope))
    return shown._replace(text=counted_list(count, scope))


def _countries(named: Sequence[Fact]) -> list[str]:
    return list(dict.fromkeys(f.country for f in named if f.country))


def named_for(kb: KnowledgeBase, count: Fact) -> list[Fact]:
    """The partner countries the article names for a count's subject, in its order: those
    tied to the count's record either way, else those of the count's section."""
    partners = [f for f in kb.facts() if f.kind == "partner" and f.country]
    tied = [f for f in partners if count.id in f.related or f.id in count.related]
    if tied:
        return tied
    return [f for f in partners if f.section == count.section and f.source == count.source]


def names_a_country(kb: KnowledgeBase, tokens: Sequence[str]) -> bool:
    """Whether a question names a country by any of its declared names ("is Spain one of
    the partner countries"): it asks of that one, not for the list."""
    typed = f" {' '.join(tokens)} "
    return any(
        f" {normalise_phrase(name)} " in typed
        for country in kb.countries
        for name in (country.name, *country.aliases)
    )
