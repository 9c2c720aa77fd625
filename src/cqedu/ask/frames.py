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
#: Nouns for the text itself ("is that what *the article* reports").
_TEXT = r"(?:article|report|text|story|piece|paper|news)"
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
)
#: The article asked whether it says a claim ("does the article say (that) ...").
_SAYS = (
    rf"(?is)^\s*(?:does|did|do)\s+(?:the|this|your)\s+{_TEXT}\s+(?:say|report|state|mention|claim)"
    r"\s+(?:that\s+)?(?P<claim>\S.*)$"
)


def unframed(question: str, lexicon: Lexicon) -> str:
    """The question without the frame of how its asker came by it: a reporting verb after
    "did" with the article's speaker and event ("what rate did Chongqing report at the
    October briefing": "what rate"), and a claim put to the article ("X - is that what
    the article reports?", "does the article say X", "X supposedly") as "is it true that X"."""
    lowered = question.lower()
    said = re.sub(_EVIDENTIAL, "", question) if "ly" in lowered else question
    framed = re.match(_CONFIRM, said) or re.match(_SAYS, said)
    if framed is not None:
        return f"is it true that {framed['claim'].strip()}?"
    if said != question and not re.match(
        r"(?i)\s*(?:is|are|was|were|do|does|did|has|have)\b", said
    ):
        # "the city supposedly has X": a claim heard, however it is punctuated
        return f"is it true that {said.strip().rstrip('?.!')}?"
    found = re.match(_DID_REPORT, said)
    if found is None:
        return said
    # deferred: the function words load only for a question in a reporting frame
    from cqedu.ask.language import function_words

    small = function_words()
    own = _article_words(lexicon)
    who, where = words(found["who"]), words(found["where"])
    if not all(w in lexicon.known or w in small or w in own for w in who):
        return said  # "did the statistics bureau report": a speaker the article does not cite
    if not all(w in small or w in own for w in where):
        return said  # "at the March briefing": no event of the article's
    return f"{found['asked']}{found['end']}"


def _article_words(lexicon: Lexicon) -> set[str]:
    """The words of the article itself and of its own event: its sources' titles and
    summaries ("press conference", "report"), the months and days of their dates
    ("October 20"), and the names and keywords of the records of that day ("briefing")."""
    import calendar

    found = {"article", "text", "story", "piece", "paper", "news"}
    days = {source.date for source in lexicon.kb.sources}
    for source in lexicon.kb.sources:
        found.update(words(f"{source.title} {source.summary}"))
        year, _, rest = source.date.partition("-")
        month, _, day = rest.partition("-")
        if month.isdigit() and 1 <= int(month) < len(calendar.month_name):
            found.update(
                words(f"{calendar.month_name[int(month)]} {calendar.month_abbr[int(month)]}")
            )
        found.update(w for w in (year, day.lstrip("0")) if w)
    for fact in lexicon.kb.facts():
        if fact.date in days:
            found.update(words(" ".join((fact.name, *fact.keywords))))
    return found
