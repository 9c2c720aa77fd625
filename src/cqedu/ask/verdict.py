"""A yes-no question's verdict: whether the figure it claims is the article's.

"Is it true that Chongqing has 10,000 schools?" is answered by the record of schools,
but its bare figure (9,177) reads as a yes to a reader who skims. So the answer line
opens with what the article's figure says of the claim: "Yes:" when it bears the claim
out, "No:" when it contradicts it, and "The article does not settle it:" when it gives
only a bound the claim lies beyond ("over 500,000" for "600,000"). Each figure, the
claim's and the record's, is read as the range of values it allows: an exact one is
one value, "over" and "more than" an open range, "about" a span around its value.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from cqedu.ask.language import function_words
from cqedu.ask.question import may_be_checked, opens_yes_no, types_share
from cqedu.ask.spoken import spoken_numbers, spoken_years
from cqedu.core.errors import NoMatchError
from cqedu.core.text import stem, words
from cqedu.facts.model import Fact
from cqedu.query.wording import counted, spoken_figure

if TYPE_CHECKING:
    from cqedu.ask.question import Answer, KnowledgeBase

#: What the verdict line opens with.
YES = "Yes: the article gives "
NO = "No: the article gives "
UNSETTLED = "The article does not settle it: it gives "


#: A statement asked as a question: "true or false: ...", "..., right?", "fact check: ...".
@cache
def _checked() -> re.Pattern[str]:
    return re.compile(
        r"(?i)^\s*(?:true\s+or\s+false|fact[\s-]*check)\b"
        r"|,\s*(?:right|correct|true|yes|no)\s*\?*\s*$"
        r"|^\s*(?:i\s+(?:heard|read)|someone\s+(?:said|told\s+me))\b"
    )


#: How a claim bounds its figure, by the range of values it allows.
_ABOVE = (
    r"more\s+than|over|above|exceeds?|exceeding|surpass(?:es|ed)?|greater\s+than"
    r"|higher\s+than|bigger\s+than|larger\s+than|upwards\s+of|beyond"
)
_AT_LEAST = r"at\s+least|no\s+(?:less|fewer)\s+than"
_BELOW = r"less\s+than|fewer\s+than|under|below|lower\s+than|smaller\s+than|short\s+of"
_AT_MOST = r"at\s+most|no\s+more\s+than|up\s+to"
_ABOUT = (
    r"about|around|approximately|approx\.?|roughly|some|circa|nearly|almost|close\s+to"
    r"|(?:an\s+)?estimated"
)


@cache
def _claimed() -> re.Pattern[str]:
    # compiled on first use: a question that claims no figure never needs it
    return re.compile(
        rf"(?i)(?:\b(?:(?P<above>{_ABOVE})|(?P<at_least>{_AT_LEAST})|(?P<below>{_BELOW})"
        rf"|(?P<at_most>{_AT_MOST})|(?P<about>{_ABOUT}))\s+)?"
        r"(?<![\w.,])(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
        r"(?:\s*(?P<scale>million|thousand|billion|mn|bn|k)\b)?"
        r"(?:\s*(?P<share>%|percent\b|per\s+cent\b))?"
        r"(?![\w-])"
    )


#: A majority claimed with no figure: "most of", "the majority of".
@cache
def _majority() -> re.Pattern[str]:
    return re.compile(r"(?i)\b(?:most\s+of|(?:the\s+|a\s+)?majority\s+of)\b")


#: A figure said in rough terms spans this share of its value either side ("about 9,000"
#: holds 9,177; "about 10,000" does not).
_ROUGHLY = 0.05
_SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9}
#: Record qualifiers, by the range they allow around the record's value.
_RECORD_ABOVE = frozenset({"over", "more than", "surpassed", "above", "exceeds"})
_RECORD_ABOUT = frozenset({"about", "around", "approximately", "roughly"})
_RECORD_NEARLY = frozenset({"nearly", "almost"})
_RECORD_AT_MOST = frozenset({"up to"})

#: How many words after "above" or "below" in a summary say what the figure is compared with.
_RELATION_SPAN = 4


#: A relation the question claims of the figure to something else ("*above* the national
#: average"), as the word the records' summaries use for it.
@cache
def _relation_pattern() -> re.Pattern[str]:
    # compiled on first use: a question that claims no figure never needs it
    return re.compile(
        r"(?i)\b(?:(?P<above>above|exceeds?|exceeding|higher\s+than|greater\s+than|more\s+than|"
        r"over|beats?|tops?|surpass(?:es)?|better\s+than)"
        r"|(?P<below>below|under|lower\s+than|less\s+than|worse\s+than|behind))\s+(?P<what>[^\d?.,]+)"
    )


class _Range(NamedTuple):
    """The values a figure allows: low to high, each end open or closed."""

    low: float
    high: float
    low_open: bool = False
    high_open: bool = False

    def holds(self, value: float) -> bool:
        above = value > self.low if self.low_open else value >= self.low
        below = value < self.high if self.high_open else value <= self.high
        return above and below

    def within(self, other: _Range) -> bool:
        """Whether every value this range allows, `other` allows too."""
        low = self.low > other.low or (
            self.low == other.low and (self.low_open or not other.low_open)
        )
        high = self.high < other.high or (
            self.high == other.high and (self.high_open or not other.high_open)
        )
        return low and high

    def apart(self, other: _Range) -> bool:
        """Whether no value is allowed by both ranges."""
        if self.high < other.low or other.high < self.low:
            return True
        if self.high == other.low:
            return self.high_open or other.low_open
        if other.high == self.low:
            return other.high_open or self.low_open
        return False


class _Claim(NamedTuple):
    text: str
    """The figure as typed, with its bound ("about 9,000")."""
    number: float
    share: bool
    """Whether it is a percentage."""
    allows: _Range
    exact: bool
    """Whether it is said with no bound ("10,000 schools")."""
    noun: str
    """The word after it, which says what it counts ("schools"), or ""."""


def judged(question: str, answer: Answer) -> Answer:
    """`answer` with its line opened by the verdict of a yes-no question that claims a
    figure (or a relation such as "above the national average"); unchanged otherwise."""
    if not _asks_yes_no(question) or not answer.named:
        return answer
    from cqedu.ask.speech_acts import claimed_in_digits  # deferred: a yes-no question

    said = claimed_in_digits(spoken_numbers(spoken_years(question)))
    claims = _claims(said, answer.named)
    verdicts: list[str] = []
    for claim in claims:
        fact = _counted_by(claim, answer.named)
        if fact is not None:
            verdicts.append(_verdict(claim, fact))
        elif claim.share and _named_share(answer.named):
            # "83 subjects in the top 5%": the record's name holds its own share (top 1%),
            # and the one claimed is another (shares the name holds alike are skipped)
            verdicts.append(NO)
    if not claims and _majority().search(said):
        # "do universities do most of the research": a share over half, claimed
        majority = _Claim("most", 50.0, True, _Range(50.0, float("inf"), low_open=True), False, "")
        fact = _counted_by(majority, answer.named)
        if fact is not None:
            verdicts.append(_verdict(majority, fact))
    if not claims and not verdicts:
        relation = _relation(said, answer.named)
        if relation:
            verdicts.append(relation)
    if not verdicts:
        return answer
    opening = next((v for v in verdicts if v.startswith("No")), None)
    opening = opening or next((v for v in verdicts if v == UNSETTLED), verdicts[0])
    text = answer.text
    figure = answer.record.as_written or ""
    if opening.endswith("gives ") and figure and text.startswith(figure):
        # a figure the article writes in words opens its line ("Two universities"), but
        # inside the verdict's sentence it is said as any word is: "gives two universities"
        text = spoken_figure(figure) + text[len(figure) :]
    return answer._replace(text=opening + text)


def of_its_share(question: str, answer: Answer, kb: KnowledgeBase | None = None) -> Answer:
    """`answer`, or, when the question types a share ("what is 70%", "more than 70 percent
    of what") and the record answering holds that number as a count of something else
    (70 countries): the one share of that number in `kb` whose record says every other
    word of the question; a refusal naming them when there are several, else a refusal
    saying what the count is. A share and a count are two figures, whatever digits they
    share. A share the record's name holds ("the ESI top 1%") is its own."""
    if not types_share(question):
        return answer  # no share typed: nothing to read (most questions, read quickly)
    said = spoken_numbers(spoken_years(question))
    shares = [c for c in _claims(said, answer.named) if c.share]
    for claim in shares:
        for fact in answer.named:
            counts = fact.value is not None and fact.unit != "percent"
            if counts and float(fact.value or 0) == claim.number:
                shares_of = _shares_of(kb, said, claim.number) if kb is not None else []
                if len(shares_of) == 1 and kb is not None:
                    from cqedu.ask.question import made  # deferred: the question imports us
                    from cqedu.query.wording import FIGURE

                    share = shares_of[0]
                    return made(
                        answer.question, FIGURE, [share], [kb.get(i) for i in share.related]
                    )
                if shares_of:
                    listed = "; ".join(counted(f) for f in shares_of)
                    raise NoMatchError(
                        f"the article gives {len(shares_of)} shares of {claim.text.strip()}: "
                        f"{listed}; ask about one of them"
                    )
                raise NoMatchError(
                    f"the article gives {counted(fact)}, a count, not a share of "
                    f"{claim.text.strip()}"
                )
    return answer


def _shares_of(kb: KnowledgeBase, question: str, number: float) -> list[Fact]:
    """The records of `kb` whose figure is a share of `number` percent and whose name,
    summary, figure as written and keywords say every word of `question` but its numbers
    and function words ("what is 70%": both 70% shares; "70% of teachers": none)."""
    found = []
    ignored = function_words()
    rest = [w for w in words(question) if w not in ignored and not w.replace(".", "").isdigit()]
    for share in kb.facts():
        if share.unit != "percent" or share.value is None or float(share.value) != number:
            continue
        text = " ".join((share.name, share.summary, share.as_written or "", *share.keywords))
        said = {stem(w) for w in words(text)} | {"percent", "per", "cent"}
        if all(stem(w) in said for w in rest):
            found.append(share)
    return found


def _named_share(named: Sequence[Fact]) -> bool:
    """Whether a record's name holds a share of its own ("Subjects in the ESI global top
    1%")."""
    return any(re.search(r"\d\s*%", f.name) for f in named)


def _asks_yes_no(question: str) -> bool:
    if opens_yes_no(question):
        return True
    # the patterns of a statement checked, compiled only for a question holding their words
    if not may_be_checked(question):
        return False
    from cqedu.ask.speech_acts import checked_claim  # deferred: only a claim's words

    return bool(_checked().search(question)) or checked_claim(question) is not None


def _claims(question: str, named: Sequence[Fact]) -> list[_Claim]:
    """The figures a question claims, without years and the figures of the records' own
    names ("the ESI top *1%*", "the *14th* Five-Year Plan")."""
    in_names = " ".join(f.name.casefold() for f in named)
    found: list[_Claim] = []
    for match in _claimed().finditer(question):
        digits = match["number"].replace(",", "")
        share = match["share"] is not None
        scale = _SCALES.get((match["scale"] or "").lower(), 1.0)
        if re.fullmatch(r"(?:19|20)\d\d", digits) and not share and scale == 1.0:
            continue  # a year, which the record's period settles
        figure = f"{match['number']}{'%' if share else ''}"
        if not match["scale"] and re.search(rf"(?<![\d.,]){re.escape(figure)}(?![\d%])", in_names):
            continue
        number = float(digits) * scale
        after = words(question[match.end() :])
        found.append(
            _Claim(
                text=match[0],
                number=number,
                share=share,
                allows=_allowed(match, number),
                exact=not any(match[g] for g in ("above", "at_least", "below", "at_most", "about")),
                noun=after[0] if after else "",
            )
        )
    return found


def _allowed(match: re.Match[str], number: float) -> _Range:
    inf = float("inf")
    if match["above"]:
        return _Range(number, inf, low_open=True)
    if match["at_least"]:
        return _Range(number, inf)
    if match["below"]:
        return _Range(-inf, number, high_open=True)
    if match["at_most"]:
        return _Range(-inf, number)
    if match["about"]:
        return _Range(number * (1 - _ROUGHLY), number * (1 + _ROUGHLY))
    return _Range(number, number)


def _record_range(fact: Fact) -> _Range | None:
    """The values a record's figure allows, or None for one no claim can be held to (a
    rank such as "top 1%", a figure of unknown bound)."""
    if fact.value is None or fact.measure == "rank":
        return None
    value = float(fact.value)
    qualifier = (fact.qualifier or "").casefold()
    ranges = {
        "": _Range(value, value),
        **dict.fromkeys(_RECORD_ABOVE, _Range(value, float("inf"), low_open=True)),
        **dict.fromkeys(_RECORD_ABOUT, _Range(value * (1 - _ROUGHLY), value * (1 + _ROUGHLY))),
        **dict.fromkeys(_RECORD_NEARLY, _Range(value * (1 - _ROUGHLY), value)),
        **dict.fromkeys(_RECORD_AT_MOST, _Range(0.0, value)),
    }
    return ranges.get(qualifier)


def _counted_by(claim: _Claim, named: Sequence[Fact]) -> Fact | None:
    """The record whose figure a claimed figure is held to: of its kind (a share or a
    count), the one whose unit or name holds the noun after it when several are named."""
    fitting = [
        f
        for f in named
        if f.value is not None and (f.unit == "percent") == claim.share and _record_range(f)
    ]
    if len(fitting) > 1 and claim.noun:
        noun = stem(claim.noun)
        by_noun = [f for f in fitting if noun in {stem(w) for w in words(f"{f.unit} {f.name}")}]
        fitting = by_noun or fitting
    return fitting[0] if len(fitting) == 1 else None


def _verdict(claim: _Claim, fact: Fact) -> str:
    allowed = _record_range(fact)
    assert allowed is not None  # _counted_by keeps only records with a range
    value = float(fact.value or 0)
    if claim.exact and fact.qualifier and claim.number == value:
        return YES  # "500,000 teachers" for the article's "over 500,000": its own figure
    if allowed.within(claim.allows):
        return YES
    if allowed.apart(claim.allows):
        return NO
    return UNSETTLED


def _relation(question: str, named: Sequence[Fact]) -> str | None:
    """The verdict on a relation the question claims ("above the national average") that
    the record's summary states, either way ("isn't it below": the summary says above)."""
    found = _relation_pattern().search(question)
    if found is None:
        return None
    claimed = "above" if found["above"] else "below"
    small = function_words()
    meant = {stem(w) for w in words(found["what"]) if w not in small}
    for fact in named:
        said = words(fact.summary)
        for j, word in enumerate(said):
            if word not in ("above", "below"):
                continue
            of = said[j + 1 : j + 1 + _RELATION_SPAN]
            if meant and meant <= {stem(w) for w in of}:
                last = max(k for k, w in enumerate(of) if stem(w) in meant)
                stated = " ".join(of[: last + 1])
                verdict = "Yes" if word == claimed else "No"
                return f"{verdict}: the article gives it as {word} {stated}: "
    return None
