"""Step 2 of a question: the records that may answer it, found through the search index.

Each subject word of the question stands for some of the index's words (the same word,
another form of it, a close spelling, or the words of a declared synonym). The records
that hold any of them are read from the search index, and each is scored on how it
covers every subject word: by its name, keywords and the like (strongly), only by its
summary or the names of records tied to it (weakly: a mention in passing), or only as
one of several subject fields of a program (a part of what its figure counts).
"""

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from cqedu.ask.inside_names import (
    Ordinary,
    compound_pieces,
    only_inside_names,
    record_words,
)
from cqedu.ask.language import Lexicon
from cqedu.ask.reading import Reading, level_phrases, ordinals
from cqedu.core.text import is_number, normalise_phrase, words
from cqedu.facts.model import Fact
from cqedu.query.wording import COUNTRIES, PLACE

if TYPE_CHECKING:
    from cqedu.ask.question import KnowledgeBase

#: How much a word found only in a record's summary counts against its name or keywords.
SUMMARY_WEIGHT = 0.7
#: How much a name or keyword of several words found whole in the question adds to the fit.
PHRASE_WEIGHT = 0.2

#: One way a question word may be read: record words that must all be found, each with
#: the index words it may stand for and their quality (0-1).
Meaning = tuple[dict[str, float], ...]


class Candidate(NamedTuple):
    """A record that may answer the question, with how it covers each subject word."""

    fact: Fact
    """The record."""
    quality: dict[int, float]
    """Question position -> how well the record covers that word (0: not at all)."""
    weak: frozenset[int]
    """Positions the record covers only by its summary or tied records (a passing mention)."""
    part: frozenset[int]
    """Positions the record covers only as one of its several subject fields."""
    fit: float
    """Share of the record's name words the question uses, plus PHRASE_WEIGHT per name or
    keyword phrase typed whole."""

    def covers(self, positions: Sequence[int]) -> bool:
        """Whether the record covers every word at `positions`."""
        return all(self.quality.get(i, 0.0) > 0 for i in positions)

    def score(self, positions: Sequence[int]) -> float:
        """Mean quality over `positions` (1 when there are none)."""
        if not positions:
            return 1.0
        return sum(self.quality.get(i, 0.0) for i in positions) / len(positions)


class _RecordWords(NamedTuple):
    strong: frozenset[str]
    weak: frozenset[str]
    part: frozenset[str]


def meanings(reading: Reading, lexicon: Lexicon) -> tuple[dict[int, list[Meaning]], set[int]]:
    """Each subject position's readings, and the positions a synonym of several words took
    into the one before ("set up" is one word of meaning)."""
    found: dict[int, list[Meaning]] = {}
    absorbed: set[int] = set()
    tokens = reading.tokens
    # a declared verb term means what its synonyms say of the record that answers; a
    # country or place is a field of the record, not what the verb is said of
    verb_terms = lexicon.verb_terms if reading.kind not in (COUNTRIES, PLACE) else {}
    subject = set(reading.subject)
    for size in (3, 2):
        for start in range(len(tokens) - size + 1):
            span = range(start, start + size)
            if any(i in absorbed for i in span) or not any(i in subject for i in span):
                continue
            gram = tuple(tokens[start : start + size])
            meant = lexicon.meanings(gram)
            if meant and gram in verb_terms:
                meant = [*meant, *verb_terms[gram]]
            if meant:
                found[start] = [tuple(lexicon.matches(w) for w in m) for m in meant]
                absorbed.update(i for i in span if i != start)
    for i in reading.subject:
        if i in absorbed:
            continue
        own = lexicon.matches(tokens[i])
        readings = found.setdefault(i, [])
        if own:
            readings.insert(0, (own,))
        verb = i in reading.verbs and not tokens[i].endswith("ing")  # "building" is a noun
        meant = lexicon.meanings([tokens[i]]) or (
            _verb_form_of(tokens[i], verb_terms) if verb else []
        )
        # one synonym of a declared verb term says what any other the records write does
        # ("established", "founded": both "set up"), as the term itself does
        siblings = [
            s
            for m in meant
            for s in verb_terms.get(m, ())
            if s != (tokens[i],) and s[0] in lexicon.known
        ]
        for meaning in [*meant, *verb_terms.get((tokens[i],), ()), *siblings]:
            readings.append(tuple(lexicon.matches(w) for w in meaning))
        found[i] = [m for m in readings if all(m)]
    return found, absorbed


def _verb_form_of(
    token: str, verb_terms: dict[tuple[str, ...], list[tuple[str, ...]]]
) -> list[tuple[str, ...]]:
    """The declared verb terms a word is another form of one of the synonyms of, by
    Snowball stems ("establish", of "established": "set up"), as a declared phrase is
    found in other forms of its words."""
    if not verb_terms or not token.isalpha():
        return []
    # deferred: only a word with no declared meaning of its own
    from cqedu.core.text import stem

    root = stem(token)
    return [
        term for term, synonyms in verb_terms.items() if any(stem(w) == root for (w,) in synonyms)
    ]


def find(
    kb: "KnowledgeBase", reading: Reading, lexicon: Lexicon, read: dict[int, list[Meaning]]
) -> list[Candidate]:
    """Records holding any index word a subject word stands for, each scored."""
    index_words = {w for ms in read.values() for m in ms for part in m for w in part}
    facts = kb.index_words.records_with(sorted(w for w in index_words if not is_number(w)))
    if any(is_number(w) for w in index_words):
        facts = kb.facts()  # numbers are not in the vocabulary: weigh every record
    # A level's words that name it alone ("kindergarten"); its phrases ("high school") are
    # read as levels by `reading`, and a record of that level covers them.
    level_words = {
        lv.id: [w for w in phrases if " " not in w] for lv, phrases in level_phrases(kb.levels)
    }
    levels = {lv.id for lv in reading.levels}
    country_words = {c.name: words(" ".join((c.name, *c.aliases))) for c in kb.countries}
    names = {f.id: f.name for f in facts}
    # The question's words and every record word they stand for, for the name fit.
    tokens = [*reading.tokens, *index_words]
    # An ordinal ("the 15th plan") is covered by a record that writes that ordinal, not
    # by a figure or a day that happens to be the number ("12 goals", "October 13").
    ordinal = {i: reading.tokens[i] for i in ordinals(reading.tokens) if i in read}
    plain = Ordinary()
    typed = compound_pieces(reading.question)
    found: list[Candidate] = []
    for fact in facts:
        own = _record_words(fact, level_words, country_words, names)
        quality: dict[int, float] = {}
        weak: set[int] = set()
        part: set[int] = set()
        for position, options in read.items():
            best, how = 0.0, ""
            for meaning in options:
                value, kind = _cover(own, meaning)
                if value > best:
                    best, how = value, kind
            if position in reading.level_positions and fact.level in levels:
                best, how = 1.0, "strong"
            if position in ordinal and not _writes_ordinal(fact, ordinal[position]):
                best, how = 0.0, ""
            quality[position] = best
            if how == "weak":
                weak.add(position)
            elif how == "part":
                part.add(position)
        loose = [*level_words.get(fact.level or "", ()), *country_words.get(fact.country or "", ())]
        _not_by_a_name_piece(fact, quality, read, (reading.tokens, typed), plain=plain, loose=loose)
        if any(quality.values()):
            found.append(
                Candidate(fact, quality, frozenset(weak), frozenset(part), _fit(fact, tokens))
            )
    return found


def _not_by_a_name_piece(
    fact: Fact,
    quality: dict[int, float],
    read: dict[int, list[Meaning]],
    question: tuple[Sequence[str], set[str]],
    *,
    plain: Ordinary,
    loose: Sequence[str],
) -> None:
    """Leave out (quality 0) an ordinary word (`plain`) the record holds only as a piece
    of a name no other piece of which the question says ("class": "Double First-Class"),
    unless the question types it in a compound itself ("Chinese-foreign") or the record
    holds it loose (`loose`: its level's and country's words)."""
    tokens, typed = question
    said: set[str] | None = None
    for position, value in quality.items():
        if not value or tokens[position] in typed:
            continue
        said = record_words(fact) if said is None else said
        matched = {w for m in read[position] for part in m for w in part if w in said}
        if matched & set(loose):
            continue
        others = {
            w for p, ms in read.items() if p != position for m in ms for part in m for w in part
        }
        # the word's frequency last: looked up only for a word a name holds
        if only_inside_names(fact, matched, [*tokens, *others]) and plain(tokens[position]):
            quality[position] = 0.0


def _writes_ordinal(fact: Fact, number: str) -> bool:
    """Whether a record's name, keywords or summary write `number` as an ordinal ("14th")."""
    said = " ".join((fact.name, *fact.keywords, fact.summary))
    return re.search(rf"(?i)(?<!\d){number}(?:st|nd|rd|th)\b", said) is not None


def _cover(own: _RecordWords, meaning: Meaning) -> tuple[float, str]:
    """How a record covers one reading of a question word: (quality, "strong" | "part" |
    "weak"), the worst of its words."""
    worst = 1.0
    kinds: set[str] = set()
    for matches in meaning:
        best, kind = 0.0, ""
        for word, score in matches.items():
            if word in own.strong and score > best:
                best, kind = score, "strong"
            elif word in own.part and score > best:
                best, kind = score, "part"
            elif word in own.weak and score * SUMMARY_WEIGHT > best:
                best, kind = score * SUMMARY_WEIGHT, "weak"
        if best == 0:
            return 0.0, ""
        worst = min(worst, best)
        kinds.add(kind)
    return worst, "weak" if "weak" in kinds else "part" if "part" in kinds else "strong"


def _record_words(
    fact: Fact,
    level_words: dict[str, list[str]],
    country_words: dict[str, list[str]],
    names: dict[str, str],
) -> _RecordWords:
    """A record's words: strong (name, id, keywords, unit, ...), part (one of several
    subject fields) and weak (summary, names of records tied to it)."""
    strong = set(
        words(
            " ".join(
                (
                    fact.name,
                    fact.id,
                    *fact.keywords,
                    fact.unit or "",
                    fact.as_written or "",
                    fact.period or "",
                    fact.date_as_written or "",
                    fact.category or "",
                )
            )
        )
    )
    strong.update(level_words.get(fact.level or "", ()))
    strong.update(country_words.get(fact.country or "", ()))
    if fact.value is not None:
        strong.update(words(repr(fact.value)))
    field_words = set(words(" ".join(fact.fields)))
    part: set[str] = set()
    if len(fact.fields) > 1:
        part = field_words - strong
    else:
        strong |= field_words
    tied = " ".join(names[i] for i in fact.related if i in names)
    weak = set(words(f"{fact.summary} {tied}")) - strong - part
    return _RecordWords(frozenset(strong), frozenset(weak), frozenset(part))


def _fit(fact: Fact, tokens: Sequence[str]) -> float:
    """Share of the record's name words the question uses, plus PHRASE_WEIGHT for each of
    its name and keyword phrases of several words typed whole."""
    from cqedu.ask.language import function_words  # cached list

    small = function_words()
    asked = set(tokens)
    named = words(fact.name)
    # a number the id ends in that the name does not say tells records of one name apart
    # ("teachers-2"), no word of the name a question could use
    own = [*named, *(w for w in words(fact.id) if not w.isdigit() or w in named)]
    name = [w for w in dict.fromkeys(own) if w not in small]
    share = sum(1 for w in name if w in asked) / len(name) if name else 0
    padded = f" {' '.join(tokens)} "
    phrases = [p for p in map(normalise_phrase, (fact.name, *fact.keywords)) if " " in p]
    return share + PHRASE_WEIGHT * sum(1 for p in phrases if f" {p} " in padded)
