"""Questions typed as chat or topic-first English, put in the order the reading expects.

Two habits of questions typed quickly or by second-language speakers:

- text-speak, where a letter stands for the word it sounds like ("what *r* they", "*u*")
  and "n" or "&" for "and" ("schools *n* teachers"): English's letter homophones, a
  closed set;
- the topic said first, the question after it ("schools and teachers, how many?", "5
  educations, what are they?", "go lesson, where was it?", "the universities do how much
  of the research", "five educations in one meaning"), as Chinese and other
  topic-prominent languages order a question: read as "how many schools and teachers",
  "what are 5 educations", "how much of the research ...", "what is the meaning of ...".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from cqedu.core.text import words

#: Letters (and signs) typed for the words they sound like, between two words.
_HOMOPHONES = {"n": "and", "&": "and", "r": "are", "u": "you", "ur": "your"}
#: Question words a topic-first question is asked with, as a question may lead with them.
_LEADS = ("how", "what", "which", "who", "whom", "when", "where", "why")
#: The same, for the patterns.
_ASKING = r"(?:how|what|which|who|whom|when|where|why)"
#: The auxiliary a yes-no question opens with, dropped when a count is asked after it
#: ("do voc school kids keep studying? how many": how many keep studying).
_AUXILIARY = r"(?:do|does|did|is|are|was|were|can|could|will|would|have|has)"
#: A topic, then "how many" or "how much" and what follows it.
_COUNT_AFTER = (
    rf"(?is)^\s*(?:{_AUXILIARY}\s+)?(?P<topic>(?!{_ASKING}\b)[^?]*?\S)[\s,;:?.!\u2013\u2014-]+"
    r"(?P<ask>how\s+(?:many|much))\b(?P<rest>[^?]*?)[\s?.!]*$"
)
#: A topic, then "what are they" or "where was it": the pronoun stands for the topic.
_WHAT_AFTER = (
    rf"(?is)^\s*(?P<topic>(?!{_ASKING}\b)[^?]*?\S)[\s,;:?.!\u2013\u2014-]+"
    r"(?P<ask>what|which|who|where|when)\s+(?P<link>are|is|were|was)\s+"
    r"(?:they|them|it|those|these|that|this)[\s?.!]*$"
)


#: A topic, then the noun that asks what it is, as a keyword string types it ("five
#: educations in one meaning"): "what is the meaning of" the topic.
_MEANING_AFTER = (
    rf"(?is)^\s*(?P<topic>(?:(?!\b{_ASKING}\b)[^?])*?\S)\s+(?P<noun>meaning|definition)[\s?.!]*$"
)


@cache
def _meaning_after() -> re.Pattern[str]:
    """The pattern of `_MEANING_AFTER`, compiled when a question first ends in its noun."""
    return re.compile(_MEANING_AFTER)


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The patterns, compiled when a question first needs them."""
    letters = "|".join(re.escape(k) for k in _HOMOPHONES)
    # between words of two letters or more: a letter beside another is an initialism's
    # ("R & D", "U K"), no word said
    homophone = re.compile(rf"(?i)(?<=\w\w)(\s+)({letters})(?=\s+\w\w)")
    return homophone, re.compile(_COUNT_AFTER), re.compile(_WHAT_AFTER)


def _spelt_out(question: str) -> str:
    """The question with each text-speak letter between two words written as its word."""
    if not any(f" {k} " in f" {question.lower()} " for k in _HOMOPHONES):
        return question
    homophone, _, _ = _patterns()
    return homophone.sub(lambda found: f"{found[1]}{_HOMOPHONES[found[2].lower()]}", question)


def in_order(question: str, counts: Callable[[str], bool]) -> str:
    """The question in text-speak spelt out, and asked topic-first put question first
    ("schools n teachers how many cq": "how many schools and teachers cq"; "X is doing
    how much of Y": "how much of Y X is doing"); any other question as typed.

    `counts` says whether a word is what a count counts (a plural noun, a unit): after
    "how many" one is the question's own noun, and what stands before it leads up to the
    question ("in Chongqing, how many teachers"), no topic."""
    question = _spelt_out(question)
    lowered = question.lower()
    if lowered.rstrip(" ?.!").endswith(("meaning", "definition")):
        found = _meaning_after().match(question)
        if found is not None:
            return f"what is the {found['noun']} of {found['topic']}"
    first = lowered.split(maxsplit=1)[:1]
    # most questions lead with their question word: no topic before it to compile for
    if (first and first[0] in _LEADS) or not any(w in lowered for w in _LEADS):
        return question
    _, count_after, what_after = _patterns()
    found = count_after.match(question)
    if found is not None:
        rest = found["rest"].strip()
        if rest.lower().startswith("of "):  # "X does how much of Y": a share of Y
            return f"{found['ask']} {rest} {found['topic']}"
        if not any(counts(w) for w in words(rest)):
            return f"{found['ask']} {found['topic']} {rest}".rstrip()
    found = what_after.match(question)
    if found is not None:
        return f"{found['ask']} {found['link']} {found['topic']}"
    return question
