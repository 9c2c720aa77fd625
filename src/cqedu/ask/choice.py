"""Step 3, last part: the answer of the asked-for type among the checked candidates.

A record that the question is about but that cannot give the asked-for type (a count
asked to name, a program asked for a date) gives an honest partial refusal: what the
article does give, and that it does not give the rest.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise
from typing import TYPE_CHECKING

from cqedu.ask.candidates import Candidate
from cqedu.ask.checks import _DURATION_UNITS, _NOT_GIVEN, _look, fits
from cqedu.ask.counted_lists import named_for
from cqedu.ask.flows import of_flow
from cqedu.ask.language import (
    GENERIC_SHARE,
    MONEY_WORDS,
    derived,
    function_words,
    inflected,
    past_of_content_verb,
    verb_roots,
)
from cqedu.ask.level_figures import of_each_level
from cqedu.ask.listing import is_a, of_the_noun
from cqedu.ask.narrowing import RELATIONS, against, relation_settled
from cqedu.ask.question import Answer, made
from cqedu.ask.reading import (
    CLASSIFIERS,
    CLOSED_CLASS,
    DETERMINERS,
    NAMING,
    PREPOSITIONS,
    RELATIVE_YEARS,
    Reading,
    clause_verbs,
    declared_verb,
    partner_filler,
    partner_word,
    phrase,
    place_name,
    proper_noun,
    quoted,
)
from cqedu.ask.spoken import NUMBER_WORDS
from cqedu.ask.stated import (
    compound_restated,
    numbered_alike,
    said_in_a_row,
    summary_head,
)
from cqedu.core.errors import NoMatchError
from cqedu.core.text import word_spans, words
from cqedu.core.units import in_currency
from cqedu.facts.model import Fact
from cqedu.query import wording
from cqedu.query.wording import COUNTRIES, DATE, FIGURE, NAME, PLACE, PLACES, SUMMARY, WHO
from cqedu.store.index import STOPWORDS

if TYPE_CHECKING:
    from cqedu.ask.checks import _Question

#: A figure answers "how many X" only when the question fits its name this well, unless
#: the question is no more than "how many X" (see `_overall`).
MIN_FIGURE_FIT = 0.3
_SHARE_WORDS = frozenset({"share", "percentage", "proportion", "fraction", "rate", "percent"})
_BE = frozenset({"is", "was", "are", "were", "s"})
#: Two stems this alike (rapidfuzz ratio) are one word spelt two ways ("centr", "center").
_SAME_SPELLING = 80
#: The noun that asks for any partner, of whatever category ("which *partners*").
_PARTNER_WORD = re.compile(r"partners?$")
#: Questions about a photo: its credit is no record, so no person tied to it answers.
_PHOTO_WORDS = frozenset(
    {"photo", "photos", "photograph", "photographed", "photographer", "picture", "pictures"}
)


def _sources(q: _Question, facts: Sequence[Fact]) -> list[str]:
    """Each record's source (its place), to name in the answer when several are loaded."""
    if len(q.kb.sources) < 2:
        return []
    places = {s.id: place_name(s) for s in q.kb.sources}
    return [places.get(f.source, f.source) for f in facts]


#: The words of a summary that say what its record is ("Platform founded by ...").
_SUMMARY_HEAD = 4


def _answer(
    q: _Question, kind: str, named: Sequence[Fact], related: Sequence[Fact], limit: int = 3
) -> Answer:
    stated = q.r.stated
    if stated and kind != FIGURE and len(named) != stated:
        # "name the five countries": the article names another number of them
        names = ", ".join(f.name for f in named)
        raise NoMatchError(f"the article names {len(named)} ({names}), not {stated}")
    if kind == NAME:
        _counted_only(q, named)
    return made(q.r.question, kind, named, related, sources=_sources(q, named), limit=limit)


def _counted_only(q: _Question, named: Sequence[Fact]) -> None:
    """Refuse names of a noun the records only count: "which companies benefited from the
    Action" is answered neither by the count of enterprises helped (a figure is no name of
    one) nor by the Action tied to it (no company), but by what the article gives, the
    count.

    Only for "which/what" and a noun straight after it that the unit of a record named, or
    of one tied to a record named, counts; a record named so by its kind, name, category
    or the first words of its summary ("Platform founded by ...") is one of them."""
    r = q.r
    head = sorted(r.head)
    if not head or head[0] != 1 or r.tokens[0] not in ("which", "what"):
        return
    last = head[-1]
    noun = {r.tokens[last]} | q.stands_for([last])
    ids = {f.id for f in named}
    counts = [
        c.fact
        for c in q.found
        if c.fact.has_figure
        and noun & set(words(c.fact.unit or ""))
        and (
            c.fact.id in ids
            or ids & set(c.fact.related)
            or any(c.fact.id in f.related for f in named)
        )
    ]
    if not counts:
        return
    # deferred for start-up: only a list of names asked of a counted noun needs stems
    from cqedu.core.text import stem

    roots = {stem(w) for w in noun}

    def one_of_them(fact: Fact) -> bool:
        # not its keywords: they tag what a record is about ("companies" on the Action)
        own = f"{fact.kind} {fact.name} {fact.category or ''}"
        said = [*words(own), *words(fact.summary)[:_SUMMARY_HEAD]]
        return not fact.has_figure and any(stem(w) in roots for w in said)

    if not all(one_of_them(f) for f in named):
        raise NoMatchError(wording.not_named(counts[0], "them"))


def everyone(q: _Question) -> Answer:
    """ "which countries does Chongqing work with": every partner that fits."""
    facts = _of_noun(q, [f for f in q.kb.facts() if fits(q.r.kind, f)])
    if q.r.sources:  # "which countries does Chengdu work with": that source's, or none
        ids = {s.id for s in q.r.sources}
        facts = [f for f in facts if f.source in ids]
    if partner_filler(q.r.tokens):
        # "which universities does Chongqing work with": partners, not its own bodies
        facts = [f for f in facts if f.kind == "partner"] or facts
    elif q.r.sources and q.r.kind == PLACES:
        # "which universities are in Chongqing": its own, not partners abroad
        facts = [f for f in facts if f.country is None] or facts
    if not facts:
        raise NoMatchError(f"the article names {_NOT_GIVEN[q.r.kind]}")
    return _answer(q, q.r.kind, facts, facts[1:], limit=len(facts))


def _of_noun(q: _Question, facts: list[Fact]) -> list[Fact]:
    """The partners the question's noun names ("which *universities*": those whose name
    says university, by Snowball stem), or all of them when no record's name says it
    ("which partners"); none when others' names do."""
    word = partner_word(q.r.tokens)
    if q.r.kind != PLACES or word is None:
        return facts
    # deferred for start-up: stems load the stemmer
    from rapidfuzz import fuzz  # deferred: only a list of partners needs it

    from cqedu.core.text import stem

    # stems alike, or spelt alike ("centres", "center": British and American)
    root = stem(word)

    def says(fact: Fact) -> bool:
        return any(fuzz.ratio(stem(w), root) >= _SAME_SPELLING for w in words(fact.name))

    named = [f for f in facts if says(f)]
    if not named and not any(says(f) for f in q.kb.facts() if fits(PLACES, f)):
        # no name says the noun: the records whose kind or category does ("which
        # institutions": the partners of that category), else any but a country, which
        # no university, institution or centre is ("which partners": any)
        of_kind = [f for f in facts if is_a(word, f)]
        if of_kind or not _PARTNER_WORD.match(word):
            return of_kind or [f for f in facts if f.category != "country"]
        return facts
    if named:
        return named
    # the article names some (universities), just none of these: no centre is one
    return []


def _asked_about(
    q: _Question, kind: str, fitting: list[Candidate], ranked: list[Candidate]
) -> list[Candidate]:
    """The records a who or which question may be answered by: not the one it names
    after its verb, and for "which university" one named so and tied to what the words
    after its verb name."""
    if kind == WHO:
        # "who leads the education commission": the commission is the subject, not the answer.
        fitting.sort(key=lambda c: c.fact.kind != "person")
        return _not_the_named(q, fitting)
    if kind in (PLACES, COUNTRIES, NAME, SUMMARY) and _asker(q.r.tokens) is not None:
        # "which university hosts the center", "what sport does Shi Tingmao compete in":
        # the one named after the verb is what the question is about, no answer
        fitting = _not_the_named(q, fitting)
    if kind == PLACES and not q.r.plural:
        fitting = _tied_to_the_object(q, ranked, _of_the_noun(q, fitting))
    return fitting


def _of_the_noun(q: _Question, fitting: list[Candidate]) -> list[Candidate]:
    """ "which university hosts ...": a record named by that noun, when the article names
    any (by Snowball stem); a centre is no university."""
    word = partner_word(q.r.tokens) or ""
    # the records that hold the noun in some form, found through the search index
    holding = q.kb.index_words.records_with([word, *q.lexicon.matches(word)])
    everything = [f for f in holding if fits(PLACES, f)]
    found = _of_noun(q, everything)
    named = {f.id for f in found} | {f.id for f in _named_alike(q, found)}
    if not named:
        return fitting  # no record's name says the noun ("which partner"): any will do
    kept = [c for c in fitting if c.fact.id in named]
    if not kept:
        raise NoMatchError(f'the article does not answer "{q.asked()}"')
    return kept


def _tied_to_the_object(
    q: _Question, ranked: list[Candidate], fitting: list[Candidate]
) -> list[Candidate]:
    """ "which university hosted the World Culture Fair": the partners tied to the record
    the words after the verb name (the best of the records that cannot answer and say
    them): either lists the other as related, or the partner says those words itself. The
    university that hosted the fair covers "hosted" of "which university hosted the Go
    lesson", and is no answer to it. A refusal when none is tied."""
    done = _done(q.r)
    if not done:
        return fitting
    after = [i for i in q.known if i > done[0]]
    answers = {c.fact.id for c in fitting}
    named = next(
        (c for c in ranked if c.fact.id not in answers and any(c.covers([i]) for i in after)),
        None,
    )
    if named is None:
        return fitting  # the words after the verb name no other record
    its = [i for i in after if named.covers([i])]

    def tied(c: Candidate) -> bool:
        return c.fact.id in named.fact.related or named.fact.id in c.fact.related or c.covers(its)

    kept = [c for c in fitting if tied(c)]
    if not kept:
        raise NoMatchError(f'the article does not answer "{q.asked()}"')
    return kept


def _named_alike(q: _Question, found: Sequence[Fact]) -> list[Fact]:
    """The records that may answer "which N" besides `found`, the records of N: those
    named with the word every one of `found` is named with ("which *institution* hosted
    the fair": the partners of category institution are all named "university", and so is
    the university that hosted it). Two at least: one record's name says nothing of its
    kind's."""
    if len(found) < 2:
        return []
    from cqedu.core.text import stem  # deferred: only a partner noun's question needs it

    small = function_words()
    shared = set.intersection(*({stem(w) for w in words(f.name) if w not in small} for f in found))
    if not shared:
        return []
    return [
        f
        for f in q.kb.facts()
        if fits(PLACES, f) and f not in found and shared & {stem(w) for w in words(f.name)}
    ]


def _kind(q: _Question, best: Fact) -> str:
    """The answer type: the question's, or for "which X" and bare words the record's own."""
    r = q.r
    asks_names = r.kind in (NAME, SUMMARY) and not _general(q) and not r.counted
    # a count's own record ("International vocational education platforms") is no name of
    # its members when names are asked for ("name the platforms")
    naming = any(t in NAMING for t in r.tokens[:2])
    counts = best.kind == "stat" or (naming and not best.fields)
    if asks_names and counts and best.has_figure and not r.percent | r.extreme:
        # "which five disciplines entered ...", "what are the six brands": members of a
        # count, which the article does not name.
        unit = set(words(best.unit or ""))
        # the question's words, and the records' words they stand for ("head teachers":
        # principals)
        said = {r.tokens[i] for i in r.subject}
        said |= q.stands_for(r.subject)
        if unit & said:
            raise NoMatchError(wording.not_named(best, "them"))
    if r.kind == SUMMARY and best.kind == "stat" and _measure_asked(q, best):
        return FIGURE  # "what is the intake of ...": the figure, which a summary omits
    if r.kind != NAME:
        return r.kind
    # "name the role models" asks every one; so do "which role models" and "role models"
    # alone, of people
    if r.plural and not naming and best.kind != "person" and not _of_a_category(q, best):
        q.r = r._replace(plural=False)
    if r.extreme or (r.percent and best.has_figure):
        return FIGURE
    if _general(q) and best.has_figure:
        return FIGURE
    return DATE if best.date_as_written and _general(q) else NAME


def _measure_asked(q: _Question, best: Fact) -> bool:
    """Whether "what is the X of Y" asks for what the best record's figure measures
    (`heads.measured`)."""
    from cqedu.ask.heads import measured  # deferred: heads is loaded as the answer's check

    return measured(q.lexicon, q.r, best)


def _of_a_category(q: _Question, best: Fact) -> bool:
    """Whether "which platforms ..." asks of several records of one category, as the best
    one's ("centre"): another of that kind and category covers the question's required
    words as well as it does ("which platforms has Chongqing founded for global
    educational dialogue" names both centres)."""
    if best.category is None or not q.required:
        return False
    scores = {c.fact.id: round(c.score(q.required), 2) for c in q.found}
    top = scores.get(best.id, 0.0)
    own = next((c for c in q.found if c.fact.id == best.id), None)
    if own is None or top <= 0:
        return False
    # ... and says every other word the best one says ("which platforms contribute to
    # poverty reduction": not the centre for dialogue on ancient civilizations)
    said = {i for i in q.known if own.covers([i])}
    return any(
        c.fact.id != best.id
        and (c.fact.kind, c.fact.category) == (best.kind, best.category)
        and scores[c.fact.id] >= top
        and c.covers(sorted(said))
        for c in q.found
    )


def _unasked(q: _Question, kind: str, best: Candidate) -> None:
    """Refuse what no record can answer: a photographer, a thing only mentioned in passing."""
    r = q.r
    if kind == WHO and _PHOTO_WORDS & set(r.tokens):
        raise NoMatchError(
            "the article credits its photos in captions but names no photographer for "
            f"{best.fact.name}"
        )
    if kind == SUMMARY and r.manner:
        # "how are teachers paid": the record must say the verb, or it does not say how
        done = _manner_verb(r)
        compared = _compared_as_said(r, best)
        if not compared and (done is None or not best.quality.get(done) or done in best.weak):
            raise NoMatchError(f'the article does not say "{q.asked()}"')
    if kind == SUMMARY and _asks_deed(r) and best.fact.kind == "person":
        _deed(best.fact)
    verb = _object_asked(r)
    if kind == SUMMARY and verb is not None and best.fact.kind in ("person", "organization"):
        # "what did Liu Yanbing emphasize": what he said, which his record (who he is; or
        # what a body is)
        # gives only when it states that verb (or a word it stands for), in its summary
        # as anywhere
        said = set(words(" ".join((best.fact.name, best.fact.summary, *best.fact.keywords))))
        meant = q.stands_for([verb])
        meant |= {w for m in meant for term in q.lexicon.synonyms.get((m,), ()) for w in term}
        if not best.quality.get(verb) and not meant & said:
            from cqedu.ask.quoting import as_typed  # deferred: only for this refusal

            # "how do you see X", read as "what do you see X as": no "as" was typed
            typed = as_typed(r, [verb])
            if not typed:
                raise NoMatchError(f'the article does not say "{q.asked()}"')
            raise NoMatchError(wording.no_object(best.fact, r.tokens[1], typed))
    if kind == SUMMARY:
        head = [i for i in q.required if i in r.head]
        # ... but a word that says what the record is ("hope": its summary's "stated
        # aim") asks of the record, which its summary describes
        itself = summary_head(best.fact)
        weak = [i for i in head if i in best.weak and itself not in q.stands_for([i])]
        if weak and len(weak) == len(head) and not _done_to_it(q, head, best):
            raise NoMatchError(
                f'the article does not describe "{phrase(r, weak)}"; '
                f"{best.fact.name} only mentions it"
            )


#: Words after a participle said of a record's subject ("chosen *among*", "founded *by*").
_AFTER_PARTICIPLE = PREPOSITIONS | frozenset({"to", "into", "under", "among", "as"})


def _done_to_it(q: _Question, head: Sequence[int], best: Candidate) -> bool:
    """Whether the question asks which thing had something done to it ("what was
    *selected* as a national pilot", a passive participle after "what" and "be") and the
    record says so of itself: its verb is then what is asked, no word to describe."""
    r = q.r
    if r.tokens[:1] not in (("what",), ("which",)) or r.tokens[1:2] not in [(b,) for b in _BE]:
        return False
    # deferred for start-up: only this question reads the irregular verb table
    from cqedu.store.lemmas import verb_lemmas

    done = r.tokens[2] if list(head) == [2] else ""
    participle = inflected(done) or bool(done and verb_lemmas(done))  # "chosen", "held"
    if not participle or best.quality.get(2, 0.0) <= 0:
        return False
    from cqedu.core.text import stem  # deferred for start-up: stems load the stemmer

    meant = {done, *q.stands_for([2])}
    meant |= {w for m in set(meant) for term in q.lexicon.synonyms.get((m,), ()) for w in term}
    roots = {stem(w) for w in meant} | {stem(v) for w in meant for v in verb_lemmas(w)}
    said = words(best.fact.summary)
    # said of the record itself, as a participle: "reform, *chosen among* ...", "platform
    # *founded by* ..."; a verb with its object is what the record did ("whose campus
    # *hosted the* fair": the fair was held, not the university)
    return any(
        stem(w) in roots and (k + 1 == len(said) or said[k + 1] in _AFTER_PARTICIPLE)
        for k, w in enumerate(said)
    )


#: The copula after "what kind of N" that makes it ask what N a thing is.
_COPULAS = frozenset({"is", "are", "was", "were"})


def _of_a_kind(q: _Question, ranked: list[Candidate]) -> list[Candidate]:
    """The records that may answer "what kind of N ...", or a refusal.

    "what kind of N is X" asks of X: only a record that holds every word of X answers
    ("what type of school is the Leicester joint college" is no high school's rate).
    Otherwise the answer must be an N: its name or keywords say N (by Snowball stem); a
    record that only lists N among its fields or in passing is of something else ("what
    kind of robots are built": the programs that teach robotics are no robots).
    """
    r = q.r
    tokens = r.tokens
    at = next(
        (
            i
            for i in range(1, len(tokens) - 2)
            if tokens[i] in CLASSIFIERS
            and tokens[i - 1] in ("what", "which")
            and tokens[i + 1] == "of"
        ),
        None,
    )
    head = sorted(i for i in r.head if at is not None and i > at)
    if at is None or not head or r.kind not in (NAME, SUMMARY):
        return ranked
    noun = head[-1]
    run = _thing_asked(q, noun + 1)
    thing = [i for i in run if i in q.known and i not in q.homes and not q.generic(i)]
    if thing:
        # deferred: the checks module imports this one
        from cqedu.ask.checks import _article, _name_spans

        # a name typed whole is that record's ("Southwest University": not the law school's)
        named = [fact for begin, _, fact in _name_spans(q) if begin == run[0]]
        whole = {fact.id for fact in named}
        kept = [
            c
            for c in ranked
            if c.covers(thing)
            and c.quality.get(noun, 0.0) > 0
            and (not whole or c.fact.id in whole)
        ]
        if not kept:
            raise NoMatchError(
                f'{_article(q, ranked[0].fact)} does not say what kind of "{tokens[noun]}" '
                f'"{phrase(r, run)}" is{_look(named or [c.fact for c in ranked])}'
            )
        return kept
    best = ranked[0].fact
    if ranked[0].quality.get(noun, 0.0) > 0 and not _names_as(tokens[noun], best):
        raise NoMatchError(
            f'the article does not say what kind of "{phrase(r, head)}"; {best.name} only '
            "mentions it"
        )
    return ranked


def _thing_asked(q: _Question, after: int) -> list[int]:
    """The positions of X in "what kind of N is X" (every word typed): a noun phrase
    after the copula at `after`, opened by an article or a name ("is *the Leicester
    joint college*", "is *Li* Xuanhao"), to its first small or inflected word; none for
    "are built in ..."."""
    r = q.r
    tokens = r.tokens
    if after >= len(tokens) or tokens[after] not in _COPULAS:
        return []
    start = after + 1
    while start < len(tokens) and tokens[start] in ("the", "a", "an"):
        start += 1
    from cqedu.ask.checks import _name_spans  # deferred: the checks module imports this one

    opened = start > after + 1 or (
        start < len(tokens)
        and (
            r.typed[start][:1].isupper()
            or proper_noun(q.kb, tokens[start])
            or any(begin == start for begin, _, _ in _name_spans(q))
        )
    )
    if not opened:
        return []
    small = function_words()
    run: list[int] = []
    for i in range(start, len(tokens)):
        if tokens[i] in small or inflected(tokens[i]):
            break
        run.append(i)
    return run


def _names_as(word: str, fact: Fact) -> bool:
    """Whether a record is a `word`: its name or keywords hold a form of it (Snowball)."""
    # deferred for start-up: only "what kind of N" needs stems here
    from cqedu.core.text import stem

    root = stem(word)
    text = " ".join((fact.name, *fact.keywords))
    return any(derived(root, stem(w)) for w in words(text))


def _asks_deed(r: Reading) -> bool:
    """Whether the question asks what someone did: "what did X do (to be called Y)"."""
    tokens = r.tokens
    return tokens[:1] == ("what",) and "did" in tokens and "do" in tokens[tokens.index("did") :]


def _new_places(q: _Question, fitting: list[Candidate], best: Fact) -> list[Candidate]:
    """The records that say where, a partner or organization first; not a place read from
    a description that the question names already: "where is the Study in Chongqing
    initiative promoted" is not answered "Chongqing" (a brand's own name). A record's own
    country is ("where is Universidade de Sao Paulo": Sao Paulo), but not for the
    programme the question is about, run with a partner of that country ("where is the
    joint college with Leicester": the university's United Kingdom is not the college's
    place)."""
    asked = set(q.r.tokens)
    partnered = best.kind == "program" and best.country is not None
    fitting = [
        c
        for c in fitting
        if (c.fact.country or not set(words(wording.place_of(c.fact) or "")) <= asked)
        and not (partnered and c.fact != best and c.fact.country == best.country)
    ]
    return sorted(fitting, key=lambda c: c.fact.kind not in ("partner", "organization"))


#: The record attribute that names a programme's subject fields (`Fact.fields`).
_FIELDS = "fields"


def _of_its_fields(q: _Question, ranked: list[Candidate]) -> Answer | None:
    """ "list the Sino-foreign program fields", "in what fields does ... offer": the record
    the question is about whose subject fields the article names, by its own description
    (which names them), not its count; None when the question asks no fields or no such
    record covers its words."""
    asked = [i for i in q.r.subject if q.r.tokens[i] in (_FIELDS, _FIELDS[:-1])]
    if not asked or q.r.kind != NAME:
        return None
    rest = [i for i in q.required if i not in asked]
    best = ranked[0].score(rest)
    with_fields = [c for c in ranked if c.fact.fields and c.score(rest) >= best]
    if not with_fields:
        return None
    return _answer(q, NAME, [with_fields[0].fact], [])


def _object_asked(r: Reading) -> int | None:
    """Where the verb of "what did X emphasize" stands (its last word), when it is no
    "do": the question asks the verb's object, not X."""
    tokens = r.tokens
    if tokens[:1] != ("what",) or tokens[1:2] not in (("did",), ("does",), ("do",)):
        return None
    last = len(tokens) - 1
    if last < 3 or tokens[last] == "do" or last in r.level_positions:
        return None
    return last


def _deed(fact: Fact) -> None:
    """Refuse "what did X do" when the person's record says what X is but not what X did:
    a deed is a relative clause on the person ("who gave children a lesson")."""
    said = words(fact.summary)
    if any(a == "who" and b not in CLOSED_CLASS for a, b in pairwise(said)):
        return
    raise NoMatchError(wording.no_deed(fact))


#: Verbs that set a thing against a measure ("how does X *compare* with ...", "*stack*
#: up against", "*measure* up to", "*fare* against") and the prepositions before it.
_COMPARING = frozenset("compare compares compared stack stacks measure measures fare fares".split())
_AGAINST = frozenset({"with", "to", "against"})
#: English's words of comparison a description may set a figure against a measure with
#: ("*above* the national average", "*exceeds* it", "higher *than*").
_COMPARATIVE = frozenset(
    "above below beyond under over exceeds exceeding exceeded surpasses surpassed higher"
    " lower than".split()
)


def _compared_as_said(r: Reading, best: Candidate) -> bool:
    """Whether "how does X compare with Y" is answered by X's description: it says Y
    (even in passing: "the national average" is no figure of its own here, but what X is
    set against) with a word of comparison ("*above* the national average")."""
    at = next((i for i, t in enumerate(r.tokens) if t in _COMPARING), None)
    if at is None:
        return False
    to = next((i for i in range(at + 1, len(r.tokens)) if r.tokens[i] in _AGAINST), None)
    if to is None:
        return False
    measure = [i for i in range(to + 1, len(r.tokens)) if r.tokens[i] not in CLOSED_CLASS]
    said = set(words(best.fact.summary))
    return bool(measure) and all(best.quality.get(i) for i in measure) and bool(said & _COMPARATIVE)


def _manner_verb(r: Reading) -> int | None:
    """Where the verb of "how is X done" stands: its first inflected form ("how is
    Chongqing *described* in ..."), else its last word that is no closed-class word ("how
    does the plan *work*")."""
    words_at = [i for i in range(2, len(r.tokens)) if r.tokens[i] not in CLOSED_CLASS]
    formed = [i for i in words_at if inflected(r.tokens[i])]
    found = formed or words_at[-1:]
    return found[0] if found else None


def choose(q: _Question, ranked: list[Candidate]) -> Answer:
    """The answer of the asked-for type, or a refusal saying what the article gives."""
    ranked = _of_a_kind(q, ranked)
    kind = _kind(q, ranked[0].fact)
    r = q.r
    told = _told_in_summary(q, kind, ranked) or _of_its_fields(q, ranked)
    told = told or _length_as_its_span(q, kind, ranked)
    people = kind == WHO and ranked[0].fact.kind == "person"  # "who are the role models"
    # a plural noun phrase alone lists names, not figures ("international students")
    listing = r.plural and not (kind == FIGURE and r.kind == NAME)
    if told is None and (kind in (NAME, FIGURE) or people) and listing and not r.extreme:
        # "growth of student numbers": figures asked for, and the record the question is
        # about gives none, whatever it describes
        none = kind == FIGURE == r.kind and not ranked[0].fact.has_figure
        told = _related(q, kind, ranked) if none else _listed(q, ranked)
    if told is not None:
        return told
    _unasked(q, kind, ranked[0])
    fitting = [c for c in ranked if fits(kind, c.fact)]
    if kind == PLACE and r.tokens[-1] == "from":
        # "where is X from" asks its origin: a country, not where it happened
        fitting = [c for c in fitting if c.fact.country]
        if not fitting:
            raise NoMatchError(f"the article does not say where {ranked[0].fact.name} is from")
    if kind == PLACE:
        fitting = _new_places(q, fitting, ranked[0].fact)
    if not fitting or (
        kind in (DATE, WHO, PLACE)
        and (_named_elsewhere(ranked[0], fitting[0]) or _of_another(q, fitting[0].fact))
    ):
        return _related(q, kind, ranked)
    if kind == FIGURE:
        fitting = _figures(q, fitting)
        if r.extreme:
            return _extreme(q, fitting)
    fitting = _asked_about(q, kind, fitting, ranked)
    if r.plural and kind in (PLACES, COUNTRIES):
        # Those that cover as many of the question's words as the best one does: "in
        # vocational training" is not answered by a partner of principals' training.
        def covered(c: Candidate) -> int:
            return sum(1 for i in q.known if c.quality.get(i, 0.0) > 0)

        most = max(covered(c) for c in fitting)
        fitting = [c for c in fitting if covered(c) == most]
        order = {c.fact.id: n for n, c in enumerate(q.found)}  # the article's order
        named = _of_noun(q, sorted((c.fact for c in fitting), key=lambda f: order[f.id]))
        if not named:
            raise NoMatchError(f'the article does not answer "{q.asked()}"')
        return _answer(q, kind, named, named[1:], limit=len(named))
    top = fitting[0].fact
    if kind == FIGURE:
        # The same figure from other sources ("how many teachers" over two cities): each.
        same = [
            c.fact
            for c in fitting
            if c.fact.source != top.source
            and c.fact.unit == top.unit
            and c.score(q.required) == fitting[0].score(q.required)
            and c.fit >= MIN_FIGURE_FIT
        ]
        # each other source's best figure: `fitting` is best first
        others = list({f.source: f for f in reversed(same)}.values())[::-1]
        if others:
            return _answer(q, FIGURE, [top, *others], [], limit=0)
    _in_the_year(q, kind, top)
    _of_when(q, kind, top)
    related = [q.kb.get(i) for i in top.related]  # ids the loader checked
    related += [
        c.fact
        for c in fitting[1:]
        if (c.fact.unit, c.fact.kind) == (top.unit, top.kind) and c.covers(q.required)
    ]
    return _answer(q, kind, [top], related)


#: Words that ask when something ends, and when one is still to come ("the *next* fair").
_ENDING = frozenset({"end", "ends", "ended", "ending", "finish", "finishes", "expire", "expires"})
_COMING = frozenset({"next", "upcoming", "coming"})


def _of_when(q: _Question, kind: str, top: Fact) -> None:
    """Refuse a date that is not the one asked: the end of what the article gives only a
    start for ("when will free preschool end": from 2025), or a later one than the event
    it reports ("the next press conference")."""
    if kind != DATE:
        return
    tokens = set(q.r.tokens)
    if tokens & _ENDING and (top.period or "").startswith("from"):
        raise NoMatchError(
            f"the article gives when {wording.in_sentence(top.name, top)} starts ({top.period}), "
            "not when it ends"
        )
    if tokens & _COMING and "year" not in tokens and top.date_as_written:
        raise NoMatchError(
            f"the article gives only the date of the {wording.in_sentence(top.name, top)} it "
            f"reports ({top.date_as_written}), not of a later one"
        )


def _in_the_year(q: _Question, kind: str, top: Fact) -> None:
    """Refuse "which brand was launched this year" unless the record says that year (a
    figure's year is checked with its period, `_of_time`)."""
    r = q.r
    if kind == FIGURE or not r.years or not _happening(q, top):
        return
    said = f"{top.period or ''} {top.date or ''} {top.summary}"
    if not all(year in said for year in r.years):
        raise NoMatchError(
            f"the article mentions {top.name} but does not say it was in {', '.join(r.years)}"
        )


def _told_in_summary(q: _Question, kind: str, ranked: list[Candidate]) -> Answer | None:
    """Answers a summary holds though no record is of the type: a photo's credit ("who
    took the photo of the fair"), who did a deed ("founded by Chongqing"); and "why",
    which no record tells (refused)."""
    r = q.r
    if kind == WHO and _PHOTO_WORDS & set(r.tokens):
        credited = _photographers(q, ranked)
        if credited:
            return _answer(q, WHO, credited, [], limit=0)
    if kind == WHO and not fits(WHO, ranked[0].fact) and _done_by(q, ranked[0].fact):
        _not_the_doer_asked(q, ranked[0].fact)
        return _answer(q, WHO, [ranked[0].fact], [])
    if r.reason:  # the records say what and when, never why
        head = {r.tokens[i] for i in r.head}
        about = max(ranked[:3], key=lambda c: len(head & set(words(c.fact.name)))).fact
        raise NoMatchError(f"the article mentions {about.name} but does not say why")
    return None


def _done_by(q: _Question, fact: Fact) -> bool:
    """Whether a record's summary says who did what the question asks ("who founded the
    centre": "Platform founded by Chongqing"): its verb is the question's verb, in any
    form or by a declared synonym ("who set up", "who established")."""
    done = wording.by_whom(fact)
    if done is None:
        return False
    verb = done[0]
    for i in q.r.verbs | frozenset(q.r.subject):
        if i >= len(q.r.tokens) or i in q.r.head:
            continue
        token = q.r.tokens[i]
        said = {token, *q.lexicon.matches(token)}
        for term, synonyms in q.lexicon.terms:  # "established" and "founded": one term's
            if said & {term, *synonyms}:
                said |= {term, *synonyms}
        if verb in said:
            return True
    # a verb of two words typed whole ("set up"): its declared synonyms name the verb
    typed = f" {' '.join(q.r.tokens)} "
    return any(f" {term} " in typed and verb in synonyms for term, synonyms in q.lexicon.terms)


def _not_the_doer_asked(q: _Question, fact: Fact) -> None:
    """Refuse when the doer a record names ("founded by Chongqing") is what the question
    asks about ("who founded chongqing" asks who founded the city), not the record: its
    doer answers "who founded the centre", whose words the question then holds."""
    done = wording.by_whom(fact)
    if done is None:
        return
    verb, doer = done
    asked = set(q.r.tokens)
    if set(words(doer)) <= asked and not (set(words(fact.name)) - STOPWORDS) & asked:
        raise NoMatchError(
            f"the article does not say who {verb} {doer}; it says {doer} {verb} {fact.name}"
        )


def _photographers(q: _Question, ranked: list[Candidate]) -> list[Fact]:
    """The photos a question about a photographer asks of, whose captions credit one: the
    best covered when the question names what the photo shows ("who took the photo of the
    fair"), else every one ("who took the photos")."""
    r = q.r
    credited = [c for c in ranked if wording.photo_credit(c.fact)]
    about = [i for i in q.known if r.tokens[i] not in _PHOTO_WORDS and not q.generic(i)]
    about = [i for i in about if i not in r.common and i not in r.verbs]
    if not about:
        order = {fact_id: n for n, fact_id in enumerate(q.kb.ids())}
        return sorted((c.fact for c in credited), key=lambda f: order[f.id])
    covering = [c for c in credited if c.covers(about)]
    return [covering[0].fact] if covering else []


def _in_total(tokens: Sequence[str]) -> bool:
    """Whether a question asks for a total over time ("in total")."""
    return any(a == "in" and b == "total" for a, b in pairwise(tokens))


def _named_elsewhere(best: Candidate, fitting: Candidate) -> bool:
    """Whether the question names a record by its whole name ("when was Study in
    Chongqing launched") that cannot give the type, and the first that can is only a
    weaker fit: that one is about something else."""
    return best.fact != fitting.fact and best.fit >= 1 and fitting.fit < best.fit


def _of_another(q: _Question, fact: Fact) -> bool:
    """Whether the question names records by their whole names ("when was the *Study in
    Chongqing* initiative launched") and `fact` is none of them, none of their related
    records, and says none of their names: its date, holder or place is another's."""
    from cqedu.ask.checks import _name_spans  # deferred: the checks module imports this one

    named = [other for _, _, other in _name_spans(q)]
    if not named or fact in named:
        return False
    said = " ".join(words(" ".join((fact.name, fact.summary or "", *fact.keywords))))
    return not any(
        other.id in fact.related
        or fact.id in other.related
        or f" {' '.join(words(other.name))} " in f" {said} "
        for other in named
    )


def _not_the_named(q: _Question, fitting: list[Candidate]) -> list[Candidate]:
    """ "who coaches Shi Tingmao", "who is Li Xuanhao's teacher", "who did Liu Yanbing
    meet": the question is about the one it names, who is no answer; another is only when
    it covers what was done ("who *leads* the commission": its director; "runs", common
    English, is no word to cover) and the named one owns nothing ("X's teacher")."""
    r = q.r
    kept = [c for c in fitting if not _named_as_other(r, c.fact)]
    if len(kept) == len(fitting):
        return fitting
    done = _done(r)
    owning = "s" in r.tokens
    # a declared verb ("founded") is no ordinary English here: who did it must say so
    declared = r.kind == WHO and done and declared_verb(q.lexicon, r.tokens[done[0]])
    plain = _ordinary(q, done) and not declared
    if not kept or owning or not (plain or kept[0].covers(done)):
        raise NoMatchError(f'the article does not answer "{q.asked()}"')
    return kept


def _asker(tokens: Sequence[str]) -> int | None:
    """Where the question asks who or which: "who", or the noun of "which university",
    "what sport" (a word that is no closed-class word, right after "which" or "what")."""
    for i, token in enumerate(tokens[:3]):
        if token in ("who", "whom"):
            return i
        if token in ("which", "what") and i + 1 < len(tokens):
            noun = tokens[i + 1]
            return i + 1 if noun not in CLOSED_CLASS and noun not in function_words() else None
    return None


def _done(r: Reading) -> list[int]:
    """Where a who-question says what was done: the word after "who" (or "which
    university"), or the last word after "who did" ("who did Liu Yanbing *meet*",
    "what sport does Shi Tingmao *compete* in")."""
    who = _asker(r.tokens)
    if who is None or who + 1 >= len(r.tokens):
        return []
    if r.tokens[who + 1] in ("do", "does", "did"):
        last = [i for i in range(who + 2, len(r.tokens)) if r.tokens[i] not in CLOSED_CLASS]
        return last[-1:]
    return [who + 1]


def _ordinary(q: _Question, done: list[int]) -> bool:
    """Whether what was done is ordinary English ("runs", "gave"), which says too little
    to check, or a form of a declared verb."""
    # deferred for start-up: stems load the stemmer
    from cqedu.core.text import stem

    token = q.r.tokens[done[0]] if done else ""
    # "who *won* the fair": the stop-word list holds "won", but "win" says what was done
    return (
        bool(token)
        and not past_of_content_verb(token)
        and (
            stem(token) in function_words()
            or token in function_words()
            or declared_verb(q.lexicon, token)
        )
    )


def _does_what_was_done(q: _Question, fact: Fact) -> bool:
    """Whether a record tied to the one asked about says what was done, by the verb's
    Snowball stem ("hosted" in "...whose campus hosted the fair"), or the verb is ordinary."""
    from cqedu.core.text import stem  # deferred for start-up, as above

    done = _done(q.r)
    # a declared verb ("opened") must be said: hosting a fair is not opening it
    if not done or (_ordinary(q, done) and not declared_verb(q.lexicon, q.r.tokens[done[0]])):
        return True
    token = q.r.tokens[done[0]]
    said = {token}
    for term, synonyms in q.lexicon.terms:  # "held" says "hosted": one declared term's
        if stem(token) in {stem(w) for w in (term, *synonyms)}:
            said |= {term, *synonyms}
    roots = {stem(w) for w in said}
    return any(stem(w) in roots for w in words(f"{fact.name} {fact.summary}"))


def _named_as_other(r: Reading, fact: Fact) -> bool:
    """Whether a who-question types the record's own name as what it asks about, not as
    the answer: after a verb ("who *coaches* Shi Tingmao") or owning a noun ("who is Li
    Xuanhao's *teacher*")."""
    name = words(fact.name)
    tokens = list(r.tokens)
    starts: list[int] = []
    # the whole name, or for "who" its first words ("who founded Southwest University":
    # "Southwest University of Political Science and Law")
    shortest = min(len(name), 2) if r.kind == WHO else len(name)
    size = len(name)
    for size in range(len(name), shortest - 1, -1):
        starts = [i for i in range(len(tokens)) if tokens[i : i + size] == name[:size]]
        if starts:
            break
    if not starts and r.kind == WHO and len(name) > 2:
        # ... or without its first word, a place the question need not type ("the
        # Municipal Education Commission" of Chongqing's)
        size = len(name) - 1
        starts = [i for i in range(len(tokens)) if tokens[i : i + size] == name[1:]]
    if not name or not starts:
        return False
    end = starts[0] + size
    owning = end + 1 < len(tokens) and tokens[end] == "s" and tokens[end + 1] not in CLOSED_CLASS
    who = _asker(tokens)
    # any verb but "be" ("who is Shi Tingmao" asks who she is; "who did X meet" does not)
    acting = who is not None and who + 1 < starts[0] and tokens[who + 1] not in _BE
    # "which sport ... Shi Tingmao ...": the noun asked for is named nowhere in the
    # record's name or summary (a keyword only tags it), so the one named is what the
    # question is about; "which district is the factory in" finds "Yubei District" there
    other = (
        r.kind in (NAME, SUMMARY)
        and who is not None
        and tokens[who] not in ("who", "whom")
        and not starts[0] <= who < end
        and not _says_noun(tokens[who], fact)
    )
    return owning or acting or other


def _says_noun(noun: str, fact: Fact) -> bool:
    """Whether a record's name or summary uses a noun, in any form (Snowball stem)."""
    # deferred for start-up: only a "which X" question naming a record needs stems
    from cqedu.core.text import stem

    root = stem(noun)
    return any(stem(w) == root for w in words(f"{fact.name} {fact.summary}"))


def _general(q: _Question) -> bool:
    """Whether no question word decided the type ("teachers in chongqing")."""
    return not any(t in ("which", "what", "who", "where", "when", *NAMING) for t in q.r.tokens)


def _listed(q: _Question, ranked: list[Candidate]) -> Answer:
    """ "what are the enrollment rates": every figure of the best one's unit that covers
    the question alike."""
    best = ranked[0]
    if _names_a_count(q.r.tokens, best.fact):
        # "list the five educations": the count and noun typed are the best record's own
        # name ("Five Educations in One"), whose description says what they are; the
        # other records about education are not five of them
        tied = [q.kb.get(i) for i in best.fact.related]  # what it names as tied to it
        return _answer(q, SUMMARY, [best.fact], tied)
    top = round(best.score(q.required), 2)

    def alike(c: Candidate) -> bool:
        # a name fitted, or, for records of no figure ("name the role models"), the
        # question's required words covered as well as by the best
        if c.fit > 0:
            return True
        return not best.fact.has_figure and round(c.score(q.required), 2) >= top > 0

    chosen = {
        c.fact.id
        for c in ranked
        if c.fact.unit == best.fact.unit and c.fact.kind == best.fact.kind and alike(c)
    }
    order = {c.fact.id: number for number, c in enumerate(q.found)}  # the article's order
    named = sorted((c.fact for c in ranked if c.fact.id in chosen), key=lambda f: order[f.id])
    kind = FIGURE if best.fact.has_figure else NAME
    if kind == FIGURE:
        listed = [c for c in ranked if c.fact.id in chosen]
        if not listed:  # not even the best fits what is listed ("list all partners")
            raise NoMatchError(f'the article does not answer "{q.asked()}"')
        kept = {c.fact.id for c in _figures(q, listed)}
        named = of_each_level(q.r, [f for f in named if f.id in kept])
        # "list the (78) sino-foreign programs": the things a figure counts, asked by name
        # ("list the enrollment rates" asks the figures: no unit counts rates); with a
        # count before it the noun is no head of the reading, but the question's last word
        last = max(q.r.head, default=len(q.r.tokens) - 1)
        noun = {q.r.tokens[last]} | q.stands_for([last])
        counting = [f for f in named if noun & set(words(f.unit or ""))]
        if counting:
            raise NoMatchError(wording.not_named(counting[0], "them"))
    else:
        # "list the officials": records that are officials, not a conference whose
        # keywords say officials spoke at it
        named = of_the_noun(q, named)
        if not named:
            raise NoMatchError(f'the article does not answer "{q.asked()}"')
    return _answer(q, kind, named, named[1:], limit=len(named))


def _names_a_count(tokens: Sequence[str], fact: Fact) -> bool:
    """Whether a count and the word after it in the question ("five educations") are
    two words in a row of a record's name of no figure ("Five Educations in One")."""
    if fact.has_figure:
        return False
    name = words(fact.name)
    pairs = set(pairwise(name))
    return any(
        (first.isdigit() or first in NUMBER_WORDS) and (first, second) in pairs
        for first, second in pairwise(tokens)
    )


def _related(q: _Question, kind: str, ranked: list[Candidate]) -> Answer:
    """A record the question is about cannot give the type: a record tied to it that can
    ("who taught children to play Go": the lesson's person), else a partial refusal."""
    best = ranked[0].fact
    # "who took the photo of the fair" asks its credit, no person tied to the fair; a
    # partner asked of a photo ("which university took the stage in the photo") is the
    # caption's own partner
    photo = kind == WHO and bool(_PHOTO_WORDS & set(q.r.tokens))
    if kind in (WHO, PLACES, COUNTRIES) and not photo:
        for candidate in ranked[:3]:
            tied = [q.kb.get(i) for i in candidate.fact.related]  # ids the loader checked
            right = [f for f in tied if fits(kind, f) and f.kind != "stat"]
            if kind == WHO:  # "who spoke at the fair": not its host, who did not speak
                # (a person tied to an event is one who acted in it)
                # ... unless the verb is a declared one ("hosted"), which the person's
                # record or the event's must say: presenting at a conference is no hosting
                done = _done(q.r)
                declared = bool(done) and declared_verb(q.lexicon, q.r.tokens[done[0]])
                event_says = _does_what_was_done(q, candidate.fact)
                right = [
                    f
                    for f in right
                    if _does_what_was_done(q, f)
                    or (f.kind == "person" and (not declared or event_says))
                ]
            if right and candidate.covers(q.required):
                if kind == WHO:
                    right.sort(key=lambda f: f.kind != "person")
                return _answer(q, kind, right[:1], [candidate.fact, *right[1:]])
    if kind in (PLACES, COUNTRIES, WHO, NAME):
        # "which universities are in the Double First-Class Initiative": a count of them;
        # a list of partners asks its noun's ("which *countries* send students": no count
        # of students is one of countries)
        noun = partner_word(q.r.tokens) if kind in (PLACES, COUNTRIES) else None
        asked = {noun} if noun else set(q.r.tokens)
        for candidate in ranked:
            unit = set(words(candidate.fact.unit or ""))
            if candidate.fact.has_figure and unit & asked:
                # a count of countries of which the article names some: those it names
                # (worded with the count, `counted_lists`), not "does not name them"
                some = named_for(q.kb, candidate.fact) if kind == COUNTRIES else []
                if some and candidate.covers(q.required):
                    return _answer(q, kind, some, [candidate.fact], limit=len(some))
                raise NoMatchError(wording.not_named(candidate.fact, "them"))
        if best.has_figure and not noun:
            raise NoMatchError(wording.not_named(best, "them"))
    if kind == PLACE:
        return _host(q, ranked)
    if kind == FIGURE and q.r.counted:
        # "how many schools are in Dadukou District": no count, whatever mentions the place.
        counted = phrase(q.r, sorted(q.r.counted))
        rest = [i for i in q.required if i not in q.r.counted]
        where = f' for "{phrase(q.r, rest)}"' if rest else ""
        raise NoMatchError(f'the article gives no count of "{counted}"{where}')
    raise NoMatchError(
        f"the article gives {_NOT_GIVEN.get(kind, 'no answer')} for {best.name}"
        f"{_look([c.fact for c in ranked])}"
    )


def _host(q: _Question, ranked: list[Candidate]) -> Answer:
    """ "where was the World Culture Fair held": an event's host holds its place; else the
    article does not say where."""
    for candidate in ranked[:3]:
        event = candidate.fact
        if event.kind == "event" and candidate.covers(q.required):
            host = wording.hosts(event, [q.kb.get(i) for i in event.related])
            if host:
                return _answer(q, PLACE, host[:1], [event, *host[1:]])
    raise NoMatchError(f"the article names {ranked[0].fact.name} but does not say where it is")


#: A period that is a span of years ("2021-2025"), whose length it gives.
_SPAN = re.compile(r"(?:19|20)\d\d\s*[-\u2013]\s*(?:19|20)\d\d")


def _length_as_its_span(q: _Question, kind: str, ranked: list[Candidate]) -> Answer | None:
    """The span of years of the record asked about, for a length of time asked ("how long
    is the 14th Five-Year Plan", "how many years does it cover") when no figure of the
    records is a length: the article gives its years (2021-2025), not a count of them.
    None for any other question, or a record with no span."""
    r = q.r
    years = any(r.tokens[i] in ("year", "years") for i in r.counted)
    if kind != FIGURE or not (r.duration or years):
        return None
    if any(c.fact.unit in _DURATION_UNITS and fits(kind, c.fact) for c in ranked):
        return None
    about = ranked[0].fact
    if not _SPAN.fullmatch((about.period or "").strip()):
        return None
    return _answer(q, DATE, [about], [q.kb.get(i) for i in about.related])


def _forward(q: _Question, fact: Fact) -> bool:
    """Whether a figure looks ahead of its source: from a date on ("from 2025"), or a
    target or any period after the source's year ("by 2027", "2026-2030")."""
    period = (fact.period or "").strip().lower()
    if period.startswith("from "):
        return True
    years = [int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", period)]
    dated = [s.date[:4] for s in q.kb.sources if s.id == fact.source and s.date[:4].isdigit()]
    if not years or not dated:
        return False
    return min(years) > int(dated[0]) or (period.startswith("by ") and years[0] >= int(dated[0]))


def _of_time(q: _Question, fitting: list[Candidate]) -> list[Candidate]:
    """Figures of the time asked for: a length of time ("how long"), per year, a total
    over time ("in total"), in the years named; else the refusal says what is given."""
    r = q.r
    if r.duration:
        fitting = [c for c in fitting if c.fact.unit in _DURATION_UNITS] or _refuse(
            "the article gives no length of time", fitting
        )
    if r.per_year:
        fitting = [c for c in fitting if c.fact.period == "per year"] or _refuse(
            f"the article gives no per-year figure for {fitting[0].fact.name}", fitting
        )
    if not r.per_year and _in_total(r.tokens):
        # "how many scholars were sponsored in total": a figure per year is no total
        fitting = [c for c in fitting if c.fact.period != "per year"] or _refuse(
            f"the article gives {wording.counted_when(fitting[0].fact)}, not a total", []
        )
    if r.future:
        # "how many schools does the city plan to build": a figure from a date on, not
        # a count of today
        fitting = [c for c in fitting if _forward(q, c.fact)] or _refuse(
            f"the article gives {wording.counted_when(fitting[0].fact)}, no plan or forecast",
            [],
        )
    if r.years:
        happened = _happening(q, fitting[0].fact)
        timely = [c for c in fitting if _of_years(c, r.years, happened)]
        if not timely and happened and any(_of_years(c, r.years, False) for c in fitting):
            # "how many programs were launched this year": the figure as of that year is
            # how many there were by then, not how many were added in it
            raise NoMatchError(
                f"the article gives {wording.counted_when(fitting[0].fact)}, a running "
                f"total, not how many in {', '.join(r.years)}"
            )
        fitting = timely or _refuse(
            f"the article gives {wording.counted_when(fitting[0].fact)}, "
            f"not for {', '.join(r.years)}",
            fitting[1:],
        )
    return fitting


def _of_years(c: Candidate, years: Sequence[str], happened: bool) -> bool:
    """Whether a figure is of the years asked: a period of several years ("2021-2025")
    only when both its ends are asked, one year's total ("as of 2025") only when the
    question asks no happening in it (see `_happening`)."""
    period = c.fact.period or ""
    first, dash, last = period.partition("-")
    if dash and first.isdigit() and last.isdigit():
        return first in years and last in years
    if happened and period.startswith("as of"):
        return False
    return all(y in f"{period} {c.fact.date}" for y in years)


def _happening(q: _Question, fact: Fact) -> bool:
    """Whether a figure asked of a year is what happened in it ("programs *launched* this
    year", "*new* schools in 2024", "set up"): a declared verb of two words, or a past
    participle or a declared verb's form that the figure does not say itself ("students
    *enrolled* in 2025" are what it counts; "enrolled *this year*" happened in it)."""
    r = q.r
    if "new" in r.tokens:
        return True
    typed = f" {' '.join(r.tokens)} "
    for term, synonyms in q.lexicon.terms:
        verb_term = any(" " not in w and inflected(w) for w in synonyms)
        if verb_term and " " in term and f" {term} " in typed:
            return True
    relative = any(a in RELATIVE_YEARS and b == "year" for a, b in pairwise(r.tokens))
    for i in r.subject:
        token = r.tokens[i]
        if i in r.counted:
            continue
        verb = (token.endswith("ed") and inflected(token)) or declared_verb(q.lexicon, token)
        if verb and (relative or not _same_stem(token, fact)):
            return True
    return False


def _money(q: _Question, c: Candidate, counted: Sequence[int]) -> bool:
    """Whether a figure is a sum of money that answers "how much" of the words at
    `counted`: its unit is a currency, and they are "money" or words of its name."""
    if not in_currency(c.fact.unit):
        return False
    name = set(words(c.fact.name))
    # deferred for start-up: only a question about a sum of money needs stems
    from cqedu.core.text import stem

    stems = {stem(w) for w in name}
    return all(
        q.r.tokens[i] in MONEY_WORDS
        or any(w in name for w in q.stands_for([i]))
        or verb_roots(q.r.tokens[i]) & stems  # "spent": "Spending on ..."
        for i in counted
    )


#: Words of a summary's phrase after its preposition that may hold the question's word.
_PHRASE_SPAN = 5


def _restated(q: _Question, c: Candidate, position: int) -> bool:
    """Whether a word the record holds only in its summary is asked as the summary says
    it: after the same preposition and word ("principals *trained at*
    Nanyang Technological University" of a summary "training at Nanyang Technological
    University"). A word the summary says in another relation ("the national average"
    a rate is above) still names something the figure is not."""
    tokens = q.r.tokens
    p = position - 1
    while p >= 0 and tokens[p] not in CLOSED_CLASS:
        p -= 1
    while p >= 0 and tokens[p] in DETERMINERS:
        p -= 1
    if p >= 0 and tokens[p] in RELATIONS:
        return relation_settled(q, c, position, tokens[p])
    if p < 1 or tokens[p] not in PREPOSITIONS:
        return False
    # deferred for start-up, as in `_same_stem`
    from cqedu.core.text import stem

    verbs = {stem(w) for w in (tokens[p - 1], *q.stands_for([p - 1]))}
    meant = q.stands_for([position])
    said = words(c.fact.summary)
    for j, word in enumerate(said):
        if j < 1 or word != tokens[p] or stem(said[j - 1]) not in verbs:
            continue
        span = said[j + 1 : j + 1 + _PHRASE_SPAN]
        ends = [k for k, w in enumerate(span) if w in PREPOSITIONS]
        if meant & set(span[: ends[0] if ends else len(span)]):
            return True
    return False


def _figures(q: _Question, fitting: list[Candidate]) -> list[Candidate]:
    """Figures that count what the question names, per year and in the year asked, and
    that name the subject rather than mention it in passing."""
    r = q.r
    counted = sorted(r.counted)
    if not counted and "much" in r.tokens and not r.percent:
        # "how much does the year cost": the verb names the quantity; else the noun does
        # ("how much *of* the money went to ..." asks a share).
        verbs = sorted(clause_verbs(r.tokens) & set(r.subject))
        counted = verbs or sorted(r.head)
    if counted:
        said = q.stands_for(counted)
        counting = [c for c in fitting if said & set(words(c.fact.unit or ""))]
        if not counting and "much" in r.tokens:
            # "how much did the town spend (on buildings)", "how much money": a sum of
            # money that the record's own name says is spent, or any sum for "money"
            counting = [c for c in fitting if _money(q, c, counted)]
        # An English noun phrase's head is its last noun: "programme students" are
        # students, so a figure of students is meant when one fits, not of programmes.
        last = q.stands_for(counted[-1:])
        headed = [c for c in counting if last & set(words(c.fact.unit or ""))]
        counting = headed or counting
        if not counting:
            raise NoMatchError(
                f'the article gives no count of "{phrase(r, counted)}"'
                f"{_look([c.fact for c in fitting])}"
            )
        fitting = counting
    fitting = _of_measure(q, fitting)
    fitting = of_flow(q, _of_time(q, fitting), _qualified)
    top = fitting[0]
    asked = [
        i
        for i in q.required
        if (i in r.head or i in q.restricted or i in q.subjects)
        and not (r.percent and _base_of_share(q, i))
    ]
    # a word held by many records inside the noun counted ("core *education* goals") says
    # nothing of which figure is meant: one that holds it only in its summary answers
    # (unless the question says it as the summary does: `_restated`)
    weak = [
        i
        for i in asked
        if i in top.weak
        and not (i in r.counted and q.generic(i))
        and not _restated(q, top, i)
        and not compound_restated(r.tokens, i, top.fact.summary)
        and not said_in_a_row(r.tokens, i, r.phrasal, top.fact.summary)
    ]
    if weak:
        raise NoMatchError(wording.passing(top.fact, quoted(r, weak)))
    # a field the figure counts with others, wherever the question names it ("sino
    # foreign programs medicine only")
    part = [i for i in q.known if i in top.part and i not in r.common]
    if part:
        raise NoMatchError(wording.part_of(top.fact, phrase(r, part)))
    # "how many schools were closed": a word the records use only in another form or
    # spelling ("close"), which the figure does not cover, names another quantity.
    # So does a participle the figure does not cover ("teachers trained abroad" are some
    # of them), unless a declared synonym makes it ordinary ("launched").
    other = [
        i
        for i in q.optional
        if not top.quality.get(i)
        and i not in r.common
        and inflected(r.tokens[i])
        and not q.lexicon.meanings([r.tokens[i]])
        and not _same_stem(r.tokens[i], top.fact)
        and not numbered_alike(r.tokens, i, top.fact.summary)
    ]
    if other:
        raise NoMatchError(wording.passing(top.fact, quoted(r, other)))
    # "how much money was spent on *education*": a word common among the records picks no
    # record, but a sum of money is spent on what its record says (the buildings), so one
    # that does not hold the word at all (not even in passing) is of something else
    sum_of_money = in_currency(top.fact.unit)
    elsewhere = [i for i in q.restricted if q.generic(i) and not top.quality.get(i)]
    if sum_of_money and elsewhere:
        raise NoMatchError(wording.passing(top.fact, quoted(r, elsewhere)))
    # "how many students study abroad": a rare word after what is counted that the figure
    # does not cover narrows it to a part the article does not count.
    narrowed = [c for c in fitting if not against(q, c)]
    if not narrowed:
        extra = against(q, top)
        look = [c.fact for c in q.found if c.covers(extra) and c.fact != top.fact]
        raise NoMatchError(f"{wording.passing(top.fact, quoted(r, extra))}{_look(look)}")
    fitting = _of_measure(q, narrowed)
    top = fitting[0]
    if not r.extreme and _overall(q):
        fitted = [c for c in fitting if c.fit >= MIN_FIGURE_FIT]
        whole = [c for c in fitted if not _qualified(q, c.fact)]
        if fitted and not whole:
            # "how many preschool children are there": a figure of some of them
            asked = sorted(set(q.known) | set(r.counted))
            span = phrase(r, range(asked[0], asked[-1] + 1))
            raise NoMatchError(
                f"the article gives {wording.counted(fitted[0].fact)}, "
                f'but no overall figure for "{span}"'
            )
        topic = phrase(r, q.topic() or q.subject)
        fitting = whole or _refuse(f'the article gives no overall figure for "{topic}"', fitting)
    return fitting


def _of_measure(q: _Question, fitting: list[Candidate]) -> list[Candidate]:
    """Figures of the measure asked for: a share or rate (its unit is percent) when one is
    asked ("what percentage of ..."), a ratio per what the question names ("students per
    teacher"); else the refusal says what the article gives instead."""
    r = q.r
    top = fitting[0].fact
    if r.change:
        raise NoMatchError(f"the article gives {wording.counted_when(top)}, but not how it changed")
    if r.per:
        said = q.stands_for(r.per)
        ratios = [c for c in fitting if _per(c.fact, said | {r.tokens[i] for i in r.per})]
        if not ratios:
            per = phrase(r, r.per)
            # a share ("70% of vocational students") is no ratio of two counts, and not
            # the closest the article comes: only a count of the first is
            counts = [c.fact for c in fitting if c.fact.has_figure and c.fact.unit != "percent"]
            if not counts:
                look = [c.fact for c in q.found if c.covers(list(r.per))]
                raise NoMatchError(f'the article gives no figure per "{per}"{_look(look)}')
            raise NoMatchError(
                f'the article gives {wording.counted(counts[0])}, but no figure per "{per}"'
            )
        fitting = ratios
    if r.percent and not r.counted and not r.extreme and top.unit != "percent":
        raise NoMatchError(
            f"the article gives {wording.counted(top)}, a count, not a share or rate"
            f"{_look([c.fact for c in fitting[1:]])}"
        )
    return fitting


def _per(fact: Fact, nouns: set[str]) -> bool:
    """Whether a figure is a ratio per one of `nouns`: its unit or name says "per" one."""
    text = words(f"{fact.unit or ''} {fact.name}")
    return any(a == "per" and b in nouns for a, b in pairwise(text))


def _same_stem(word: str, fact: Fact) -> bool:
    """Whether a record uses another form of a word ("rank" for "ranked"), by Snowball."""
    # deferred for start-up: only a figure that may not cover a participle needs stems
    from cqedu.core.text import stem

    root = stem(word)
    text = " ".join((fact.name, fact.summary, *fact.keywords))
    return any(derived(root, stem(w)) for w in words(text) if w[:2] == word[:2])


def _overall(q: _Question) -> bool:
    """Whether the question asks for the whole count of what it names: nothing but
    "how many X", with the sources' place or "there" ("how many universities does
    Chongqing have"); a figure of a part of them does not answer it."""
    r = q.r
    rest = set(q.known) - set(r.counted)
    return bool(r.counted) and (
        (not rest and (bool(r.sources) or "there" in r.tokens))
        # "how many children are in preschool": all of them at the level named
        or (bool(rest) and rest <= r.level_positions)
    )


def _qualified(q: _Question, fact: Fact) -> bool:
    """Whether a figure's name narrows what it counts by a word the question does not use
    ("children benefiting from *free* preschool"): a word of the name that is no
    closed-class word, no inflected form, not generic among the records, and that no
    question word stands for. Such a figure counts a part, not the whole asked for."""
    counted = [q.r.tokens[i] for i in sorted(q.r.counted)]
    if len(counted) > 1 and words(fact.name)[:1] == counted[:1]:
        # "sino-foreign programs": the name begins as the question's phrase does and says
        # the same thing more fully ("Sino-foreign cooperative institutions and programs")
        return False
    said = q.stands_for(q.read)
    said |= set(q.r.tokens) | set(words(fact.unit or ""))  # the unit is what is counted
    level = {w for lv in q.r.levels for n in (lv.id, lv.name, *lv.aliases) for w in words(n)}
    # a word of a proper name ("Double First-Class *Initiative*") names the same thing
    name = fact.name
    lower = [
        norm
        for at, (start, _, norm) in enumerate(word_spans(name))
        if at == 0 or name[start].islower()
    ]
    extra = [
        w
        for w in lower
        if w not in said
        and w not in level
        and w not in CLOSED_CLASS
        and not w.isdigit()
        and not inflected(w)
    ]
    if not extra:
        return False
    if not q.r.levels and fact.level is not None:
        # "*Vocational* students" are the students of one level, however many records
        # hold the level's word: no overall figure when the question names no level
        own = [lv for lv in q.kb.levels if lv.id == fact.level]
        if any(w in words(" ".join((lv.id, lv.name, *lv.aliases))) for lv in own for w in extra):
            return True
    counts = q.lexicon.frequency(extra)
    return any(counts[w] < GENERIC_SHARE * q.lexicon.records for w in extra)


def _base_of_share(q: _Question, position: int) -> bool:
    """Whether a word names what a share is of ("share of *disabled children*"): the
    population a rate's summary describes; the phrase ends at a declared verb ("children
    *attend* preschool nationally")."""
    r = q.r
    for i in range(position - 1, -1, -1):
        if r.tokens[i] == "of":
            return i > 0 and r.tokens[i - 1] in _SHARE_WORDS
        if r.tokens[i] in CLOSED_CLASS or declared_verb(q.lexicon, r.tokens[i]):
            return False
    return False


def _refuse(message: str, fitting: Sequence[Candidate]) -> list[Candidate]:
    raise NoMatchError(f"{message}{_look([c.fact for c in fitting])}")


def extreme_share(q: _Question) -> Answer:
    """The highest or lowest of every share the records give, for a superlative of shares
    that names no subject ("what is the highest percentage", "which rate is lowest"):
    shares of one unit compare whatever they are shares of; the others follow as related.
    NoMatchError when the records give no share."""
    shares = [
        Candidate(f, {}, frozenset(), frozenset(), 0.0)
        for f in q.kb.facts()
        if f.unit == "percent" and f.value is not None and f.measure != "rank"
    ]  # a band of a ranking ("the top 1%") is no part of a whole
    if not shares:
        raise NoMatchError("the article gives no share or rate to compare")
    return _extreme(q, shares)


def _extreme(q: _Question, fitting: list[Candidate]) -> Answer:
    """The highest or lowest of comparable figures (one unit), the others as related."""
    if q.r.percent:
        shares = [c for c in fitting if c.fact.unit == "percent"]
        if not shares:  # "the highest percentage of teachers": the article counts them
            top = fitting[0].fact
            raise NoMatchError(
                f"the article gives {wording.counted(top)}, a count, not a share or rate"
            )
        fitting = shares
    units = list(dict.fromkeys(c.fact.unit or "" for c in fitting))
    if len(units) > 1:
        topic = phrase(q.r, q.topic() or q.subject)
        raise NoMatchError(
            f'the article\'s figures on "{topic}" count different things '
            f"({', '.join(units)}); ask about one of them"
        )
    group = sorted(
        (c.fact for c in fitting), key=lambda f: float(f.value or 0), reverse=q.r.extreme > 0
    )
    if len(group) == 1 and q.r.tokens[:1] == ("which",):
        # "which company benefited most" asks which one: a single figure is the highest
        # of nothing, and the article does not compare what it counts ("most
        # international students" and "the highest number of teachers" ask the figure)
        only = group[0]
        raise NoMatchError(
            f"the article gives one figure, {wording.counted(only)}, and compares it with none"
        )
    return _answer(q, FIGURE, group[:1], group[1:])
