"""Step 3 of a question: which candidate answers it, checked against every constraint.

In order: a word the records never use vetoes, unless it is ordinary English (a function
word, a verb form outside the noun phrase asked about, a common word said aside while
the other words pick one record clearly, or a shell noun whose clause picks one thing:
"the *scheme* that gives school heads training"); the records must cover the
noun phrase, the words after a preposition ("in clinical medicine") and the places named,
while other words (verbs) only rank them; the level, year, source and "each year" named
must hold; a figure must count what "how many" names, and cover the noun phrase by its
name or keywords, not by a summary that mentions it in passing nor as one of several
subject fields. Then the best record gives the answer type asked for, or the refusal says
what the article gives instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache
from itertools import product
from pathlib import Path
from typing import TYPE_CHECKING

from cqedu.ask.candidates import Candidate, find, meanings
from cqedu.ask.cues import QUANTITY_WORDS
from cqedu.ask.kind_asked import noun_asked, of_kind
from cqedu.ask.language import (
    MONEY_WORDS,
    Lexicon,
    function_words,
    inflected,
    past_of_content_verb,
    verb_roots,
)
from cqedu.ask.narrowing import in_terms
from cqedu.ask.plain_counts import plain_first
from cqedu.ask.question import MAX_RELATED, Answer, made, opens_yes_no
from cqedu.ask.reading import (
    CLOSED_CLASS,
    DETERMINERS,
    PARTICLES,
    Reading,
    _plural,
    after_preposition,
    clause_subjects,
    clause_verbs,
    country_words,
    declared_verb,
    echoed,
    leading,
    ordinals,
    partner_filler,
    partner_noun_at,
    phrase,
    place_name,
    proper_noun,
    quoted,
    subject_after_auxiliary,
    title_case,
)
from cqedu.ask.shells import in_relative_clause, shell_noun
from cqedu.ask.spoken import CARDINALS
from cqedu.core.errors import NoMatchError
from cqedu.core.text import normalise_phrase, stem, word_spans, words
from cqedu.facts.model import Fact
from cqedu.query import wording
from cqedu.query.wording import COUNTRIES, DATE, FIGURE, NAME, PLACE, PLACES, SUMMARY, WHO

if TYPE_CHECKING:
    from cqedu.ask.question import KnowledgeBase

#: What each answer type needs of a record, and how a refusal names what is missing.
_NOT_GIVEN = {
    FIGURE: "no figure",
    DATE: "no date",
    WHO: "no person or organization",
    PLACE: "no place",
    PLACES: "no partner",
    COUNTRIES: "no partner country",
}
#: How often a word must occur in general English (pyspellchecker's counts) to be common:
#: about the 10,000 most frequent words ("nearer", 3,879; "voice", 123,138), not "percentile"
#: (371) nor a typo.
COMMON_ENGLISH = 3000
_DURATION_UNITS = frozenset({"year", "years", "month", "months", "day", "days"})


#: English's object pronouns, which no determiner goes before.
_OBJECT_PRONOUNS = frozenset({"me", "us", "him", "them"})


def fits(kind: str, fact: Fact) -> bool:  # noqa: PLR0911 - one return per answer type
    """Whether a record can give an answer of this type."""
    if kind == FIGURE:
        return fact.has_figure
    if kind == DATE:  # a figure's period says when it was true, not when a thing happened
        return fact.date_as_written is not None or (fact.kind != "stat" and _time_period(fact))
    if kind == WHO:
        return fact.kind in ("person", "organization")
    if kind == PLACES:
        return fact.kind in ("partner", "organization")
    if kind == COUNTRIES:
        return fact.kind == "partner" and fact.country is not None
    if kind == PLACE:
        return wording.place_of(fact) is not None
    return True


def _time_period(fact: Fact) -> bool:
    """Whether a record's period says when it happened (2021-2025, from 2025), not only
    when its figure was true ("as of 2025") or how often ("per year")."""
    period = fact.period or ""
    return any(ch.isdigit() for ch in period) and not period.startswith("as of")


def _years(period: str | None) -> int:
    """How many years a period of two years spans ("2021-2025": 5), or 0."""
    first, _, last = (period or "").partition("-")
    if len(first) == len(last) == 4 and first.isdecimal() and last.isdecimal():
        return int(last) - int(first) + 1
    return 0


def _look(facts: Sequence[Fact]) -> str:
    """The hint that may end a refusal: up to three records worth a look."""
    shown = list(dict.fromkeys(f.id for f in facts))[:MAX_RELATED]
    return f"; worth a look: {', '.join(shown)}" if shown else ""


def _keywords(tokens: Sequence[str]) -> bool:
    """Whether a question is a string of keywords: no question word, no auxiliary."""
    return leading(tokens) < 0 and not any(t in _AUXILIARIES for t in tokens)


class _Question:
    """A read question and its candidates: the checks, one method each."""

    def __init__(self, kb: KnowledgeBase, lexicon: Lexicon, reading: Reading) -> None:
        self.kb = kb
        self.lexicon = lexicon
        self.r = reading
        self.read, absorbed = meanings(reading, lexicon)
        self.subject = [i for i in reading.subject if i not in absorbed]
        #: Positions that start a phrase of several words read as one ("*school* heads").
        self.phrase_starts = {i - 1 for i in absorbed if i - 1 not in absorbed}
        self.known = [i for i in self.subject if self.read.get(i)]
        for i in reading.level_positions:  # covered by the records of the level
            self.read.setdefault(i, [])
        tokens = reading.tokens
        own = {normalise_phrase(place_name(s)) for s in kb.sources}
        homes = {i for i, t in enumerate(tokens) if t in own}
        # the possessive's "s" is part of the place ("Chongqing's schools" are its system)
        homes |= {i + 1 for i in homes if tokens[i + 1 : i + 2] == ("s",)}
        self.homes = homes
        # ... a declared verb ends the phrase after a preposition ("about the fair *held*")
        self.restricted = {
            i
            for i in self.known
            if after_preposition(tokens, i, lexicon)
            and not _near(i, homes)
            and not declared_verb(lexicon, tokens[i])
        }
        self.found = find(kb, reading, lexicon, {i: self.read[i] for i in self.known})
        if reading.kind in (NAME, WHO, PLACES, COUNTRIES, PLACE):
            self.r = reading = reading._replace(head=self._noun_phrase())
        countries = country_words(kb)
        self.places = {i for i in self.known if tokens[i] in countries}
        # The subject of "does Yubei District have" restricts the question as a place does.
        subjects = (
            _before_a_verb(reading, lexicon, clause_subjects(tokens), homes) & set(self.known)
        ) - homes
        # ... but not a common verb the clause runs on to ("did the fair *take* place")
        small = function_words()
        subjects = {i for i in subjects if tokens[i] not in small or reading.typed[i][:1].isupper()}
        wanted = set(reading.head) | self.restricted | self.places | set(reading.counted)
        wanted |= subjects | ordinals(tokens)
        # A name after a preposition restricts the question however common the word is in
        # the records ("schools in China" is no count of Chongqing's schools); a common
        # noun there ("in the city") does not.
        self.required = [
            i
            for i in self.known
            if i in wanted
            and (
                i in reading.head
                or (i in self.restricted | subjects and proper_noun(kb, tokens[i]))
                or not (self.generic(i) or i in reading.common)
            )
        ]
        # An echo question's words before its question word are a whole clause, all of
        # it what the answer is of ("NTU trains *teachers* from which countries").
        before = echoed(tokens)
        if before and reading.kind == NAME:
            # ... and the answer is of the noun after its question word ("trained at which
            # *school*": no person)
            self.required += [i for i in self.subject if i == before + 1 and i not in self.required]
        self.required += [
            i
            for i in self.known
            if i < before
            and i not in self.required
            and i not in reading.common
            and i not in reading.verbs
            and not inflected(tokens[i])
            and not self.generic(i)
        ]
        if reading.kind == WHO and not reading.head:
            # "who founded the Changan factory": no noun phrase asked about, so the answer
            # is of the clause's object; a record that covers only its verb is none
            self.required += [
                i
                for i in self.known
                if i not in self.required
                and i not in reading.verbs
                and i not in reading.common
                and not inflected(tokens[i])
                and not self.generic(i)
            ]
        self.optional = [i for i in self.known if i not in self.required and not self.generic(i)]
        #: Names a clause is about ("does *China* have"): a place the figure must be of.
        self.subjects = {i for i in subjects & set(self.required) if proper_noun(kb, tokens[i])}
        #: Positions inside a declared term typed whole after its first word ("set *up*").
        # a term is a verb when one of its one-word synonyms is an inflected form ("built")
        verbs = [
            term
            for term, synonyms in lexicon.terms
            if any(" " not in w and inflected(w) for w in synonyms)
        ]
        self.in_terms = in_terms(tokens, [term for term, _ in lexicon.terms], verbs)
        self.home = " and ".join(dict.fromkeys(place_name(s) for s in kb.sources))

    def _noun_phrase(self) -> frozenset[int]:
        """The head's longest start that some record names (by its name, keywords and the
        like): in "which Go champion taught children" the rest is what was done."""
        head = sorted(self.r.head)
        # a noun no record uses is no deed to cut off ("commission director *salary*"): it
        # names what is asked, and the vetoes read it
        tokens, small = self.r.tokens, function_words()
        unknown = [
            n
            for n, i in enumerate(head)
            if not self.read.get(i)
            and tokens[i].isalpha()
            and tokens[i] not in small
            and not inflected(tokens[i])
        ]
        for end in range(len(head), max(unknown, default=0), -1):
            start = head[:end]
            # What is cut off is what was done ("taught children"), so the record covers
            # some of it; when it covers none of the rest's known words, they name something
            # else ("student population" is no student hero).
            rest = [i for i in head[end:] if self.read.get(i)]
            if any(
                c.covers(start)
                and not c.weak.intersection(start)
                and (not rest or any(c.covers([i]) for i in rest))
                for c in self.found
            ):
                return frozenset(start)
        return frozenset(head)

    def stands_for(self, positions: Iterable[int]) -> set[str]:
        """The record words the question's words at `positions` may stand for (every word
        of each of their matches: "companies": {"companies", "enterprises"})."""
        return {w for i in positions for m in self.read.get(i, ()) for part in m for w in part}

    def generic(self, position: int) -> bool:
        """Whether a question word is held by so many records that it picks none."""
        matched = [w for m in self.read[position] for part in m for w in part]
        if position in self.phrase_starts:  # "school heads" says more than "school"
            return self.lexicon.generic("", matched)
        return self.lexicon.generic(self.r.tokens[position], matched)

    # ------------------------------------------------------------ the checks

    def vetoes(self) -> None:
        """A word the records never use vetoes, unless it is ordinary English: a verb form,
        or a word where the question's verb stands, outside the noun phrase asked about,
        after no auxiliary or preposition, and not typed as a name."""
        r = self.r
        unknown = [
            i
            for i in self.subject
            if not self.read.get(i) and i not in r.level_positions and self._vetoes(i)
        ]
        names = unnamed(self.kb, r, self.lexicon)
        if names:
            raise NoMatchError(wording.not_mentioned(names, self.home, len(self.kb.sources)))
        if unknown and not self._aside(unknown):
            groups: list[list[int]] = []
            for i in unknown:  # "Hong Kong" is one name
                if groups and groups[-1][-1] == i - 1:
                    groups[-1].append(i)
                else:
                    groups.append([i])
            typed = list(dict.fromkeys(phrase(r, group) for group in groups))
            raise NoMatchError(wording.not_mentioned(typed, self.home, len(self.kb.sources)))

    def _aside(self, unknown: Sequence[int]) -> bool:
        """Whether the words the records never use are all common English said aside
        (where a verb or adverb stands: outside the noun phrase asked about, after no
        auxiliary or preposition, not typed as a name, in no figure question: "study
        *nearer* home", "to *add* its *voice*") while the question's other words pick
        its record clearly: exactly one covers them all (or, for a list, each listed)."""
        r = self.r
        tokens = r.tokens
        if any(not self._plain(i) for i in unknown):
            return False
        # ... and every other word says something the records do, but for a verb form
        # ("*adding* places"): a verb they never use that vetoes nothing alone ("did
        # students *dislike*") leaves the record unclear
        small = function_words()
        unsaid = [
            i
            for i in self.subject
            if not self.read.get(i)
            and i not in r.level_positions
            and tokens[i] not in small
            and not inflected(tokens[i])
        ]
        if set(unsaid) - set(unknown):
            return False
        # deferred: only a question with such a word reads general English's counts
        from cqedu.store.english import english_counts

        counts = english_counts({tokens[i] for i in unknown})
        if any(counts.get(tokens[i], 0) < COMMON_ENGLISH for i in unknown):
            return False
        known = [i for i in self.known if not self.generic(i)]
        shells = [shell_noun(tokens, i) for i in unknown]
        if any(shells):
            # a shell alone: its clause must say all the rest ("the scheme that gives
            # *nurses* ..." names what no record does), and name no other thing; it picks
            # its record by what it names, not by its common words ("training *abroad*"),
            # which only rank
            if not all(shells) or self._names_another(unknown):
                return False
            known = [i for i in known if i not in r.common]
            covering = [c for c in self.found if c.covers(known)]
            return bool(known) and _one_thing(covering, known, plural=r.plural)
        covering = [c for c in self.found if c.covers(known)]
        # a list's records may be several, each covering every word ("which platforms")
        return bool(known and covering) and (len(covering) == 1 or r.plural)

    def _names_another(self, shells: Sequence[int]) -> bool:
        """Whether a shell's clause names a thing of the records ("the budget that funds
        the *overseas study sponsorship*", "the hospital that partners with *Leicester*"):
        then the shell is another thing, tied to it, which no record says. A place where
        it is done ("in *Singapore*") names none."""
        r = self.r
        clause = range(min(shells) + 2, len(r.tokens))
        places = country_words(self.kb) | {r.tokens[i] for i in self.homes}
        if any(
            r.tokens[i] not in places
            and (r.typed[i][:1].isupper() or proper_noun(self.kb, r.tokens[i]))
            for i in clause
        ):
            return True
        said = f" {' '.join(r.tokens[i] for i in clause)} "
        names = (normalise_phrase(c.fact.name) for c in self.found)
        return any(" " in name and f" {name} " in said for name in names)

    def _plain(self, i: int) -> bool:
        """Whether a word stands where `_vetoes` reads an uninflected word said aside."""
        r = self.r
        tokens = r.tokens
        if r.kind == FIGURE:
            return False
        if (i > 0 and r.typed[i][:1].isupper()) or tokens[i] in self.lexicon.declared:
            return False
        # "the *scheme* that gives ...": the clause says what; a person asked for is no
        # thing ("who is the *woman* that heads ...")
        if r.kind != WHO and shell_noun(tokens, i):
            return True
        if in_relative_clause(tokens, i):  # "the program that sends *nurses*": its object
            return False
        if i in r.head or i in r.verbs:
            return False
        return not (
            subject_after_auxiliary(tokens, i, be=not inflected(tokens[i]))
            or after_preposition(tokens, i, self.lexicon)
        )

    def _vetoes(self, i: int) -> bool:
        r = self.r
        tokens = r.tokens
        # a form of a declared verb ("extend": "extended"), or a gerund before its object,
        # even in the noun phrase ("the centre for *fighting* poverty")
        verb = declared_verb(self.lexicon, tokens[i]) or (r.kind != FIGURE and self._verb_form(i))
        if verb and not r.typed[i][:1].isupper():
            return False
        # an object pronoun after a determiner is no pronoun but a name typed in lower
        # case ("in the *us*"): English puts no determiner before a pronoun
        lower_name = tokens[i] in _OBJECT_PRONOUNS and i > 0 and tokens[i - 1] in DETERMINERS
        # a function word, even read into the noun phrase ("is it made free"), or a
        # catenative verb ("is *coming* to study")
        if not lower_name and (i in r.common or self._catenative(i)):
            return False
        if i in r.head or lower_name:
            return True
        if r.kind == FIGURE and (i not in clause_verbs(tokens) or i in r.phrasal):
            # "how many teachers retired", "schools were closed": a verb the records never
            # use names another quantity than the one they count; "how many clubs has the
            # town launched" does not (the clubs are what was launched), but one with a
            # particle does ("has the town *shut* down").
            return True
        if i in r.verbs:
            # ... unless it ends the question uninflected after a noun: a compound's head
            # ("about the teachers *union*"), no verb
            # ("when did the fair *happen*": after "did", the verb); a string of keywords
            # has no clause, so an uninflected word anywhere in it is of the noun phrase
            # asked about ("students *origin* countries"), no verb
            supported = any(t in ("do", "does", "did", "will", "can") for t in tokens[:i])
            last = i == len(tokens) - 1 and not (supported or r.manner)
            return (last or _keywords(tokens)) and not inflected(tokens[i])
        named = i > 0 and r.typed[i][:1].isupper()
        # after "is", a participle is a passive verb ("is mentioned"), no subject
        passive = inflected(tokens[i])
        structural = subject_after_auxiliary(tokens, i, be=not passive) or after_preposition(
            tokens, i, self.lexicon
        )
        return named or structural or not inflected(tokens[i])

    def _catenative(self, i: int) -> bool:
        """Whether a word the records never use is a form of a common verb (the
        function-word list) before "to" and a word the records use ("students *coming* to
        study", "*going* to study"): a catenative verb, which says how the verb after it
        is done and names nothing of its own. Without "to" it stays ("students *coming*
        from Shanghai" names another quantity)."""
        r = self.r
        tokens = r.tokens
        if i + 2 >= len(tokens) or tokens[i + 1] != "to" or not self.read.get(i + 2):
            return False
        if i > 0 and r.typed[i][:1].isupper():
            return False
        return inflected(tokens[i]) and stem(tokens[i]) in _common_stems()

    def _verb_form(self, i: int) -> bool:
        """Whether a word the records never use is a gerund, a verb by where it stands,
        which names no subject of its own: before a word the records use, which is its
        object ("on *fighting* poverty"). A word of change or ending there is still
        checked against the answer (`_stated`). A participle is not: "when was the
        photo *deleted*" asks the date of another event than the photo's."""
        token = self.r.tokens[i]
        # after a determiner it is an adjective ("the *acting* director"), no verb
        if i > 0 and self.r.tokens[i - 1] in DETERMINERS:
            return False
        return token.endswith("ing") and inflected(token) and bool(self.read.get(i + 1))

    def candidates(self) -> list[Candidate]:
        """Records covering every required word, of the sources named, best first."""
        found = self.found
        covering = [c for c in found if c.covers(self.required)]
        if self.r.sources:
            ids = {s.id for s in self.r.sources}
            covering = [c for c in covering if c.fact.source in ids]
        if not covering:
            raise silence(self, found)
        return self.ranked(covering)

    def ranked(self, candidates: Sequence[Candidate]) -> list[Candidate]:
        """Best answer first: the required words best covered, a share when one is asked,
        the name best fitted, the other words covered, a record of no level."""
        levelled = bool(self.r.levels)
        countries = {self.r.tokens[i] for i in self.places}
        # "which platforms ... for global educational dialogue": a list's records are those
        # that say what the rest of the question asks, before one that only names the noun
        listing = self.r.plural and self.r.kind == NAME and not self.r.counted
        # "which national *program*": of records covering the words alike, one of its kind
        kind = noun_asked(self.r.tokens, leading(self.r.tokens), CLOSED_CLASS)
        if self.r.kind != NAME:
            kind = None
        small = function_words()
        rest = [
            i
            for i in self.optional
            if i not in self.r.verbs
            and not inflected(self.r.tokens[i])
            and self.r.tokens[i] not in small
        ]

        def key(c: Candidate) -> tuple[float, ...]:
            fact = c.fact
            return (
                float(self.r.percent and fact.unit != "percent" and fact.has_figure),
                float(not self._the_country(fact, countries)),
                -float(sum(1 for i in rest if c.quality.get(i, 0.0) > 0 and i not in c.weak))
                if listing
                else 0.0,
                -round(c.score(self.required), 2),
                -float(of_kind(fact, kind, self.r.tokens, self.stands_for))
                if kind is not None
                else 0.0,
                -round(c.fit, 3) if self.r.kind == FIGURE else 0.0,
                -self._names_head(fact) if self.r.kind == SUMMARY else 0.0,
                -round(c.score(self.optional), 2),
                -round(c.fit, 3),
                0.0 if levelled or fact.level is None else 1.0,
                float(self.r.kind == SUMMARY and fact.kind == "stat"),
            )

        return sorted(candidates, key=key)

    def _names_head(self, fact: Fact) -> float:
        """Share of the noun phrase asked about that a record's own name says: "what is
        special about the *joint college* with ...": the college, not its partner."""
        head = [self.r.tokens[i] for i in self.r.head]
        if not head:
            return 0.0
        name = set(words(fact.name))
        return sum(1 for w in head if w in name) / len(head)

    def _the_country(self, fact: Fact, countries: set[str]) -> bool:
        """Whether a record is a country the question names, which a question that asks
        for no figure is about ("vocational cooperation with Thailand": Thailand's own
        record, not the count of countries that mentions it)."""
        if self.r.kind not in (NAME, SUMMARY) or not countries or fact.country is None:
            return False
        name = words(fact.name)
        return name == words(fact.country) and set(name) <= countries

    def asked(self) -> str:
        """The question on one line, for a message."""
        return " ".join(self.r.question.split())

    def topic(self) -> list[int]:
        """Subject positions other than the level's words."""
        return [i for i in self.subject if i not in self.r.level_positions]

    def constrained(self, ranked: list[Candidate]) -> list[Candidate]:
        """Candidates of the level named, when the question names one, and of the number
        of years asked over ("in five years": a period of 2021-2025)."""
        if self.r.span:
            over = [c for c in ranked if _years(c.fact.period) == self.r.span]
            if not over and self.r.kind == NAME:
                over = ranked  # a bare phrase ("the five years of progress") asks no figure
            if not any(fits(self.r.kind, c.fact) for c in over):
                raise NoMatchError(
                    f"the article gives no figure over {self.r.span} years"
                    f"{_look([c.fact for c in ranked])}"
                )
            ranked = over
        if not self.r.levels:
            return ranked
        wanted = {lv.id for lv in self.r.levels}
        kept = [c for c in ranked if c.fact.level in wanted]
        if not any(fits(self.r.kind, c.fact) for c in kept):
            raise level_silence(self, ranked)
        return kept


def _one_thing(covering: Sequence[Candidate], known: Sequence[int], *, plural: bool) -> bool:
    """Whether the records covering a shell's clause tell of one thing (for a list, of
    things): one record and those it is tied to (a program and its figure), however many
    tell of it; of them, those that say the words in their own right, when some do, not in
    passing. A person is no thing: a noun for one says more ("the *woman* that heads")."""
    if not covering or any(c.fact.kind == "person" for c in covering):
        return False
    if plural:
        return True
    strong = [c for c in covering if c.weak.isdisjoint(known)]
    return _one_topic([c.fact for c in strong or covering])


def _one_topic(facts: Sequence[Fact]) -> bool:
    """Whether records are one record and those its `related` field ties it to."""
    ids = {f.id for f in facts}
    return any(ids <= {f.id, *f.related} for f in facts)


@cache
def _common_stems() -> frozenset[str]:
    """Snowball stems of the function-word list's words: a form of one is a common verb's."""
    return frozenset(stem(w) for w in function_words() if w.isalpha())


def silence(q: _Question, found: Sequence[Candidate]) -> NoMatchError:
    """Why no record covers the question: a place, a level, or words never together."""
    if q.r.sources and any(c.covers(q.required) for c in found):
        names = " and ".join(place_name(s) for s in q.r.sources)
        return NoMatchError(f'the article on {names} does not answer "{q.asked()}"')
    if q.r.levels and q.topic():
        return level_silence(q, found)
    partly = sorted(found, key=lambda c: -sum(1 for i in q.known if c.covers([i])))
    if q.places & set(q.required):
        place = phrase(q.r, sorted(q.places & set(q.required)))
        what = phrase(q.r, [i for i in q.required if i not in q.places])
        return NoMatchError(
            f"the article gives no {what + ' figure' if what else 'answer'} for {place}"
            f"{_look([c.fact for c in partly])}"
        )
    return NoMatchError(
        f'the article does not answer "{q.asked()}"; no record covers all its words'
        f"{_look([c.fact for c in partly])}"
    )


def level_silence(q: _Question, found: Sequence[Candidate]) -> NoMatchError:
    """The article has no such figure for the level the question names."""
    topic_positions = [i for i in q.required if i not in q.r.level_positions]
    said = sorted(topic_positions or q.topic())
    topic = quoted(q.r, said)
    topic = f'"{topic}"' if " " in topic else topic
    what = f"{topic} figure" if topic else "figure"
    if q.r.per_year:
        what = f"per-year {what}"
    names = " or ".join(lv.name.casefold() for lv in q.r.levels)
    covering = [c for c in found if c.covers(topic_positions) and c.fact.has_figure]
    others = [c.fact for c in q.ranked(covering)]
    # the level's words inside the phrase asked about ("high-school-age kids"), or before
    # several of its words: the whole phrase, not its words after the level's
    levelled = sorted({*said, *q.r.level_positions})
    inside = len(said) > 1 and said[0] - 1 in q.r.level_positions
    if inside and levelled[-1] - levelled[0] == len(levelled) - 1:
        said = levelled
    if len(said) > 1 and (said[-1] - said[0] >= len(said) or said == levelled):
        # words apart ("teachers in vocational schools"): the question's own phrase, to
        # the end of a name the level's words close ("at the Leicester joint *college*")
        end = said[-1]
        while end + 1 in q.r.level_positions:
            end += 1
        # ... and of a name typed whole ("... of Political Science *and Law*")
        spans = _name_spans(q)
        end = max([end, *(e - 1 for s, e, _ in spans if s <= end < e)])
        start = min([said[0], *(s for s, e, _ in spans if s <= said[0] < e)])
        span = quoted(q.r, range(start, end + 1))
        each = "per-year " if q.r.per_year else ""
        return NoMatchError(f'the article gives no {each}figure for "{span}"{_look(others)}')
    return NoMatchError(f"the article gives no {what} for {names}{_look(others)}")


def _capital_runs(typed: Sequence[str]) -> list[range]:
    """Runs of two or more words typed capitalised mid-question ("Chongqing University"):
    a proper name, unless the question is typed in title case."""
    if title_case(typed):
        return []
    capital = [i > 0 and word[:1].isupper() for i, word in enumerate(typed)]
    runs: list[range] = []
    start = None
    for i, is_capital in enumerate([*capital, False]):
        if is_capital and start is None:
            start = i
        elif not is_capital and start is not None:
            if i - start > 1:
                runs.append(range(start, i))
            start = None
    return runs


#: Singular nouns that, after a place, make a name in English ("Chongqing *University*"):
#: "chongqing universities" are the city's, "chongqing university" is one.
_INSTITUTIONS = frozenset({"university", "college", "institute", "academy", "polytechnic"})


def _place_institution_runs(kb: KnowledgeBase, tokens: Sequence[str]) -> list[range]:
    """A source's own place before an institution's noun, typed in lower case ("who leads
    chongqing university"): the name of one institution, which must be the records' as a
    whole, as a capitalised name must."""
    if _INSTITUTIONS.isdisjoint(tokens):
        return []
    from cqedu.ask.reading import source_places  # deferred, as in _of_the_place

    places = source_places(kb.sources)
    return [
        range(i, i + 2)
        for i in range(len(tokens) - 1)
        if tokens[i] in places and tokens[i + 1] in _INSTITUTIONS
    ]


def unnamed(kb: KnowledgeBase, r: Reading, lexicon: Lexicon) -> list[str]:
    """Names of several words typed capitalised that no record, level or country names
    as a whole ("Chongqing University", though each word is the records'): as typed. A
    short form the facts files declare reads as its word ("Nanyang Technological Univ")."""
    found: list[str] = []
    runs = list(dict.fromkeys(_capital_runs(r.typed) + _place_institution_runs(kb, r.tokens)))
    if not runs:  # most questions are typed in lower case: no declared name to read
        return found
    declared = {
        normalise_phrase(n)
        for n in [
            *(n for lv in kb.levels for n in (lv.name, *lv.aliases)),
            *(n for c in kb.countries for n in (c.name, *c.aliases)),
        ]
    }
    for run in runs:
        readings = [
            [r.tokens[i], *(" ".join(m) for m in lexicon.synonyms.get((r.tokens[i],), ()))]
            for i in run
        ]
        names = [" ".join(name) for name in product(*readings)]
        if declared.intersection(names):
            continue
        texts = [
            f"{normalise_phrase(' '.join((f.name, *f.keywords)))} | {_capitalised(f.summary)}"
            for f in kb.index_words.records_with(
                list(dict.fromkeys(w for name in names for w in name.split()))
            )
        ]
        if not any(f" {name} " in f" {text} " for name in names for text in texts):
            found.append(phrase(r, run))
    return found


def _capitalised(text: str) -> str:
    """A summary's words with each word not written capitalised as "|": a name typed
    capitalised is the summary's only where it writes it so ("Chongqing university" in
    a summary is no Chongqing University)."""
    return " ".join(w if text[s].isupper() else "|" for s, _, w in word_spans(text))


def _the_thing_first(q: _Question, ranked: list[Candidate]) -> list[Candidate]:
    """`ranked` with the record of a thing before a stat that gives another figure of it
    (a stat names the programme whose figure it is not in `related`), when the question
    asks no figure but says something of the thing ("kindergarten free in cq?", "is
    preschool free") and the two cover its words alike: the claim is the programme's
    ("one year of free preschool"), not the count of children it helps."""
    r = q.r
    asks_figure = r.counted or r.percent or r.extreme or r.per or r.kind not in (NAME, SUMMARY)
    if asks_figure or not ranked or ranked[0].fact.kind != "stat":
        return ranked
    top = ranked[0]
    said = q.stands_for(q.known) | set(r.tokens)
    # a shell noun asked about is the thing, whose clause names what the stat counts
    # ("the scheme that trains *principals*")
    shell = any(not q.read.get(i) and shell_noun(r.tokens, i) for i in r.head)
    if set(words(top.fact.unit or "")) & said and not shell:
        return ranked  # "study in chongqing international students": what the stat counts
    alike = round(top.score(q.required), 2)
    things = [
        c
        for c in ranked[1:]
        if c.fact.id in top.fact.related
        and c.fact.kind == "program"
        and round(c.score(q.required), 2) == alike
    ]
    if not things:
        return ranked
    return [things[0], *(c for c in ranked if c is not things[0])]


def _before_a_verb(r: Reading, lexicon: Lexicon, subjects: set[int], homes: set[int]) -> set[int]:
    """The subjects of clauses of do-support, each a name up to a declared verb after it
    ("does Chongqing *offer* Sino-foreign programs": the verb, and its object after it,
    are no subject). After a common noun the verb is not told from a noun ("do scholars
    receive"): the clause stays whole."""
    kept: set[int] = set()
    name = False
    for i in sorted(subjects):
        if i - 1 not in subjects:  # a clause's first word
            name = i in homes or r.typed[i][:1].isupper()
            kept.add(i)
        elif i - 1 in kept and not (name and declared_verb(lexicon, r.tokens[i])):
            kept.add(i)
    return kept


def _near(position: int, homes: set[int]) -> bool:
    """Whether a word stands next to the sources' own place ("in Chongqing schools"): the
    place's whole system, no restriction."""
    return bool(homes & {position - 1, position + 1})


def _without(q: _Question, answer: Answer) -> Answer:
    """The answer without the names the question leaves out ("besides Russia"): the rest
    of a list, or a refusal when none is left, or when a figure counts them too."""
    r = q.r
    if not r.excluded:
        return answer
    left_out = {r.tokens[i] for i in r.excluded}
    out = phrase(r, sorted(r.excluded))
    mentions = left_out <= set(words(f"{answer.record.name} {answer.record.summary}"))
    if answer.kind == SUMMARY and mentions:
        # "tell me the brands besides Study in Chongqing": a whole that names only them
        raise NoMatchError(f"the article names none besides {out}; see {answer.record.id}")
    if answer.kind == FIGURE:
        given = "; ".join(wording.counted(f) for f in answer.named)
        if r.kind == FIGURE:
            raise NoMatchError(f"the article gives {given}, but no figure without {out}")
        raise NoMatchError(f"the article names none besides {out}; it gives {given}")
    # a country is left out by any of its names ("the British one")
    called = {c.name: " ".join((c.name, *c.aliases)) for c in q.kb.countries}
    kept = [
        f
        for f in answer.named
        if not left_out & set(words(f"{f.name} {called.get(f.country or '', f.country or '')}"))
    ]
    if not kept:
        raise NoMatchError(f"the article names none besides {out}")
    if len(kept) == len(answer.named):
        return answer
    sources = [s for f, s in zip(answer.named, answer.sources, strict=False) if f in kept]
    return made(answer.question, answer.kind, kept, [], sources=sources, limit=0)


def _reversals() -> list[tuple[str, ...]]:
    """The entries of reversals.txt, as typed: words of change, ending or negation."""
    if not _REVERSALS:
        text = (Path(__file__).parent / "reversals.txt").read_text(encoding="utf-8")
        entries = (line.split("#", 1)[0] for line in text.splitlines())
        _REVERSALS.extend(tuple(words(e)) for e in entries if e.strip())
    return _REVERSALS


_REVERSALS: list[tuple[str, ...]] = []
_AUXILIARIES = frozenset("do does did is are was were has have had can could will would".split())


def _record_stems(fact: Fact) -> set[str]:
    said = " ".join(str(v) for v in (fact.name, fact.summary, *fact.keywords, fact.qualifier))
    return {stem(w) for w in words(said)}


def _stated(q: _Question, answer: Answer) -> Answer:
    """The answer, or a refusal when the question asks of a change, an ending or a denial
    ("cancelled", "closed", "did not") its record never states: the record's figure or
    date is then of something else (the fair itself, the schools there are)."""
    tokens = q.r.tokens
    entries = _reversals()
    # Stems only for a question holding a word that begins as an entry does: the stemmer
    # loads on first use, and most questions hold none.
    starting = {w[:4] for entry in entries for w in entry}  # "end" begins "ended"
    # "isn't the rate below ...": a negative auxiliary opening a question asks it be
    # confirmed, and denies nothing
    negated = [
        i
        for i, t in enumerate(tokens)
        if i > 1 and (t == "t" or (t in ("longer", "more") and tokens[i - 1] == "no"))
    ]
    if not negated and not any(t.startswith(tuple(starting)) for t in tokens):
        return answer
    stems = [stem(t) for t in tokens]
    starts = list(range(len(tokens)))  # where the words of each position were typed
    # "didn't" splits as "didn t"; "no longer" denies as "not" does
    for i in negated:
        stems[i], starts[i] = "not", i - 1
    # each record given must state it: a list of countries is no list of those that left
    told = [_record_stems(f) for f in answer.named or [answer.record]]
    if (
        answer.kind == DATE and answer.record.period
    ):  # a period's end is its own ("when does the 14th FYP end")
        told = [t | {"end"} for t in told]
    for typed_entry in entries:
        entry = tuple(stem(w) for w in typed_entry)
        for i in range(len(stems) - len(entry) + 1):
            if tuple(stems[i : i + len(entry)]) == entry and not all(set(entry) <= s for s in told):
                start = starts[i]
                if entry == ("not",) and start > 0 and tokens[start - 1] in _AUXILIARIES:
                    start -= 1  # "did not", as typed
                typed = phrase(q.r, list(range(start, i + len(entry))))
                named = answer.named if len(answer.named) > 1 else [answer.record]
                of = f"any of the {len(named)} it names" if len(named) > 1 else named[0].name
                look = ", ".join(f.id for f in named[:MAX_RELATED])
                article = _article(q, named[0])
                raise NoMatchError(
                    f'{article} does not say "{typed}" of {of}; worth a look: {look}'
                )
    return answer


#: English's comparison of good and bad (irregular, a closed set): a judgement of worth
#: ("the *best* high school"), which no figure of the article makes; its own comparisons
#: are of quantity ("the *highest* rate").
_WORTH = frozenset({"good", "better", "best", "bad", "worse", "worst"})
#: A rank of quality before a noun ("the *top* school"), not of a person's office.
_TOP = "top"
#: English's ordinal adjectives of order ("the *first* fair"): which one of several.
_ORDINAL_WORDS = frozenset({"first", "second", "third"})
#: The endings of English adverbs of manner formed from adjectives ("secret-ly").
_MANNER_ENDINGS = ("ly",)


def _graded(tokens: Sequence[str], i: int, small: frozenset[str]) -> bool:
    """Whether a word is the comparative or superlative of a common adjective ("*older*
    than ten years", "the *newest* centre") that compares no quantity the figures give
    ("higher", "most" do): a grade of age or quality the records never state."""
    word = tokens[i]
    if word in QUANTITY_WORDS or word not in small or (i > 0 and tokens[i - 1] == "no"):
        return False  # "no longer" denies
    # a comparative takes "than" ("older than"), a superlative "the" ("the newest")
    before, after = tokens[i - 1 : i], tokens[i + 1 : i + 2]
    for ending, marked in (("er", after == ("than",)), ("est", before in (("the",), ("s",)))):
        if not marked:
            continue
        base = word.removesuffix(ending)
        # the shortest adjectives graded so are of three letters ("old", "new", "big")
        if base == word or len(base) < len("old"):
            continue
        doubled = len(base) > len("old") and base[-1] == base[-2]
        if base in small or f"{base}e" in small or (doubled and base[:-1] in small):
            return True
    return False


def _numbered_as_said(q: _Question, answer: Answer) -> Answer:
    """The answer, or a refusal when the question counts something its record counts with
    another number ("the city's *four* major industries": the record says three): the
    question is of other things than the record's."""
    from cqedu.ask.stated import numbered_otherwise  # deferred with the summaries' words

    if opens_yes_no(q.r.question):
        return answer  # "is preschool free for all three years": the record settles it
    fact = answer.record
    text = f"{fact.name} {fact.summary}"
    which = ordinals(q.r.tokens)  # "the 14th plan" says which one, counting nothing
    for i, token in enumerate(q.r.tokens):
        if i in which or not (token.isdigit() or token in CARDINALS):
            continue
        said = numbered_otherwise(q.r.tokens, i, text)
        if said:
            raise NoMatchError(
                f'{_article(q, fact)} says "{said}", not "{q.r.typed[i]}"{_look([fact])}'
            )
    return answer


def _unclaimed(q: _Question, answer: Answer) -> Answer:
    """The answer, or a refusal when the question adds a claim no record named states: a
    judgement of worth ("which is the *best* high school": the article ranks no schools),
    an ordinal ("the *first* fair"), or an adverb of manner on what was done ("which
    university *secretly* hosted the fair"). Function words ("actually", "really",
    "exactly") only ask whether something is so; adverbs of frequency ("annually") ask a
    figure per year; one said before the question word ("so *basically* how many") is the
    asker's aside."""
    r = q.r
    tokens = r.tokens
    small = function_words()
    lead = leading(tokens)
    named = list(answer.named or [answer.record])
    told = [_record_stems(f) for f in named]
    people = all(f.kind == "person" for f in named)
    for i, word in enumerate(tokens):
        # "the *top* school" ranks schools; "the top official" is a person's rank, which
        # the record's role says
        worth = word in _WORTH or (word == _TOP and not people) or _graded(tokens, i, small)
        manner = (
            i > lead
            and word.endswith(_MANNER_ENDINGS)
            and len(word) > len("only")
            and word not in small
            and not r.per_year
            and i in r.subject
            and not q.read.get(i)
        )
        # "the *first* fair": which one in an order, which the record must say
        ordinal = word in _ORDINAL_WORDS and i in r.subject
        if not (worth or manner or ordinal) or all(stem(word) in said for said in told):
            continue
        of = f"any of the {len(named)} it names" if len(named) > 1 else named[0].name
        look = ", ".join(f.id for f in named[:MAX_RELATED])
        if worth:
            raise NoMatchError(
                f'{_article(q, named[0])} ranks nothing as "{r.typed[i]}": it gives figures, '
                f"not judgements; worth a look: {look}"
            )
        raise NoMatchError(
            f'{_article(q, named[0])} does not say "{r.typed[i]}" of {of}; worth a look: {look}'
        )
    return answer


#: The forms of "be" that open a yes-no question of what a thing is ("are schools free").
_BE = frozenset({"is", "are", "was", "were"})


def _said_of_it(q: _Question, answer: Answer) -> Answer:
    """The answer, or a refusal when a "which N was X" question's answer says none of the
    words of X that some other record says ("which of the programs was a national
    *pilot*": the overseas programs are programs, but the pilot is the football reform,
    which calls itself one only in passing). The words after the verb are what the one
    asked for must be; the noun before it only what kind of thing it is."""
    r = q.r
    tokens = r.tokens
    if r.kind != NAME or tokens[:1] != ("which",) or not r.head:
        return answer
    verb = next((i for i in range(max(r.head) + 1, len(tokens)) if tokens[i] in _BE), None)
    if verb is None:
        return _does_what_is_said(q, answer)
    small = function_words()
    # what it is said to be, not what was done to it ("are *held up* as examples")
    said = [
        i
        for i in q.optional
        if i > verb
        and tokens[i] not in small
        and tokens[i] not in PARTICLES
        and i not in r.verbs
        and not inflected(tokens[i])
        and not declared_verb(q.lexicon, tokens[i])
        and not q.generic(i)
    ]
    named = _named_ids(answer)
    if not said or _answer_says(q, named, said):
        return answer
    others = [c.fact for c in q.found if c.fact.id not in named and c.covers(said)]
    if any(f.id in answer.record.related or answer.record.id in f.related for f in others):
        # "which action plan is behind the university-industry *gains*": the record the
        # words name is tied to the answer (the enterprises it helped), not another's
        return answer
    return _unsaid(q, answer, said, others)


def _does_what_is_said(q: _Question, answer: Answer) -> Answer:
    """The answer, or a refusal when a "which N does S do" question's answer says none of
    the words after N that another record says: "which model does the city use to back
    companies going overseas" is no role model, who says nothing of companies; the model
    the article names for it does."""
    r = q.r
    tokens = r.tokens
    small = function_words()
    said = [
        i
        for i in q.known
        if i > max(r.head)
        and tokens[i] not in small
        and i not in q.homes
        and not _near(i, q.homes)  # "out of Chongqing schools": its whole system
        and not q.generic(i)
    ]
    named = _named_ids(answer)
    if not said or _answer_says(q, named, said):
        return answer
    others = [
        c.fact
        for c in q.found
        if c.fact.id not in named and sum(c.quality.get(i, 0.0) > 0 for i in said) * 2 >= len(said)
    ]
    return _unsaid(q, answer, said, others)


def _named_ids(answer: Answer) -> set[str]:
    """The ids of the records an answer names (its one record when it lists none)."""
    return {f.id for f in answer.named or (answer.record,)}


def _answer_says(q: _Question, named: set[str], said: Sequence[int]) -> bool:
    """Whether a record the answer names holds any of the question's words at `said`."""
    return any(c.quality.get(i, 0.0) > 0 for c in q.found if c.fact.id in named for i in said)


def _unsaid(q: _Question, answer: Answer, said: Sequence[int], others: Sequence[Fact]) -> Answer:
    """The answer when no other record says the words at `said` either, else a refusal
    that the article does not say them of the answer's record, pointing at those that do."""
    if not others:
        return answer
    fact = answer.record
    raise NoMatchError(
        f'{_article(q, fact)} does not say "{quoted(q.r, said)}" of {fact.name}'
        f"{_look([*others, fact])}"
    )


def _predicated(q: _Question, answer: Answer) -> Answer:
    """The answer, or a refusal when a yes-no question says of its subject a word that
    other records use but none named does ("are *schools* free in chongqing": free is
    said of preschool, not of the schools counted): the claim is of something else."""
    r = q.r
    tokens = r.tokens
    if tokens[:1] and tokens[0] not in _BE:
        return answer
    named = list(answer.named or [answer.record])
    told = [_record_stems(f) | set(words(f.name.lower())) for f in named]
    # only common English slips past the vetoes ("free", "go"); a verb is what was done;
    # "one of the *places*" says what kind of thing the subject is
    small = function_words()
    for i in r.subject:
        if i in r.level_positions or i in q.homes or not q.read.get(i) or q.generic(i):
            continue
        word = tokens[i]
        if word not in small or inflected(word) or declared_verb(q.lexicon, word):
            continue
        if word.endswith("s") and word[:-1] in small:  # "chongqing *works* with"
            continue
        if tokens[i + 1 : i + 2] and tokens[i + 1] in DETERMINERS:
            continue  # a preposition before its noun phrase ("*behind* the college")
        if past_of_content_verb(word) or tokens[max(i - 3, 0) : i] == ("one", "of", "the"):
            continue
        meant = {word, *q.stands_for([i])}
        if any({stem(w) for w in meant} & said or meant & said for said in told):
            continue
        of = f"any of the {len(named)} it names" if len(named) > 1 else named[0].name
        look = ", ".join(f.id for f in named[:MAX_RELATED])
        raise NoMatchError(
            f'{_article(q, named[0])} does not say "{r.typed[i]}" of {of}; worth a look: {look}'
        )
    return answer


#: English's particles of direction that are never prepositions ("come *back*", "move
#: *away*"): a closed class.
_DIRECTIONS = frozenset({"back", "away"})


def _particle_stated(q: _Question, answer: Answer) -> Answer:
    """The answer, or a refusal when the question's verb has a particle ("students *sent
    back*", "universities Chongqing *set up*") that no record named states: its verb and
    particle both, or a declared synonym of the two ("set up": "founded"). The particle
    makes another verb, so the record's figure or name is of something else."""
    r = q.r
    named = list(answer.named or [answer.record])
    told = [_record_stems(f) for f in named]
    # a particle that ends the question is the verb's ("what did NTU set *up*"); one
    # before other words may be a preposition ("a lesson *on* Go") or an idiom's ("carry
    # on with study"), which the records paraphrase
    # ... but "back" and "away" are never prepositions: wherever they stand they make
    # another verb ("came *back* to the schools")
    ending = [p for p in r.phrasal if p + 2 == len(r.tokens) or r.tokens[p + 1] in _DIRECTIONS]
    for i in sorted(ending):
        verb, particle = r.tokens[i], r.tokens[i + 1]
        gram = (verb, particle)
        if answer.kind != FIGURE and gram not in q.lexicon.verb_terms:
            continue  # "when did the fair kick off", "what makes it stand out": of the record
        if gram in q.lexicon.verb_terms and all(f.kind == "program" for f in named):
            continue  # a programme is something set up, whatever verb its record uses
        ways = [{root, stem(particle)} for root in verb_roots(verb)]
        said = [*q.lexicon.meanings(gram), *q.lexicon.verb_terms.get(gram, ())]
        ways += [{stem(w) for w in meaning for w in words(w)} for meaning in said]
        if all(any(way <= stems for way in ways) for stems in told):
            continue
        of = f"any of the {len(named)} it names" if len(named) > 1 else named[0].name
        look = ", ".join(f.id for f in named[:MAX_RELATED])
        typed = phrase(r, [i, i + 1])
        raise NoMatchError(
            f'{_article(q, named[0])} does not say "{typed}" of {of}; worth a look: {look}'
        )
    return answer


def _article(q: _Question, fact: Fact) -> str:
    """How a refusal about one record names where it is: "the article", or with several
    sources loaded "the source on Chongqing" (the record's own)."""
    if len(q.kb.sources) < 2:
        return "the article"
    places = {s.id: place_name(s) for s in q.kb.sources}
    return f"the source on {places.get(fact.source, fact.source)}"


def _of_the_person(q: _Question, answer: Answer) -> Answer:
    """The answer, or a refusal of "which sport is Shi Tingmao a champion in" when the
    record of the person the question names says no such thing: the person's own record
    is no sport, and a record that is one ("campus football") is tied to someone else.
    The answer stands when it is tied to the person ("which body does Liu Yanbing lead")."""
    tokens = q.r.tokens
    asking = [i for i, t in enumerate(tokens[:-1]) if t in ("which", "what")]
    if q.r.kind != NAME or not asking or asking[0] + 1 not in q.r.subject:
        return answer
    noun = tokens[asking[0] + 1]
    typed = f" {' '.join(tokens)} "
    given = answer.record
    for fact in q.kb.facts():
        name = words(fact.name)
        if fact.kind != "person" or f" {' '.join(name)} " not in typed or noun in name:
            continue
        tied = given.id in fact.related or fact.id in given.related
        if given.id == fact.id or not tied:
            raise NoMatchError(
                f'{_article(q, fact)} names {fact.name} but does not say which "{noun}"; '
                f"worth a look: {fact.id}"
            )
    return answer


def _named_records(q: _Question) -> list[Fact]:
    """Records other than figures that a question names whole, each at a place no longer
    name covers ("Southwest University" beside "Southwest University of Political
    Science and Law"), in the order typed."""
    return list(dict.fromkeys(fact for _, _, fact in _name_spans(q)))


def _name_spans(q: _Question) -> list[tuple[int, int, Fact]]:
    """Where a question names records other than figures whole (start, end, record), in
    the order typed, without a name inside a longer one at the same place."""
    tokens = q.r.tokens
    # a word typed as a declared one-word synonym of a name's word names it ("southwest
    # *uni*": Southwest University)
    meant = {w: term for term, synonyms in q.lexicon.terms for w in synonyms if " " not in term}
    spans: list[tuple[int, int, Fact]] = []
    for fact in dict.fromkeys(c.fact for c in q.found):
        name = tuple(words(fact.name))
        if fact.kind == "stat" or not name:
            continue
        spans += [
            (i, i + len(name), fact)
            for i in range(len(tokens) - len(name) + 1)
            if all(t == w or meant.get(t) == w for t, w in zip(tokens[i:], name, strict=False))
        ]
    kept = [
        (start, end, fact)
        for start, end, fact in spans
        if not any(s <= start and end <= e and (s, e) != (start, end) for s, e, _ in spans)
    ]
    return sorted(kept, key=lambda span: span[0])


#: Modals that ask what will be ("*will* free preschool be extended to two years").
_WILL = frozenset({"will", "would", "shall"})


def _foretold(q: _Question, fact: Fact) -> None:
    """Refuse a yes-no question of what will be that types a figure its record does not
    give ("will free preschool be extended to two years"): the article's figure says what
    is, not whether it will change. (Of what is or was, the article's figure answers the
    claim: "does Chongqing have 10,000 schools" gets its 9,177.)"""
    if q.r.tokens[0] not in _WILL or fact.value is None:
        return
    # deferred: only a question of what will be needs the figure parser (~12 ms)
    from cqedu.facts.figures import parse_figure

    typed = [parse_figure(t) for t in q.r.tokens if t.isdigit() or t.isalpha()]
    figures = [f.value for f in typed if f is not None]
    if figures and fact.value not in figures:
        raise NoMatchError(
            f"{_article(q, fact)} gives {wording.counted_when(fact)}, "
            f"not whether it will change{_look([fact])}"
        )


def _settled(q: _Question, answer: Answer) -> Answer:
    """The answer to a yes-no question, or a refusal when its record does not settle it:
    of two things the records name ("is Southwest University the same as ..."), a
    description of one that is not tied to the other; of one, another record's
    description, or one that does not say every word asked ("is Shi Tingmao a *Go*
    champion")."""
    tokens = q.r.tokens
    if not tokens or tokens[0] not in _AUXILIARIES:
        return answer
    if answer.kind == FIGURE:
        _foretold(q, answer.record)
        return answer
    named = _named_records(q)
    given = answer.record

    def tied(a: Fact, b: Fact) -> bool:
        return a.id == b.id or a.id in b.related or b.id in a.related

    if len(named) > 1 and not all(tied(given, f) for f in named):
        names = " and ".join(f.name for f in named)
        raise NoMatchError(
            f"{_article(q, named[0])} names {names} but does not say how they stand to each "
            f"other{_look(named)}"
        )
    # a description settles it only when it is of the record named ("is Southwest
    # University a law school": not the law university) and says every word asked
    small = function_words()

    def unsaid(fact: Fact) -> list[int]:
        own = next((c for c in q.found if c.fact.id == fact.id), None)
        # "is Thailand one of the *partner countries*": what every partner is, and the
        # partner's own category, is said by its being a partner of that category
        partnering = partner_filler(q.r.tokens) if fact.kind == "partner" else set()
        if fact.kind == "partner" and fact.category:
            partnering |= {t for t in q.r.tokens if stem(t) == stem(fact.category)}
        return [
            i
            for i in q.known
            if i not in q.r.level_positions
            and q.r.tokens[i] not in partnering
            # "a *Go* champion", typed either case: a small word the records write only as
            # a name
            and (
                q.r.tokens[i] not in small
                or q.r.typed[i][:1].isupper()
                or proper_noun(q.kb, q.r.tokens[i])
            )
            and not inflected(q.r.tokens[i])  # a verb only ranks ("being *expanded*")
            and (own is None or not own.covers([i]))
        ]

    # ... and of the record named, not one tied to it ("is the University of Leicester in
    # Chongqing": the joint college's description says nothing of the university's
    # place); the named one's own description answers when it says every word asked
    other = len(named) == 1 and given.id != named[0].id
    if other and tied(given, named[0]) and not unsaid(named[0]):
        return made(q.asked(), answer.kind, [named[0]], [given])
    if other or (named and not tied(given, named[0])) or unsaid(given):
        raise NoMatchError(
            f'{_article(q, given)} does not settle "{q.asked()}"{_look(named or [given])}'
        )
    return answer


#: Nouns of a sum of money paid or spent, and the verb "cost": a question whose noun
#: phrase ends in one ("kindergarten *fees*", "what does X *cost*") asks a sum of money.
#: "Pay" and "charge" are left out: "who pays" asks a payer, "in charge" a head.
PRICE_WORDS = frozenset(
    "fee fees tuition tuitions price prices cost costs salary salaries wage wages budget "
    "budgets spending expenditure expenditures fare fares rent rents".split()
)


#: Nouns of a share that name the whole after "of" ("what *percentage of* schools").
_SHARE_NOUNS = frozenset("share percentage percent proportion fraction portion rate ratio".split())
#: Prepositions that make the noun after them the doer or the place of what a share
#: counts ("employees trained *by* local schools", "enrolled *in* school"), not its whole.
_NOT_THE_WHOLE = frozenset({"by", "in", "at", "into", "from", "through", "within", "across"})
#: How far back a noun's preposition is looked for, over its modifiers ("by local
#: vocational schools").
_MODIFIERS = 3


def _of_its_whole(q: _Question, answer: Answer) -> Answer:
    """The answer, or a refusal when a share is asked of a noun ("what percentage *of
    schools* are vocational") that the share's record says only as the doer or the place
    of what it counts ("new frontline employees trained *by* local vocational *schools*",
    "children enrolled *in school*"): a share of schools is another figure. A noun the
    record does not say at all (a synonym) is not judged."""
    fact = answer.record
    if fact.unit != "percent":  # a share's figure or its description alike
        return answer
    # the words as typed, "%" a word: a keyword string read as a share "of" ("universities
    # research share") has no phrase of its own whose head is the whole
    tokens = words(q.r.question.replace("%", " percent "))
    at = next(
        (i for i in range(len(tokens) - 2) if tokens[i] in _SHARE_NOUNS and tokens[i + 1] == "of"),
        None,
    )
    if at is None:
        return answer
    start = at + 2
    while start < len(tokens) and tokens[start] in DETERMINERS:
        start += 1
    end = start
    while end < len(tokens) and tokens[end] not in CLOSED_CLASS:
        end += 1
    if end == start:
        return answer
    # the noun phrase ends at its first plural noun ("of vocational *schools* train ...")
    head = next((i for i in range(start, end) if _plural(tokens[i], q.lexicon)), end - 1)
    whole = stem(tokens[head])
    roles = []
    for text in (fact.name, fact.summary):
        said = words(text)
        for i, word in enumerate(said):
            if stem(word) != whole:
                continue
            before = said[max(0, i - _MODIFIERS) : i]
            prepositions = [w for w in before if w in _NOT_THE_WHOLE or w == "of"]
            roles.append(bool(prepositions) and prepositions[-1] in _NOT_THE_WHOLE)
    if roles and all(roles):
        raise NoMatchError(
            f'the article gives {wording.counted(fact)}, but no share of "{tokens[head]}"'
        )
    return answer


#: Adverbs of going to or coming from another country: after a verb ("study *abroad*")
#: where to; after "from", where from.
_ABROAD = frozenset({"abroad", "overseas"})
#: Adjectives of people from another country ("*international* students").
_FOREIGN = frozenset({"international", "foreign", "overseas"})


def _directions(said: Sequence[str], *, adjectives: bool = False) -> set[str]:
    """Which way a text says things cross the border: "from" (coming from abroad, and,
    with `adjectives`, "*international* students"), "to" (going or being abroad: "study
    abroad", "programs abroad")."""
    found = set()
    for i, word in enumerate(said):
        after = said[i + 1] if i + 1 < len(said) else ""
        if word in _ABROAD and i and said[i - 1] == "from":
            found.add("from")
        elif word in _ABROAD and (not after or after in CLOSED_CLASS):
            found.add("to")
        elif adjectives and word in _FOREIGN and after and after not in CLOSED_CLASS:
            found.add("from")
    return found


def _of_its_direction(q: _Question, answer: Answer) -> Answer:
    """The answer, or a refusal when the question says which way people or things cross
    the border and the record does not: "scholars *from abroad*" are no scholars sent to
    study abroad, and students who "study *overseas*" are no international students drawn
    to the city. A record of, or tied to, a partner in another country is abroad."""
    asked = _directions(words(q.r.question))
    if not asked:
        return answer
    fact = answer.record
    given = _directions(words(f"{fact.name}. {fact.summary}"), adjectives=True)
    given |= {d for k in fact.keywords for d in _directions(words(k))}
    tied = [fact, *(q.kb.get(i) for i in fact.related)]
    if any(f.country for f in tied):
        given.add("to")
    if asked <= given:
        return answer
    way = "coming from abroad" if "from" in asked else "going abroad"
    raise NoMatchError(f"the article gives {wording.counted_when(fact)}, but none {way}")


def _priced(q: _Question, answer: Answer) -> Answer:
    """The answer, or a refusal when the question asks a sum of money (a price, fee or
    cost ends its noun phrase, or "money") and no record named gives a figure in a
    currency: "one year of free preschool" is no fee, a description has no price. A
    money word modifying another noun ("fee waiver", "tuition-free") asks none, nor does
    a question about something being free."""
    tokens = q.r.tokens
    asked = [
        i
        for i, token in enumerate(tokens)
        if (token in PRICE_WORDS or token in MONEY_WORDS)
        and (i + 1 == len(tokens) or tokens[i + 1] in CLOSED_CLASS)
    ]
    if not asked or "free" in tokens:
        return answer
    # deferred: only a question asking a sum of money needs it
    from cqedu.core.units import in_currency

    if any(in_currency(f.unit) for f in answer.named):
        return answer
    fact = answer.record
    given = (
        f"gives {wording.counted_when(fact)}"
        if fact.has_figure
        else f"describes {wording.in_sentence(fact.name, fact)}"
    )
    raise NoMatchError(
        f'the article gives no sum of money for "{quoted(q.r, asked[:1])}": it {given}'
        f"{_look([fact, *answer.related])}"
    )


#: Stems of verbs that ask who pays ("funds", "finances", "pays for", "sponsors"): of a
#: partner, a sum of money the article never gives.
PAYING = frozenset({"fund", "financ", "pay", "paid", "sponsor", "subsid", "bankrol"})


def _of_the_owner(q: _Question, answer: Answer) -> Answer:
    """The answer, or a refusal when the question gives its subject an owner by name that
    the records never tie to it: "*China's* high school enrollment rate" asks the national
    figure, which Chongqing's is not; the sources' own place owns every record."""
    tokens = q.r.tokens
    for i in q.subject:
        if tokens[i + 1 : i + 2] != ("s",) or i in q.homes or not proper_noun(q.kb, tokens[i]):
            continue
        said = {
            w
            for f in answer.named
            for w in words(" ".join((f.name, f.summary, *f.keywords, f.country or "")))
        }
        if tokens[i] not in said:
            owner = quoted(q.r, [i])
            fact = answer.named[0]
            if answer.kind == FIGURE and fact.has_figure:
                raise NoMatchError(wording.passing(fact, owner))
            raise NoMatchError(f'the article does not say "{owner}" of {fact.name}')
    return answer


def _unmodified(q: _Question, answer: Answer) -> Answer:
    """The answer, or a refusal when a common word no record uses modifies the noun asked
    about, between its determiner and it ("the *vice* director"): it names another thing
    than the records' noun. Checked last: a word another check reads ("the *next*
    director", "the *best* rate") is refused there, saying why."""
    r = q.r
    tokens = r.tokens
    for i in q.subject:
        if q.read.get(i) or i not in r.common or i + 1 not in r.head or i == 0:
            continue
        if tokens[i] not in CLOSED_CLASS and tokens[i - 1] in DETERMINERS:
            raise NoMatchError(wording.not_mentioned([phrase(r, [i])], q.home, len(q.kb.sources)))
    return answer


def _partner_pays(q: _Question, answer: Answer) -> Answer:
    """The answer to "which partner <verb> ...", or a refusal when the verb asks who pays
    ("which partner *funds* the Leicester joint college": the university runs it; nothing
    says who funds it) and neither the partners named nor the records tied to them say
    it. Other verbs are paraphrase ("which centre *studies* ancient civilisations")."""
    if answer.kind not in (PLACES, COUNTRIES):
        return answer
    tokens = q.r.tokens
    noun = partner_noun_at(tokens)
    at = noun[0] + 1 if noun else len(tokens)
    roots = verb_roots(tokens[at]) if at < len(tokens) else set()
    if not roots & PAYING:
        return answer
    texts = [f"{f.name} {f.summary} {' '.join(f.keywords)}" for f in answer.named]
    texts += [f"{t.name} {t.summary}" for f in answer.named for t in map(q.kb.get, f.related)]
    if roots & {stem(w) for text in texts for w in words(text)}:
        return answer
    asked = phrase(q.r, range(at, len(tokens)))
    raise NoMatchError(
        f'{_article(q, answer.record)} does not say which {tokens[at - 1]} "{asked}"'
        f"{_look(list(answer.named))}"
    )


def _of_one_holder(q: _Question, answer: Answer) -> Answer:
    """The answer, or a refusal when the question asks of another holder or occurrence
    than the one the record reports ("the former director", "who will succeed Liu
    Yanbing", "the next World Culture Fair"): the article tells of one time only."""
    # deferred: only an answered question is checked for it
    from cqedu.ask.holders import another_holder
    from cqedu.ask.quoting import as_typed

    fact = answer.record
    other = another_holder(q.r.tokens, fact, CLOSED_CLASS)
    if other is None:
        return answer
    said = as_typed(q.r, list(other))
    raise NoMatchError(
        f"{_article(q, fact)} gives {wording.in_sentence(fact.name, fact)} at the time it "
        f'reports, not "{said}"{_look([fact])}'
    )


def _in_its_role(q: _Question, answer: Answer) -> Answer:
    """The answer, or a refusal when the question words a person's role with a modifier
    the record does not say ("the *vice* director": another office; `roles`)."""
    fact = answer.record
    if fact.kind != "person":
        return answer
    # deferred: only an answer naming a person is checked for it
    from cqedu.ask.quoting import as_typed
    from cqedu.ask.roles import unsaid_modifier

    other = unsaid_modifier(q.r.tokens, fact, CLOSED_CLASS, q.stands_for)
    if other is None:
        return answer
    said = as_typed(q.r, list(other))
    role = q.r.typed[other[-1]].lower()
    raise NoMatchError(
        f'{_article(q, fact)} names no "{said}"; it names {fact.name} as {role}{_look([fact])}'
    )


def _broken_down(q: _Question, answer: Answer) -> Answer:
    """The answer, or a refusal when the question asks a quantity split along something
    ("international students *by country*") and one record answers: one is no split."""
    if len(answer.named) > 1 or " by " not in f" {' '.join(q.r.tokens)} ":
        return answer
    from cqedu.ask.breakdown import split_along  # deferred: only a question with "by"

    at = split_along(q.r.tokens, q.r.typed, CLOSED_CLASS)
    if at is None:
        return answer
    fact = answer.record
    # a figure's total is what the article gives instead; a record of no figure (a fair
    # that mentions students "from many countries") is no total of what was asked
    given = f"; it gives only {wording.counted_when(fact)}" if fact.has_figure else ""
    raise NoMatchError(
        f'{_article(q, fact)} gives no split "by {q.r.typed[at]}"{given}{_look([fact])}'
    )


def _for_its_purpose(q: _Question, answer: Answer) -> Answer:
    """The answer, or a refusal when the question gives a purpose for coming or going
    that the record does not say ("foreign students come to work": it counts those who
    come to study; `purpose.unsaid_purpose`)."""
    # deferred: only an answered question is checked for it
    from cqedu.ask.purpose import unsaid_purpose
    from cqedu.ask.quoting import as_typed
    from cqedu.ask.reading import source_places
    from cqedu.store.lemmas import verb_lemmas

    fact = answer.record
    own = words(f"{fact.name} {fact.summary} {' '.join(fact.keywords)}")
    # what a record tied to it says of the same scheme ("funding that *sends* scholars
    # abroad") is said of it too
    own += [w for i in fact.related for w in words(q.kb.get(i).summary)]
    own_stems = {stem(w) for w in own}

    def said(word: str) -> bool:
        if stem(word) in own_stems:
            return True
        return any(w in own for w, score in q.lexicon.matches(word).items() if score >= 1.0)

    places = set(source_places(q.kb.sources))
    # a declared short form of a place ("cq" for Chongqing) is that place
    places |= {
        short[0]
        for short, meanings in q.lexicon.synonyms.items()
        if len(short) == 1 and any(len(m) == 1 and m[0] in places for m in meanings)
    }
    at = unsaid_purpose(
        q.r.tokens, q.r.typed, said, places, lemmas=verb_lemmas, levels=q.r.level_positions
    )
    if at is None:
        return answer
    raise NoMatchError(
        f"{_article(q, fact)} gives {wording.in_sentence(fact.name, fact)}, and nothing of "
        f'those who "{as_typed(q.r, list(at))}"{_look([fact])}'
    )


#: Words that set two times side by side ("2019 *vs* now", "*compared* with today").
_SET_AGAINST = frozenset({"vs", "versus", "compared", "compare", "comparison"})
#: Words for the time of the article's own figures ("*now*", "*today*").
_NOW = frozenset({"now", "today", "nowadays", "currently"})


def _of_one_time(q: _Question, answer: Answer) -> Answer:
    """The answer, or a refusal when the question asks of a time its record does not
    give: a year the record never says ("international students in 2019" answered by a
    description, or a figure of 2025), or two times side by side ("teachers then and
    now", "2019 vs now"), where one time's figure says nothing of the other or of the
    change. A figure's own year is checked with its period (`choice._of_time`)."""
    r = q.r
    tokens = set(r.tokens)
    fact = answer.record
    said = f"{fact.period or ''} {fact.date or ''} {fact.name} {fact.summary}"
    # "which university hosted the World Culture Fair in 2024": the year is the time of
    # the related record the question names in full (the fair's date), not the answer's
    said += "".join(f" {f.period or ''} {f.date or ''}" for f in _named_related(q, fact))
    other = [] if answer.kind == FIGURE else [y for y in r.years if y not in said]
    now = bool(tokens & _NOW)
    against = bool(tokens & _SET_AGAINST) and (bool(r.years) or now)
    if not other and not against and not ("then" in tokens and now):
        return answer
    article = _article(q, fact)
    if fact.has_figure:
        given = wording.counted_when(fact)
        what = f"not for {', '.join(other)}" if other else "one time's figure, not two to compare"
        raise NoMatchError(f"{article} gives {given}, {what}{_look([fact])}")
    when = f"in {', '.join(other)}" if other else "at two times"
    raise NoMatchError(
        f"{article} describes {fact.name} but gives nothing of it {when}{_look([fact])}"
    )


def _named_related(q: _Question, fact: Fact) -> list[Fact]:
    """The records related to `fact` whose whole name the question says (every word of
    it other than function words)."""
    tokens = set(q.r.tokens)
    small = function_words()
    found: list[Fact] = []
    for other in map(q.kb.get, fact.related):  # a related id is checked on load
        name = [w for w in words(other.name) if w not in small]
        if name and tokens.issuperset(name):
            found.append(other)
    return found


#: The verbs of refusals, with "the sources" for "the article".
_PLURAL_VERBS = {
    "does not": "do not",
    "gives": "give",
    "counts": "count",
    "names": "name",
    "mentions": "mention",
    "credits": "credit",
}


def _sourced(q: _Question, message: str) -> str:
    """A refusal with several sources loaded and none named: "the article gives <a
    record's figure>" says the record's own source ("the source on Chongqing gives"),
    any other "the article" is "the sources"."""
    if "the article" not in message:
        return message
    for verb in ("gives ", "counts "):
        rest = message.removeprefix(f"the article {verb}")
        if rest == message:
            continue
        quoted = [
            c.fact
            for c in q.found
            if c.fact.has_figure
            and (
                rest.startswith(wording.counted(c.fact))
                or rest.startswith(wording.counted_when(c.fact))
            )
        ]
        if quoted:
            return message.replace("the article", _article(q, quoted[0]), 1)
    for verb, plural in _PLURAL_VERBS.items():
        message = message.replace(f"the article {verb}", f"the sources {plural}")
    return message.replace("the article", "the sources")


def _in_full(q: _Question, answer: Answer) -> Answer:
    """A list of countries with the count of them when the article counts more (a
    partial list taken for the whole misleads)."""
    # deferred: only an answer that lists countries needs it
    from cqedu.ask.counted_lists import counted_in_full, names_a_country

    asked = q.r.plural and not names_a_country(q.kb, q.r.tokens)
    # a bare list ("which countries does Chongqing work with") has no subject words: any
    # count of countries may be of its subject
    found = q.found or [Candidate(f, {}, frozenset(), frozenset(), 0.0) for f in q.kb.facts()]
    return counted_in_full(q.kb, answer, found, q.required, q.known, a_list=asked)


def answer(kb: KnowledgeBase, lexicon: Lexicon, reading: Reading) -> Answer:
    """The answer to a read question, or NoMatchError saying what the article gives."""
    # deferred: the answer types' choices are the last step
    from cqedu.ask.choice import choose, everyone
    from cqedu.ask.heads import of_its_kind
    from cqedu.ask.listing import of_a_kind, of_the_noun

    question = _Question(kb, lexicon, reading)
    # "which universities are named as partners": function words alone name no subject
    small = function_words()
    bare = all(reading.tokens[i] in small for i in question.subject)
    timeless = not (reading.years or reading.future or reading.change or reading.levels)
    if not question.subject and reading.extreme and reading.percent and timeless:
        # "what is the highest percentage": of every share the records give (of a year
        # or level named, the steps below say what the article gives)
        from cqedu.ask.choice import extreme_share  # deferred: see above

        return extreme_share(question)
    if not question.subject and not (bare and reading.kind in (PLACES, COUNTRIES)):
        raise NoMatchError(
            f'"{" ".join(reading.question.split())}" names nothing to look up; ask about a '
            'figure, date, person or partner, such as: cqedu ask "how many teachers?"'
        )
    try:
        # a name typed that no record names vetoes a bare list too ("what is Chongqing
        # University" asks no list of the city's universities)
        question.vetoes()
        if bare and reading.kind in (PLACES, COUNTRIES):
            listed = _unclaimed(question, _stated(question, _without(question, everyone(question))))
            return _in_full(question, listed)
        whole = of_a_kind(question)
        if whole:  # "list the people": every record of that kind, and only those
            return made(reading.question, NAME, whole, whole[1:], limit=len(whole))
        ranked = plain_first(question, question.constrained(question.candidates()))
        ranked = _the_thing_first(question, ranked)
        chosen = _without(question, choose(question, ranked))
        chosen = of_its_kind(question, chosen)  # the noun asked for names what it is
        # a list of countries or places names the records' countries, not the records
        named_as_they_are = chosen.kind not in (FIGURE, COUNTRIES, PLACES)
        if named_as_they_are and len(of_the_noun(question, chosen.named)) < len(chosen.named):
            # "list the people trained at NTU": a program that trains them is no person
            raise NoMatchError(f'the article does not answer "{question.asked()}"')
        stated = _of_the_person(question, _particle_stated(question, _stated(question, chosen)))
        stated = _unclaimed(question, stated)
        timely = _of_one_time(question, _predicated(question, _settled(question, stated)))
        timely = _numbered_as_said(question, timely)
        held = _in_its_role(question, _of_one_holder(question, _of_the_owner(question, timely)))
        paid = _unmodified(question, _partner_pays(question, _for_its_purpose(question, held)))
        paid = _said_of_it(question, _priced(question, paid))
        paid = _of_its_whole(question, _of_its_direction(question, paid))
        return _in_full(question, _broken_down(question, paid))
    except NoMatchError as error:
        if len(kb.sources) < 2:
            raise
        if not reading.sources:
            raise NoMatchError(_sourced(question, str(error))) from None
        # Several sources, one named: the refusal is that source's.
        names = " and ".join(place_name(s) for s in reading.sources)
        message = str(error)
        if message.startswith("the article on "):  # the place is named already
            message = message.replace("the article", "the source", 1)
        else:
            message = message.replace("the article", f"the source on {names}", 1)
        raise NoMatchError(message) from None
