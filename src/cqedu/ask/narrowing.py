"""Step 3, a check of its own: words after what a figure counts that narrow it.

"How many students study *medicine*", "teachers *nationally*": a word after the noun phrase
asked about, known to the records but rare among them, that a figure does not cover names
a part of what it counts, which the article does not give. Verbs and function words that
no record names do not narrow; a declared synonym ("foreign" for "international") narrows
unless the figure covers it by its meaning.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from cqedu.ask.candidates import Candidate
from cqedu.ask.cues import QUANTITY_WORDS
from cqedu.ask.language import function_words, inflected
from cqedu.ask.reading import CLOSED_CLASS, PRO_FORMS, clause_verbs, declared_verb
from cqedu.ask.stated import said_in_a_row
from cqedu.core.text import words

if TYPE_CHECKING:
    from cqedu.ask.checks import _Question

#: Auxiliaries of do-support: "how many did the colleges *provide*" ends in its verb.
_DO_SUPPORT = frozenset({"do", "does", "did"})
#: Words a verb follows: "to take", "were set up", "have launched".
_BEFORE_VERB = frozenset({"to", "is", "are", "was", "were", "be", "been", "has", "have", "had"})


#: The particle of aspect ("came *up* through"), of English's particles the one that
#: says no direction.
_UP = "up"
#: English's adverbs of place in another country ("principals go *abroad*").
_ABROAD = frozenset({"abroad", "overseas"})


#: Prepositions of a figure's relation to another ("*above* the national average").
RELATIONS = frozenset({"above", "below"})
#: The openings of a yes-no question ("*isn't* the rate below ...", "*is* it above").
_YES_NO = frozenset({"is", "isn", "are", "aren", "was", "wasn", "were", "weren"})


def relation_settled(q: _Question, c: Candidate, position: int, relation: str) -> bool:
    """Whether the summary says the figure's relation to what the question compares it
    with ("above the national average"): the same relation, or for a yes-no question
    either one, which the record then settles ("isn't the rate *below* the national
    average": it is above)."""
    said = words(c.fact.summary)
    meant = {q.r.tokens[position], *q.stands_for([position])}
    yes_no = q.r.tokens[:1] and q.r.tokens[0] in _YES_NO
    for j, word in enumerate(said):
        of = set(said[j + 1 : j + 1 + _RELATION_SPAN])
        if word in RELATIONS and (word == relation or yes_no) and meant & of:
            return True
    return False


#: How many words after a relation say what the figure is compared with.
_RELATION_SPAN = 4


def against(q: _Question, candidate: Candidate) -> list[int]:
    """Words after the noun phrase asked about that narrow it to something the record
    does not count ("students study *abroad*", "teachers *nationally*"): known to the
    records, rare among them (not generic), and not covered by this one.

    Not counted: a word where a verb stands (right after the noun phrase, after "to",
    a clause's verb, the last word after "did") when it reads as one (`_verb_like`);
    an inflected form or a form of a declared verb anywhere (a participle is weighed
    apart); a declared synonym the record covers by its meaning (its quality);
    a word next to the sources' own place ("Chongqing schools"); a function word no
    record names (by its name, id or keywords), which is no subject of its own ("now").
    """
    r = q.r
    anchor = set(r.head) | set(r.counted)
    if not anchor:
        return []
    tokens = r.tokens
    verbs = set(r.verbs) | clause_verbs(tokens) | {max(anchor) + 1}
    verbs |= {i for i in range(1, len(tokens)) if tokens[i - 1] in _BEFORE_VERB}
    if _DO_SUPPORT & set(tokens):
        verbs.add(len(tokens) - 1)
    # "students enrolled in the Sino-foreign cooperative *institutions* and programs": the
    # name of a record the figure is tied to (its `related`) says whose figure it is
    tied = {w for f in candidate.fact.related for w in words(q.kb.get(f).name)}
    found: list[int] = []
    relation = next((j for j in range(len(tokens)) if tokens[j] in RELATIONS), None)
    for i in q.optional:
        if q.stands_for([i]) & tied or tokens[i] in tied:
            continue
        # "above the national average": a relation the record may state
        if (
            relation is not None
            and i > relation
            and relation_settled(q, candidate, i, tokens[relation])
        ):
            continue
        # a summary that mentions the word in passing does not cover it ("national")
        # (verbs live in summaries: there a mention covers one, "subjects *rank*")
        # ... nor one it says as the question does ("*three* major industries")
        covered = candidate.quality.get(i) and (
            i not in candidate.weak
            or i in verbs
            or said_in_a_row(tokens, i, r.phrasal, candidate.fact.summary)
        )
        if i <= max(anchor) or covered or _near(i, q.homes):
            continue
        if i in r.level_positions or i in q.in_terms or q.generic(i):
            continue
        token = tokens[i]
        if inflected(token) or declared_verb(q.lexicon, token):
            continue
        if i in verbs and (_verb_like(q, i, anchor) or _tied_verb(q, candidate, token)):
            continue
        if i in r.common and not _named_by_some_record(q, i):
            continue
        if token in _ABROAD and _with_a_partner(q, candidate):
            continue
        if _aspect_particle(q, i) or _going(q, i) or _pro_form(tokens, i):
            continue
        found.append(i)
    return found


#: What "one" follows as a pronoun ("which *one*", "the highest *one*"): a determiner or a
#: grade of quantity, with no noun after it.
_BEFORE_PRO_FORM = frozenset({"which", "the", "this", "that", "each", "every", "another", "any"})


def _pro_form(tokens: Sequence[str], i: int) -> bool:
    """Whether "one" or "ones" stands for the noun asked about ("of the enrollment rates,
    which *one* is lowest", "the highest *one*"), as English's pro-form does: after a
    determiner or a grade of quantity, and before no noun of its own ("one year")."""
    if tokens[i] not in PRO_FORMS or i == 0:
        return False
    before = tokens[i - 1]
    if before not in _BEFORE_PRO_FORM and before not in QUANTITY_WORDS:
        return False
    return i + 1 == len(tokens) or tokens[i + 1] in CLOSED_CLASS


def _verb_like(q: _Question, position: int, anchor: set[int]) -> bool:
    """Whether the word where a verb stands reads as one: ordinary English (the
    function-word list holds common verbs), an inflected form, a form of a word the
    declared terms hold ("reach", "provide"), a verb with its particle ("carry on"), or
    the noun's own root ("students study")."""
    token = q.r.tokens[position]
    if token in function_words() or inflected(token) or declared_verb(q.lexicon, token):
        return True
    if position in q.r.phrasal:  # "students *carry* on with study"
        return True
    return any(_same_root(token, q.r.tokens[i]) for i in anchor)


def _tied_verb(q: _Question, candidate: Candidate, token: str) -> bool:
    """Whether a word where a verb stands is a form of one the summary of a record tied
    to the figure says ("pay to *send* abroad" of scholars sponsored abroad, whose
    sponsorship "sends scholars abroad"): what the article says is done to what it counts."""
    # deferred for start-up: stems load the stemmer
    from cqedu.core.text import stem

    said = {stem(w) for f in candidate.fact.related for w in words(q.kb.get(f).summary)}
    return stem(token) in said


def _going(q: _Question, position: int) -> bool:
    """Whether a word is a verb of coming or going before "to" ("principals *go* to NTU
    for training"): `purpose.goes_to`."""
    # deferred: only a word that would narrow the figure is weighed so
    from cqedu.ask.purpose import goes_to
    from cqedu.store.lemmas import verb_lemmas

    return goes_to(q.r.tokens, position, verb_lemmas)


def _aspect_particle(q: _Question, position: int) -> bool:
    """Whether a word is "up" that makes one verb with a common verb before a preposition
    ("workers *came up* through local schools"): it tells how the deed was done, not
    where to, as the particles of direction do ("came *back* to", "moved *away* from");
    a verb of ending ("gave up on") is refused as such (`reversals.txt`)."""
    tokens = q.r.tokens
    # a phrasal verb's particle runs into a function word (`reading._phrasal_verbs`):
    # here one after it, its preposition; one that ends the question is weighed apart
    return (
        tokens[position] == _UP
        and position - 1 in q.r.phrasal
        and position - 1 in q.r.common
        and position + 1 < len(tokens)
    )


def _with_a_partner(q: _Question, candidate: Candidate) -> bool:
    """Whether a figure is of a partner, or tied to one, of a country (partners are of
    another than the sources' own): what it counts is done abroad ("principals trained
    at NTU", a university in Singapore)."""
    tied = [q.kb.get(f) for f in candidate.fact.related]
    return any(f.country for f in (candidate.fact, *tied))


def _named_by_some_record(q: _Question, position: int) -> bool:
    """Whether some record holds the word by its name, id, keywords and the like (not
    only in a summary): a subject the knowledge base names ("abroad")."""
    return any(c.quality.get(position) and position not in c.weak for c in q.found)


def in_terms(tokens: Sequence[str], terms: Sequence[str], verbs: Sequence[str] = ()) -> set[int]:
    """Positions of a question's words inside a term of several words typed whole, after
    its first word: "set up" is one word of meaning; of `verbs` (declared terms that are
    verbs, "set up"), the first word too: a verb does not narrow."""
    padded = list(tokens)
    found: set[int] = set()
    for term in [*terms, *verbs]:
        parts = term.split()
        if len(parts) < 2:
            continue
        first = 0 if term in verbs else 1
        for start in range(len(padded) - len(parts) + 1):
            if padded[start : start + len(parts)] == parts:
                found.update(range(start + first, start + len(parts)))
    return found


def _same_root(first: str, second: str) -> bool:
    """Whether two words begin with one root of at least four letters ("study",
    "students"; "teach", "teachers")."""
    common = 0
    for a, b in zip(first, second, strict=False):
        if a != b:
            break
        common += 1
    return common >= 4 and common >= 0.75 * min(len(first), len(second))


def _near(position: int, homes: set[int]) -> bool:
    """Whether a word stands next to the sources' own place ("in Chongqing schools")."""
    return bool(homes & {position - 1, position + 1})
