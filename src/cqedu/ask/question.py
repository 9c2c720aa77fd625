"""Questions in plain English answered from the records, or refused when the article is silent.

A question goes through four steps, one module each:

1. `reading`: the answer type (how many, when, who, where, which, what is, highest), the
   subject words and the head noun phrase, and constraints (level, place, year, per year);
2. `candidates`: records that hold the subject words, found through the search index;
3. `checks`: a word the records never use (but ordinary English) vetoes; every constraint
   must hold; a figure must count what the question names, not mention it in passing;
   the answer must be of the asked-for type, or the refusal says what the article gives;
4. the answer line or refusal, worded in `cqedu.query.wording`.
"""

import re
from collections.abc import Iterable, Sequence
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from cqedu.core.errors import NoMatchError
from cqedu.core.matching import Vocabulary
from cqedu.core.text import in_another_script, words
from cqedu.facts.model import Country, Fact, Level, SearchHit, Source, Term

#: Related records an answer offers, and records a refusal suggests.
MAX_RELATED = 3


if TYPE_CHECKING:
    # For the type checker only: nothing checks a knowledge base against them at run time,
    # and building the two Protocol classes cost every question 0.4 M instructions.
    from typing import Protocol

    from cqedu.ask.language import Lexicon
    from cqedu.ask.reading import Reading
    from cqedu.store.lexicon import StoredLexicon

    class KnowledgeBase(Protocol):
        """What a question is answered from: the records, vocabularies and search index words.

        `cqedu.knowledge.KnowledgeBase` is one; the question logic never imports it, so the
        public API sits above this layer and calls down into it.
        """

        @property
        def sources(self) -> tuple[Source, ...]: ...
        @property
        def only(self) -> frozenset[str] | None: ...
        @property
        def levels(self) -> tuple[Level, ...]: ...
        @property
        def countries(self) -> tuple[Country, ...]: ...
        @property
        def terms(self) -> tuple[Term, ...]: ...
        @property
        def level_names(self) -> Vocabulary[Level]: ...
        def ids(self) -> list[str]: ...
        def units(self) -> list[str]: ...
        def facts(self) -> list[Fact]: ...
        def get(self, fact_id: str) -> Fact: ...
        def search(self, query: str, limit: int = 10) -> list[SearchHit]: ...
        @property
        def index_words(self) -> "IndexWords": ...

    class IndexWords(Protocol):
        """The words of the search index that questions weigh (`cqedu.query.words.IndexWords`)."""

        def vocabulary(self) -> list[str]: ...
        def stored_lexicon(self, depends: str) -> StoredLexicon | None: ...
        def keeps_lexicon(self) -> bool: ...
        def keep_lexicon(self, depends: str, found: StoredLexicon) -> None: ...
        def document_frequency(self, words: Iterable[str]) -> dict[str, int]: ...
        def records_with(self, words: Iterable[str]) -> list[Fact]: ...


class Answer(NamedTuple):
    """The direct answer to a question, with the records it comes from."""

    question: str
    """The question as asked."""
    text: str
    """The answer in one line of plain words, with where the article says it."""
    kind: str
    """What the answer gives: "figure", "date", "who", "place", "partners", "countries",
    "name" or "summary"."""
    record: Fact
    """The record that answers (the first, when a list question has several)."""
    named: tuple[Fact, ...]
    """Every record the answer line names, `record` first."""
    related: tuple[Fact, ...]
    """Up to three other records worth a look: the rest of a list or comparison, or ties."""
    sources: tuple[str, ...] = ()
    """Whose answer it is: each named record's source (its place), when several sources
    are loaded; empty with one source."""


def made(
    question: str,
    kind: str,
    named: Sequence[Fact],
    related: Sequence[Fact],
    *,
    sources: Sequence[str] = (),
    limit: int = MAX_RELATED,
) -> Answer:
    """The Answer naming `named`, with up to `limit` related records."""
    # deferred: the wording module is the answer's last step
    from cqedu.query.wording import answer_line

    shown = [f for f in dict.fromkeys(related) if f != named[0]]
    return Answer(
        question=question,
        text=answer_line(kind, named, sources=sources),
        kind=kind,
        record=named[0],
        named=tuple(named),
        related=tuple(shown[:limit]),
        sources=tuple(sources),
    )


def ask(kb: "KnowledgeBase", question: str) -> Answer:
    """Answer `question` from the records of `kb`.

    Raises QueryError (exit 2) for an empty, wordless or too long question, and
    NoMatchError (exit 1) saying what the article does not give, or gives instead, when
    no record answers it. A yes-no question that claims a figure is answered with the
    verdict of the article's figure on it first ("No: the article gives 9,177 schools").
    """
    if "?" in question.strip()[:-1]:
        asked = _followed_up(kb, question)
        if asked is not None:
            return ask(kb, asked)._replace(question=question.strip())
    from cqedu.ask.cues import PRO_FORM_ENDS  # deferred with the question logic

    if question.lower().rstrip(" ?.!").endswith(PRO_FORM_ENDS):
        from cqedu.ask.asides import of_held  # deferred: only "which N is that"

        held = of_held(kb, question, _asked)
        if held is not None:
            return held
    try:
        return _asked(kb, question)
    except NoMatchError:
        from cqedu.ask.cues import may_hold_asides  # deferred with the question logic

        if not may_hold_asides(question):
            raise
        from cqedu.ask.asides import without_asides  # deferred: only a refused question

        answer = without_asides(kb, question, _asked)
        if answer is None:
            raise
        return answer


def _asked(kb: "KnowledgeBase", question: str) -> Answer:
    """The answer to `question` as typed, every word of it asked (see `ask`)."""
    plain = _plainly_listed(question) if "and" in question.lower() else question
    answer = _answered_contrasted(kb, plain) if " not " in f" {plain.lower()} " else None
    answer = answer or (_answered_restated(kb, plain) if _may_restate(plain) else None)
    answer = (answer or _answered(kb, plain))._replace(question=question.strip())
    answer = _not_comparing(kb, question, answer)
    if not (opens_yes_no(question) or may_be_checked(question) or types_share(question)):
        return answer  # no figure claimed: the verdict's module is not even loaded
    from cqedu.ask.verdict import judged, of_its_share  # deferred: see above

    return judged(question, of_its_share(question, answer, kb))


def _followed_up(kb: "KnowledgeBase", question: str) -> str | None:
    """The one question a yes-no question and a bare list question after it ask
    (`follow_up`); None for any other."""
    from cqedu.ask.follow_up import followed_up  # deferred: only a question of two

    countries = [n for c in kb.countries for n in (c.name, *c.aliases)]
    nations = [w for t in kb.terms if t.term == "countries" for w in t.synonyms]
    return followed_up(question, countries, nations)


def _told(fact: Fact) -> str:
    """All a record says in words: its name, summary and keywords."""
    return " ".join((fact.name, fact.summary, *fact.keywords))


def _plainly_listed(question: str) -> str:
    """A list question asked as "the numbers of X, Y and Z" or closed by an echo ("all
    three please") as "how many X, Y and Z" (`echoes`)."""
    from cqedu.ask import reading  # deferred with the rest of the question logic
    from cqedu.ask.echoes import plainly_listed  # deferred: only a list joined by "and"

    return plainly_listed(question, lambda said: len(reading.conjunct_phrases(said)[1]))


def _answered_contrasted(kb: "KnowledgeBase", question: str) -> Answer | None:
    """The answer to a question that sets a noun phrase aside with "not" ("..., not the
    political science and law one"), read without it; a refusal when every record it
    gives is the one set aside; None for a question with no such phrase."""
    from cqedu.ask.contrast import contrasted, sets_aside, unasserted  # deferred: rare

    contrast = contrasted(question)
    if contrast is None:
        return None
    found = _answered(kb, contrast.question)
    named = list(found.named or [found.record])
    unsaid = [f for f in named if unasserted(contrast, _told(f))]
    if unsaid:
        raise NoMatchError(
            f'the article does not say {unsaid[0].name} is what "{contrast.phrase}" says it is'
        )
    if any(sets_aside(contrast, f.name, f.unit, _told(f)) for f in named):
        from cqedu.query.wording import counted  # deferred: the wording is the last step

        given = "; ".join(counted(f) if f.has_figure else f.name for f in named)
        raise NoMatchError(
            f'the article gives {given}, which the question sets aside ("{contrast.phrase}")'
        )
    return found._replace(question=question.strip())


def _not_comparing(kb: "KnowledgeBase", question: str, answer: Answer) -> Answer:
    """`answer`, saying the article gives no figure for the place the asker means to
    compare it with ("..., for a comparison with Beijing?"): a purpose of the asker's
    that the answer, the source's own figure, does not serve alone."""
    from cqedu.ask.language import Lexicon, function_words
    from cqedu.ask.speech_acts import compared_with  # deferred: its patterns compile late

    named = compared_with(question)
    if not named:
        return answer
    lexicon = Lexicon(kb)
    small = function_words()
    if any(w in lexicon.known for w in words(named) if w not in small):
        return answer  # what the article itself has ("Singapore")
    return answer._replace(text=f"{answer.text}; the article gives no figure for {named}")


#: The first words of a yes-no question ("*is* it true", "*does* Chongqing have").
_YES_NO_WORDS = frozenset(
    "is isn't are aren't was wasn't were weren't does doesn't do don't did didn't has hasn't "
    "have haven't had can could will".split()
)
#: The modals that open a polite request as well as a yes-no question.
_MODALS = frozenset({"can", "could", "will", "would"})
#: Words one of which a statement asked as a question holds ("true or false: ...", "...,
#: right?", "I heard ..."): `verdict` reads such a question with its patterns.
_CHECKED_WORDS = frozenset(
    "true fact check right correct yes no heard read someone said told"
    " confirm verify validate claim accurate false".split()
)


def opens_yes_no(question: str) -> bool:
    """Whether a question opens with the verb of a yes-no question ("is", "does", ...),
    not a request that only asks politely ("could you tell me how many ...")."""
    first = question.split(maxsplit=1)[:1]
    if not first or first[0].lower().rstrip(",.?!:;") not in _YES_NO_WORDS:
        return False
    if first[0].lower() not in _MODALS:
        return True
    from cqedu.ask.speech_acts import requests  # deferred: only a modal opens a request

    return not requests(question)


def may_be_checked(question: str) -> bool:
    """Whether a question holds a word of a statement asked to be checked ("true or
    false", "..., right?"): only then are `verdict`'s patterns worth reading."""
    return not _CHECKED_WORDS.isdisjoint(words(question))


def types_share(question: str) -> bool:
    """Whether a question types a share ("70%", "95 percent", "per cent")."""
    lowered = question.lower()
    return "%" in question or "percent" in lowered or "per cent" in lowered


def _may_restate(question: str) -> bool:
    """Whether a question holds a word of a restatement's marker ("i.e.", "that is", "in
    other words"): the cheap look before `restated` is loaded."""
    lowered = question.lower()
    return any(mark in lowered for mark in ("i.e", " ie ", " that is ", "other words"))


def _answered_restated(kb: "KnowledgeBase", question: str) -> Answer | None:
    """The answer to a question put twice ("what's the school headcount, i.e. how many
    schools are there?") when both ways give it (`restated`); None for a question that
    restates nothing."""
    from cqedu.ask.restated import both_ways, restatement  # deferred: rare

    parts = restatement(question)
    return both_ways(question, parts, lambda part: _answered(kb, part)) if parts else None


def _answered(kb: "KnowledgeBase", question: str) -> Answer:
    """The answer to `question`, before any verdict on a figure it claims."""
    from cqedu.ask import checks, reading
    from cqedu.ask.language import Lexicon

    reading.check(question)  # a usage error before the index is read
    lexicon = Lexicon(kb)
    joined = "and" in question.lower()  # both shapes below join with "and"
    shared = _one_predicate(question) if joined else None
    if shared:
        return _answered(kb, shared)._replace(question=question.strip())
    both = _two_questions(question) if joined else None
    if both:
        return _both(kb, question, both)
    keyed = (_patterns()[0].match(question.strip()) if joined else None) or _listed_counts(
        lexicon, question
    )
    if keyed:
        # "platforms and overseas programs counts": what "how many" would ask of each noun
        found = _answered(kb, f"how many {keyed['nouns']}")
        return found._replace(question=question.strip())
    read = reading.read(lexicon, question)
    try:
        found = _by_a_step_of_its_own(kb, lexicon, read) or checks.answer(kb, lexicon, read)
    except NoMatchError as error:
        if in_another_script(question):
            # whatever was refused, the cause is most likely the language
            raise NoMatchError(f"{error}; cqedu reads questions in English") from None
        parts = reading.conjuncts(question, lexicon)
        if not parts:
            raise
        each = _each(kb, lexicon, question, parts)
        if each is None:
            raise error from None
        return each
    # "how many platforms and overseas programs": one figure that counts only the first
    # noun is no answer to both; each noun's own figure is (one that counts both, "78
    # institutions and programs", is)
    _, phrases, _ = reading.conjunct_phrases(question, lexicon)
    if phrases and not _counts_all(found, phrases):
        return _each(kb, lexicon, question, reading.conjuncts(question, lexicon)) or found
    return found


#: A keyword string of nouns joined by "and" that ends in a count noun ("vocational
#: platforms and overseas programs counts"), with no question word of its own.
_COUNTS_OF = (
    r"(?i)^(?!.*\b(?:how|what|which|who|whom|when|where|why)\b)"
    r"(?P<nouns>.*\w\s+and\s+\w.*?)\s+(?:counts?|numbers?|figures?|totals?)\W*$"
)
#: A keyword string that ends in a count noun, with no question word of its own.
_KEYWORDS_COUNTED = (
    r"(?i)^(?!.*\b(?:how|what|which|who|whom|when|where|why)\b)"
    r"(?P<nouns>.*\w)\s+(?:counts?|numbers?|figures?|totals?)\W*$"
)
#: The count nouns a keyword string of figures ends in.
_COUNT_ENDINGS = frozenset("count counts number numbers figure figures total totals".split())


@cache
def _keywords_counted() -> re.Pattern[str]:
    """`_KEYWORDS_COUNTED` compiled on first use: only a string ending in a count noun
    needs it."""
    return re.compile(_KEYWORDS_COUNTED)


def _listed_counts(lexicon: "Lexicon", question: str) -> dict[str, str] | None:
    """A keyword string of plural nouns typed without "and" that ends in a count noun
    ("chongqing schools students teachers figures"), its nouns joined as "and" would join
    them ("chongqing schools students and teachers"): English puts a noun before another
    in the singular ("student numbers"), so two plurals in a row are two things listed."""
    typed = words(question)
    if not typed or typed[-1] not in _COUNT_ENDINGS:
        return None
    found = _keywords_counted().match(question.strip())
    if found is None:
        return None
    from cqedu.ask.reading import _plural  # deferred with the rest of the question logic

    nouns = found["nouns"].split()
    if len(nouns) < 2 or not all(_plural(w.lower(), lexicon) for w in nouns[-2:]):
        return None
    return {"nouns": " ".join([*nouns[:-1], "and", nouns[-1]])}


#: A second question joined to the first ("..., and how many students do they enroll",
#: "number of platforms and number of programs"): "and" before a count's own words.
_SECOND = (
    r"(?i)^(?P<first>.*?\S)\s*,?\s+and\s+"
    r"(?P<second>(?:how\s+(?:many|much)|(?:the\s+)?number\s+of)\s.*)$"
)
#: Pronouns that stand for the first question's noun phrase in the second ("do *they*"):
#: plural, as what a count counts is; "it" is another subject ("does *it* have": the city).
_STANDING_IN = r"(?i)\b(they|them|their)\b"


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """`_COUNTS_OF`, `_SECOND` and `_STANDING_IN` compiled, on first use: only a question
    holding "and" needs them, and compiling them cost every question about 0.3 ms."""
    return re.compile(_COUNTS_OF), re.compile(_SECOND), re.compile(_STANDING_IN)


def _by_a_step_of_its_own(
    kb: "KnowledgeBase", lexicon: "Lexicon", read: "Reading"
) -> Answer | None:
    """The answer of a step that some words of the question call on (`cues`), in order:
    what a short form stands for, a comparison, the others, every figure of one level;
    None when none applies. A step's module is loaded only when its words are there."""
    from cqedu.ask import cues  # deferred with the question logic
    from cqedu.query.wording import FIGURE

    said = set(read.tokens)
    if not said.isdisjoint(cues.SHORT_FORM_WORDS):
        from cqedu.ask.abbreviations import expanded

        found = expanded(kb, read)
        if found is not None:
            return found
    if not said.isdisjoint(cues.QUANTITY_WORDS):
        from cqedu.ask.comparison import compared

        found = compared(kb, lexicon, read)
        if found is not None:
            return found
    if not said.isdisjoint(cues.OTHER):
        from cqedu.ask.others import besides

        found = besides(kb, lexicon, read)
        if found is not None:
            return found
    if read.kind == FIGURE and read.levels:
        from cqedu.ask.level_figures import listed

        return listed(kb, read)
    return None


def _two_questions(question: str) -> tuple[str, str] | None:
    """The two questions one joins with "and" before a second count ("how many X does
    the city have, and how many students do they enroll"), the second's pronoun given
    the first's noun phrase; None for any other question."""
    found = _patterns()[1].match(question.strip())
    if found is None:
        return None
    first, second = found["first"], found["second"]
    if not re.match(r"(?i)^\s*(?:how\s+(?:many|much)|(?:the\s+)?number\s+of)\s", first):
        return None  # "which schools and how many ..."; "schools and number of ..."
    from cqedu.ask import reading  # deferred with the rest of the question logic

    _, phrases, _ = reading.conjunct_phrases(first)
    noun = " and ".join(phrases) if phrases else _noun_of(first)
    return first, _patterns()[2].sub(noun, second) if noun else second


#: "how many X and how many Y <predicate>": two counts asked of one predicate.
_ONE_PREDICATE = (
    r"(?is)^(?P<lead>.*?\bhow\s+(?:many|much)\s+)(?P<first>[^,;?]+?)\s*,?\s+and\s+"
    r"how\s+(?:many|much)\s+(?P<second>\S.*)$"
)


def _one_predicate(question: str) -> str | None:
    """ "how many universities and how many disciplines were selected" as "how many
    universities and disciplines were selected": the first "how many" phrase is a noun
    phrase alone (no verb, no closed-class word), so the predicate after the second is
    both phrases'. None for any other question ("how many X does it have, and how many
    ..." is two questions: `_two_questions`)."""
    if len(re.findall(r"(?i)\bhow\s+(?:many|much)\b", question)) != 2:
        return None
    found = re.match(_ONE_PREDICATE, question.strip())
    if found is None or _noun_of(f"how many {found['first']}") != found["first"].strip():
        return None
    second = found["second"].strip(" ?.!")
    if _noun_of(f"how many {second}") == second:
        return None  # "how many teachers and how many kindergartens": no predicate shared
    return f"{found['lead']}{found['first']} and {found['second']}"


def _noun_of(question: str) -> str:
    """The noun phrase a "how many X ..." or "number of X ..." question counts: its words
    up to the first closed-class word."""
    from cqedu.ask.reading import CLOSED_CLASS  # deferred with the question logic

    rest = re.sub(r"(?i)^\s*(?:how\s+(?:many|much)|(?:the\s+)?number\s+of)\s+", "", question)
    noun: list[str] = []
    for word in rest.split():
        if word.lower().strip("?,.") in CLOSED_CLASS:
            break
        noun.append(word)
    return " ".join(noun)


def _both(kb: "KnowledgeBase", question: str, parts: tuple[str, str]) -> Answer:
    """Each joined question's figures, in the records' order; the first refusal refuses
    the whole (a question half answered is not answered)."""
    from cqedu.query.wording import FIGURE  # deferred: the wording module is the last step

    found = [_answered(kb, part) for part in parts]
    named = list(dict.fromkeys(f for a in found for f in a.named))
    if any(a.kind != FIGURE for a in found) or len(named) < len(found):
        raise NoMatchError(
            f'the article does not answer "{" ".join(question.split())}" as one question; '
            "ask each figure on its own"
        )
    order = {fact_id: n for n, fact_id in enumerate(kb.ids())}
    named.sort(key=lambda fact: order[fact.id])
    return made(question.strip(), FIGURE, named, [], limit=0)


def _counts_all(answer: Answer, phrases: Sequence[str]) -> bool:
    """Whether an answer's figures count the last word of every phrase, by stem."""
    from cqedu.core.text import stem, words  # deferred: only a question of several nouns

    counted = {stem(w) for f in answer.named for w in words(f"{f.unit or ''} {f.name}")}
    return all(stem(words(p)[-1]) in counted for p in phrases if words(p))


def _each(
    kb: "KnowledgeBase", lexicon: "Lexicon", question: str, parts: Sequence[str]
) -> Answer | None:
    """ "how many schools, students and teachers": each noun's one figure, in the records'
    order, or None when one of them has none (the whole question is refused as it was)."""
    from cqedu.ask import checks, reading  # deferred with the rest of the question logic
    from cqedu.query.wording import FIGURE

    found: list[Answer] = []
    for part in parts:
        try:
            found.append(checks.answer(kb, lexicon, reading.read(lexicon, part)))
        except NoMatchError:
            return None
    if any(a.kind != FIGURE for a in found):
        return None
    # each figure with its source when several are loaded ("Chongqing: ...; Chengdu: ...")
    pairs = [(f, a.sources[n] if a.sources else "") for a in found for n, f in enumerate(a.named)]
    if len({f.id for f, _ in pairs}) < len(pairs):
        return None  # two nouns, one figure: not what was asked
    order = {fact_id: n for n, fact_id in enumerate(kb.ids())}
    pairs.sort(key=lambda pair: order[pair[0].id])
    sources = [s for _, s in pairs] if all(s for _, s in pairs) else []
    return made(question.strip(), FIGURE, [f for f, _ in pairs], [], sources=sources, limit=0)
