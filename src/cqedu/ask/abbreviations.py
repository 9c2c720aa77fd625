"""What a short form stands for: answered only by a record that writes the words it is made of.

"What does NTU stand for", "what is ESI short for", "what does ESI mean": the answer is the
name whose capitalised words the letters begin ("Nanyang Technological University",
"Five-Year Plan"), written in a record's name or summary, which is what the article says.
A record that only uses the short form ("Subjects in the ESI global top 1%") tells nothing
of what it stands for, and keywords are our own search words, not the article's: without
such a name the question is refused ("the article does not spell out ESI").
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from cqedu.ask.cues import EXPANDING, MEANING
from cqedu.ask.language import function_words
from cqedu.ask.question import MAX_RELATED, Answer, made
from cqedu.core.errors import NoMatchError
from cqedu.core.text import normalise_phrase, word_spans, words
from cqedu.facts.model import Fact
from cqedu.query.wording import SUMMARY

if TYPE_CHECKING:
    from cqedu.ask.question import KnowledgeBase
    from cqedu.ask.reading import Reading

#: Small words inside a name its letters skip ("University *of* Leicester").
_SKIPPED = frozenset({"of", "and", "for", "the", "in", "on", "at", "de", "du", "la"})
#: The letters a short form has.
_SHORTEST, _LONGEST = 2, 10


def expanded(kb: KnowledgeBase, r: Reading) -> Answer | None:
    """The answer to "what does X stand for", None for any other question, or a refusal
    when no record writes the name X is made of."""
    found = _short_form(kb, r)
    if found is None:
        return None
    at, short = found
    typed = r.typed[at]
    writing = [(fact, name) for fact in kb.facts() for name in _spelt_out(fact, short)]
    article = "the article does" if len(kb.sources) < 2 else "the sources do"
    if not writing:
        using = [f.id for f in kb.index_words.records_with([short])][:MAX_RELATED]
        look = f"; worth a look: {', '.join(using)}" if using else ""
        raise NoMatchError(f"{article} not spell out {typed}{look}")

    def rank(pair: tuple[Fact, str]) -> tuple[bool, bool, bool, bool, int]:
        fact, name = pair
        # its own record first ("Nanyang Technological University"), then one that names
        # it, then one that says both the short form and its words; a thing before a
        # figure of it, the shorter name (the nearer to the name itself) first
        return (
            normalise_phrase(fact.name) != normalise_phrase(name),
            normalise_phrase(name) not in normalise_phrase(fact.name),
            short not in words(f"{fact.name} {fact.summary} {' '.join(fact.keywords)}"),
            fact.has_figure,
            len(fact.name),
        )

    ranked = list(dict.fromkeys(fact for fact, _ in sorted(writing, key=rank)))
    return made(r.question, SUMMARY, [ranked[0]], ranked[1:])


def _short_form(kb: KnowledgeBase, r: Reading) -> tuple[int, str] | None:
    """Where the short form a question asks the meaning of stands, and its letters: the
    one word it says besides the phrase that asks (`EXPANDING`, or `MEANING` of a word
    typed in capitals or written so by the records) and function words."""
    tokens = r.tokens
    cue: set[int] = set()
    for phrase in EXPANDING:
        for i in range(len(tokens) - len(phrase) + 1):
            if tuple(tokens[i : i + len(phrase)]) == phrase:
                cue.update(range(i, i + len(phrase)))
    meaning = {i for i, t in enumerate(tokens) if t in MEANING}
    if not cue and not meaning:
        return None
    small = function_words()
    # a short form typed in capitals is no function word ("UK", "IT"), unless every word is
    shouted = all(w.isupper() for w in r.typed if w.isalpha())
    rest = [
        i
        for i, t in enumerate(tokens)
        if i not in cue | meaning and (t not in small or (_capitals(r.typed[i]) and not shouted))
    ]
    if len(rest) != 1:
        return None
    at = rest[0]
    short = tokens[at]
    if not (short.isalpha() and _SHORTEST <= len(short) <= _LONGEST):
        return None
    if not cue and not (_capitals(r.typed[at]) or _written_in_capitals(kb, short)):
        return None
    return at, short


def _capitals(word: str) -> bool:
    """Whether a word is written as a short form is: two letters or more, all capitals."""
    return len(word) >= _SHORTEST and word.isalpha() and word.isupper()


def _written_in_capitals(kb: KnowledgeBase, short: str) -> bool:
    """Whether the records write a word in capitals ("ESI"), as a short form is."""
    for fact in kb.index_words.records_with([short]):
        for text in (fact.name, fact.summary):
            if any(w == short and _capitals(text[s:e]) for s, e, w in word_spans(text)):
                return True
    return False


def _spelt_out(fact: Fact, short: str) -> Iterator[str]:
    """The names in a record's name or summary whose capitalised words begin with the
    letters of `short`, in order ("Five-Year Plan" for "fyp"), as written."""
    for text in (fact.name, fact.summary):
        yield from _names_for(text, short)


def _names_for(text: str, short: str) -> Iterator[str]:
    """Runs of capitalised words in `text` (small words such as "of" between them) whose
    initials are `short`, each as written."""
    spans = list(word_spans(text))
    for first, (start, _, _) in enumerate(spans):
        if not text[start].isupper():
            continue
        letters = ""
        for at in range(first, len(spans)):
            begin, end, word = spans[at]
            if at > first and text[spans[at - 1][1] : begin] not in (" ", "-"):
                break  # a comma, a bracket or a full stop ends a name
            if _capitals(text[begin:end]):
                break  # a short form itself ("the *UK* university") stands for other words
            if text[begin].isupper():
                letters += word[0]
            elif word not in _SKIPPED:
                break
            if letters == short and text[begin].isupper():
                yield text[start:end]
                break
            if not short.startswith(letters):
                break
