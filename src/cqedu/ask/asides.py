"""What the asker says around a question that is no part of it: their life, an aside.

"My late husband played Go every evening (he never beat me, mind you), so I must ask which
world champion taught ...": the asked part is the clause with the question word; the
clauses before it say why the asker asks, the brackets comment on the asking, and a
sentence after the question ("Just double-checking that figure.") says what the asker is
doing. None of them is a constraint on the answer, unless it says something the answer's
record does not: "I live in Chengdu, how many teachers are there?" asks of Chengdu, and
"my son is 12 - how many ..." gives a figure. So a question the article refuses is read
again without them only when every figure-free name and every word of the records they
hold is one the answering record says itself ("Go" of the Go lesson): what they say then
narrows nothing.

"I've got 98.47% in my notes, which rate is that one?" and "there's a college tied to a
British university, which university is that?" ask of what the clause before introduced:
the pro-form "that" stands for the figure or the thing, which is put in its place.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator
from typing import TYPE_CHECKING

from cqedu.ask.cues import WANTING
from cqedu.core.errors import NoMatchError
from cqedu.core.text import stem, words

if TYPE_CHECKING:
    from cqedu.ask.question import Answer, KnowledgeBase
    from cqedu.facts.model import Fact

#: A break between two clauses of one sentence: a comma, semicolon, colon or dash, or a
#: coordinator before the first person ("... medicine *and* I heard ...").
_BREAK = (
    r"(?:\s*[,;:\u2013\u2014]|\s+-+|\.\.\.)\s+(?:(?:and|but|so)\s+)?"
    r"|\s+(?:and|but|so)\s+(?=(?:i|we|i'm|i've|i'd|my|our)\b)"
)
#: A bracketed aside ("(he never beat me, mind you)").
_BRACKETED = r"\s*\((?P<aside>[^()]*)\)"
#: The first-person pronoun and its contractions, typed capitalised anywhere.
_FIRST_PERSON = frozenset({"i", "i'm", "i've", "i'd", "i'll"})
#: The most readings tried: each is a question answered again.
_MAX_TRIES = 6


def _sentences(question: str) -> list[str]:
    """The question's sentences, each with its end mark."""
    # a capital opens the next sentence: "no. of kindergartens" is one
    return [s for s in re.split(r"(?<=[?.!])\s+(?=[A-Z])", question.strip()) if s]


def readings(question: str) -> Iterator[tuple[str, str]]:
    """(the asked part, the words left out) for each reading of `question` without what
    its asker says around it, least left out first: without brackets' asides, without
    the sentences other than its first question, then without each clause before a
    break in that question, and without the clauses after one."""
    asides = [found["aside"] for found in re.finditer(_BRACKETED, question)]
    said = re.sub(r"\s{2,}", " ", re.sub(_BRACKETED, "", question)).strip()
    sentences = _sentences(said)
    asked = next((s for s in sentences if s.endswith("?")), sentences[-1] if sentences else "")
    others = [s for s in sentences if s is not asked]
    left = [p for p in asides if _askers(p, bracketed=True)]
    left += [p for p in others if _askers(p) and not _asks(p)]
    if len(left) < len(asides) + len(others):
        return  # a sentence or aside of the question's own ("Only the private ones.")
    tries = 0
    if left:
        tries += 1
        yield asked, ". ".join(left)
    cuts = [found.end() for found in re.finditer(_BREAK, asked, flags=re.IGNORECASE)]
    # a clause after the question, the last break first ("..., just so I can plan ahead")
    tails = [found.start() for found in re.finditer(_BREAK, asked, flags=re.IGNORECASE)][::-1]
    end = re.search(r"[?.!]*\s*$", asked)
    mark = "?" if end is None or not end[0].strip() else end[0].strip()[:1]
    for tail in [None, *tails]:
        for cut in [0, *cuts]:
            if tail is not None and cut >= tail:
                break
            if cut == 0 and tail is None:
                continue
            part = asked[cut:tail] if tail is not None else asked[cut:]
            if tail is not None:
                part = f"{part.rstrip(' ,;:-')}{mark}"
            out = [*left, asked[:cut]]
            if tail is not None:
                out.append(asked[tail:])
            if not _asks(part) or (tail is not None and _asks(asked[tail:])):
                continue  # the clause with the question word is the one kept
            if not all(_askers(piece) for piece in out[len(left) :] if words(piece)):
                continue  # "counting only the private ones, how many ...": no aside
            tries += 1
            if tries > _MAX_TRIES:
                return
            yield part, ". ".join(out)


#: Words that make a clause a question or a request: the question words, the verbs that
#: open a yes-no question, and the verbs of a request for a list ("name all five ...").
_ASKING = frozenset(
    "how what whats what's which who whom whose when where why whether is are was were do"
    " does did has have had can could will would should name list tell give show".split()
)


def _asks(clause: str) -> bool:
    """Whether a clause asks: it holds a question word, or opens as a yes-no question or
    a request does."""
    said = words(clause)
    return bool(said) and (said[0] in _ASKING or any(w in _ASKING - _OPENING_ONLY for w in said))


#: Asking words that ask only when they open the clause ("*is* it", not "what it *is*").
_OPENING_ONLY = frozenset(
    "is are was were do does did has have had can could will would should name list tell"
    " give show".split()
)


#: Words that may open a clause before its subject ("*and* I heard", "*oh*, my son").
_OPENING = r"(?:(?:and|but|so|well|oh|also|anyway|just|now)\b[\s,]*)*"
#: A clause of the asker's own: its subject the asker or one of theirs ("I remember ...",
#: "my late husband played ..."), someone reporting to them ("someone told me ..."), or,
#: subjectless, the asker's act of asking ("Just double-checking that figure.", "asking
#: for my newsletter"): the speech act's verbs.
_ASKERS_CLAUSE = (
    rf"(?is)^\s*{_OPENING}(?:(?:i|we)\b|(?:my|our)\s+\w"
    r"|(?:someone|somebody|a\s+friend|people)\s+(?:told|tells|said|says|mentioned)\b"
    r"|(?:ask|wonder|check|double-?check|verify|confirm)ing\b)"
)
#: A question embedded after a verb of asking or knowing ("I wonder *how many* of them
#: ..."): a question of the asker's own, never an aside.
_EMBEDDED = (
    r"(?i)\b(?:wonder|wondering|wondered|know|ask|asking|tell\s+me)\s+"
    r"(?:if|whether|how|what|which|who|when|where|why)\b"
)
#: The first person in a bracketed aside, which may open with another's pronoun ("(he
#: never beat *me*, mind you)"): an aside about someone, spoken by the asker.
_FIRST_PERSON_IN = r"(?i)\b(?:i(?!\.e\b)|me|my|mine|myself|we|us|our|ours)\b"


def _askers(piece: str, *, bracketed: bool = False) -> bool:
    """Whether words left out are the asker's own clause (`_ASKERS_CLAUSE`), or in
    brackets an aside that speaks as the asker, and say nothing of what they want of the
    answer (`cues.WANTING`): only those are asides."""
    if re.search(WANTING, piece) or re.search(_EMBEDDED, piece):
        return False
    if bracketed:
        return re.search(_FIRST_PERSON_IN, piece) is not None
    return re.match(_ASKERS_CLAUSE, piece) is not None


def _said(fact: Fact) -> str:
    """All a record says in words of its own."""
    return f"{_named(fact)} {fact.summary}"


def narrows_nothing(
    left_out: str,
    answer: Answer,
    naming: Callable[[str], bool],
    own: set[str],
    known: Collection[str] = (),
) -> bool:
    """Whether the words left out of a question say nothing its answer's records do not:
    no figure, and each name typed capitalised (but the first word of a sentence and the
    asker's "I") and each word that names what a record is about (`naming`: "preschool",
    not "taught") one they say themselves, by stem, or the source's own place (`own`);
    any other word one of the records (`known`) or common in general English (`_COMMON`)."""
    if re.search(r"\d", left_out):
        return False  # "my son is 12", "in 2020": a figure or a year says which
    from cqedu.ask.language import function_words  # deferred with the question logic

    small = function_words()
    told = {stem(w) for fact in answer.named or (answer.record,) for w in words(_said(fact))}
    for sentence in re.split(r"(?<=[?.!])\s+", left_out):
        for n, found in enumerate(re.finditer(r"[A-Za-z][\w'-]*", sentence)):
            word = found[0].lower()
            named = n > 0 and found[0][:1].isupper() and word not in _FIRST_PERSON
            if not named and word in small:
                continue
            if not named and not naming(word):
                if word in known or common_word(word):
                    continue
                return False  # "my cousin in chengdu": a rare word typed lower-case may name
            if word in own or all(stem(w) in told for w in words(word)):
                continue
            return False
    return True


#: How often a word must occur in general English (pyspellchecker's corpus) to be taken
#: for an ordinary word when typed lower-case: place names typed so ("chengdu", 50;
#: "shanghai", 627; "california", 1,029) are rarer, ordinary words of a life far commoner
#: ("husband", 231,268; "napkin", 2,743).
_COMMON = 2500


def common_word(word: str) -> bool:
    """Whether a word, each part of a compound, is common in general English, in either
    spelling ("neighbours")."""
    from cqedu.store.english import english_counts, other_spelling  # deferred: a fallback's

    for part in re.split(r"[-\u2010]", word.removesuffix("'s").removesuffix("\u2019s")):
        # each part of a compound ("double-checking")
        spellings = [part, *filter(None, [other_spelling(part)])]
        if part and max(english_counts(spellings).values(), default=0) < _COMMON:
            return False
    return True


def _naming(kb: KnowledgeBase, known: set[str]) -> Callable[[str], bool]:
    """Whether a word of the records names what one is about: a word of a record's name,
    unit, fields, country or keywords ("preschool"), found through the search index; a
    word only the records' sentences use ("taught") names nothing."""

    def naming(word: str) -> bool:
        if word not in known:
            return False
        root = stem(word)
        return any(
            root in {stem(w) for w in words(_named(fact))}
            for fact in kb.index_words.records_with([word])
        )

    return naming


def _named(fact: Fact) -> str:
    """The words that say what a record is about, without its summary's sentence."""
    return " ".join((fact.name, fact.unit or "", fact.country or "", *fact.fields, *fact.keywords))


def without_asides(
    kb: KnowledgeBase, question: str, answered: Callable[[KnowledgeBase, str], Answer]
) -> Answer | None:
    """The answer to a refused question's asked part (`readings`), when what is left out
    narrows nothing (`narrows_nothing`); None when no reading is answered so."""
    from cqedu.ask.language import Lexicon  # deferred with the question logic
    from cqedu.ask.reading import source_places

    lexicon = Lexicon(kb)
    own = set(source_places(kb.sources))
    naming = _naming(kb, lexicon.known)
    for asked, left_out in readings(question):
        try:
            answer = answered(kb, asked)
        except NoMatchError:
            continue
        if narrows_nothing(left_out, answer, naming, own, lexicon.known):
            return answer._replace(question=question.strip())
    return None


#: A pro-form asked of the figure or thing the clause before it introduced ("..., which
#: rate is *that* one?", "..., who is that?").
_PRO_FORM_ASKED = (
    r"(?is)^(?P<lead>.*?\S)\s*[,;:\u2013\u2014-]+\s*"
    r"(?:(?P<wh>which|what)\s+(?P<noun>[\w\s'-]*?\w)|(?P<who>who))"
    r"\s+(?P<be>is|was|are|were)\s+(?:that|this|it|those|these|they)(?:\s+ones?)?\s*[?.!]*\s*$"
)
#: A figure as typed: digits, a decimal part, a percent sign or word, a scale word.
_FIGURE = (
    r"\d[\d,]*(?:\.\d+)?(?:\s*(?:%|percent\b|per\s+cent\b))?"
    r"(?:\s+(?:million|billion|thousand)\b)?"
)
#: An existential clause introducing a thing ("there's a college tied to ...").
_THERE = r"(?is)\bthere(?:'s|\u2019s|\s+is|\s+are|\s+was|\s+were)\s+(?P<thing>\S.*)$"
#: The first words of a clause of the asker's own ("*I've* got ...", "*my* notes say ...").
_ASKER_FIRST = frozenset({"i", "we", "my", "our", "i've", "i'm", "i'd"})


def of_held(
    kb: KnowledgeBase, question: str, answered: Callable[[KnowledgeBase, str], Answer]
) -> Answer | None:
    """The answer to "which N is X?" for "<clause introducing X>, which N is that?"
    (`of_antecedent`), None for any other question. A figure the asker holds must be the
    answer's own ("I've got 14 in my notes, which figure is that?" is refused, not
    answered with the 12 goals of the 14th plan): NoMatchError."""
    meant = of_antecedent(question)
    if meant == question:
        return None
    answer = answered(kb, meant)._replace(question=question.strip())
    figure = re.findall(_FIGURE, question)
    held = _value(figure[0]) if len(figure) == 1 else None
    if held is None:
        # a thing introduced: the answer must be one of the kind asked ("which
        # *university*": the University of Leicester), or a person asked with "who"
        asked = re.match(_PRO_FORM_ASKED, question)
        noun = words(asked["noun"])[-1:] if asked is not None and asked["noun"] else []
        names = {stem(w) for fact in answer.named or (answer.record,) for w in words(fact.name)}
        if noun and stem(noun[0]) not in names:
            raise NoMatchError(f"the article names no such {noun[0]}")
        return answer
    if not any(
        fact.value is not None and abs(fact.value - held) <= 1e-9 * max(1.0, abs(held))
        for fact in answer.named or (answer.record,)
    ):
        raise NoMatchError(f"the article gives no figure of {figure[0].strip()}")
    return answer


def _value(figure: str) -> float | None:
    """A figure as typed, as a number ("1.85 million": 1850000.0, "98.47%": 98.47)."""
    found = re.match(r"\s*(?P<number>\d[\d,]*(?:\.\d+)?)", figure)
    if found is None:
        return None
    number = float(found["number"].replace(",", ""))
    scale = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
    return number * next((v for k, v in scale.items() if k in figure.lower()), 1.0)


def of_antecedent(question: str) -> str:
    """ "which N is X?" for "<clause introducing X>, which N is that?": a figure the
    asker's own clause holds alone ("I've got 98.47% in my notes"), or the thing an
    existential clause introduces ("(I heard) there's a college tied to a British
    university"), stands for the pro-form. Any other question unchanged, and one whose
    own clause names anything else (a name, another figure: "in 2020"), which it would
    leave out."""
    found = re.match(_PRO_FORM_ASKED, question)
    if found is None:
        return question
    lead = found["lead"]
    asked = f"who {found['be']}" if found["who"] else f"{found['wh']} {found['noun']} {found['be']}"
    figures = re.findall(_FIGURE, lead)
    if len(figures) == 1 and words(lead)[:1] and words(lead)[0] in _ASKER_FIRST:
        rest = re.sub(_FIGURE, "", lead)
        return question if _names(rest) else f"{asked} {figures[0].strip()}?"
    # the thing introduced is carried over whole: its names are asked of, not left out
    there = re.search(_THERE, lead)
    if there is None:
        return question
    before = lead[: there.start()]
    if words(before) and (words(before)[0] not in _ASKER_FIRST or _names(before)):
        return question
    return f"{asked} {there['thing'].strip()}?"


def _names(text: str) -> bool:
    """Whether text names something: a word typed capitalised after its first that is
    not the asker's "I", or a figure."""
    spans = list(re.finditer(r"[A-Za-z][\w'-]*", text))
    return bool(re.search(r"\d", text)) or any(
        found[0][:1].isupper() and found[0].lower() not in _FIRST_PERSON for found in spans[1:]
    )
