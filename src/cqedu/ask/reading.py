"""Step 1 of a question: reading it into an answer type, subject words and constraints.

The answer type comes from the question words (how many, when, who, which countries,
where, what is, highest). The subject is every other word that is not a function word;
the head is the noun phrase the question asks about ("how many *retired teachers*").
Constraints are the education levels, the sources' own places and the years it names,
and whether it asks for a figure per year.
"""

# No `from __future__ import annotations` here: typing.NamedTuple compiles each field's
# annotation into a ForwardRef when it is a string, and Reading has 23 (about 0.8 ms of
# every question's start-up). Annotations here are evaluated: quote a name defined later.
import re
from collections.abc import Sequence
from functools import cache
from itertools import pairwise
from typing import TYPE_CHECKING, NamedTuple

from cqedu.ask.days import said_days
from cqedu.ask.described import as_described, credited_with, role_played, what_sets_apart
from cqedu.ask.disfluency import fluent
from cqedu.ask.frames import unframed
from cqedu.ask.language import Lexicon, function_words, inflected
from cqedu.ask.people import of_people
from cqedu.ask.plurals import counted_plural, every_plural
from cqedu.ask.reported import in_front, unreported
from cqedu.ask.spoken import CARDINALS, spoken_numbers, spoken_years
from cqedu.ask.totals import in_total
from cqedu.core.errors import QueryError
from cqedu.core.matching import EXACT_SCORE, WORD_SCORE, Candidate
from cqedu.core.text import normalise_phrase, word_spans, words
from cqedu.facts.model import Level, Source
from cqedu.query.wording import COUNTRIES, DATE, FIGURE, NAME, PLACE, PLACES, SUMMARY, WHO
from cqedu.store.index import STOPWORDS

if TYPE_CHECKING:
    from cqedu.ask.question import KnowledgeBase

#: Words after which a noun says what the question is restricted to ("in clinical medicine").
PREPOSITIONS = frozenset(
    "in at for among from of between within inside across on by with about".split()
)

#: English's simple prepositions, the whole closed class (Quirk et al. 1985, 9.7), for
#: where a phrase after a noun only points at something else.
_ANY_PREPOSITION = PREPOSITIONS | frozenset(
    "aboard above after against along amid around as before behind below beneath beside"
    " besides beyond despite down during except inside into like near off onto opposite"
    " out outside over past per regarding since through throughout to toward towards"
    " under underneath unlike until up upon via without".split()
)

MAX_QUESTION_CHARS = 500
_EXAMPLE = 'ask one, such as: cqedu ask "how many teachers?"'

_PER_YEAR_WORDS = frozenset({"annual", "annually", "yearly"})
_PER_YEAR_LEADS = frozenset({"each", "every", "per", "a"})
_ORDINAL = frozenset({"st", "nd", "rd", "th"})


def ordinals(tokens: Sequence[str]) -> set[int]:
    """Positions of numbers written as ordinals ("the *15*th plan"): they say which one,
    so a record must hold that number; no claim of a figure to check."""
    return {i for i in range(len(tokens) - 1) if tokens[i].isdigit() and tokens[i + 1] in _ORDINAL}


#: English's comparative quantifiers (a closed class): after "how many" they ask a change.
_COMPARATIVES = frozenset({"more", "fewer", "less", "additional", "extra"})
#: What "per", "each" or "every" ask a ratio over, unless a unit of time follows.
_PER_LEADS = frozenset({"per", "each", "every"})
_TIME_UNITS = frozenset(
    "year years month months week weeks day days annum semester semesters term terms".split()
)
#: The words that ask a share, singular and plural ("what *proportions* of ...").
_PERCENT_WORDS = frozenset(
    f"{word}{ending}"
    for word in ("rate", "share", "percentage", "percent", "proportion", "fraction", "ratio")
    for ending in ("", "s")
)
_COUNT_NOUNS = ("number", "count", "total", "amount", "figure", "size")
#: Each count noun and its plural ("chongqing schools students teachers figures").
_COUNT_WORDS = frozenset(_COUNT_NOUNS) | frozenset(f"{w}s" for w in _COUNT_NOUNS)
_MAX_WORDS = frozenset({"highest", "most", "largest", "biggest", "greatest", "maximum", "max"})
_MIN_WORDS = frozenset({"lowest", "least", "smallest", "fewest", "minimum", "min"})
#: After "what" or "which", words that ask when: a record's date or period ("what is the
#: period of the plan").
_DATE_WORDS = frozenset({"date", "dates", "day", "year", "month", "time", "period"})
#: Imperatives that ask for names, as "which" does ("name the partners", "list the rates").
NAMING = frozenset({"name", "list"})
_QUESTION_WORDS = frozenset(
    {"how", "what", "whats", "which", "who", "whom", "whose", "when", "where", "why"}
    | {"describe", "explain", "define", "tell"}
    | NAMING
)
_LINKS = frozenset({"is", "are", "was", "were", "s", "the", "a", "an", "does", "do", "did"})
#: "what is the", "what's a": a singular link and a determiner, asking what one thing is.
_DEFINING = frozenset((link, det) for link in ("is", "s", "was") for det in ("the", "a", "an"))
#: Auxiliaries of do-support: "when did X begin" ends in the verb, not in X's noun.
_DO = frozenset({"do", "does", "did", "will", "can", "could", "would", "should"})
_AUXILIARIES = _DO | frozenset({"is", "are", "was", "were", "has", "have", "had"})
DETERMINERS = frozenset({"the", "a", "an", "its", "their", "this", "that", "these", "those"})
#: Words that ask for a comparison or a level rather than name a subject.
_ANSWER_WORDS = (
    _MAX_WORDS | _MIN_WORDS | _COUNT_WORDS | _PERCENT_WORDS | frozenset({"level", "levels"})
)
#: Words that shape a question rather than name its subject: a typo may stand for one.
_ASKING_WORDS = _ANSWER_WORDS | _QUESTION_WORDS | _PER_YEAR_WORDS | _DATE_WORDS
#: Closed-class words (the search's stop words, prepositions, auxiliaries): a noun phrase
#: ends at one.
CLOSED_CLASS = (
    (STOPWORDS - {"number", "count", "total", "city", "cq"}) | PREPOSITIONS | _AUXILIARIES
)
# Nouns after "which" or "what" that ask for partners; the plural asks for all of them.
_PARTNER_NOUNS = {
    **dict.fromkeys(("country", "countries", "nation", "nations", "region", "regions"), COUNTRIES),
    **dict.fromkeys(
        "university universities institution institutions partner partners centre centres"
        " center centers college colleges organisation organisations organization"
        " organizations".split(),
        PLACES,
    ),
}
# Words partner questions use for what every partner does, or is: a partner is of another
# country or region than the source's own (its `country` is required), so "which *foreign*
# universities" asks what "which universities" asks.
PARTNER_FILLER = frozenset(
    "cooperate cooperates cooperating cooperation collaborate collaborates collaboration"
    " partner partners partnership partnerships work working linked"
    " foreign overseas international abroad".split()
)


#: English adverb particles: after a verb they make one verb of two words ("team *up*",
#: "kick *off*", "stand *apart*"), naming no subject of their own. A closed class.
PARTICLES = frozenset("up off out apart away down back on over".split())


def _phrasal_verbs(question: str, typed: Sequence[str], tokens: Sequence[str]) -> frozenset[int]:
    """Positions of the verbs of phrasal verbs: an open-class word followed by a particle
    that ends the question or runs into a function word ("does the city *team* up on
    education", "what makes it *stand* apart from"); not a preposition before its noun
    ("depend on *funding*"), nor a noun typed with a hyphen ("the *shake*-up")."""
    small = function_words()
    found: set[int] = set()
    for i in range(1, len(tokens) - 1):
        after = i + 2
        if (
            tokens[i] not in CLOSED_CLASS | PARTICLES
            and not tokens[i].isdigit()
            and tokens[i + 1] in PARTICLES
            and (after == len(tokens) or tokens[after] in CLOSED_CLASS or tokens[after] in small)
            and f"{typed[i]}-{typed[i + 1]}".casefold() not in question.casefold()
        ):
            found.add(i)
    return frozenset(found)


def partner_filler(tokens: Sequence[str]) -> set[str]:
    """The words of a question that say what every partner does, in any form ("works
    with": `PARTNER_FILLER` by Snowball stem)."""
    # deferred for start-up: stems load the stemmer
    from cqedu.core.text import stem

    filler = {stem(w) for w in PARTNER_FILLER}
    return {t for t in tokens if t in PARTNER_FILLER or stem(t) in filler}


class Reading(NamedTuple):
    """A question read: what it asks for, about what, and under which constraints."""

    question: str
    """The question as asked, stripped."""
    typed: tuple[str, ...]
    """Its words as typed."""
    tokens: tuple[str, ...]
    """Its words normalised."""
    kind: str
    """The answer type: FIGURE, DATE, WHO, PLACE, PLACES, COUNTRIES, NAME or SUMMARY."""
    extreme: int = 0
    """1 for highest/most, -1 for lowest/least, 0 for no comparison."""
    plural: bool = False
    """The question asks for every record that fits ("which countries")."""
    per_year: bool = False
    """The question asks for a figure per year ("each year", "annually")."""
    percent: bool = False
    """The question asks for a share or rate."""
    duration: bool = False
    """The question asks how long."""
    counted: frozenset[int] = frozenset()
    """Positions of what "how many" or "how much" counts: it must be the figure's unit."""
    head: frozenset[int] = frozenset()
    """Positions of the noun phrase asked about."""
    common: frozenset[int] = frozenset()
    """Positions of common English words (the `stop-words` list): they never veto."""
    verbs: frozenset[int] = frozenset()
    """Positions where the question's verb stands (after the noun phrase, after "who")."""
    phrasal: frozenset[int] = frozenset()
    """Positions of verbs known by the particle after them ("carry *on*"), which is no
    subject word."""
    subject: tuple[int, ...] = ()
    """Positions of the words that say what the question is about."""
    levels: tuple[Level, ...] = ()
    """Education levels the question names."""
    level_positions: frozenset[int] = frozenset()
    """Positions of the words naming them."""
    sources: tuple[Source, ...] = ()
    """Sources whose own place the question names ("in Chongqing")."""
    years: tuple[str, ...] = ()
    """Years the question names ("in 2020")."""
    change: bool = False
    """The question asks how a figure changed ("how many *more* schools")."""
    stated: int = 0
    """How many names a list question says there are ("name the *three* countries"), or 0."""
    future: bool = False
    """The question asks what will be ("will", "plan to build"): a figure from a date on
    ("from 2025") may answer it, a count of today may not."""
    reason: bool = False
    """The question asks why ("why was X chosen", "how come"): no record gives a reason."""
    manner: bool = False
    """The question asks how something is done ("how are teachers paid")."""
    span: int = 0
    """How many years a figure is asked over ("in five years", "5 yrs"), or 0."""
    excluded: frozenset[int] = frozenset()
    """Positions of the names a question leaves out ("countries *besides Russia*"): no
    subject words; an answer that names or counts them is not the one asked."""
    per: tuple[int, ...] = ()
    """Positions of what a ratio is asked per ("students per *teacher*", "does each
    *school* have"): a figure per year is `per_year`, not this."""


def check(question: str) -> list[tuple[str, str]]:
    """(normalised, typed) words of a question; QueryError when there are none or it is
    too long."""
    if not question.strip():
        raise QueryError(f"empty question; {_EXAMPLE}")
    if len(question) > MAX_QUESTION_CHARS:
        raise QueryError(
            f"question is too long ({len(question)} characters); use at most {MAX_QUESTION_CHARS}"
        )
    found = [(norm, question[start:end]) for start, end, norm in word_spans(question)]
    if not found:
        raise QueryError(f"question has no letters or digits; {_EXAMPLE}")
    return found


#: (Patterns in this module are compiled by `re` when a question first needs them: each
#: costs start-up that most questions would pay for nothing.)
_PREAMBLE = (
    r"(?is)^(?P<before>.+?)\s*(?:[-\u2013\u2014:;,]|\.\.\.)\s*"
    r"(?P<question>(?:how|what|which|who|when|where)\b.*)$"
)
#: The breaks that may end a preamble, to look for before the pattern is compiled.
_BREAKS = frozenset("-\u2013\u2014:;,.")


#: Verbs and adverbs of a request ("please tell me", "I'd like", "can you give"), which
#: before "the names of N" ask what "name N" asks.
_REQUESTING = frozenset(
    "tell give show provide share send list want like need know please kindly".split()
)


def _names_asked(question: str) -> str:
    """ "name N" for a request of "the names of N" ("please tell me the names of the two
    universities", "what are the names of ..."), so that it lists N or says that the
    article only counts them, as "name N" does; unchanged when a word of its own leads up
    to "names" ("the brand names of ...")."""
    if "names" not in question.lower():
        return question
    found = re.search(r"(?i)\bnames\s+of\b", question)
    if found is None:
        return question
    before = words(question[: found.start()])
    small = function_words()
    if not all(w in small or w in _REQUESTING for w in before):
        return question
    return f"name{question[found.end() :]}"


#: "all (of) the" after a listing imperative ("list *all* partner universities", "name
#: *all of the* centres"): it says every one, as the plural noun and "the" already do.
@cache
def _listing_all() -> re.Pattern[str]:
    # compiled on first use: only a question holding "all" needs it
    return re.compile(r"(?i)^(?P<lead>\s*(?:name|list)\s+)all\s+(?:of\s+)?(?:the\s+)?(?=[^\W\d_])")


def _all_listed(question: str) -> str:
    """ "list the X" for "list all (of the) X": "all" there quantifies the noun to list,
    and is read neither as the system-wide level ("all levels") nor as a subject word."""
    if "all" not in question.lower():
        return question
    return _listing_all().sub(lambda found: f"{found['lead']}the ", question, count=1)


#: A topic set off by a break before a count question that names its own noun ("free
#: preschool year - how many kids benefit", "ESI subjects: how many").
@cache
def _topic_before_count() -> re.Pattern[str]:
    # compiled on first use: only a question with a break before "how" needs it
    return re.compile(
        r"(?is)^\s*(?P<topic>(?:(?!\b(?:how|what|which|who|when|where|why)\b)[^?,;:\u2013\u2014])*?\w)"
        r"\s*(?:[,;:\u2013\u2014]|\s-+)\s*(?P<ask>how\s+(?:many|much)\b[^?]*?)[\s?.!]*$"
    )


def _topic_after(question: str) -> str:
    """ "how many kids benefit in free preschool year" for "free preschool year - how many
    kids benefit": the topic said first (left by the lead-ins and sources cited, which go
    first) is the context of the question after the break, read after it, set off by a
    preposition as "how many teachers in Chongqing" is (run on, its words would be read
    as more of what is counted); the question word then leads."""
    breaks = (",", ";", ":", "-", "\u2013", "\u2014")
    if "how" not in question.lower() or not any(mark in question for mark in breaks):
        return question
    found = _topic_before_count().match(question)
    if found is None:
        return question
    topic = found["topic"]
    joined = topic.split(maxsplit=1)[0].lower() in PREPOSITIONS  # "for special education"
    return f"{found['ask']} {topic}" if joined else f"{found['ask']} in {topic}"


def _role_last(lexicon: Lexicon, question: str) -> str:
    """ "director of the education commission" for the keyword string "education
    commission director": a string of no question word whose last word (or a word it
    stands for: "head", "chief") is what a record's summary opens by calling it, "of"
    something ("Director of the ... Commission"), asks for that record, as the "of"
    phrase says it; a word after a noun in a keyword string would otherwise read as a
    word about the noun ("the commission, its director")."""
    said = words(question)
    if len(said) < 2 or _QUESTION_WORDS & set(said) or said[-1] in CLOSED_CLASS:
        return question
    last = said[-1]
    meant = {last} | {w for m in lexicon.synonyms.get((last,), ()) for w in m}
    # only records that hold the word can open their summary with it: the index finds
    # them, where reading every record cost a large knowledge base all its rows
    for fact in lexicon.kb.index_words.records_with(sorted(meant)):
        opening = words(fact.summary)[:2]
        if len(opening) == 2 and opening[0] in meant and opening[1] == "of":
            cut = re.search(rf"(?i)\W*\b{re.escape(last)}\W*$", question)
            if cut is not None:
                return f"{last} of {question[: cut.start()].strip()}"
    return question


def _percent_signs(question: str) -> str:
    """The question with a "%" that follows no figure written as the word ("what % of
    kids", "% of disabled children"): the word splitter drops the sign, and the question
    would lose that it asks a share. "93.5%" keeps its sign, a figure's own."""
    # "top 1 percent" is the figure "top 1%": the word after a number is its sign, which
    # types a figure, and asks no share
    if "cent" in question.lower():  # "percent", "per cent"
        question = re.sub(r"(?i)(\d)\s*(?:percent|per\s+cent)\b", r"\1%", question)
    if "%" not in question:
        return question
    parts: list[str] = []
    last = 0
    for place, char in enumerate(question):
        if char == "%" and not question[:place].rstrip()[-1:].isdigit():
            parts += [question[last:place], " percent "]
            last = place + 1
    return "".join([*parts, question[last:]])


def _without_preamble(lexicon: Lexicon, question: str) -> str:
    """The question without words that lead up to it ("as a parent im curious - how
    many ..."), when none of them is a word of the records: what comes before the break
    then says who asks, not what ("in Chongqing, how many ...", "for preschool: what
    ..." keep theirs)."""
    if not _BREAKS.intersection(question):
        return question
    found = re.match(_PREAMBLE, question.strip())
    if found is None:
        return question
    small = function_words()
    before = words(found["before"])
    if any(w in lexicon.known and w not in small for w in before) or _names(found["before"]):
        return question
    return question if _narrows(lexicon, found["before"], before) else found["question"]


def _narrows(lexicon: Lexicon, text: str, said: Sequence[str]) -> bool:
    """Whether words leading up to a question say what it asks of: a figure or a year ("I
    studied there in 2010; how many ..."), the asker wanting something of the answer ("we
    want the rural figure: what is ..."), or a rare word that may be a place typed in
    lower case ("my cousin from shanghai wonders how many ...")."""
    if any(ch.isdigit() for ch in text):
        return True
    from cqedu.ask.cues import WANTING  # deferred with the question logic

    return bool(re.search(WANTING, text)) or _rare(lexicon, said)


def _rare(lexicon: Lexicon, said: Sequence[str]) -> bool:
    """Whether words leading up to a question hold one that is rare in general English and
    no word of the records: a place or a thing typed in lower case ("my cousin from
    *shanghai* wonders"), which may be what the question is of; ordinary words of the
    asker's life ("as a *parent*") are common."""
    small = function_words()
    ours = lexicon.known | lexicon.declared
    # a word of the records or of their declared terms, or its plural ("headteacher")
    rest = [w for w in said if w not in small and not {w, f"{w}s"} & ours and w.isalpha()]
    if not rest:
        return False
    from cqedu.ask.asides import common_word  # deferred: only a lead-in's words

    return not all(common_word(w) for w in rest)


def _names(text: str) -> bool:
    """Whether words leading up to a question name something: a word typed capitalised
    after the first that is no function word nor the asker ("for *Beijing*, how many":
    the question is of Beijing, not of the asker)."""
    small = function_words()
    return any(
        text[start].isupper() and w not in small and w not in _ASKER
        for n, (start, _, w) in enumerate(word_spans(text))
        if n > 0
    )


#: Words of the asker in a lead-in ("*I* was wondering", "can *you* tell *me*").
_ASKER = frozenset("i im ive id me my we us our you your u ya".split())
#: The question words a lead-in leads up to ("i was wondering *how* many ...").
_LEADS_TO = frozenset({"how", "what", "whats", "which", "who", "when", "where"})
#: What follows a question word that starts a question rather than a relative clause
#: ("hey so *who is*", "so basically *how many*"; not "people *who study*").
_ASKING_ORDER = frozenset({"many", "much", "long", "often"}) | _LINKS | _AUXILIARIES
#: The most words a lead-in takes.
_MAX_LEAD_IN = 6


def _without_lead_in(lexicon: Lexicon, question: str) -> str:
    """The question from its question word on, when the words before it only lead up to
    it ("i was wondering which ...", "hey so who is ...", "so basically how many ..."):
    none is a word of the records, and they speak as the asker ("I", "you") or the
    question word starts a question ("who *is*"), no relative clause ("people who
    study"). Words of the records before it ("in Chongqing which ...") say what is asked."""
    spans = list(word_spans(question))
    lead = next((n for n, (_, _, w) in enumerate(spans[: _MAX_LEAD_IN + 1]) if w in _LEADS_TO), 0)
    if lead == 0:
        return question
    before = [w for _, _, w in spans[:lead]]
    small = function_words()
    if any(w in lexicon.known and w not in small for w in before):
        return question
    if _names(question[: spans[lead][0]]) or _narrows(lexicon, question[: spans[lead][0]], before):
        return question  # "in 2010 how many ...", "my cousin from shanghai wonders how ..."
    following = spans[lead + 1][2] if lead + 1 < len(spans) else ""
    if not _ASKER.intersection(before) and following not in _ASKING_ORDER:
        return question
    return question[spans[lead][0] :]


#: Small words title case leaves lower-case ("Study *in* Chongqing").
_TITLE_LOWER = frozenset(
    "a an the and or but nor of in on at to by for with from as per vs s".split()
)


def title_case(typed: Sequence[str]) -> bool:
    """Whether most words after the first are typed capitalised ("How Many Teachers Does
    Chongqing Have"), so that a capital does not mark a name; a word title case would
    capitalise typed lower-case ("where *is* Chongqing University") says it is not."""
    rest = typed[1:]
    if any(w[:1].islower() and w.lower() not in _TITLE_LOWER for w in rest):
        return False
    capital = sum(1 for word in rest if word[:1].isupper())
    return capital > 0.6 * max(1, len(rest))


def source_places(sources: Sequence[Source]) -> dict[str, Source]:
    """Each source's own place by normalised name: the first capitalised word of its title
    that is no function word ("Chongqing" in "Chongqing education over ...")."""
    places: dict[str, Source] = {}
    small = function_words()
    for source in sources:
        title = source.title
        for start, _end, norm in word_spans(title):
            if title[start].isupper() and norm not in small:
                places.setdefault(norm, source)
                break
    return places


def place_name(source: Source) -> str:
    """A source's own place as its title writes it, or its id."""
    small = function_words()
    for start, end, norm in word_spans(source.title):
        if source.title[start].isupper() and norm not in small:
            return source.title[start:end]
    return source.id


def _spelt_out(lexicon: Lexicon, question: str) -> str:
    """The question with its abbreviations spelt out (`textspeak`): loaded only for a
    question holding a short word (two to six letters or digits) the records do not use,
    or "no." (most questions hold none). A short form the terms declare ("intl", "yrs")
    is read as declared, not spelt out."""
    said = set(re.findall(r"[a-z][a-z0-9]*", question.lower()))
    short = [w for w in said if 2 <= len(w) <= 6 and w not in lexicon.known]
    if not short and "no." not in question.lower():
        return question
    from cqedu.ask.textspeak import spelt_out  # deferred: see above

    return spelt_out(question, lexicon.known, lexicon.declared)


def _formally(question: str) -> str:
    """The question with a formal phrasing read plainly (`formal`): loaded only for a
    question holding one of its words (`cues.FORMAL_WORDS`)."""
    from cqedu.ask.cues import FORMAL_WORDS  # deferred with the question logic

    lowered = question.lower()
    if FORMAL_WORDS.isdisjoint(re.findall(r"[a-z]+", lowered)) and "as for" not in lowered:
        return question
    from cqedu.ask.formal import plain_degree, simple  # deferred: see above

    return plain_degree(simple(question))


def _as_meant(lexicon: Lexicon, question: str) -> str:
    """The question's text as it means it: years and figures in digits, text-speak spelt
    out and a topic said first put after its question word, without lead-ins or a cited
    source, "names of N" as "name N", people counted by what they do as that group,
    "how is X described" as what X is described as, a fact-check as its claim."""
    typed = _formally(_spelt_out(lexicon, question))
    said = fluent(spoken_numbers(said_days(spoken_years(typed))), lexicon.known)
    said = _unframed_act(lexicon, said)
    ordered = _in_order(lexicon, in_total(said))
    asked = _without_lead_in(lexicon, _without_preamble(lexicon, ordered))
    asked = _all_listed(_names_asked(_percent_signs(_without_tag(asked))))
    asked = _role_last(lexicon, asked)
    asked = _topic_after(
        in_front(unreported(unattributed(unframed(asked, lexicon), lexicon), lexicon))
    )
    asked = as_described(
        of_people(role_played(what_sets_apart(asked), lexicon.kb), lexicon), lexicon.kb
    )
    return claim(expand_numero(_for_its_aim(lexicon, _credited(asked))))


def _money() -> frozenset[str]:
    """The stems of words that ask a sum of money (the checks' price words and verbs of
    paying), which no purpose or cause answers. "Charge" asks a price as a verb ("meant
    to charge"), though not as the noun the checks leave out ("in charge")."""
    from cqedu.ask.checks import PAYING, PRICE_WORDS  # deferred with the question logic
    from cqedu.core.text import stem

    return PAYING | {stem(w) for w in (*PRICE_WORDS, "charge")}


def _credited(question: str) -> str:
    """The question "which X is credited with (driving) Y" as "which X is behind Y"
    (`described.credited_with`), when it holds "credited"."""
    if "credited" not in question.lower():
        return question
    return credited_with(question, _money())


def _for_its_aim(lexicon: Lexicon, question: str) -> str:
    """The question "what is X meant to do", "what function does X serve", "what does X
    imply about Y" as "describe X" (`aims`): loaded only for a question holding one of
    its words (`cues.AIM_WORDS`)."""
    from cqedu.ask.cues import AIM_WORDS  # deferred with the question logic

    if AIM_WORDS.isdisjoint(re.findall(r"[a-z]+", question.lower())):
        return question
    from cqedu.ask.aims import for_its_aim  # deferred: see above

    return for_its_aim(question, lexicon, _money())


def _unframed_act(lexicon: Lexicon, question: str) -> str:
    """The question without the words that frame it (`speech_acts`): a claim put to be
    checked as "is it true that X?", a request as what it requests, stance markers, the
    asker's purpose, the article's own language of a name."""
    # deferred: its patterns compile on first use, and most questions need none of them
    from cqedu.ask.speech_acts import (
        as_called,
        checked_claim,
        claimed_in_digits,
        in_own_language,
        may_hold_purpose,
        one_of_two,
        unrequested,
        unstressed,
        without_purpose,
    )

    said = unstressed(unrequested(question), lexicon.known)
    if may_hold_purpose(said):
        # the records' words and places gathered only for a question that may need them
        from cqedu.ask.described import place_nouns

        declared = {w for term in lexicon.synonyms for w in term}
        own = frozenset(place_nouns(lexicon.kb)) | frozenset(source_places(lexicon.kb.sources))
        said = without_purpose(said, lexicon.known | declared, own)
    said = as_called(in_own_language(one_of_two(said)))
    # a yes-no question claims its cardinal words' figures as a checked claim does
    said = claimed_in_digits(said)
    checked = checked_claim(said)
    if checked is None:
        return said
    # a yes-no question put to be checked ("Check: is the rate 95%?") is its own frame
    first = words(checked)[:1]
    return f"{checked}?" if first and first[0] in _AUXILIARIES else f"is it true that {checked}?"


def _in_order(lexicon: Lexicon | None, question: str) -> str:
    """The question with text-speak spelt out and a topic said first put after its
    question word (`fronted.in_order`)."""
    # deferred: its patterns compile on first use, and most questions need none of them
    from cqedu.ask.fronted import in_order

    return in_order(question, lambda word: _counts(word, lexicon))


def _without_tag(question: str) -> str:
    """The question without a tag that offers its alternative (", or not?", ", not
    fewer?"): after the last comma, "or" or "not" and function words only. It asks
    whether the question holds, and says nothing of what is asked."""
    before, comma, tag = question.rpartition(",")
    said = words(tag)
    if not comma or not said or said[0] not in ("or", "not"):
        return question
    if any(w not in function_words() for w in said):
        return question
    return f"{before.rstrip()}?" if tag.rstrip().endswith("?") else before


def read(lexicon: Lexicon, question: str) -> Reading:
    """The question read against the knowledge base's words."""
    found = _compounds(lexicon, check(_as_meant(lexicon, question)))
    typed = tuple(text for _, text in found)
    tokens = tuple(norm for norm, _ in found)
    small = function_words()
    if any(t.isalpha() and t not in lexicon.known and t not in small for t in tokens):
        # deferred: only a question holding a word the records do not use may hold a typo
        from cqedu.ask.spelling import corrected

        tokens = corrected(lexicon, tokens, typed, _ASKING_WORDS)
    tokens = _numbers_named(lexicon, counted_plural(tokens, lexicon.known, CLOSED_CLASS, small))
    tokens = _every_one(lexicon, _unclipped(lexicon, tokens))
    tokens, typed = _answer_words(lexicon, tokens, typed)
    reading = _of_someone(lexicon, tokens, _shape(tokens))
    if _defines(lexicon, tokens, reading):
        reading = reading._replace(kind=SUMMARY, plural=False)
    consumed = set(_consumed(tokens, reading))
    span, spanned = _span(tokens, lexicon) if reading.kind in (FIGURE, NAME) else (0, set())
    consumed |= spanned
    listing = reading.plural or "are" in tokens
    stated, said = (
        _stated(tokens, typed, lexicon) if reading.kind != FIGURE and listing else (0, set())
    )
    consumed |= said
    # A function word typed as a name mid-question ("the Go champion") is a name; English
    # writes its first-person pronoun "I" in capitals wherever it stands, so that is none.
    named = {
        i
        for i in range(1, len(typed))
        if typed[i][:1].isupper() and tokens[i] in small and typed[i] != "I"
    }
    if title_case(typed):
        named = set()  # "How Many Teachers Does Chongqing Have": capitals say nothing
    places = source_places(lexicon.kb.sources)
    # A declared short form of a source's place ("cq" for Chongqing) names that place.
    for short, meanings in lexicon.synonyms.items():
        for meaning in meanings:
            if len(short) == 1 and len(meaning) == 1 and meaning[0] in places:
                places.setdefault(short[0], places[meaning[0]])
    places |= _the_place(lexicon, tokens, places)
    home = {i for i, t in enumerate(tokens) if t in places}
    years, said_year = _years_named(lexicon, tokens)
    consumed |= said_year
    excluded, excluding = _excluded(lexicon, typed, tokens, places)
    consumed |= (
        _hedges(tokens)
        | _precision(tokens)
        | _classifier(tokens)
        | _of_now(tokens)
        | _quantifiers(tokens)
        | _alternatives(lexicon, tokens, typed, reading.kind)
    )
    consumed |= (
        _general_nouns(lexicon, tokens)
        | _information_nouns(tokens)
        | _wording_nouns(lexicon, tokens)
        | excluded
        | excluding
    )
    ignore = set(CLOSED_CLASS) | _ANSWER_WORDS | _QUESTION_WORDS
    if reading.kind in (PLACES, COUNTRIES):
        ignore |= partner_filler(tokens)
    if reading.kind == DATE and tokens[_lead(tokens)] in ("what", "which"):
        ignore |= _DATE_WORDS  # "what are the dates of the plan": the answer type
    candidates = [
        i for i, t in enumerate(tokens) if i not in consumed and i not in home and t not in years
    ]
    phrasal = _phrasal_verbs(question, typed, tokens) - named
    head, verbs = _head(tokens, candidates, reading.kind, lexicon, named, phrasal=phrasal)
    reading = _plural_by_head(reading, tokens, head, lexicon)
    # the particle of a phrasal verb ("stand *apart*") names nothing; but where a figure
    # is asked, the verb's particle may say which figure ("give *up* on further study" is
    # no share going on to it), so there it stays a subject word.
    particles = {i + 1 for i in phrasal} if reading.kind != FIGURE else set()
    subject = tuple(
        i for i in candidates if (tokens[i] not in ignore or i in named) and i not in particles
    )
    head = frozenset(i for i in head if i in subject)
    # Common English ("go", "work", "free") is a subject word that never vetoes, and
    # outside the noun phrase asked about is never required.
    # ... unless it ends the question after a determiner: "in the us" names a place.
    # So is a verb of being said of what is asked ("are *operating*"), the list aside.
    common = frozenset(
        i
        for i in subject
        if tokens[i] in small
        and i not in named
        and tokens[i] not in lexicon.declared
        and not (i == len(tokens) - 1 and i > 0 and tokens[i - 1] in DETERMINERS)
    ) | _being(tokens, typed, subject)
    levels, level_positions = _levels(lexicon, tokens, reading.kind, typed)
    if reading.counted:
        reading = reading._replace(counted=_run(tokens, min(reading.counted), lexicon))
    counted = frozenset(i for i in reading.counted if i in subject or i in level_positions)
    return reading._replace(
        question=question.strip(),
        typed=typed,
        tokens=tokens,
        subject=subject,
        head=head,
        common=common,
        verbs=verbs,
        phrasal=phrasal,
        counted=counted,
        levels=tuple(levels),
        level_positions=frozenset(level_positions),
        sources=tuple(dict.fromkeys(places[tokens[i]] for i in sorted(home))),
        years=years,
        per=_ratio(tokens, lexicon.units),
        # "give me each enrollment rate": every record that fits, as "all the rates"
        plural=reading.plural
        or any(t == "every" and _listed(tokens, i) for i, t in enumerate(tokens)),
        future=_future(tokens),
        excluded=frozenset(excluded),
        span=span,
        stated=stated,
    )


#: Verbs of being somewhere, as English says a thing exists or is at work ("how many
#: schools are *operating*", "subjects *sit* in the top 1%", "schools *in operation*"):
#: said of what is asked, with no object, they say it is there, as "are there" does,
#: and name no other quantity. By Snowball stem; "remain" or "close" would say more.
_BEING_STEMS = frozenset({"exist", "oper", "function", "run", "sit", "stand"})


def _being(tokens: Sequence[str], typed: Sequence[str], subject: Sequence[int]) -> frozenset[int]:
    """Positions of verbs of being (`_BEING_STEMS`) said with no object, or their nouns
    after "in" ("in *operation*", "in *existence*"): before a closed-class word that is no
    particle ("*running* out of" says more) or at the question's end."""
    cheap = tuple(sorted(_BEING_STEMS))
    if not any(tokens[i].startswith(cheap) for i in subject):
        return frozenset()
    # deferred for start-up: stems load the stemmer, and few questions hold such a verb
    from cqedu.core.text import stem

    found: set[int] = set()
    for i in subject:
        after = tokens[i + 1] if i + 1 < len(tokens) else ""
        if (
            i == 0
            or typed[i][:1].isupper()
            # after a determiner, a noun: "what *function* does X serve", "the *run*"
            or tokens[i - 1] in DETERMINERS | {"what", "which", "whose"}
            or stem(tokens[i]) not in _BEING_STEMS
            or (after and (after not in CLOSED_CLASS or after in PARTICLES))
        ):
            continue
        found.add(i)
    return frozenset(found)


def _the_place(
    lexicon: Lexicon, tokens: Sequence[str], places: dict[str, Source]
) -> dict[str, Source]:
    """ "city" as the one source's place where "*the city* has" makes it a claim's subject
    ("the city has 600,000 teachers"): the noun the source's own description uses of the
    place it is about ("on the city's education results"), as "Chongqing has" names it."""
    sources = set(places.values())
    if len(sources) != 1 or "the" not in tokens:
        return {}
    from cqedu.ask.described import place_nouns  # deferred: only a question saying "the"

    nouns = place_nouns(lexicon.kb)
    (source,) = sources
    return {
        tokens[i]: source
        for i in range(1, len(tokens) - 1)
        if tokens[i] in nouns and tokens[i - 1] == "the" and tokens[i + 1] in ("has", "have")
    }


def _unclipped(lexicon: Lexicon, tokens: tuple[str, ...]) -> tuple[str, ...]:
    """Each declared short form that clips its one-word term ("uni", "univ": university;
    "unis": universities) as that term, so that it shapes the question as the word does
    ("which *uni* gave presentations" asks which university)."""

    def clips(short: str, term: str) -> bool:
        if short.endswith("s") and term.endswith("s"):
            short = short[:-1]
        return len(short) < len(term) and term.startswith(short)

    out = list(tokens)
    for i, token in enumerate(tokens):
        terms = {
            meaning[0]
            for meaning in lexicon.synonyms.get((token,), [])
            if len(meaning) == 1 and clips(token, meaning[0])
        }
        if len(terms) == 1:
            out[i] = terms.pop()
    return tuple(out)


def _years_named(lexicon: Lexicon, tokens: Sequence[str]) -> tuple[tuple[str, ...], set[int]]:
    """The years a question asks of ("in 2020", "last year"), and the positions of the
    words that say a year or the article's own date and name nothing else."""
    own_date, own_year = _report_date(lexicon, tokens)
    years = tuple(
        t
        for i, t in enumerate(tokens)
        if len(t) == 4 and t.isdigit() and t[:2] in ("19", "20") and i not in own_year
    )
    relative, said_year = _relative_years(tokens, lexicon.kb.sources)
    years += tuple(y for y in relative if y not in years)
    return years, said_year | own_date | own_year


def _report_date(lexicon: Lexicon, tokens: Sequence[str]) -> tuple[set[int], set[int]]:
    """The words of a source's own date typed in the question ("as of the October 2025
    briefing") that name nothing, and its year where it sets no time (`report_date`)."""
    sources = lexicon.kb.sources
    if not any(t.isdigit() and s.date.startswith(t) for t in tokens for s in sources):
        return set(), set()
    # deferred: only a question typing a source's year reads the month names
    from cqedu.ask.report_date import report_date

    return report_date(tokens, sources, _REPORTING, CLOSED_CLASS, lexicon.kb.facts())


#: Words that name a year by its distance from the article's own ("*last* year").
RELATIVE_YEARS = {"this": 0, "current": 0, "last": -1, "next": 1}


def _relative_years(tokens: Sequence[str], sources: Sequence[Source]) -> tuple[list[str], set[int]]:
    """The years "this year", "last year" and "next year" name, counted from the latest
    source's date (the year the article reports), and the positions saying them."""
    dated = [s.date[:4] for s in sources if s.date[:4].isdigit()]
    years: list[str] = []
    said: set[int] = set()
    for i, (word, following) in enumerate(pairwise(tokens)):
        if following == "year" and word in RELATIVE_YEARS and dated:
            years.append(str(int(max(dated)) + RELATIVE_YEARS[word]))
            said |= {i, i + 1}
    return years, said


#: Adjectives that set what they qualify at the time the article reports ("the *current*
#: director"), as "now" does: the records' own time, no subject (a closed set of English).
_OF_NOW = frozenset({"current", "present", "incumbent", "sitting", "serving"})


def _of_now(tokens: Sequence[str]) -> set[int]:
    """Positions of an adjective of now before a noun ("the *current* director", "the
    *present* enrollment rate"); a verb ("who will *present* the results") is followed
    by a closed-class word, and stays."""
    return {
        i
        for i in range(len(tokens) - 1)
        if tokens[i] in _OF_NOW and tokens[i + 1] not in CLOSED_CLASS and tokens[i + 1] != "year"
    }


def proper_noun(kb: "KnowledgeBase", word: str) -> bool:
    """Whether the records write `word` capitalised inside a sentence and never in lower
    case: the name of a place or thing ("China", "Leicester"), learnt from the records that
    hold it (read through the search index, so a large knowledge base is not scanned)."""
    capital = False
    for fact in kb.index_words.records_with([word]):
        for text in (fact.name, fact.summary):
            for index, (start, _, folded) in enumerate(word_spans(text)):
                if index and folded == word:  # a sentence's first word is capitalised
                    if not text[start].isupper():
                        return False  # once in lower case, a common word: no need to read on
                    capital = True
    return capital


#: Words that leave out what follows them ("countries *besides* Russia"), one or two words.
_EXCLUDING: tuple[tuple[str, ...], ...] = (
    *(("besides",), ("except",), ("excluding",), ("beyond",)),
    *(("other", "than"), ("apart", "from"), ("aside", "from"), ("not", "counting")),
)
_JOINING = frozenset({"and", "or", "nor", "the", "one", "ones"})


#: Verbs that say a question asks what is to come when "to" follows ("plan to build").
_INTENDING = frozenset(
    "plan plans planned planning aim aims intend intends expect expects expected going".split()
)


def _future(tokens: Sequence[str]) -> bool:
    """Whether a question asks what will be: "will", or "plan/aim/expect to"."""
    if "will" in tokens or "shall" in tokens:
        return True
    return any(a in _INTENDING and b == "to" for a, b in pairwise(tokens))


#: Nouns that in "what *sort* of N" ask which N, as "which" does (English's classifier
#: construction: a closed class).
CLASSIFIERS = frozenset({"sort", "sorts", "type", "types", "kind", "kinds"})


def _classifier(tokens: Sequence[str]) -> set[int]:
    """The position of "sort" in "what sort of (a) N": it asks which N, and names nothing."""
    return {
        i
        for i in range(1, len(tokens) - 1)
        if tokens[i] in CLASSIFIERS and tokens[i - 1] in ("what", "which") and tokens[i + 1] == "of"
    }


def _alternatives(
    lexicon: Lexicon, tokens: Sequence[str], typed: Sequence[str], kind: str
) -> set[int]:
    """Positions of words the records never use offered as another word for one they do:
    a noun joined by "or" to a record word of the same number ("the events *or scenes*",
    "the *bits* or parts"), which the asker would take either of; never a name ("Chongqing
    or *Shanghai*") nor a word of another number ("teachers or *staff*"), nor in a figure
    question ("how many teachers or *nurses*" counts both)."""
    if "or" not in tokens or kind == FIGURE:
        return set()
    small = function_words()
    found: set[int] = set()
    for at, word in enumerate(tokens):
        if word != "or" or not 0 < at < len(tokens) - 1:
            continue
        for known, other in ((at - 1, at + 1), (at + 1, at - 1)):
            unused = tokens[other]
            if (
                tokens[known] in lexicon.known
                and unused.isalpha()
                and unused not in lexicon.known
                and unused not in small
                and unused not in lexicon.declared
                and typed[other][:1].islower()
                and tokens[known].endswith("s") == unused.endswith("s")
                and not proper_noun(lexicon.kb, tokens[known])  # "chongqing or *shanghai*"
            ):
                found.add(other)
    return found


#: English's general nouns (Halliday and Hasan, "Cohesion in English", 1976: 274-277),
#: in the forms that say no more than "someone" or "something" does ("the *guy* who",
#: "the *idea* where", "what *stuff*"); the gendered and aged ones ("woman", "child") say
#: more, and "thing", "place", "man" are already function words.
GENERAL_NOUNS = frozenset(
    "guy guys person persons folks stuff idea ideas matter matters affair affairs business".split()
)


#: Nouns for what a text says of a thing ("give me *info* on the college", "the *details*
#: of the plan"): the stop-words list holds "information", "detail" and "facts"; these are
#: their plurals, clippings and the like, which ask for the text, as "tell me about" does.
INFORMATION_NOUNS = frozenset(
    "info details overview overviews summary summaries rundown lowdown gist highlights"
    " basics specifics particulars".split()
)
#: Nouns for a part of a text ("give me the *bit* about the hub"), as frames' nouns for
#: the text itself ("article", "story", "piece"); before "of" a part of something else.
TEXT_PARTS = frozenset("bit bits part parts section sections passage passages paragraph".split())
#: Prepositions that say what a text is about ("details *of*", "info *on*").
_TOPIC_PREPOSITIONS = frozenset({"on", "about", "regarding", "concerning"})


def _information_nouns(tokens: Sequence[str]) -> set[int]:
    """Positions of nouns for what a text says before the topic it says it of ("*info* on
    the college", "the *details* of the plan", "the *bit* about the hub"): they name
    nothing of the topic."""
    return {
        i
        for i in range(len(tokens) - 2)
        if (tokens[i] in INFORMATION_NOUNS and tokens[i + 1] in _TOPIC_PREPOSITIONS | {"of"})
        or (tokens[i] in TEXT_PARTS and tokens[i + 1] in _TOPIC_PREPOSITIONS)
    }


#: Nouns for a word or phrase itself ("the *term* Chongqing wisdom"): before a name, in
#: apposition to it, they say that what follows is a wording, and name nothing else.
WORDING_NOUNS = frozenset(
    "term terms phrase phrases expression expressions word words slogan motto label".split()
)


def _wording_nouns(lexicon: Lexicon, tokens: Sequence[str]) -> set[int]:
    """Positions of nouns for a wording before a record's whole name, in apposition to it
    ("what does the *term* Chongqing wisdom mean", "the *slogan* Study in Chongqing")."""
    return {
        i
        for i in range(len(tokens) - 1)
        if tokens[i] in WORDING_NOUNS and _record_name(lexicon, tokens, i + 1)
    }


#: The general nouns of people: "the *guy* who taught Go" asks who, as "who" does.
_GENERAL_PEOPLE = frozenset({"guy", "guys", "person", "persons", "folks"})


def _of_someone(lexicon: Lexicon, tokens: Sequence[str], reading: "Reading") -> "Reading":
    """A question asking the name of a person said as a general noun of people ("what's
    the name of the *guy* who taught Go", "name the *person* who ...") asks who."""
    if reading.kind != NAME and not (reading.kind == SUMMARY and "name" in tokens):
        return reading
    if any(tokens[i] in _GENERAL_PEOPLE for i in _general_nouns(lexicon, tokens)):
        return reading._replace(kind=WHO)
    return reading


def _general_nouns(lexicon: Lexicon, tokens: Sequence[str]) -> set[int]:
    """Positions of general nouns after a determiner ("the *guy* who ...", "that *stuff*"):
    like a pronoun, each stands for what is asked and names nothing of it, when it is no
    word of the records or a relative clause says all there is of it ("the *person* who
    heads ...")."""
    return {
        i
        for i in range(1, len(tokens))
        if tokens[i] in GENERAL_NOUNS
        and tokens[i - 1] in DETERMINERS | {"what", "which", "whats", "some", "any", "other"}
        and (
            tokens[i] not in lexicon.known
            or (i + 1 < len(tokens) and tokens[i + 1] in ("who", "whom", "whose", "that"))
        )
    }


def _quantifiers(tokens: Sequence[str]) -> set[int]:
    """Positions of words that quantify what follows or was named, naming nothing."""
    return _whole_of(tokens) | _all_of_them(tokens)


def _all_of_them(tokens: Sequence[str]) -> set[int]:
    """The position of the numeral in "all three" with no noun after it ("... and
    teachers, all three please"): a pronoun, as "both" is, for the things named before,
    no count of anything else."""
    small = function_words()
    return {
        i
        for i in range(1, len(tokens))
        if tokens[i - 1] == "all"
        and (tokens[i] in CARDINALS or tokens[i].isdigit())
        and (i + 1 == len(tokens) or tokens[i + 1] in CLOSED_CLASS or tokens[i + 1] in small)
    }


def _whole_of(tokens: Sequence[str]) -> set[int]:
    """The position of "whole" in "the whole of (China)": a quantifier, as "all of" is,
    naming nothing but all of what follows."""
    return {
        i
        for i in range(1, len(tokens) - 1)
        if tokens[i] == "whole" and tokens[i - 1] == "the" and tokens[i + 1] == "of"
    }


def _hedges(tokens: Sequence[str]) -> set[int]:
    """Positions of a figure's qualifier before the question word ("*roughly* how many"):
    it hedges the answer and names nothing."""
    before = range(min(_lead(tokens), 2))
    if not before or tokens[0] in function_words():
        return set()
    # deferred: only a question that opens with a word before its question word needs it
    from cqedu.core.units import QUALIFIER_WORDS

    return {i for i in before if tokens[i] in QUALIFIER_WORDS}


#: Adjectives that say how precise a figure asked for is ("the *exact* number of", "the
#: *official* count of"): before a count noun they ask the figure, and name nothing of it.
_PRECISION = frozenset(
    "exact precise accurate approximate rough estimated actual official current latest".split()
)


def _precision(tokens: Sequence[str]) -> set[int]:
    """Positions of an adjective of precision right before a count noun ("what is the
    *exact* number of teachers"): the figure the article gives answers it, as written."""
    return {
        i
        for i in range(len(tokens) - 1)
        if tokens[i] in _PRECISION and tokens[i + 1] in _COUNT_WORDS
    }


def _record_name(lexicon: Lexicon, tokens: Sequence[str], start: int) -> int:
    """Where the longest record name typed from `start` ends ("study in chongqing ..."), or
    0 when no record's whole name starts there."""
    if start >= len(tokens):
        return 0
    names = {normalise_phrase(f.name) for f in lexicon.kb.index_words.records_with([tokens[start]])}
    for end in range(len(tokens), start + 1, -1):
        if " ".join(tokens[start:end]) in names:
            return end
    return 0


def _excluded(
    lexicon: Lexicon, typed: Sequence[str], tokens: Sequence[str], places: dict[str, Source]
) -> tuple[set[int], set[int]]:
    """Positions of the names a question leaves out: the names after "besides", "except",
    "other than" and the like (words typed capitalised, a declared name, or one the records
    write capitalised), up to the sources' own place; and the positions of the words that
    leave them out."""
    small = function_words()

    def name(i: int) -> bool:
        word = tokens[i]
        if word in small or word in places:
            return False
        capital = typed[i][:1].isupper() and not title_case(typed)
        return capital or word in lexicon.declared or proper_noun(lexicon.kb, word)

    found: set[int] = set()
    markers: set[int] = set()
    for start in range(len(tokens)):
        marker = next((m for m in _EXCLUDING if tuple(tokens[start : start + len(m)]) == m), None)
        if marker is None:
            continue
        i = start + len(marker)
        run: set[int] = set()
        whole = _record_name(lexicon, tokens, i)  # "besides study in chongqing"
        if whole:
            run |= set(range(i, whole))
            i = whole
        while i < len(tokens) and (tokens[i] in _JOINING or name(i)):
            if tokens[i] not in _JOINING:
                run.add(i)
            i += 1
        if run:
            found |= run
            markers |= set(range(start, i)) - run  # with the words joining the names
    return found, markers


#: "how many schools, students and teachers ...": one-word nouns joined by commas or "and".
#: (A pattern, compiled by `re` when first used: most questions never need it, and
#: compiling it costs every question's start-up 0.8 ms.)
#: The question words that ask a count, and what follows them.
_HOW_MANY = r"(?is)^(?P<lead>.*?\bhow\s+(?:many|much)\s+)(?P<rest>.*)$"


def conjunct_phrases(question: str, lexicon: Lexicon | None = None) -> tuple[str, list[str], str]:
    """The lead, the noun phrases and the rest of a "how many X, Y and Z ..." question
    ("how many ", ["international platforms", "overseas programs"], " has the city set
    up?"): each phrase runs to "and" or a comma, the last to a closed-class word or,
    with a lexicon, past its first plural noun or unit ("principals* go abroad"). No
    phrases for any other question."""
    ordered = _in_order(lexicon, question).strip()
    lowered = ordered.lower()
    if "how" not in lowered or "and" not in lowered or not ("many" in lowered or "much" in lowered):
        return "", [], ""  # not "how many/much ... and ...": the patterns are not compiled
    found = re.match(_HOW_MANY, ordered)
    if found is None or not re.search(r"(?i)\band\b", found["rest"]):
        return "", [], ""
    text = found["rest"]
    phrases: list[list[tuple[int, int]]] = [[]]
    end = len(text)
    last = False  # the phrase after "and": the last one
    unmarked = False  # a phrase ended by its plural noun, no comma after it
    previous = ""
    for start, stop, word in word_spans(text):
        between = text[phrases[-1][-1][1] : start] if phrases[-1] else ""
        if word == "and" or "," in between:
            if not phrases[-1]:
                return "", [], ""
            phrases.append([])
            last = word == "and"
            if last:
                continue
        elif (
            lexicon is not None
            and phrases[-1]
            and not last
            and _counts(previous, lexicon)
            and word not in CLOSED_CLASS
            and word.isalpha()
        ):
            # "schools students and teachers": a list typed without commas, each noun
            # ended by its plural as the last is
            phrases.append([])
            unmarked = True
        previous = word
        if word in CLOSED_CLASS or not word.isalpha():
            end = start
            break
        phrases[-1].append((start, stop))
        if last and lexicon is not None and _counts(word, lexicon):
            break
    if len(phrases) < 2 or not all(phrases) or (unmarked and not last):
        return "", [], ""
    said = [text[p[0][0] : p[-1][1]] for p in phrases]
    # "special education schools and teachers": the first phrase's modifiers may be of
    # a bare noun after it too ("special education teachers"), which is the safe reading
    first = phrases[0]
    modifiers = text[first[0][0] : first[-2][1]] if len(first) > 1 else ""
    said = [f"{modifiers} {p}" if modifiers and " " not in p else p for p in said]
    after = phrases[-1][-1][1]
    return found["lead"], said, text[after:] if end >= after else text[end:]


def _counts(word: str, lexicon: Lexicon | None) -> bool:
    """Whether a word is what a count counts: a plural noun or a unit of the records."""
    return (lexicon is not None and word in lexicon.units) or _plural(word, lexicon)


def conjuncts(question: str, lexicon: Lexicon | None = None) -> list[str]:
    """The questions a "how many X, Y and Z ..." question joins, one per noun phrase ("how
    many schools ...", "how many students ..."); empty for any other question."""
    lead, phrases, rest = conjunct_phrases(question, lexicon)
    return [f"{lead}{phrase}{rest}" for phrase in phrases]


def _compounds(lexicon: Lexicon, found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The question's (normalised, typed) words, two typed apart or hyphenated that the
    records or their declared terms write as one word ("pre-school", "pre school":
    preschool; "head masters": headmasters), or a misspelling of one ("kinder gardens":
    kindergartens), joined."""
    joined: list[tuple[str, str]] = []
    for norm, text in found:
        parts = _split(lexicon, norm)
        if parts:  # "highschool": two record words typed as one
            cut = len(parts[0])
            joined += [(parts[0], text[:cut]), (parts[1], text[cut:])]
            continue
        if joined:
            before, typed = joined[-1]
            whole = before + norm
            if before.isalpha() and norm.isalpha():
                # a record word, or a declared one ("head masters": headmasters)
                said = whole in lexicon.known or (whole,) in lexicon.synonyms
                meant = whole if said else _split_typo(lexicon, before, norm)
                if meant is not None:
                    joined[-1] = (meant, f"{typed}-{text}")
                    continue
        joined.append((norm, text))
    return joined


def _split_typo(lexicon: Lexicon, before: str, after: str) -> str | None:
    """The record word two typed words, one of which the records do not use, stand for
    when joined with a typo ("kinder gardens": kindergartens): a compound split by a
    space is misspelt as often as one typed whole. None for any other pair; a record word
    that begins as the join does is looked for before the spelling module is loaded."""
    if before in lexicon.known and after in lexicon.known:
        return None
    small = function_words()
    # a function word typed alone is a word of its own ("cooperate *on*": no cooperation),
    # and two letters as likely a stray pair as half a word
    if any(len(piece) < _PIECE or piece in small for piece in (before, after)):
        return None
    whole = before + after
    near = [w for w in lexicon.starting(whole[:3]) if abs(len(w) - len(whole)) <= 1]
    if len(whole) < _JOINED_TYPO or not near:
        return None
    from cqedu.ask.spelling import joined_typo  # deferred: only a join close to a record word

    return joined_typo(whole, near)


#: The fewest letters of two words joined that may be a misspelt record word.
_JOINED_TYPO = 7
#: The fewest letters of each of two words joined that may be a misspelt record word.
_PIECE = 3


def _split(lexicon: Lexicon, word: str) -> tuple[str, str] | None:
    """The two record words a word the records do not use is typed from ("highschool":
    high, school), when it splits one way only, each part three letters or more, and the
    word is no form or misspelling of a record word ("percentage": percent)."""
    if not word.isalpha() or len(word) < 6 or word in lexicon.known:
        return None
    splits = [
        (word[:cut], word[cut:])
        for cut in range(3, len(word) - 2)
        if word[:cut] in lexicon.known and word[cut:] in lexicon.known
    ]
    if len(splits) != 1 or word in function_words() or lexicon.matches(word):
        return None
    return splits[0]


def _stated(
    tokens: Sequence[str], typed: Sequence[str], lexicon: Lexicon | None = None
) -> tuple[int, set[int]]:
    """How many names a list question says there are, and where: the number after "which",
    "what are the", "name the", "list all" ("name the *three* countries"), not typed as
    part of a name ("Five Educations in One"); (0, set())."""
    first = _lead(tokens)
    if first >= len(tokens) or tokens[first] not in {"which", "what", *NAMING}:
        return 0, set()
    i = first + 1
    while i < len(tokens) and (tokens[i] in _LINKS or tokens[i] == "all"):
        i += 1
    named = i < len(typed) and typed[i][:1].isupper()
    if i >= len(tokens) or named:
        return 0, set()
    # deferred until a word may be a number: the figure parser (number words such as
    # "three", as the facts files read them) compiles its patterns at import, ~12 ms
    from cqedu.facts.figures import parse_figure

    figure = parse_figure(tokens[i])
    if figure is None or figure.value != int(figure.value) or not 1 < figure.value < 1000:
        return 0, set()
    if lexicon is not None and _begins_a_name(lexicon, tokens, i, figure.value) is not None:
        return 0, set()
    return int(figure.value), {i}


def _begins_a_name(lexicon: Lexicon, tokens: Sequence[str], i: int, value: object) -> str | None:
    """The number word a record's name begins with, when a number and the word after it
    begin that name, in figures or words ("the *5 educations*": "five", of Five Educations
    in One), typed in any case: the name, no count of names; else None."""
    if i + 1 >= len(tokens):
        return None
    # deferred with the caller's: the figure parser
    from cqedu.facts.figures import parse_figure

    for fact in lexicon.kb.index_words.records_with([tokens[i + 1]]):
        name = words(fact.name)
        if len(name) > 1 and name[1] == tokens[i + 1]:
            first = parse_figure(name[0])
            if first is not None and first.value == value:
                return name[0]
    return None


#: The fewest letters of the word a compound's count noun is added to ("*head*count").
_COMPOUND_MODIFIER = 4
#: Nouns that label a figure as a measure (English's nouns of a measurement, the word
#: a report or a dashboard puts on any figure): "the teacher *KPI*", "enrollment
#: *metric*", "school *stats*" ask the figure, as "the teacher *figure*" does, and name
#: no quantity of their own. A closed set of labels, not of things counted; not
#: "statistics", a field and a bureau's name as well ("the national statistics bureau").
_MEASURE_LABELS = frozenset("kpi metric stat indicator tally measure benchmark".split())


def _answer_words(
    lexicon: Lexicon, tokens: tuple[str, ...], typed: tuple[str, ...]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The question's words, one the records never use that is built on a word asking
    for a figure read as that word: a compound whose head is a count noun ("head*count*":
    a count of people, as English compounds name a kind of their last word), a
    derivative of "percent" ("*percent*ile", as "percentage" is), and a label of a
    measure ("KPI", "metric": `_MEASURE_LABELS`) read as "figure"; with the words as
    typed, a label's in lower case."""
    out = list(tokens)
    for i, token in enumerate(tokens):
        if token in lexicon.known or token in _ANSWER_WORDS or not token.isalpha():
            continue
        if token.startswith("percent"):
            out[i] = "percent"
            continue
        label = token[:-1] if token.endswith("s") and token[:-1] in _MEASURE_LABELS else token
        after = tokens[i + 1] if i + 1 < len(tokens) else ""
        # a label followed by a particle or "against" is a verb ("*measure* up to",
        # "*benchmark* against"): it compares, and labels nothing
        if label in _MEASURE_LABELS and after not in PARTICLES | {"against"}:
            # "the teacher KPIs": every figure, as "figures" asks
            out[i] = "figures" if label != token else "figure"
            # ... and is no name, however typed ("the *KPI*"): its capitals spell an
            # initialism, as "figure" has none
            typed = (*typed[:i], typed[i].lower(), *typed[i + 1 :])
            continue
        head = next((c for c in _COUNT_NOUNS if token.endswith(c)), None)
        modifier = token[: -len(head)] if head else ""
        if head and len(modifier) >= _COMPOUND_MODIFIER and _english_word(modifier):
            out[i] = head
    return tuple(out), typed


def _english_word(word: str) -> bool:
    """Whether a word is one of general English (pyspellchecker's list)."""
    # deferred: only a word built on an answer word reads the list
    from cqedu.store.english import english_counts

    return bool(english_counts((word,)))


def _numbers_named(lexicon: Lexicon, tokens: tuple[str, ...]) -> tuple[str, ...]:
    """The question's words, a number typed in figures that begins a record's name
    written in words read as that word ("what are the *5* educations": "five")."""
    if not any(t.isdecimal() and len(t) < 4 for t in tokens):
        return tokens
    out = list(tokens)
    for i, token in enumerate(tokens):
        if token.isdecimal() and len(token) < 4:  # int() reads it (not "⓵")
            out[i] = _begins_a_name(lexicon, tokens, i, int(token)) or token
    return tuple(out)


def _span(tokens: Sequence[str], lexicon: Lexicon) -> tuple[int, set[int]]:
    """The number of years a figure is asked over ("in five years", "5 yrs": a number
    and "years" or a declared synonym of it) and the positions saying it; (0, set())."""
    for i in range(len(tokens) - 1):
        following = tokens[i + 1]
        if following != "years" and ("years",) not in lexicon.meanings([following]):
            continue
        # deferred until a word before "years" may be a number (see _stated)
        from cqedu.facts.figures import parse_figure

        figure = parse_figure(tokens[i])
        if figure is not None and figure.value == int(figure.value) and 1 < figure.value < 100:
            # ... with the function words that lead to it ("over the past five years")
            start = i
            while start > 0 and tokens[start - 1] in function_words():
                start -= 1
            return int(figure.value), set(range(start, i + 2))
    return 0, set()


def _per_year(tokens: Sequence[str]) -> set[int]:
    """Positions of the words asking for a figure per year ("each year", "annually")."""
    used: set[int] = set()
    for i, word in enumerate(tokens):
        if word in _PER_YEAR_WORDS:
            used.add(i)
        elif word == "year" and i and tokens[i - 1] in _PER_YEAR_LEADS:
            # "a year *of* free preschool" is a thing, not how often ("a year" alone)
            if tokens[i - 1] == "a" and i + 1 < len(tokens) and tokens[i + 1] == "of":
                continue
            used.update((i - 1, i))
    return used


def _ratio(tokens: Sequence[str], units: set[str]) -> tuple[int, ...]:
    """Positions of the nouns a ratio is asked per: the word after "per", "each" or
    "every" that is neither a unit of time (a figure per year) nor a closed-class word."""
    found = [
        i + 1
        for i, word in enumerate(tokens[:-1])
        if word in _PER_LEADS
        and tokens[i + 1] not in _TIME_UNITS
        and tokens[i + 1] not in CLOSED_CLASS
        and not tokens[i + 1].isdigit()
        # "the rates for each level": a figure at every level, no ratio per level
        and tokens[i + 1] not in ("level", "levels")
        and not _listed(tokens, i)
    ]
    return tuple(found) or _ratio_of(tokens, units)


#: The question words of a wh-question, which an imperative's object never follows.
_WH = frozenset(_QUESTION_WORDS - NAMING - {"describe", "explain", "define", "tell"})


def _every_one(lexicon: Lexicon, tokens: tuple[str, ...]) -> tuple[str, ...]:
    """The tokens with the noun after a listing "every" plural (`every_plural`)."""
    listing = [i for i, t in enumerate(tokens) if t == "every" and _listed(tokens, i)]
    return every_plural(tokens, listing, lexicon.known, CLOSED_CLASS) if listing else tokens


def _listed(tokens: Sequence[str], at: int) -> bool:
    """Whether "every" at `at` says all of what an imperative asks for ("list *every*
    enrollment rate"), no ratio: only the imperative and function words stand before it,
    no wh-word, and no auxiliary opening a clause whose subject it would be ("how much
    does every school get"), save one put to the reader ("can you")."""
    if tokens[at] != "every":
        return False  # "list each school" may ask a figure per school; records say "each"
    before = tokens[:at]
    small = function_words()
    clause = any(
        t in _AUXILIARIES and (k + 1 >= len(before) or before[k + 1] != "you")
        for k, t in enumerate(before)
    )
    return (
        bool(before)
        and all(t in small or t in NAMING for t in before)
        and not _WH & set(before)
        and not clause
    )


def _counted_noun(word: str, units: set[str]) -> bool:
    """Whether a word is a unit the records count in, singular or plural ("teacher")."""
    return word in units or f"{word}s" in units or (word.endswith("s") and word[:-1] in units)


def _ratio_of(tokens: Sequence[str], units: set[str]) -> tuple[int, ...]:
    """The second noun of a ratio of two ("the ratio of students to *teachers*", "the
    student(-to-)*teacher* ratio"), which the figure is asked per: two nouns the records
    count in ("the vocational student ratio" is none)."""
    for i, word in enumerate(tokens):
        if word not in ("ratio", "ratios"):
            continue
        after = tokens[i + 1 :]
        if after[:1] == ("of",) and "to" in after[2:]:
            to = i + 1 + after.index("to", 2)
            if to + 1 < len(tokens) and _counted_noun(tokens[to + 1], units):
                return (to + 1,)
        # two nouns before it: "student teacher ratio", "student to teacher ratio"
        if i >= 2 and _counted_noun(tokens[i - 1], units):
            before = tokens[i - 2] if tokens[i - 2] != "to" or i < 3 else tokens[i - 3]
            if _counted_noun(before, units):
                return (i - 1,)
    return ()


def _comparative(tokens: Sequence[str], position: int) -> bool:
    """Whether a comparative quantifier stands at `position` ("how many *more*"), not
    the start of "more than N"."""
    return (
        position < len(tokens)
        and tokens[position] in _COMPARATIVES
        and (position + 1 >= len(tokens) or tokens[position + 1] != "than")
    )


def _lead(tokens: Sequence[str]) -> int:
    """Position of the question word that leads the question ("on what date", "so how
    many"), or past the end: one further on is a relative ("students who continue")."""
    found = [i for i, t in enumerate(tokens[:6]) if t in _QUESTION_WORDS]
    asking = [i for i in found if tokens[i] not in ("tell", "describe", "explain", "define")]
    if found and found[0] < 3:
        # "could you tell me how many": the question word after "tell" leads
        return asking[0] if asking and tokens[found[0]] == "tell" else found[0]
    # "Liu Yanbing is head of *which* organisation": a question word after a preposition
    # leads, wherever it stands (after a noun it would be a relative: "programs which")
    echo = [
        i
        for i in range(1, len(tokens) - 1)
        if tokens[i] in ("which", "what")
        and tokens[i - 1] in PREPOSITIONS | {"into", "to"}
        and tokens[i + 1] not in CLOSED_CLASS
    ]
    if echo:
        return echo[0]
    # "go lesson for kids, *where* was it (held)": a question word that ends the question
    # with its auxiliary, a pronoun and at most the verb asks of the words before it
    tail = [
        i
        for i in range(1, len(tokens) - 2)
        if tokens[i] in ("where", "when", "who")
        and tokens[i + 1] in _AUXILIARIES
        and tokens[i + 2] in _TAIL_PRONOUNS
        and len(tokens) - i <= len("wxyz")
    ]
    return tail[0] if tail else len(tokens)


#: What a question word that ends the question asks of: "where was *it*", "when is *that*".
_TAIL_PRONOUNS = frozenset({"it", "that", "this", "they", "he", "she"})


def leading(tokens: Sequence[str]) -> int:
    """Position of the question word that leads the question, or -1 when none does: the
    words before it are the asker's ("so *basically* how many")."""
    lead = _lead(tokens)
    return lead if lead < len(tokens) else -1


def echoed(tokens: Sequence[str]) -> int:
    """How many words stand before the question word of an echo question ("Liu Yanbing
    is head of *which* organisation": 5), or 0 when the question word leads."""
    lead = _lead(tokens)
    if lead >= len(tokens) or any(t in _QUESTION_WORDS for t in tokens[:lead]):
        return 0
    return lead if lead > 2 else 0


def _consumed(tokens: Sequence[str], reading: Reading) -> set[int]:
    """Positions the answer type used up: "each year", the partner noun of "which countries"."""
    used = _per_year(tokens)
    first = _lead(tokens)
    # "what is special about X", "what's new about X": the word asks what the article
    # says of X, no subject of its own
    if (
        first + 3 < len(tokens)
        and tokens[first] == "what"
        and tokens[first + 1] in ("is", "s", "was", "are", "were")
        and tokens[first + 3] == "about"
    ):
        used.add(first + 2)
    after = [(i, tokens[i]) for i in range(first + 1, len(tokens)) if tokens[i] not in _LINKS]
    noun = _partner_noun(tokens, after)
    if noun is not None and reading.kind in (PLACES, COUNTRIES):
        used.add(noun[0])
    if reading.duration:
        used.update(i for i, t in enumerate(tokens) if t == "long")
    if reading.change:
        used.update(i for i, t in enumerate(tokens) if _comparative(tokens, i))
    used.update(_about_the_text(tokens, first))
    # the suffix of an ordinal ("14th") is part of the number, no word ("TH": Thailand)
    used.update(
        i for i in range(1, len(tokens)) if tokens[i] in _ORDINAL and tokens[i - 1].isdigit()
    )
    return used


#: Reporting verbs in their forms: a question saying what the article "mentions",
#: "names" or "reports" asks what it says; the verb is no subject of its own.
_REPORTING = frozenset(
    "mention mentions mentioned name names named report reports reported describes"
    " described cite cites cited give gives gave given list lists listed say says said"
    " state states stated".split()
)
#: Nouns for how the text cites: "given as *examples*", "for *instance*".
_CITING = frozenset({"example", "examples", "instance", "instances"})
#: Nouns for the text itself: "in the article", "this report".
_TEXT = frozenset({"article", "report", "text", "story", "piece"})
#: Words before a noun for the text that make it the text itself ("in *the* article").
_OF_THE_TEXT = frozenset({"the", "this", "that", "in", "to", "from", "by", "does", "did"})


def _about_the_text(tokens: Sequence[str], lead: int) -> set[int]:
    """Positions of words about the article rather than its subject: a reporting verb
    after the question word ("the role models the article *mentions*", "enrollment rates
    *reported*"), and the article itself after a determiner ("named in *the article*")
    or, as second-language English drops the article, after a preposition ("mentioned in
    *article*", "according to *report*", "what does *article* say")."""
    found = {i for i in range(lead + 1, len(tokens)) if tokens[i] in _REPORTING}
    found |= {
        i for i in range(1, len(tokens)) if tokens[i] in _TEXT and tokens[i - 1] in _OF_THE_TEXT
    }
    # "given *as examples* of", "*for instance*": how the article cites, not what
    found |= {
        i for i in range(1, len(tokens)) if tokens[i] in _CITING and tokens[i - 1] in ("as", "for")
    }
    return found


def _figure_referred_to(tokens: Sequence[str], at: int) -> bool:
    """Whether a which- or what-question asks for the names of a plural noun and says a
    figure's word only in a prepositional phrase after it ("which universities are
    *behind the* basic research *share*", "which are the two universities *in the*
    Double First-Class *figure*"): the figure tells which count is meant, not what is
    asked. `at` is the position of the first word after the question word and its links."""
    start = at
    while start < len(tokens) and (tokens[start] in CARDINALS or tokens[start].isdecimal()):
        start += 1  # "the *three* major industries": a count of the names asked
    end = start
    while end < len(tokens) and tokens[end] not in CLOSED_CLASS | _ANY_PREPOSITION:
        end += 1
    if end == start or tokens[end - 1] in _ANSWER_WORDS or not _plural(tokens[end - 1]):
        return False
    figures = [i for i, t in enumerate(tokens) if t in _COUNT_WORDS | _PERCENT_WORDS]
    return all(
        i > end and any(tokens[j] in _ANY_PREPOSITION for j in range(end, i)) for i in figures
    )


def _shape(tokens: Sequence[str]) -> Reading:  # noqa: PLR0911, PLR0912 - one return per question word
    """The answer type and its details, from the question words."""
    # "do universities do *most of* the research": a majority, a share claimed, no extreme
    majority = {i for i in range(len(tokens) - 1) if tokens[i] == "most" and tokens[i + 1] == "of"}
    present = {t for i, t in enumerate(tokens) if i not in majority}
    percent = bool(present & _PERCENT_WORDS) or bool(majority)
    extreme = 1 if present & _MAX_WORDS else -1 if present & _MIN_WORDS else 0
    base = Reading("", (), (), FIGURE, extreme, per_year=bool(_per_year(tokens)), percent=percent)
    first = _lead(tokens)
    lead = tokens[first] if first < len(tokens) else ""
    after = [(i, t) for i, t in enumerate(tokens) if i > first and t not in _LINKS]
    at, following = after[0] if after else (len(tokens), "")
    counting = percent or bool(present & _COUNT_WORDS)
    if counting and lead in ("which", "what") and _figure_referred_to(tokens, at):
        # "which are the three industries behind the 70% figure": the figure is the
        # object of a preposition, what the question points with; it asks the names
        counting = False
        base = base._replace(percent=False)
    if extreme:
        return base
    if lead == "why" or (lead == "how" and following == "come"):
        return base._replace(kind=SUMMARY, reason=True)
    if lead == "how":
        if first + 1 < len(tokens) and tokens[first + 1] in _AUXILIARIES:
            # "how is Study in Chongqing described", "how are teachers paid": the manner of
            # what was done, which a description gives only when it says that verb
            return base._replace(kind=SUMMARY, manner=True)
        if following == "long":
            return base._replace(duration=True)
        if following in ("many", "much"):
            if _comparative(tokens, at + 1):  # "how many more schools": a change
                return base._replace(counted=frozenset({at + 2}), change=True)
            counts = at + 1
            if following == "much" and tokens[counts : counts + 1] == ("of",):
                # "how much of the building money went to ...": a part of a whole, a share
                return base._replace(percent=True)
            if tokens[counts : counts + 1] == ("of",):  # "how many of the students"
                counts += 1 + (counts + 1 < len(tokens) and tokens[counts + 1] in DETERMINERS)
            return base._replace(counted=frozenset({counts}))
        if following in ("", "does", "do", "did", "is", "are", "can"):
            return base._replace(kind=SUMMARY)
        return base
    counted = _number_of(tokens)
    if counted is not None and lead not in ("when", "who", "whom", "whose", "where"):
        # "the number of kindergartens": a count of that noun, as "how many" asks
        return base._replace(counted=frozenset({counted}))
    if lead == "when" or (lead in ("what", "which") and following in _DATE_WORDS):
        return base._replace(kind=DATE)
    if lead in ("who", "whom", "whose"):
        # "who are the role models": every one of them
        are = tokens[first + 1 : first + 2] in (("are",), ("were",))
        return base._replace(kind=WHO, plural=are)
    noun = _partner_noun(tokens, after)
    if noun is not None and _subject_of_a_verb(tokens, first, noun[0]):
        noun = None  # "what was Southwest University doing": what it did, no partner
    if noun is not None and lead in ("which", "what", *NAMING) and not counting:
        at, following = noun
        plural = following.endswith("s")
        return base._replace(kind=_PARTNER_NOUNS[following], plural=plural)
    if lead == "where":
        return base._replace(kind=PLACE)
    if counting:  # "what are the enrollment rates": every one of them
        many = bool(present & {"rates", "shares", "percentages", "figures", "numbers"})
        keyword = _keyword_counted(tokens) if not lead and not percent else frozenset()
        return base._replace(plural=many or lead in NAMING, counted=keyword)
    if lead in NAMING:  # "name the role models": every one of them
        return base._replace(kind=NAME, plural=True)
    if lead == "which":  # "which disciplines ...": every one of them
        return base._replace(kind=NAME, plural=_plural(following))
    if lead == "what" and following.endswith("s") and not following.endswith("ss"):
        return base._replace(kind=NAME, plural=True)  # "what are the enrollment rates"
    if lead == "what" and at == first + 1 and following not in CLOSED_CLASS | CLASSIFIERS:
        # "what sport is Shi Tingmao champion in": "what" before its noun is the
        # interrogative determiner, as "which" is; it asks which one, not a description
        return base._replace(kind=NAME)
    if not lead and tokens and _PARTNER_NOUNS.get(tokens[-1]) == COUNTRIES and _plural(tokens[-1]):
        # "vocational training abroad countries": a keyword string's last noun is its
        # head, what it asks for (the countries), as "which countries" does
        return base._replace(kind=COUNTRIES, plural=True)
    if not lead:
        return base._replace(kind=NAME)  # "teachers in chongqing": the record decides
    return base._replace(kind=SUMMARY)


def _keyword_counted(tokens: Sequence[str]) -> frozenset[int]:
    """Where what a keyword string counts begins: "vocational colleges number" counts the
    noun before its count word, as "how many" would; the last plural before it ("ntu
    principals training number" counts principals), or, with no plural, the whole
    compound before it ("teaching staff count"). "Numbers" and "figures" ask for every
    figure of a record, and "figure" names any measure, a share's as well as a count's
    ("preschool enrollment figure", "that frontline KPI"): no count of one noun."""
    word = next((i for i, t in enumerate(tokens) if t in _COUNT_NOUNS), 0)
    if word == 0 or tokens[word] == "figure" or tokens[word - 1] in CLOSED_CLASS:
        return frozenset()
    plurals = [i for i in range(word) if _plural(tokens[i]) and tokens[i] not in CLOSED_CLASS]
    return frozenset({plurals[-1] if plurals else _compound_start(tokens, word - 1)})


def _compound_start(tokens: Sequence[str], head: int) -> int:
    """Where the noun compound that ends in `head` begins: English puts a compound's
    modifiers before its head ("*teaching* staff count" counts teaching staff, as "how
    many teaching staff" does), back to the first closed-class, asking or function word."""
    small = function_words()
    start = head
    while start > 0 and not (
        tokens[start - 1] in CLOSED_CLASS
        or tokens[start - 1] in _ASKING_WORDS
        or tokens[start - 1] in small
        or _plural(tokens[start - 1])
    ):
        start -= 1
    return start


def _subject_of_a_verb(tokens: Sequence[str], lead: int, noun: int) -> bool:
    """Whether a partner noun after "what" and an auxiliary is the subject of the verb
    that follows it ("what *was* Southwest University *doing*", "what *did* the university
    *present*"): "what" is then the verb's object, an action asked about, not a partner
    ("what is the university in Singapore ..." asks one)."""
    if tokens[lead : lead + 1] != ("what",) or lead + 1 >= len(tokens) or noun + 1 >= len(tokens):
        return False
    auxiliary, verb = tokens[lead + 1], tokens[noun + 1]
    if auxiliary in ("is", "are", "was", "were"):
        return verb.endswith("ing") and verb not in CLOSED_CLASS
    return auxiliary in ("do", "does", "did") and (verb == "do" or verb not in CLOSED_CLASS)


def country_words(kb: "KnowledgeBase") -> set[str]:
    """The words of every country's name and aliases the facts files declare."""
    return {w for c in kb.countries for n in (c.name, *c.aliases) for w in words(n)}


def _defines(lexicon: Lexicon, tokens: Sequence[str], reading: Reading) -> bool:
    """Whether a partner noun after "what is the" ends the name of one thing asked to be
    described ("what is the *joint college* with Leicester"), not which partner is meant
    ("what is the university in Singapore that ...", "what is the British university"):
    a word before the noun that is neither a function word nor a country's."""
    if reading.kind not in (PLACES, COUNTRIES):
        return False
    first = _lead(tokens)
    if (
        tokens[first : first + 1] != ("what",)
        or tuple(tokens[first + 1 : first + 3]) not in _DEFINING
    ):
        return False
    after = [(i, tokens[i]) for i in range(first + 1, len(tokens)) if tokens[i] not in _LINKS]
    noun = _partner_noun(tokens, after)
    if noun is None or noun[0] <= first + 3:
        return False
    modifier = tokens[noun[0] - 1]
    return (
        modifier not in CLOSED_CLASS | PARTNER_FILLER | country_words(lexicon.kb)
        and modifier not in _PARTNER_NOUNS
        and modifier not in function_words()
    )


def _number_of(tokens: Sequence[str]) -> int | None:
    """Where the noun counted by "number of (the) X" stands, if the question says so."""
    for i, token in enumerate(tokens[:-2]):
        if token in ("number", "numbers") and tokens[i + 1] == "of":
            at = i + 2 + (tokens[i + 2] in DETERMINERS)
            return at if at < len(tokens) else None
    return None


#: "No." written for "number" before "of" or a figure ("no. of core goals"), the common
#: abbreviation (Latin numero); "no" alone is the function word.
_NUMERO = r"(?i)\bnos?\.(?=\s*(?:of\b|\d))"


#: A fact-checker's frame around a claim: "is it true (that) X", "is it correct X".
_CLAIM = (
    r"(?i)^\s*(?:is|was)\s+it\s+(?:really\s+)?(?:true|correct|right|the\s+case)\s+"
    r"(?:that\s+)?"
)
#: A yes-no question, a claim when it types a figure ("did Chongqing really reach 70
#: countries"): its auxiliary goes with the claim's frame.
_YES_NO = r"(?i)^\s*(?:did|does|do|has|have|is|are|was|were)\s+(?=\S)"
#: The first words of both frames above.
_AUXILIARIES = frozenset("did does do has have is are was were".split())
#: A figure typed in a claim, what the claim says, to be checked (a year is no figure):
#: a count before its noun ("10,000 schools"), a share, or its bound ("more than",
#: "higher than", "above").
#: (A pattern, compiled by `re` when a claim first needs it.)
_CLAIMED_FIGURE = (
    r"(?i)\b(?:over|under|above|below|about|around"
    r"|(?:more|less|fewer|higher|lower|greater|bigger|larger|smaller)\s+than)\s+(?=\d)"
    r"|(?P<share>\d[\d,.]*\s*(?:%|percent\b))"
    r"|\b(?!(?:19|20)\d\d\b)\d[\d,.]*(?=\s+[^\W\d_])"
)


#: Who a question cites for its answer, set apart by a comma: "According to the press
#: conference, ...", "..., in Liu Yanbing's words?", "..., according to the article";
#: "according to" needs no comma at the end, its own words setting it apart. "Per" cites
#: a source when a determiner, a name or a plural follows ("..., per the officials", "per
#: Liu Yanbing", "per officials"); before a bare singular it is a ratio ("per year").
_ATTRIBUTION = (
    r"(?i)^\s*according\s+to\s+[^,?]+,\s*"
    r"|(?:,\s*|\s+)according\s+to\s+[^,?]+?\s*(?=[?.!]*\s*$)"
    r"|,\s*(?:in\s+[^,?]+?\s+(?:own\s+)?words"
    r"|per\s+(?:(?:the|this|that|these|those)\s+[^,?]+?|(?-i:[A-Z])[^,?]*?|[^\W\d_]+s))"
    r"\s*(?=[?.!]*\s*$)"
)


def unattributed(question: str, lexicon: Lexicon) -> str:
    """A question without the source it cites for its answer, when the article speaks for
    that source (every word of it the records' or the article's own: "the press
    conference", "Liu Yanbing"): the question is about the subject, not who said it. A
    source the article does not cite ("the national bureau") stays, to be refused."""

    def cited(found: re.Match[str]) -> str:
        said = [w for w in words(found[0]) if w not in ("according", "to", "in", "words", "per")]
        own = all(w in lexicon.known or w in _TEXT or w in function_words() for w in said)
        return " " if own and _one_source(lexicon, said) else found[0]

    lower = question.lower()
    if "according" not in lower and "words" not in lower and "per " not in lower:
        return question
    return re.sub(_ATTRIBUTION, cited, question)


def _one_source(lexicon: Lexicon, said: Sequence[str]) -> bool:
    """Whether the words naming a cited source name one the article has: the text itself,
    or one record that holds every word ("the education commission director": Liu
    Yanbing's), not words of several ("the national bureau": "national" of one record,
    an "education bureau" of another)."""
    small = function_words()
    named = [w for w in said if w not in small and w not in _TEXT]
    if not named:
        return True
    for fact in lexicon.kb.index_words.records_with(named[:1]):
        held = set(words(" ".join((fact.name, fact.summary, *fact.keywords))))
        if held.issuperset(named):
            return True
    return False


def claim(question: str) -> str:
    """A fact-check question ("is it true that Chongqing has 10,000 schools?") as the
    claim it asks about, its count asked for ("Chongqing has number of schools"): the
    record that states it is the answer, its fact line giving the article's own figure."""
    first = question.split(maxsplit=1)[:1]
    if not first or first[0].lower() not in _AUXILIARIES:
        return question
    framed = re.match(_CLAIM, question)
    if framed is None:
        framed = re.match(_YES_NO, question)
        if framed is None or not re.search(r"\d", question[framed.end() :]):
            return question  # "does Chongqing have a robot club": no figure to check

    def figure(found: re.Match[str]) -> str:
        if found["share"]:
            # "is it 93.5 percent for preschool": the share is what is claimed, and the
            # sign its only word saying so
            return " percent "
        return " number of " if found[0][:1].isdigit() else " "

    return re.sub(_CLAIMED_FIGURE, figure, question[framed.end() :])


def expand_numero(question: str) -> str:
    """A question with "no." written out as "number" where it abbreviates it."""
    if "." not in question:
        return question
    return re.sub(_NUMERO, "number", question)


def partner_word(tokens: Sequence[str]) -> str | None:
    """The partner noun a question asks with ("which *universities*"), or None."""
    noun = partner_noun_at(tokens)
    return noun[1] if noun else None


def partner_noun_at(tokens: Sequence[str]) -> tuple[int, str] | None:
    """The position and word of the partner noun a question asks with, or None."""
    first = _lead(tokens)
    after = [(i, tokens[i]) for i in range(first + 1, len(tokens)) if tokens[i] not in _LINKS]
    return _partner_noun(tokens, after)


def _partner_noun(
    tokens: Sequence[str], after: Sequence[tuple[int, str]]
) -> tuple[int, str] | None:
    """The partner noun ending the phrase after "which" ("which Singapore university"),
    the last of two ("partner *universities*")."""
    for n, (i, token) in enumerate(after[:3]):
        if token in _PARTNER_NOUNS:
            following = after[n + 1] if n + 1 < len(after) else None
            if following is not None and following[0] == i + 1 and following[1] in _PARTNER_NOUNS:
                return following
            return i, token
        if token in CLOSED_CLASS:
            break
    return None


def _plural_by_head(
    reading: Reading, tokens: Sequence[str], head: frozenset[int], lexicon: Lexicon
) -> Reading:
    """A name question asks for every record that fits when its noun phrase is plural by
    its last noun: "role models named in the article" alone, or right after "which"
    ("which role *models*", where the first word alone says singular)."""
    if reading.kind != NAME or not head:
        return reading
    lead = _lead(tokens)
    if lead >= len(tokens):
        return reading._replace(plural=_plural(tokens[max(head)], lexicon))
    right_after = sorted(head) == list(range(lead + 1, lead + 1 + len(head)))
    if tokens[lead] == "which" and right_after and len(head) > 1:
        return reading._replace(plural=_plural(tokens[max(head)], lexicon))
    return reading


def _declared_pair(tokens: Sequence[str], i: int, lexicon: Lexicon) -> bool:
    """Whether the words at `i` and after it are a term of two words the facts files
    declare ("school heads": principals), which is one noun whatever its words are alone."""
    return 0 <= i < len(tokens) - 1 and (tokens[i], tokens[i + 1]) in lexicon.synonyms


def _run(tokens: Sequence[str], start: int, lexicon: Lexicon) -> frozenset[int]:
    """Positions from `start` up to the first closed-class word: what "how many" counts."""
    found: set[int] = set()
    for i in range(start, len(tokens)):
        if tokens[i] == "s" and found and i + 1 < len(tokens) and tokens[i + 1] not in CLOSED_CLASS:
            found = set()  # "how many of the city's teachers": the owner counts nothing
            continue
        if tokens[i] in CLOSED_CLASS or tokens[i] in _ANSWER_WORDS:
            break
        # ... unless it ends a declared term of two words ("school *heads*")
        declared_phrase = _declared_pair(tokens, i - 1, lexicon)
        if i > start and declared_verb(lexicon, tokens[i]) and not declared_phrase:
            break  # "how many goals chongqing *meet*": the verb ends what is counted
        if i > start and _verb_after_noun(tokens, i, lexicon):
            break  # "how many teaching staff *work*": so does a common verb after a noun
        found.add(i)
        if _declared_pair(tokens, i, lexicon):
            continue  # "how many school *heads*": a declared term of two words is one noun
        if _plural(tokens[i], lexicon) or _count_noun(tokens, i, lexicon):
            break  # "how many kids get ...": a plural noun ends the phrase
    return frozenset(found)


def _verb_after_noun(tokens: Sequence[str], i: int, lexicon: Lexicon) -> bool:
    """Whether a word is a common verb (the function-word list) right after a word of
    a noun ("teaching staff *work* in", "people *go* to"), before a function word: the noun
    phrase ends before it, as at a plural. Plurals without an -s ("staff", "people")
    need it."""
    if not 0 < i < len(tokens):
        return False
    small = function_words()
    word, before = tokens[i], tokens[i - 1]
    after = tokens[i + 1] if i + 1 < len(tokens) else ""
    return (
        word in small
        and word not in CLOSED_CLASS
        and word not in lexicon.declared
        and before not in small
        and before not in CLOSED_CLASS
        # a verb runs into a function word or ends the question; "double *first* class
        # universities" runs on into its noun
        and (not after or after in CLOSED_CLASS or after in small)
    )


def _count_noun(tokens: Sequence[str], i: int, lexicon: Lexicon) -> bool:
    """Whether a word is a figure's unit typed in the singular ("how many principal go"),
    no modifier of a plural noun after it ("robot club pupils"): after "how many", what
    is counted ends there as at a plural."""
    word = tokens[i]
    if f"{word}s" not in lexicon.units and f"{word}es" not in lexicon.units:
        return False
    following = tokens[i + 1] if i + 1 < len(tokens) else ""
    return not _plural(following, lexicon)


def _plural(word: str, lexicon: Lexicon | None = None) -> bool:
    """Whether a word is a plural noun: its singular is a word of the records (or of
    the synonyms), or, without a lexicon, it ends like one."""
    if len(word) <= 3 or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return False
    if lexicon is None:
        return True
    singulars = {word[:-1], word[:-2], word[:-3] + "y"}
    meant = {w for meaning in lexicon.meanings([word]) for w in meaning}
    return bool(singulars & lexicon.known) or bool({word, *meant} & lexicon.units)


def _head(
    tokens: Sequence[str],
    candidates: Sequence[int],
    kind: str,
    lexicon: Lexicon,
    named: set[int],
    *,
    phrasal: frozenset[int] = frozenset(),
) -> tuple[frozenset[int], frozenset[int]]:
    """Positions of the noun phrase the question asks about: its first run of words up to
    a closed-class word, a plural noun or the verb.

    A word right after "who" or "which university" is what was done ("who taught"); the
    last word after "did X" is a verb ("when did the fair happen"); inflected words at the
    end are a verb too ("programs launched"): none is part of it.
    """
    small = function_words()
    allowed = set(candidates)
    start = next(
        (
            i
            for i in candidates
            if (tokens[i] not in small or i in named) and tokens[i] not in _ANSWER_WORDS
        ),
        None,
    )
    if start is None:
        return frozenset(), frozenset()
    run: list[int] = []
    for i in range(start, len(tokens)):
        owner = run and kind != WHO and i + 1 in allowed  # "who is X's teacher" asks of X
        if tokens[i] == "s" and owner and tokens[i + 1] not in CLOSED_CLASS:
            # "the city's football reform": the owner modifies the noun phrase after it
            run = []
            continue
        if i not in allowed or tokens[i] in CLOSED_CLASS or tokens[i] in _ANSWER_WORDS:
            break
        # "what makes the joint college *stand* apart": the verb ends it; so does "as"
        # after a participle ("what was selected *as* a pilot": the role it was given)
        if run and (i in phrasal or (tokens[i] == "as" and _participle(tokens[run[-1]]))):
            break
        run.append(i)
        ends = _plural(tokens[i], lexicon) or (kind == FIGURE and _count_noun(tokens, i, lexicon))
        if ends and not _declared_pair(tokens, i, lexicon):
            break  # ... but "school *heads*", a declared term of two words, is one noun
        # "employees come from": a common verb after a plural ends the phrase, and where
        # a figure is asked, after any noun ("staff *work* in")
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        plural_then_verb = tokens[i].endswith("s") and following not in CLOSED_CLASS
        if (plural_then_verb and following in small) or (
            kind == FIGURE and _verb_after_noun(tokens, i + 1, lexicon)
        ):
            break
    verbs: set[int] = set()
    if run:
        verbs.add(run[-1] + 1)
    before = [t for t in tokens[:start] if t not in DETERMINERS]
    after_asking = before and (before[-1] in ("who", "whom") or before[-1] in _PARTNER_NOUNS)
    if after_asking and run and kind in (WHO, PLACES, COUNTRIES):
        verbs.add(run[0])
        run = run[1:]
    # "when did the fair happen", "when was the photo taken": the last word is the verb.
    do_support = any(t in _DO for t in before) or (
        kind in (DATE, PLACE, WHO) and any(t in _AUXILIARIES for t in before)
    )
    # ... unless the records use it, as a noun, and it is no common verb ("run"); a verb
    # of two words goes whole ("take place": "take" is a declared verb)
    last = tokens[run[-1]] if run else ""
    if do_support and len(run) > 1 and (last not in lexicon.known or last in small):
        verbs.add(run.pop())
        if len(run) > 1 and declared_verb(lexicon, tokens[run[-1]]):
            verbs.add(run.pop())
    # ... and so is a claim's verb before its figure
    while run and (
        (inflected(tokens[run[-1]]) and tokens[run[-1]] not in lexicon.known)
        or _claims_with(tokens, run, lexicon)
    ):
        verbs.add(run.pop())
    verbs.update(clause_verbs(tokens))
    verbs.update(phrasal)
    return frozenset(run), frozenset(verbs)


def _participle(word: str) -> bool:
    """Whether a word is a verb's participle, regular ("selected") or not ("chosen")."""
    if inflected(word):
        return True
    # deferred for start-up: only a participle before "as" reads the irregular verb table
    from cqedu.store.lemmas import verb_lemmas

    return bool(verb_lemmas(word))


def _claims_with(tokens: Sequence[str], run: Sequence[int], lexicon: Lexicon) -> bool:
    """Whether a noun phrase's last word is the verb of a claim before its figure ("(is it
    true) cooperation *reaches* (only) 30 countries", read "... reaches only number of
    countries"): a declared verb, no part of what is counted."""
    if len(run) < 2 or not declared_verb(lexicon, tokens[run[-1]]):
        return False
    small = function_words()
    following = [t for t in tokens[run[-1] + 1 :] if t not in small or t == "number"]
    return following[:1] == ["number"]


def declared_verb(lexicon: Lexicon, token: str) -> bool:
    """Whether a word is, by its Snowball stem, a word of a declared term that is a verb:
    one whose synonyms hold an inflected form ("take": "received"; "covers": "reached")."""
    # deferred for start-up: stems load the stemmer
    from cqedu.core.text import stem

    # the roots are worked out once a question (Lexicon.verb_roots), not once a word
    return stem(token) in lexicon.verb_roots


def _clauses(tokens: Sequence[str]) -> list[tuple[list[int], int | None]]:
    """Each clause of do-support ("does Lion City School train"): the positions of its
    subject, and of its verb (the last word of the run after the auxiliary, or None when
    the run ends at a closed-class word: "does Yubei District have")."""
    found: list[tuple[list[int], int | None]] = []
    for at, token in enumerate(tokens):
        if token not in _DO and token not in ("has", "have", "had"):
            continue
        start = at + 1
        while start < len(tokens) and tokens[start] in DETERMINERS:
            start += 1
        run: list[int] = []
        for i in range(start, len(tokens)):
            if tokens[i] in CLOSED_CLASS:
                break
            run.append(i)
        if len(run) > 2 and tokens[run[-1]] in PARTICLES:
            run = run[:-1]  # "has Chongqing *set* up": the verb stands before its particle
        ends_open = (bool(run) and run[-1] == len(tokens) - 1) or (
            bool(run) and run[-1] + 1 < len(tokens) and tokens[run[-1] + 1] not in _AUXILIARIES
        )
        if len(run) > 1 and ends_open:
            found.append((run[:-1], run[-1]))
        elif run:
            found.append((run, None))
    return found


def clause_verbs(tokens: Sequence[str]) -> set[int]:
    """Where the verb of a clause of do-support stands ("has the town *launched*")."""
    return {verb for _, verb in _clauses(tokens) if verb is not None}


def clause_subjects(tokens: Sequence[str]) -> set[int]:
    """The subjects of the clauses of do-support ("does *Yubei District* have")."""
    return {i for subject, _ in _clauses(tokens) for i in subject}


def subject_after_auxiliary(tokens: Sequence[str], position: int, *, be: bool = True) -> bool:
    """Whether a word stands right after an auxiliary (determiners aside): the subject of
    "does Shanghai have", not a verb. Without `be`, not after a form of "to be", where a
    participle follows ("are enrolled")."""
    i = position - 1
    while i >= 0 and tokens[i] in DETERMINERS:
        i -= 1
    auxiliaries = _AUXILIARIES if be else _AUXILIARIES - {"is", "are", "was", "were"}
    return i >= 0 and tokens[i] in auxiliaries


def after_preposition(tokens: Sequence[str], position: int, lexicon: Lexicon | None = None) -> bool:
    """Whether a word is in the noun phrase after a preposition ("in Hong Kong"); a plural
    noun ends that phrase ("of kindergartens offer ...")."""
    i = position - 1
    while i >= 0 and tokens[i] not in CLOSED_CLASS:
        if _plural(tokens[i], lexicon):
            return False
        i -= 1
    while i >= 0 and tokens[i] in DETERMINERS:
        i -= 1
    return i >= 0 and tokens[i] in PREPOSITIONS


def _in_name(typed: Sequence[str], span: range) -> bool:
    """Whether words typed capitalised mid-question run on past `span`: part of a longer
    name ("Nanyang Technological *University*"), not a level of its own."""
    capital = [i > 0 and typed[i][:1].isupper() for i in range(len(typed))]
    if not all(capital[i] for i in span):
        return False
    before, after = span.start - 1, span.stop
    return (before >= 0 and capital[before]) or (after < len(typed) and capital[after])


def level_words(lexicon: Lexicon, tokens: Sequence[str], typed: Sequence[str] = ()) -> set[int]:
    """Positions of the words naming a level, whatever the question asks."""
    return _levels(lexicon, tokens, FIGURE, typed)[1]


def _levels(
    lexicon: Lexicon, tokens: Sequence[str], kind: str, typed: Sequence[str] = ()
) -> tuple[list[Level], set[int]]:
    """Levels the question names (as `--level` takes them) and the positions of their words.

    Only whole names and aliases count, or a close spelling of one long word
    ("kindergarden") that is no word of the records: inside a question, "school" or
    "children" begin or resemble too many names. Only figures are narrowed by level.
    """
    found: list[Level] = []
    used: set[int] = set()
    if kind not in (FIGURE, NAME):
        return found, used
    small = function_words()
    for size in (3, 2, 1):
        for start in range(len(tokens) - size + 1):
            span = range(start, start + size)
            gram = tokens[start : start + size]
            if used.intersection(span) or (size == 1 and (gram[0] in small or len(gram[0]) < 3)):
                continue  # "all", "total", "he" name a level only when typed on purpose
            if typed and _in_name(typed, span):
                continue
            candidates = _level_candidates(lexicon, tokens, typed, span, kind)
            if candidates is None:
                continue  # a figure's level may be in a name ("students at X university")
            if not candidates or candidates[0].score != EXACT_SCORE:
                plural = _plural_level(lexicon, gram)
                if plural is not None:
                    if plural not in found:
                        found.append(plural)
                    used.update(span)
                    continue
            if not candidates:
                continue
            top = candidates[0]
            typo = (
                size == 1
                and len(gram[0]) >= 6
                and gram[0] not in lexicon.known
                and top.score < WORD_SCORE
                and _nearest_is_a_level(lexicon, gram[0])
            )
            if top.score == EXACT_SCORE or typo:
                if top.value not in found:
                    found.append(top.value)
                used.update(span)
    return found, used


def _level_candidates(
    lexicon: Lexicon, tokens: Sequence[str], typed: Sequence[str], span: range, kind: str
) -> list[Candidate[Level]] | None:
    """The levels the words at `span` may name (`Vocabulary.candidates`); None when they
    lie inside the name of a record of no level and a level name is asked for.

    Close spellings only where they can count: a long word the records do not use (a typo,
    in `_levels`) or a word of a record's name. Fuzzy matching, and importing it, cost a
    question most of its time, and a question of the records' own words needs none.
    """
    gram = tokens[span.start : span.stop]
    names = lexicon.kb.level_names
    candidates = names.candidates(" ".join(gram), close=False)
    lower = not any(typed[i][:1].isupper() for i in span) if typed else True
    in_name = kind == NAME and lower and _in_record_name(lexicon, tokens, span)
    unknown = len(gram) == 1 and len(gram[0]) >= 6 and gram[0] not in lexicon.known
    if not candidates and (in_name or unknown):
        candidates = names.candidates(" ".join(gram))
    return None if in_name and candidates else candidates


def _in_record_name(lexicon: Lexicon, tokens: Sequence[str], span: range) -> bool:
    """Whether a level's words lie inside the whole name of a record of no level typed in
    lower case ("southwest *university* presentations"): a noun of that name, as a
    capital would say ("Southwest University"), not the level of its own."""
    for start in range(span.start, -1, -1):
        end = _record_name(lexicon, tokens, start)
        if end >= span.stop:
            named = " ".join(tokens[start:end])
            records = lexicon.kb.index_words.records_with([tokens[start]])
            if any(normalise_phrase(f.name) == named and f.level is None for f in records):
                return True
    return False


def _nearest_is_a_level(lexicon: Lexicon, token: str) -> bool:
    """Whether the record word closest to a misspelt word, if any, names a level: "scools"
    is nearer "schools" than "preschool", "kindergarden" nearest "kindergarten"."""
    near = lexicon.matches(token)
    if not near:
        return True
    best = max(near, key=near.__getitem__)
    return any(
        best in phrase.split() for _, said in level_phrases(lexicon.kb.levels) for phrase in said
    )


@cache
def level_phrases(levels: tuple[Level, ...]) -> tuple[tuple[Level, tuple[str, ...]], ...]:
    """Each level with its id, name and aliases as phrases ("high-school": "high school"),
    worked out once a run: a question looks them up several times."""
    return tuple(
        (level, tuple(normalise_phrase(n) for n in (level.id, level.name, *level.aliases)))
        for level in levels
    )


def _plural_level(lexicon: Lexicon, gram: Sequence[str]) -> Level | None:
    """The level a phrase names in another form ("high schools"), by Snowball stems."""
    if not _plural(gram[-1]):
        return None
    *first, last = gram
    # "-es" is the plural's ending only after the stem ("classes"); "sends" is no "sen"
    singles = (last[:-1], last[:-2]) if last.endswith("es") else (last[:-1],)
    wanted = {" ".join((*first, single)) for single in singles}
    for level, phrases in level_phrases(lexicon.kb.levels):
        if not wanted.isdisjoint(phrases):
            return level
    return None


def phrase(reading: Reading, positions: Sequence[int]) -> str:
    """The words at `positions` as typed, for messages: the overlapping pieces of an
    unspaced run ("重庆", "庆有", "有多") joined back into the run ("重庆有多")."""
    text, last = "", ""
    for i in positions:
        piece = reading.typed[i]
        run = text + piece[len(last) - 1 :]
        if last and not piece.isascii() and piece.startswith(last[1:]) and run in reading.question:
            text = run  # typed as one run ("学校长"), not as two words ("学校 校长")
        else:
            text += f" {piece}" if text else piece
        last = piece
    return text


#: Words standing for a noun said before ("affordable *ones*").
PRO_FORMS = frozenset({"one", "ones"})


def quoted(reading: Reading, positions: Sequence[int]) -> str:
    """The words at `positions` as a reader knows them in a refusal: with the rest of a
    name typed capitalised ("Nanyang Technological *University*") and of a hyphenated
    word ("*public*-benefit"), no verb or common word at either end ("young people *go*")
    unless nothing else is left, and a verb with its particle ("*came* up", "sent *back*":
    the verb they make is what is unsaid)."""
    typed, tokens, question = reading.typed, reading.tokens, reading.question
    kept = set(positions)
    capital = [i > 0 and w[:1].isupper() for i, w in enumerate(typed)]
    if title_case(typed):
        capital = [False] * len(typed)
    for i in sorted(kept):
        start, end = i, i
        while start > 0 and (
            (capital[i] and capital[start - 1]) or f"{typed[start - 1]}-{typed[start]}" in question
        ):
            start -= 1
        while end + 1 < len(typed) and (
            (capital[i] and capital[end + 1]) or f"{typed[end]}-{typed[end + 1]}" in question
        ):
            end += 1
        kept.update(range(start, end + 1))
    ordered = sorted(kept)

    def small(i: int) -> bool:  # a verb, a function word or a pro-form, no name
        said = i in reading.verbs or tokens[i] in CLOSED_CLASS | PRO_FORMS
        return said and not capital[i]

    while len(ordered) > 1 and small(ordered[-1]):
        ordered.pop()
    while len(ordered) > 1 and small(ordered[0]):
        ordered.pop(0)
    if not ordered:
        return ""
    if ordered == [ordered[0]] and tokens[ordered[0]] in PARTICLES and ordered[0] > 0:
        ordered.insert(0, ordered[0] - 1)
    last = ordered[-1]
    if last + 1 < len(tokens) and tokens[last + 1] in PARTICLES and small(last):
        ordered.append(last + 1)
    if not all(typed[i].isascii() for i in ordered):
        return phrase(reading, ordered)
    # a hyphenated word as typed ("public-benefit")
    text = typed[ordered[0]]
    for before, i in pairwise(ordered):
        joined = i == before + 1 and f"{typed[before]}-{typed[i]}" in question
        text += f"-{typed[i]}" if joined else f" {typed[i]}"
    return text
