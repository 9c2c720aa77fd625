"""A question framed by how the asker came by it: what the article or its speakers report.

"What rate did Chongqing report at the October briefing?" asks the rate: the speaker, the
reporting verb and the article's own event only say where the figure comes from.
"The city supposedly has 600,000 teachers - is that what the article reports?" and "does
the article say that ..." ask whether a claim holds, as "is it true that ..." does; an
evidential adverb ("supposedly", "reportedly") says the asker heard it, not what is
claimed. A speaker or event the article does not cite stays, to be weighed as any word is.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from cqedu.core.text import words

if TYPE_CHECKING:
    from cqedu.ask.language import Lexicon

#: Reporting verbs in their base and past forms (after "did", "does", "has").
_REPORTING = (
    r"(?:report|reported|announce|announced|say|said|give|given|cite|cited|state|stated"
    r"|mention|mentioned|list|listed|reveal|revealed|quote|quoted|publish|published|put)"
)
#: Adverbs of evidence: the claim is heard or read, the adverb says so and claims nothing.
_EVIDENTIAL = (
    r"(?i)\b(?:supposedly|reportedly|apparently|allegedly|purportedly|seemingly|ostensibly)"
    r"\b\s*,?\s*"
)
#: The words the patterns below look for, to look for before any is compiled.
_EVIDENCE_WORDS = frozenset(re.findall(r"[a-z]{3,}", _EVIDENTIAL))
_REPORTING_WORDS = frozenset(re.findall(r"[a-z]+", _REPORTING))
_DO = frozenset({"did", "does", "do", "has", "have"})
#: Nouns for the text itself ("is that what *the article* reports").
_TEXT = r"(?:article|report|text|story|piece|paper|news)"
#: Words a claim put to the article holds: its tag's adjective, or a noun for the text.
_CONFIRMING = frozenset(re.findall(r"[a-z]+", _TEXT)) | {
    "true",
    "correct",
    "accurate",
    "right",
    "so",
}
#: A question word and what it asks, a reporter and its verb after "did", then where
#: ("What rate did Chongqing report at the October briefing?").
_DID_REPORT = (
    r"(?is)^\s*(?P<asked>(?:what|which|how\s+many|how\s+much)\s+(?!(?:did|does|do|has|have)\b)"
    r"\w.*?)\s+(?:did|does|do|has|have)"
    rf"\s+(?P<who>[\w'\u2019.-]+(?:\s+[\w'\u2019.-]+){{0,5}}?)\s+{_REPORTING}\b"
    r"(?P<where>(?:\s+(?:at|in|during|on|from)\b[^?.!]*?)?)\s*(?P<end>[?.!]*)\s*$"
)
#: A tag that asks the article to confirm the claim before it ("..., is that what the
#: article says?", "- is that right?", "..., is that true?").
_CONFIRM = (
    r"(?is)^(?P<claim>.*?\w)\s*[-\u2013\u2014,;:]*\s+(?:is|was)\s+(?:that|this|it)\s+"
    rf"(?:(?:what|how)\s+(?:the|this|your)\s+{_TEXT}\s+(?:says?|said|reports?|reported|puts\s+it"
    r"|has\s+it|states?|gives?)|right|true|correct|accurate|so)\s*[?.!]*\s*$"
    # ... or the tag's adjective alone after a break ("..., true?")
    r"|^(?P<told>.*?\w)\s*[-\u2013\u2014,;:]+\s*(?:true|correct|accurate)\s*\?+\s*$"
)
#: The asker's own report of coming by the claim ("I heard (that) ...", "I read somewhere").
HEARD = (
    r"(?is)^\s*(?:i|we)\s+(?:(?:have|had|'ve)\s+)?(?:heard|read|saw|seen|was\s+told|were\s+told)"
    r"(?:\s+(?:somewhere|online|once))?(?:\s+that)?\s+(?=\S)"
)
#: A question word and what it asks, then a reporting verb whose clause holds the gap the
#: question word fills ("what did Liu Yanbing say the rate *was*", "what share of
#: kindergartens did the commission say *are inclusive*").
_SAID_CLAUSE = (
    r"(?is)^\s*(?P<asked>(?:what|which|how\s+many|how\s+much)\b(?:\s+\w[\w'-]*)*?)"
    rf"\s+(?:did|does|do)\s+(?P<who>[\w'\u2019.-]+(?:\s+[\w'\u2019.-]+){{0,5}}?)\s+{_REPORTING}"
    r"\s+(?:that\s+)?(?:(?P<verb_first>(?:is|are|was|were|has|have|had)\s+\S.*?)"
    r"|(?P<subject>\S.*?)\s+(?P<be>is|are|was|were))\s*(?P<end>[?.!]*)\s*$"
)
#: The article's event before the question, set off by a comma ("at the press conference
#: in October, how many students were reported").
_AT_EVENT = (
    r"(?is)^\s*(?:so\s+)?(?:at|in|during|from)\s+(?P<where>[^,?]+?)\s*,\s*"
    r"(?P<rest>(?:how|what|which|who|when|where)\b.*)$"
)
#: The article asked whether it says a claim ("does the article say (that) ...").
_SAYS = (
    rf"(?is)^\s*(?:does|did|do)\s+(?:the|this|your)\s+{_TEXT}\s+(?:say|report|state|mention|claim)"
    r"\s+(?:that\s+)?(?P<claim>\S.*)$"
)


def unframed(question: str, lexicon: Lexicon) -> str:
    """The question without the frame of how its asker came by it: a reporting verb after
    "did" with the article's speaker and event ("what rate did Chongqing report at the
    October briefing": "what rate"), or with the clause its question word comes from
    ("what did Liu Yanbing say the rate was": "what was the rate"), and a claim put to
    the article ("X - is that what the article reports?", "does the article say X", "I
    heard X, true?", "X supposedly") as "is it true that X"."""
    # Each pattern is compiled only for a question holding a word it looks for.
    said_words = set(words(question))
    if not said_words:
        return question
    said = question
    if not _EVIDENCE_WORDS.isdisjoint(said_words):
        said = re.sub(_EVIDENTIAL, "", said)
    if words(said)[:1] in (["i"], ["we"]):
        said = re.sub(HEARD, "", said, count=1)
    if not _CONFIRMING.isdisjoint(said_words):
        framed = re.match(_CONFIRM, said) or re.match(_SAYS, said)
        if framed is not None:
            return f"is it true that {(framed['claim'] or framed['told']).strip()}?"
    if said != question and not re.match(
        r"(?i)\s*(?:is|are|was|were|do|does|did|has|have)\b", said
    ):
        # "the city supposedly has X", "I heard the city has X": a claim heard, however
        # it is punctuated
        return f"is it true that {said.strip().rstrip('?.!')}?"
    if "," in said and words(said)[:1] in (["so"], ["at"], ["in"], ["during"], ["from"]):
        at = re.match(_AT_EVENT, said)
        if at is not None and _of_the_event(at["where"], lexicon):
            said = at["rest"]
    if _REPORTING_WORDS.isdisjoint(said_words) or _DO.isdisjoint(said_words):
        return said
    return _reported(said, lexicon)


def _reported(said: str, lexicon: Lexicon) -> str:
    """A question asked of what the article's speaker reported, as the question itself."""
    clause = re.match(_SAID_CLAUSE, said)
    if clause is not None and _cited(clause["who"], lexicon):
        if clause["verb_first"]:
            return f"{clause['asked']} {clause['verb_first']}{clause['end']}"
        return f"{clause['asked']} {clause['be']} {clause['subject']}{clause['end']}"
    found = re.match(_DID_REPORT, said)
    if found is None or not _cited(found["who"], lexicon):
        return said  # "did the statistics bureau report": a speaker the article does not cite
    if not _of_the_event(found["where"], lexicon):
        return said  # "at the March briefing": no event of the article's
    return f"{found['asked']}{found['end']}"


def _of_the_event(where: str, lexicon: Lexicon) -> bool:
    """Whether a place of speaking is the article's own event ("at the October briefing"):
    each word its own or a function word."""
    from cqedu.ask.language import function_words  # deferred: only a reporting frame

    small = function_words()
    own = _article_words(lexicon)
    return all(w in small or w in own for w in words(where))


def _cited(who: str, lexicon: Lexicon) -> bool:
    """Whether a speaker is the article's: every word the records', the article's own or
    a function word ("Liu Yanbing", "the commission", "the article")."""
    from cqedu.ask.language import function_words  # deferred: only a reporting frame

    small = function_words()
    own = _article_words(lexicon)
    return all(w in lexicon.known or w in small or w in own for w in words(who))


def _article_words(lexicon: Lexicon) -> set[str]:
    """The words of the article itself and of its own event: nouns for the text, the
    months, days and years of the sources' dates ("October 20"), and the names and
    keywords of the records of those days ("press conference", "briefing"); never a
    word its title capitalises ("Chongqing"), which names a place or plan, not the event."""
    import calendar

    found = {"article", "text", "story", "piece", "paper", "news", "report"}
    days = {source.date for source in lexicon.kb.sources}
    named: set[str] = set()
    for source in lexicon.kb.sources:
        named.update(w.lower() for w in re.findall(r"\b[A-Z][\w-]*", source.title))
        year, _, rest = source.date.partition("-")
        month, _, day = rest.partition("-")
        if month.isdecimal() and 1 <= int(month) < len(calendar.month_name):
            found.update(
                words(f"{calendar.month_name[int(month)]} {calendar.month_abbr[int(month)]}")
            )
        found.update(w for w in (year, day.lstrip("0")) if w)
    for fact in lexicon.kb.facts():
        if fact.date in days:
            found.update(words(" ".join((fact.name, *fact.keywords))))
    return found - {w for name in named for w in words(name)}
