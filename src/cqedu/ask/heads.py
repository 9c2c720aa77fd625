"""Step 3, a check of the answer: the noun a question asks for names what its record is.

"What is the law on education" asks for a law: its head noun, read from the question's
own words ("the X of Y", "Y's X", "the X for Y"), is "law". A record the question's words
lead to only because it holds "law" elsewhere (Southwest University of Political Science
and *Law*, a university) is no answer: the word names another kind of thing than the
record is. The record's own kinds are the head nouns of its name, of its summary's first
phrase and of its several-word keywords (other names for it), its kind and category, the
declared synonyms of any of these, and what a question may ask of it: a field it fills
("name", "level", "country") or a measure its figure or date gives ("rate", "year").
"""

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from cqedu.ask.checks import _look
from cqedu.ask.language import Lexicon, function_words, inflected
from cqedu.ask.question import Answer
from cqedu.ask.reading import (
    _COUNT_WORDS,
    _DATE_WORDS,
    _PERCENT_WORDS,
    CLASSIFIERS,
    CLOSED_CLASS,
    DETERMINERS,
    PREPOSITIONS,
    Reading,
    phrase,
)
from cqedu.core.errors import NoMatchError
from cqedu.core.text import stem, word_spans, words
from cqedu.facts.model import Fact

if TYPE_CHECKING:
    from cqedu.ask.checks import _Question

#: Question openings that ask what a thing is: "what is", "what's", "which are".
_ASKING = frozenset({"what", "which"})
_BE = frozenset({"is", "are", "was", "were", "s"})
#: Requests with the same meaning ("tell me about the law on education").
_REQUESTS = (("tell", "me", "about"), ("tell", "me"), ("give", "me"), ("describe",), ("define",))
#: Prepositions that join the noun asked for to what it is of ("the law *on* education").
#: Not "about": after "what is", a word before it is an adjective ("what is *special*
#: about the college"), no noun asked for.
_LINKS = PREPOSITIONS - {"about"}
#: A noun phrase of a record's name or summary goes on over its appositive ("Education
#: *as* a driver of ...": a driver too) and its coordinated nouns ("countries *and*
#: regions").
_APPOSITIVE = "as"
_COORDINATING = frozenset({"and", "or"})
#: Where a text's parts begin that each open with a phrase of their own.
_SEGMENTS = re.compile(r"[();]")
#: Spellings of a vowel letter sounded as a consonant: "a *u*niversity", "a *eu*ro".
_YOU_SOUND = ("uni", "use", "usu", "uti", "eu", "one")


class Asked(NamedTuple):
    """The noun phrase a question asks for, read from its words."""

    phrase: tuple[int, ...]
    """Positions of the noun phrase asked for ("civilization level")."""
    head: int
    """Position of its head noun ("level")."""
    start: int
    """Where the words to quote in a refusal begin (the phrase, with what it is of)."""


def asked(r: Reading) -> Asked | None:
    """The noun phrase the question asks for and its head, or None when it asks no "what
    is the X (of Y)" or "what is Y's X": "the law on education" (head "law"), "the
    school's culture" ("culture"). A determiner or a possessive must mark the phrase: in
    "what is special about" the word is an adjective. The phrase ends at a preposition
    or the question's end; a verb after it makes it a clause's subject ("what is the
    city trying to build"), not what is asked."""
    tokens = r.tokens
    at = _opening(tokens)
    if at is None or at >= len(tokens):
        return None
    determined = tokens[at] in DETERMINERS
    run = _run(tokens, at + 1 if determined else at)
    if not run:
        return None
    end = run[-1] + 1
    if tokens[end : end + 1] == ("s",):
        # "the school's culture": the noun after the possessive is asked for
        owned = _run(tokens, end + 1)
        if not owned or not _closes(tokens, owned[-1] + 1):
            return None
        return Asked(tuple(owned), owned[-1], run[0])
    if not determined or not _closes(tokens, end):
        return None
    return Asked(tuple(run), run[-1], run[0])


def _opening(tokens: Sequence[str]) -> int | None:
    """Where the words after a question's opening begin ("what is | the law"), or None."""
    if tokens[:1] == ("whats",):
        return 1
    if len(tokens) > 1 and tokens[0] in _ASKING and tokens[1] in _BE:
        return 2
    for request in _REQUESTS:
        if tuple(tokens[: len(request)]) == request:
            return len(request)
    return None


def _run(tokens: Sequence[str], start: int) -> list[int]:
    """Positions of the open-class words from `start` on, to the first closed-class word
    or verb form: a participle after a noun is a verb ("the students *doing*", "the fair
    *held*"), unless it is a noun in -ing before a preposition ("the *training* of") that
    the function-word list does not hold as a common verb ("doing")."""
    run: list[int] = []
    small = function_words()
    for i in range(start, len(tokens)):
        token = tokens[i]
        if token in CLOSED_CLASS:
            break
        after = tokens[i + 1] if i + 1 < len(tokens) else ""
        noun = token.endswith("ing") and token not in small and (not after or after in _LINKS)
        if run and inflected(token) and not noun:
            break
        run.append(i)
    return run


def _closes(tokens: Sequence[str], end: int) -> bool:
    """Whether a noun phrase ending before `end` is what is asked: at the question's end,
    or before a preposition joining it to what it is of."""
    return end == len(tokens) or tokens[end] in _LINKS


def of_its_kind(q: "_Question", answer: Answer) -> Answer:
    """The answer, or a refusal when the noun the question asks for names a kind of thing
    its record is not, and the record was found by the phrase asked for ("the *law* on
    education" found the university of political science and *law*). A record that
    holds none of the phrase is what the noun is asked of ("the goal of the Study in
    Chongqing brand"): other checks weigh it."""
    found = asked(q.r)
    if found is None:
        return answer
    # a level's word after the noun ("the school headcount *citywide*") says where,
    # as "in the city" would: the noun before it is the head
    kept = list(found.phrase)
    while len(kept) > 1 and kept[-1] in q.r.level_positions:
        kept.pop()
    if kept != list(found.phrase):
        found = found._replace(phrase=tuple(kept), head=kept[-1])
    tokens = q.r.tokens
    head = tokens[found.head]
    if head in CLASSIFIERS:  # "the kind of school": the kind is asked of the school
        return answer
    named = answer.named or (answer.record,)
    # cheapest first: most records asked so give what is asked ("the *rate* of"), and
    # only the rest need the stemmer and the record words' other forms
    wrong = [
        fact
        for fact in named
        if head not in _gives(fact)
        and any(_holds(q.lexicon, fact, tokens[i]) for i in found.phrase)
        and not _is_a(q.lexicon, fact, head)
    ]
    if not wrong or len(wrong) < len(named):
        return answer
    fact = wrong[0]
    kind = _kind_of(fact)
    be = "are" if _plural(kind) else "is"
    raise NoMatchError(
        f'the article does not describe "{_as_typed(q.r, found.start)}": {fact.name} {be} '
        f"{_a(kind)}, not {_a(q.r.typed[found.head].lower())}"
        f"{_look([*named, *answer.related])}"
    )


def _as_typed(r: Reading, start: int) -> str:
    """The question from its word at `start` to its last word, as typed ("the school's
    culture", "plan for 2021-2025")."""
    pattern = r"\W*".join(re.escape(w) for w in r.typed[start:])
    found = re.search(pattern, r.question)
    return found.group() if found else phrase(r, range(start, len(r.typed)))


def _holds(lexicon: Lexicon, fact: Fact, token: str) -> bool:
    """Whether a record holds a question word: in its name, summary or keywords, as typed,
    in another form or spelling, or by a declared synonym."""
    said = set(words(" ".join((fact.name, fact.summary, *fact.keywords))))
    if token in said or said.intersection(lexicon.matches(token)):
        return True
    return any(set(meaning) <= said for meaning in lexicon.meanings([token]))


def _is_a(lexicon: Lexicon, fact: Fact, noun: str) -> bool:
    """Whether a record is a thing the noun names, or gives what the noun asks of it; a
    figure gives what any word of its name says it measures ("the *enrollment* of higher
    education": its enrollment rate)."""
    own = _kinds(fact) | _gives(fact)
    if noun in own:
        return True
    forms = {stem(noun), *(stem(w) for w in lexicon.matches(noun))}
    forms |= {stem(w) for w in _synonyms(lexicon, noun)}
    return bool(forms.intersection(stem(w) for w in own))


def measured(lexicon: Lexicon, r: Reading, fact: Fact) -> bool:
    """Whether "what is the X (of Y)" asks for what a figure of the records measures: X is
    a word of its name or the head of another name for it ("the *intake* of the
    Sino-foreign programs": its "annual intake"), so the figure is the answer, not a
    description of the record; a field ("level", "name") or a date is not."""
    found = asked(r)
    # "describe the brands", "tell me about ...": a description asked, which it gives
    if found is None or not fact.has_figure or r.tokens[0] not in ("what", "whats"):
        return False
    noun = r.tokens[found.head]
    own = set(words(fact.name)) | _kinds(fact)
    if noun in own:
        return True
    forms = {stem(noun), *(stem(w) for w in lexicon.matches(noun))}
    forms |= {stem(w) for w in _synonyms(lexicon, noun)}
    return bool(forms.intersection(stem(w) for w in own))


def _kinds(fact: Fact) -> set[str]:
    """What a record is by its words: its name's and summary's head nouns, its
    several-word keywords' (other names for it: "law school")."""
    found = _heads(fact.name) | _heads(fact.summary)
    for keyword in fact.keywords:
        if len(words(keyword)) > 1:
            found |= _heads(keyword)
    return found


def _gives(fact: Fact) -> set[str]:
    """What a question may ask of a record: a field it fills ("name", "level",
    "country"), its kind and category, the nouns asking for a figure it gives ("number",
    "rate" of a share; any word of its name: what it measures) or for its date or period
    ("year")."""
    filled = {field for field, value in zip(Fact._fields, fact, strict=True) if value}
    filled |= {fact.kind, *words(fact.category or "")}
    if fact.has_figure:
        filled |= _COUNT_WORDS | set(words(fact.name))
        if fact.unit == "percent":
            filled |= _PERCENT_WORDS
    if fact.date_as_written or fact.period:
        filled |= _DATE_WORDS
    return filled


def _synonyms(lexicon: Lexicon, noun: str) -> set[str]:
    """The one-word terms a noun is a declared synonym of, and the one-word synonyms of
    the term it is ("uni": "university"; "director": "head")."""
    found: set[str] = set()
    for term, synonyms in lexicon.terms:
        single = [w for w in synonyms if " " not in w]
        if noun in single and " " not in term:
            found.add(term)
        if noun == term:
            found.update(single)
    return found


def _heads(text: str) -> set[str]:
    """The head nouns of the first noun phrase of a name or summary: the last word before
    a closed-class word or a verb ("*Platform* founded by ...", "*University* of ...",
    "*Countries* and *regions* in ..."), over an appositive ("Education as a *driver*").
    A verb form opening the phrase is a modifier ("Emerging *hub*"); a word in -ing before
    a closed-class word may be the head itself ("Principal *training* at ...", "*Rowing*
    as a sport"); in a name
    typed in title case every word belongs to it ("Education Strengthening Chongqing
    *Action*"). A parenthesis or a part after a semicolon opens a phrase of its own
    ("(photo caption; *photo* by ...)")."""
    return {head for segment in _SEGMENTS.split(text) for head in _phrase_heads(segment)}


def _phrase_heads(text: str) -> set[str]:
    """The head nouns of a text's first noun phrase (see `_heads`)."""
    spans = list(word_spans(text))
    title = all(text[start].isupper() for start, _, w in spans if w not in CLOSED_CLASS)
    folded = [w for _, _, w in spans]
    heads: set[str] = set()
    run: list[str] = []
    for i, word in enumerate(folded):
        if word == "s" or (not run and word in DETERMINERS):
            run = []  # a possessive's owner ("Chongqing's education *cooperation*")
            continue
        if word in CLOSED_CLASS or word == _APPOSITIVE:
            heads.update(run[-1:])
            run = []
            if word in _COORDINATING or word == _APPOSITIVE:
                continue
            break
        if inflected(word) and not title:
            after = folded[i + 1] if i + 1 < len(folded) else ""
            noun = word.endswith("ing") and (after in CLOSED_CLASS or after in ("", _APPOSITIVE))
            if not run:
                run = [word] if noun else []  # "*Rowing* as a sport"; "Emerging hub"
                continue
            heads.add(run[-1])
            if noun:
                heads.add(word)
            break
        run.append(word)
    heads.update(run[-1:])
    return heads


def _kind_of(fact: Fact) -> str:
    """The kind a refusal says a record is: its name's head noun when that is a common
    noun, else its category or its kind ("a university", "a country", "a person"); a
    figure is a figure. Not a summary's: many open with a sentence ("Families carried")."""
    if fact.kind == "stat":
        return "figure"
    # the last: the head of the whole ("... Alleviation and Cooperative Development
    # *Center*", "Education as a *driver*"); a verb form is no kind ("Reading for All",
    # "Principal training": programs)
    last = _ordered_heads(_SEGMENTS.split(fact.name)[0])[-1:]
    name = [w for w in last if _common(w, fact) and not inflected(w)]
    return next(iter([*name, *words(fact.category or "")]), fact.kind)


def _ordered_heads(text: str) -> list[str]:
    """The head nouns of a text's first noun phrase, in the order it writes them."""
    heads = _phrase_heads(text)
    return [w for w in dict.fromkeys(words(text)) if w in heads]


def _common(word: str, fact: Fact) -> bool:
    """Whether a record's name word is a common noun: written in lower case in its name or
    summary, or a word of a name of several words that is no person's ("Southwest
    *University* of ..."; not "Russia" nor "Liu Yanbing")."""
    text = f"{fact.name} {fact.summary}"
    if any(text[start].islower() for start, _, w in word_spans(text) if w == word):
        return True
    return len(words(fact.name)) > 1 and fact.kind != "person"


def _a(noun: str) -> str:
    """A noun with its indefinite article ("a university", "an institution"); a plural
    without one ("laws")."""
    if _plural(noun):
        return noun
    vowel = noun[:1] in "aeiou" and not noun.startswith(_YOU_SOUND)
    return f"an {noun}" if vowel else f"a {noun}"


def _plural(noun: str) -> bool:
    """Whether a noun is written as a plural ("laws", "programs"; not "campus", "class")."""
    return noun.endswith("s") and not noun.endswith(("ss", "us", "is"))
