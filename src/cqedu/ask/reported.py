"""Questions put as reported speech: "Officials said the city works with how many
countries?", "the commission announced that how many ...", "..., Liu Yanbing said?".

Who said it is how the asker heard the figure, not what is asked, when the article speaks
for that speaker (as for "according to the commission, ..."); the clause reported is the
question. Its question word may stand where the answer would ("works with how many
countries": an echo question), and is read at the front, as English asks it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from cqedu.core.text import words
from cqedu.store.index import STOPWORDS

if TYPE_CHECKING:
    from cqedu.ask.language import Lexicon

#: Verbs that report speech, in the forms a question puts them.
_REPORTING = (
    r"(?:say|says|said|tell|tells|told|report|reports|reported|announce|announces|announced"
    r"|state|states|stated|note|notes|noted|claim|claims|claimed|confirm|confirms|confirmed"
    r"|reveal|reveals|revealed|explain|explains|explained)"
)
#: Whom a speaker tells ("told *reporters*"), which "tell" takes before what is told.
_HEARERS = r"(?:(?:the\s+)?(?:reporters|journalists|press|media|public)|us|me)"
#: The most words a speaker takes ("the Chongqing Municipal Education Commission").
_MAX_SPEAKER = 6
#: A speaker and verb before the reported clause ("Officials said (that) ...", "as the
#: director told reporters, ..."), and after it ("..., officials said?").
_BEFORE = (
    rf"(?is)^\s*(?:as\s+)?(?P<who>(?:[\w'\u2019.-]+\s+){{0,{_MAX_SPEAKER - 1}}}?[\w'\u2019.-]+)"
    rf"\s+(?:(?:has|have|had)\s+)?{_REPORTING}"
    # whom they told, a few words before "that" ("told the press conference that")
    rf"(?:(?P<told>(?:\s+[\w'\u2019-]+){{1,3}}?)(?=\s+that\b)|\s+{_HEARERS})?"
    r"(?:\s+that\b)?\s*,?\s+"
    r"(?P<rest>\S.*)$"
)
_AFTER = (
    rf"(?is)^(?P<rest>.*\S)\s*,\s*(?P<who>(?:[\w'\u2019.-]+\s+){{0,{_MAX_SPEAKER - 1}}}?"
    rf"[\w'\u2019.-]+)\s+(?:(?:has|have|had)\s+)?{_REPORTING}(?:\s+{_HEARERS})?"
    r"\s*(?P<end>[?.!]*)\s*$"
)
#: Question words that open a question, and the echo question's "how many".
_QUESTION_WORDS = frozenset("how what whats which who whom whose when where why".split())
_IN_PLACE = r"(?i)(?<=\s)how\s+(?:many|much)\s+"
#: Every word a reporting verb may be, to look for before any pattern is compiled.
_VERBS = frozenset(re.findall(r"\w+", _REPORTING))


def unreported(question: str, lexicon: Lexicon) -> str:
    """The question without the speaker it is reported from ("Officials said the city
    works with how many countries?": "how many countries the city works with?"), when
    every word naming the speaker is the records' or the article's own and the reported
    clause asks (a question word at its front, or "how many" in place). A speaker the
    article does not cite stays, to be weighed as any word is."""
    said = words(question)
    if _VERBS.isdisjoint(said):
        return question
    for pattern in (_BEFORE, _AFTER):
        found = re.match(pattern, question)
        if found is None or not _cited(found["who"], lexicon):
            continue
        told = (found.groupdict().get("told") or "").strip()
        if told and not re.fullmatch(_HEARERS, told) and not _cited(told, lexicon):
            continue  # "told the statistics bureau that": whom the article does not cite
        rest = found["rest"] + (found.groupdict().get("end") or "")
        asked = words(rest)
        if asked and asked[0] in _QUESTION_WORDS:
            return rest
        fronted = in_front(rest)
        if fronted != rest:
            return fronted
    return question


def _cited(who: str, lexicon: Lexicon) -> bool:
    """Whether a speaker is one the article speaks for: each word the records' or a
    function word, and none a question word (then the speaker is what is asked)."""
    # deferred: the function words load only for a question that reports speech
    from cqedu.ask.language import function_words

    small = function_words()
    named = words(who)
    if not named or _QUESTION_WORDS.intersection(named):
        return False
    return all(w in lexicon.known or w in small for w in named)


def in_front(clause: str) -> str:
    """An echo question's "how many N" moved to the front ("the city works with how many
    countries on vocational training": "how many countries the city works with on
    vocational training"), where the rest of the question logic reads a count; the
    clause unchanged when a question word comes before it, "how many" opens it, or a
    break sets what comes before apart (a preamble, read as such)."""
    found = re.search(_IN_PLACE, clause) if "how" in clause.lower() else None
    if found is None or _QUESTION_WORDS.intersection(words(clause[: found.start()])):
        return clause
    if re.search(r"[,:;.!?\u2013\u2014]|\s-\s", clause[: found.start()]):
        return clause  # "for special education: how many ...": a preamble, no clause
    after = clause[found.end() :]
    # "how much *of the* basic research": a part of the noun phrase that follows
    part = re.match(r"(?i)of\s+(?:(?:the|a|an|its|their|this|that|these|those)\s+)?", after)
    start = end = part.end() if part else 0
    noun = re.match(r"\s*(?:[\w'\u2019-]+\s*)", after[end:])
    # the noun phrase ends at a closed-class word ("on", "the", "is"), the index's stop words
    while noun is not None and words(noun[0]) and words(noun[0])[0] not in STOPWORDS:
        end += noun.end()
        noun = re.match(r"\s*(?:[\w'\u2019-]+\s*)", after[end:])
    if end == start:
        return clause
    before = clause[: found.start()].strip()
    counted = f"{found[0]}{after[:end].rstrip()}"
    tail = after[end:].strip()
    return " ".join(part for part in (counted, before, tail) if part)
