"""Step 3, a check of its own: a count of what was added is no running total, and back.

"How many *new* schools", "how many teachers were *added*" ask an increase; a record that
counts everything there is ("9,177 schools as of 2025") does not give it, and one that
counts new ones only of a narrower kind ("41 special education schools") is no answer
either. "How many teachers does Kunming have" asks the total; a yearly intake does not
give it when the total is there.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from cqedu.ask.candidates import Candidate
from cqedu.ask.reading import CLOSED_CLASS
from cqedu.core.errors import NoMatchError
from cqedu.core.text import words
from cqedu.facts.model import Fact
from cqedu.query import wording
from cqedu.query.wording import NAME

if TYPE_CHECKING:
    from cqedu.ask.checks import _Question

#: Words that ask how many were added rather than how many there are. (Verbs of making,
#: "set up", "built", "established", are not among them: the article's running totals
#: are what the city has set up, "how many platforms has it set up".)
_INCREASE = frozenset({"new", "newly", "added", "add", "adds", "adding"})
_NEW = frozenset({"new", "newly"})
#: Words after "new" read as the noun phrase it qualifies.
_PHRASE = 4
#: Periods of a figure that counts what came in a span, not what there is at a date:
#: "per year", "2021-2025", "since 2021", "from 2025", "by 2027".
_FLOW_PERIOD = r"(?i)^(?:per year|(?:19|20)\d\d\s*[-\u2013]\s*(?:19|20)\d\d|(?:since|from|by)\b.*)$"
#: Words that say a figure's period in its name ("enrolled *each year*").
_TIME_WORDS = frozenset({"each", "every", "per", "a", "year", "annual", "annually", "yearly"})
#: Words of a summary's start that say what its record counts ("New teachers joining ...",
#: "Share of new frontline workers ..."): a "new" further on says something else ("...
#: after a new initiative").
_SUMMARY_HEAD = 4


def increase_asked(q: _Question) -> list[int]:
    """Positions of the words asking an increase of a count ("how many *new* schools",
    "schools *added*"): "new" only in or just before the noun counted ("new energy
    vehicles" of a clause after it names a thing); none when a share is asked ("share of
    new workers" is a share of them)."""
    r = q.r
    if r.percent or not (r.counted or r.kind == NAME):
        return []
    # a string of keywords ("new teachers chongqing") counts the noun after "new"
    before = {i - 1 for i in r.counted} if r.counted else set(range(len(r.tokens) - 1))
    return [
        i
        for i, t in enumerate(r.tokens)
        if t in _INCREASE and (t not in _NEW or i in r.counted or i in before)
    ]


def is_flow(fact: Fact, asked: Sequence[str] = ()) -> bool:
    """Whether a figure counts what came in a span or is new, rather than what there is:
    its period says so, or its name or summary's start holds "new" or a word asked."""
    if re.match(_FLOW_PERIOD, (fact.period or "").strip()):
        return True
    said = set(words(fact.name)) | set(words(fact.summary)[:_SUMMARY_HEAD])
    return bool(said & (_INCREASE | set(asked)))


def of_flow(
    q: _Question, fitting: list[Candidate], qualified: Callable[[_Question, Fact], bool]
) -> list[Candidate]:
    """Figures of the flow or stock asked: an increase asked ("new", "added", "in five
    years") is answered by a figure of one, never by a running total, nor by new ones of
    a narrower kind (`qualified`: a figure's name narrows it by a word the question does
    not use); a total asked by the total when one covers the question as well as a yearly
    figure does."""
    r = q.r
    asked = [r.tokens[i] for i in increase_asked(q)]
    if not asked and not r.span:
        return _stock_first(q, fitting)
    flows = [c for c in fitting if is_flow(c.fact, asked) and _counts(q, c.fact)]
    stocks = [c.fact for c in q.found if c.fact.has_figure and not is_flow(c.fact, asked)]
    word = asked[0] if asked else ""
    said = f"not how many {'are' if word in _NEW else 'were'} {word}"
    if not asked:
        said = f"not how many were added in {r.span} years"
    if not flows:
        raise NoMatchError(
            f"the article gives {wording.counted_when(fitting[0].fact)}, a running total, {said}"
        )

    def narrower(fact: Fact) -> bool:
        # a word of the name the question does not say ("*skilled* graduates") narrows a
        # count of new ones; a span asked without "new" ("graduates in five years") is
        # asked of what its one figure over it counts, unless that is of a narrower level
        by_name = bool(asked) and not r.per_year and qualified(q, _timeless(fact))
        return by_name or _sub_level(q, fact, stocks)

    if all(narrower(c.fact) for c in flows):
        new = flows[0].fact
        total = [
            f
            for f in stocks
            if f.unit == new.unit and not _sub_level(q, f, stocks) and not qualified(q, f)
        ]
        total.sort(key=lambda f: f.source != new.source)  # the same source's total first
        given = f"{wording.counted_when(total[0])}, a running total, " if total else ""
        raise NoMatchError(
            f"the article gives {given}no count of new {_noun(q, new)} but of a narrower "
            f"kind: {wording.counted_when(new)}"
        )
    return [c for c in flows if not narrower(c.fact)]


def _counts(q: _Question, fact: Fact) -> bool:
    """Whether a figure counts the noun phrase after "new" ("new *special education
    schools*"), not a share of something else that mentions it ("70% of new workers
    trained by schools")."""
    r = q.r
    unit = set(words(fact.unit or ""))
    for i in increase_asked(q):
        if r.tokens[i] not in _NEW:
            continue
        phrase = []
        for j in range(i + 1, min(i + 1 + _PHRASE, len(r.tokens))):
            if r.tokens[j] in CLOSED_CLASS:
                break
            phrase.append(j)
        if phrase and not any(q.stands_for([j]) & unit or r.tokens[j] in unit for j in phrase):
            return False
    return True


def _timeless(fact: Fact) -> Fact:
    """The figure with the words of its name that restate its period ("students enrolled
    *each year*") left out: they narrow nothing."""
    if not is_flow(fact):
        return fact
    kept = [w for w in fact.name.split() if w.lower().strip(",.") not in _TIME_WORDS]
    return fact._replace(name=" ".join(kept))


def _noun(q: _Question, fact: Fact) -> str:
    """What the question counts, as typed ("schools"), or the figure's unit."""
    counted = [q.r.tokens[i] for i in sorted(q.r.counted) if q.r.tokens[i] not in _INCREASE]
    return " ".join(counted) or fact.unit or "ones"


def _sub_level(q: _Question, fact: Fact, stocks: Sequence[Fact]) -> bool:
    """Whether a figure counts a narrower kind than the question names: a level the
    question does not name, where a total of the same unit at another level (the whole)
    is there ("special education schools" for "schools")."""
    if fact.level is None or fact.level in {lv.id for lv in q.r.levels}:
        return False
    return any(s.unit == fact.unit and s.level not in (None, fact.level) for s in stocks)


def _stock_first(q: _Question, fitting: list[Candidate]) -> list[Candidate]:
    """A total asked ("how many teachers does Kunming have", "kunming teachers"): a yearly
    figure first only when no total covers the question as well."""
    r = q.r
    if r.per_year or not fitting or fitting[0].fact.period != "per year":
        return fitting
    top = fitting[0]
    totals = [
        c
        for c in fitting[1:]
        if c.fact.unit == top.fact.unit
        and c.fact.source == top.fact.source
        and not is_flow(c.fact)
        and c.score(q.required) >= top.score(q.required)
    ]
    if not totals:
        return fitting
    return [*totals, *(c for c in fitting if c not in totals)]
