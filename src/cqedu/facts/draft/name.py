"""What a drafted figure counts, what it is called, and what time it refers to: proposals
for a person to confirm, read from the words around the figure."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from cqedu.core.units import CURRENCIES
from cqedu.facts.draft.find import TIME_UNIT, Found, find_figures
from cqedu.facts.figures import FIGURE_PATTERN

_STOP = frozenset(
    """a an the of in on at for to from with by and or but nor that which who whom whose
    were was are is be been being have has had will would can could may might shall should
    each per across since than as this these those its their our his her it they there
    now last next this every all over under about into through during while when where
    so such also just only still including among between against them
    after before within without around behind beyond near past via upon until because
    although though if unless whether then once more fewer less other others another""".split()
)
#: Common verbs and time words a proposed name should not be made of.
_NOT_NAMES = frozenset("fell rose grew went said says year years month months week weeks".split())
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")
#: "a year" is a rate after a count ("8,000 students a year"), not in "a year earlier" or
#: "within a year".
_A_TIME = (
    r"(?<!\bin\s)(?<!\bfor\s)(?<!\bwithin\s)(?<!\bthan\s)(?<!\bhalf\s)(?<!\bover\s)"
    r"a\s+{unit}(?!\s+(?:ago|earlier|later|before|after|on|in|of)\b)"
)
#: A stretch of time counted back or on from the telling: "over the next three years".
_STRETCH = (
    r"\b(?:over|in|within|during|for)\s+the\s+(?:next|past|last|coming|previous|following)"
    r"\s+(?:[\w-]+\s+)?(?:years?|months?|weeks?|decades?)\b"
)
_PERIODS = re.compile(
    r"(?P<span>\b(?:from|between)\s+(?P<first>(?:18|19|20)\d\d)\s+(?:to|through|until|and)\s+"
    r"(?P<last>(?:18|19|20)\d\d)\b)"
    # 2021-2025, and a school or financial year: 2023/24, 2030-31
    r"|(?P<range>\b(?:18|19|20)\d\d\s*[-\u2013/]\s*(?:(?:18|19|20)\d\d|\d\d)\b)"
    r"|(?P<word>\b(?:in|since|by|from|until|before|after|through|during|on)\s+"
    r"(?:the\s+end\s+of\s+)?)?(?P<year>\b(?:18|19|20)\d\d\b)(?!\s*[-\u2013/]\s*\d)"
    r"|(?P<rate>\b(?:annually|yearly|monthly|weekly|daily"
    r"|(?:each|every|per)\s+(?:(?:school|working|academic)\s+)?(?:year|month|week|day|term|semester)|"
    + _A_TIME.format(unit="(?:year|month|week|day|term|semester)")
    + r")\b)"
    r"|(?P<relative>\b(?:last|this|next)\s+(?:year|month|week|term|semester|season|quarter)\b"
    r"|\bthe\s+current\s+year\b)"
    r"|(?P<stretch>" + _STRETCH + ")",
    re.IGNORECASE,
)
#: Before a year: what makes it the base a change is measured from ("up 46 percent on
#: 2021"), or the start of a name ("its 2022-2026 Library Strategy").
_BASE_BEFORE = re.compile(r"\b(?:than(?:\s+in)?|compared\s+(?:with|to)|against)\s+$", re.I)
#: A year that ends a printed date ("on January 9, 2026") dates the telling, not the figure.
_DATE_BEFORE = re.compile(r"\b[A-Z][a-z]+\.?\s+\d{1,2},?\s+\Z")
_NAME_BEFORE = re.compile(r"\b(?:the|its|their|our|his|her|a|this|that)\s+$", re.I)
_SENTENCE_END = re.compile(r"[.!?][\"\u201d\u2019)]?\s+(?=[A-Z0-9\u201c\"\u2018])")
#: Where a clause ends: a comma, semicolon, colon, dash or bracket with a space by it
#: (not "1,234" or "2021-2025"), or a sentence end.
_CLAUSE_BREAK = re.compile(
    r"[,;:)]\s+|\s+[\u2014\u2013(-]\s*|\u2014|[.!?][\"\u201d\u2019)]?\s+(?=[A-Z0-9\u201c\"\u2018])"
)


def unit_of(text: str, found: Found) -> str:
    """The counted noun after the figure ("37 branch libraries" -> "branch libraries");
    "percent" for a percentage or share; the currency of a sign; else a noun before it;
    with what it is per when the article says ("8 yuan per meal" -> "yuan per meal")."""
    unit = _unit_of(text, found)
    if unit == "percent":
        return unit
    after = text[found.end :].lstrip()
    if after.lower().startswith(unit.lower()):
        after = after[len(unit) :]
    per = re.match(r"\s*per\s+([a-z][a-z-]*)\b", after)
    if per is not None and per[1] not in _TIME_WORDS and per[1] not in ("cent", "capita"):
        return f"{unit} per {per[1]}"
    return unit


def _unit_of(text: str, found: Found) -> str:  # noqa: PLR0911 - one return per place the noun may stand
    if found.figure.percent:
        return "percent"
    after = text[found.end :]
    # "148 are qualified librarians": the noun the figure is said to be
    after = re.sub(r"^\s+(?:are|were)\s+(?=[a-z])", " ", after)
    words = _counted_noun(after)
    # "Of the 11 targets, nine were met": the whole named before the part, unless a plural
    # or a currency follows the figure ("Of the funds, 3 million yuan went to ...")
    whole = re.match(
        r"\s*of\s+(?:the|its|their|all)\s+(?:[\d,.]+\s+)?([^,]+),\s*$",
        _sentence_around(text, found)[0],
        re.IGNORECASE,
    )
    of_whole = _counted_noun(" " + whole[1]) if whole is not None else []
    if of_whole and not any(_plural(w.lower()) or w in _CURRENCY_WORDS for w in words):
        return " ".join(of_whole)
    compound = re.match(r"-([a-z]+)\b", after)
    if compound is not None and not words:
        # "a 4,000-seat arena": what the figure counts is joined to it
        return compound[1] if compound[1].endswith("s") else compound[1] + "s"
    if found.figure.currency is not None and (not words or words[-1] not in _CURRENCY_WORDS):
        return CURRENCIES[found.figure.currency]
    if words:
        return " ".join(words)
    # "nine of the 11 targets": the noun after the whole it is part of.
    part_of = re.match(r"\s+of\s+(?:the|its|their|all)\s+(?:[\d,.]+\s+)?(.*)", after)
    if part_of is not None and _counted_noun(" " + part_of[1]):
        return " ".join(_counted_noun(" " + part_of[1]))
    clause = _clause_around(text, found)[0]
    earlier = _compared_with(text, found, clause)
    if earlier is not None:
        return earlier
    subject = _subject_noun(clause)
    if subject:
        return subject
    # "a population of about 1.3 million": what the figure is the size of
    measured = re.search(r"\b([a-z]{4,})\s+of\s+$", clause)
    if measured is not None and measured[1] not in _STOP | _MEASURE_WORDS:
        return measured[1]
    sentence = _sentence_around(text, found)[0]
    for plural_only, part in ((True, clause), (True, sentence), (False, clause), (False, sentence)):
        tokens = _WORD.findall(part)
        nouns = [w for i, w in enumerate(tokens) if _noun_at(tokens, i, plural=plural_only)]
        if nouns:
            # in its own clause the subject (first), in the sentence the nearest (last)
            return str(nouns[0] if part is clause else nouns[-1]).lower()
    return "items"


#: Plurals without an -s ending, and the words that count people or money without one.
_IRREGULAR_PLURALS = frozenset(
    "people children staff personnel men women police feet teeth alumni faculty".split()
)
_CURRENCY_WORDS = frozenset("dollars pounds euros yuan yen".split())
#: Words that say how many, not what: "staff numbers", "the number of members".
_MEASURE_WORDS = frozenset("number numbers total totals count counts figure figures".split())
#: Words ending in -s that are no plural noun.
_NOT_PLURAL = re.compile(
    r"(?:ss|us|is|ous)$|^(?:always|sometimes|perhaps|besides|"
    r"afterwards|towards|whereas|nevertheless|thus|plus|as|its|has|was)$"
)


def _plural(word: str) -> bool:
    """Whether a lower-case word reads as a plural noun: an -s ending that is no -ss, -us,
    -is, -ous ending or adverb, or a plural English makes otherwise ("people", "staff")."""
    return word in _IRREGULAR_PLURALS or (
        len(word) > 3 and word.endswith("s") and _NOT_PLURAL.search(word) is None
    )


#: A tag of inline markup left in plain text ("[bold]", "[/b]", "<em>"): no word of the
#: noun phrase, wherever it stands.
_MARKUP_TAG = re.compile(r"\[/?[A-Za-z][\w ]*(?:=[^\]]*)?\]|</?[A-Za-z][\w-]*\s*/?>")


def _counted_noun(after: str) -> list[str]:
    """The noun phrase right after a figure, up to its head: for a count, the first plural
    ("37 branch libraries", "12,000 pupils *take part*": a verb after a plural noun never
    ends in -s, so a second -s word goes on the phrase: "winter sports programmes"), and
    "and" another plural ("countries and regions"); for a singular, the words up to the
    first small word. The phrase stops at punctuation: a figure's noun is in its clause."""
    words: list[str] = []
    compared = False
    tokens = re.split(r"\s+", _MARKUP_TAG.sub(" ", after).lstrip(), maxsplit=10)[:10]
    for index, token in enumerate(tokens):
        bare = _bare(token)
        lower = bare.lower()
        if not words and lower in ("more", "fewer", "other", "others"):
            compared = True
            continue  # "6 more boats" counts boats; "12 more" alone, what the one before did
        if not _phrase_goes_on(words, bare):
            break
        next_two = tokens[index + 1 : index + 3] if bare == token else []
        if words and _plural(lower) and _takes_object(next_two):
            break  # "colleges *joins a* manufacturer": an -s verb, not a second plural
        words.append(bare)
        if bare != token:
            break  # punctuation after it: the clause ends here
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        if _plural(lower) and following in ("and", "or"):
            rest = _counted_noun(" " + " ".join(tokens[index + 2 :]))
            first = rest[0] if rest else ""
            whole = rest and _plural(rest[-1].lower()) and first.islower()
            if whole and not FIGURE_PATTERN.fullmatch(first):
                words += [following, *rest]
            break
        if len(words) == 6:
            break
    if any(_plural(w.lower()) for w in words):
        # a capitalised plural names something ("the Olympics")
        return words if words[-1][0].islower() else []
    if compared:
        return []
    # a singular head ("one year of free preschool"), or no noun: the first words, short of
    # a verb after them
    words = [w for w in words[:3] if w.islower()]
    money = next((i for i, w in enumerate(words) if w in _CURRENCY_WORDS), None)
    if money is not None:
        return words[: money + 1]  # "3 million yuan went": a currency is the whole noun
    while words and words[-1].endswith(("ed", "ing")):
        words.pop()
    return words


def _bare(token: str) -> str:
    """A token without the punctuation that ends it: "pupils," -> "pupils"; and a word
    with a mark stuck to it ("teachers[1]", "teachers/aides"), which ends it too."""
    bare = token.rstrip(",.;:!?)\u201d\"'\u2019")
    lead = _WORD.match(bare)
    if lead is not None and lead.end() < len(bare) and not bare[lead.end()].isalnum():
        return lead[0].rstrip("'\u2019-")
    return bare


#: Words that open a verb's object: after an -s word they make it a verb ("joins a firm").
_OBJECT_START = frozenset("a an the its their his her our this these those every".split())
#: Words of time: "a year", "this term" after a noun say when, not what it acts on.
_TIME_WORDS = frozenset("year month week day term semester season quarter".split())


def _takes_object(following: Sequence[str]) -> bool:
    """Whether the two tokens after an -s word open an object, so that the word is a verb."""
    if not following or following[0].lower() not in _OBJECT_START:
        return False
    when = len(following) > 1 and following[1].lower().rstrip(",.;:") in _TIME_WORDS
    return not when


def _phrase_goes_on(words: Sequence[str], bare: str) -> bool:
    """Whether a word (its punctuation stripped) goes on the noun phrase `words`."""
    word = _WORD.match(bare)
    lower = bare.lower()
    if word is None or word[0] != bare:
        return False  # a number, a bracket, a quotation
    if lower in _STOP or lower in _MEASURE_WORDS or FIGURE_PATTERN.fullmatch(bare):
        return False  # a small word, or another figure ("4,800 two years ago")
    if bare[0].isupper() and any(w[0].islower() for w in words):
        return False  # a name or a sentence begins
    # after the head noun only another plural: "pupils *take* part", "students *annually*"
    return not any(_plural(w.lower()) for w in words) or _plural(lower)


def _compared_with(text: str, found: Found, clause: str) -> str | None:
    """ "up from 35", "compared with 35": a figure set against the one before it in its
    sentence counts what that one counts."""
    against = re.search(r"\b(?:from|than|with|against)\s+$", clause) or re.match(
        r"\s+(?:more|fewer|less|others?)\b", text[found.end :]
    )
    total = _TOTAL_OF_BEFORE.search(clause)
    before = _sentence_around(text, found)[0] if against or total else clause
    start = found.start - len(before)
    earlier = [f for f in find_figures(before) if f.end < len(before)]
    if not earlier:
        return None
    last = earlier[-1]
    shifted = Found(start + last.start, start + last.end, last.text, last.figure, last.kind)
    unit = unit_of(text, shifted)
    if unit == "percent" and not found.figure.percent:
        return None
    return _head_on(unit) if total and not against else unit


#: "bringing the total to", "raising the number to", "a total of": a total that counts on
#: from a figure before it, not "the number of nurses", which names what it counts.
_TOTAL_OF_BEFORE = re.compile(
    r"\b(?:" + "|".join(sorted(_MEASURE_WORDS)) + r")\b(?!\s+of\s+[A-Za-z])", re.IGNORECASE
)


def _head_on(unit: str) -> str:
    """A unit from its head noun on: a total counts what the figure before it counts, but
    not only the kind its words before the head pick out ("hired 40 new nurses, bringing
    the total to 900": 900 nurses, not all new)."""
    words = unit.split()
    joint = next((i for i, w in enumerate(words) if w in ("and", "or", "per")), len(words))
    return " ".join(words[max(joint - 1, 0) :])


def _subject_noun(clause: str) -> str | None:
    """The counted noun of the clause before a figure with none after it: what "the number
    of" counts, a noun before "numbers" ("staff numbers"), else the clause's first plural
    ("Loans of printed books rose to 7.9 million": loans)."""
    number_of = re.search(r"\bnumbers?\s+of\s+(.*)", clause, re.IGNORECASE)
    if number_of is not None:
        words = _counted_noun(" " + number_of[1])
        if words:
            return " ".join(words)
    numbers = re.search(r"\b([A-Za-z]+)\s+(?:numbers|totals|counts)\b", clause)
    if numbers is not None and numbers[1].lower() not in _STOP:
        return numbers[1].lower()
    tokens = _WORD.findall(clause)
    for index, token in enumerate(tokens):
        lower = token.lower()
        if lower in _MEASURE_WORDS or not _noun_at(tokens, index, plural=True):
            continue
        modifier = tokens[index - 1].lower() if index else ""
        keep = (
            modifier
            and modifier not in _STOP
            and modifier.isalpha()
            and not (modifier.endswith(("ed", "ing", "ly")))
            and not _TIME_WORD.fullmatch(modifier)
            and tokens[index - 1].islower()
        )
        return f"{modifier} {lower}" if keep else lower
    return None


_TIME_WORD = re.compile(TIME_UNIT)
#: After these a word in -s is a verb: "it expects", "which serves".
_SUBJECT_PRONOUNS = frozenset("it he she this that which who what".split())


def _noun_at(tokens: Sequence[str], index: int, *, plural: bool) -> bool:
    """Whether tokens[index] may be the noun a figure counts: a lower-case word (or the
    first, capitalised by the sentence) that is no small word, participle or the verb
    after a pronoun; with `plural`, a plural one."""
    token = tokens[index]
    lower = token.lower()
    if (not token.islower() and index) or lower in _STOP or len(lower) <= 3:
        return False
    if lower == "percent" or _TIME_WORD.fullmatch(lower):
        return False  # a count is no share, and "in three months" dates it
    if lower.endswith(("ed", "ing")) or (index and tokens[index - 1].lower() in _SUBJECT_PRONOUNS):
        return False
    return _plural(lower) or not plural


def period_of(text: str, found: Found) -> str | None:
    """The time a figure refers to: the nearest year or period of its own clause; else one
    of a clause of its sentence that gives no figure of its own ("Each year, ...", "...,
    officials said in 2024"), as a figure's period is never another figure's; else, for
    a change set after a figure ("..., up 46 percent"), that figure's clause's."""
    clauses = _clauses(text, found)
    own = next((i for i, (start, end) in enumerate(clauses) if start <= found.start < end), 0)
    nearest = _nearest_period(text, found, *clauses[own])
    if nearest is not None:
        stretch = re.search(_STRETCH, text[slice(*clauses[own])], re.IGNORECASE)
        if nearest[1].startswith("per ") and stretch is not None:
            # both are the figure's: "3,500 a year over the next three years"
            return f"{nearest[1]} {' '.join(stretch[0].lower().split())}"
        return nearest[1]
    borrowed = [
        near
        for i, (start, end) in enumerate(clauses)
        if i != own and not find_figures(text[start:end])
        for near in [_nearest_period(text, found, start, end)]
        if near is not None
    ]
    if borrowed:
        return min(borrowed)[1]
    if own and re.match(r"(?:up|down)\b", text[clauses[own][0] :], re.IGNORECASE):
        before = clauses[own - 1]
        earlier = find_figures(text[before[0] : before[1]])
        if earlier:
            first = earlier[-1]
            at = before[0]
            shifted = Found(at + first.start, at + first.end, first.text, first.figure, first.kind)
            near = _nearest_period(text, shifted, *before)
            return near[1] if near is not None else None
    return None


def _nearest_period(text: str, found: Found, start: int, end: int) -> tuple[int, str] | None:
    """(distance, period) of the period between `start` and `end` nearest the figure, a
    year that is a change's base or part of a name left out."""
    best: tuple[int, str] | None = None
    for match in _PERIODS.finditer(text, start, end):
        if match["year"] and not match["word"]:
            lead = text[start : match.start()]
            named = _NAME_BEFORE.search(lead) and re.match(r"\s+[A-Z]", text[match.end() :])
            dated = _DATE_BEFORE.search(text, 0, match.start())
            if _BASE_BEFORE.search(lead) or dated or named:
                continue
        if match["rate"] and match["rate"].lower() in ("yearly", "monthly", "weekly", "daily"):
            following = _WORD.match(text[match.end() :].lstrip())
            if following and following[0].islower() and following[0] not in _STOP:
                continue  # an adjective: "weekly lessons" are not the figure's rate
        if match["word"] and match["word"].split()[0].lower() == "on":
            continue  # "up 12 percent on 2023": the base of the change
        named_range = match["range"] and _NAME_BEFORE.search(text[start : match.start()])
        if named_range and re.match(r"\s+[A-Z]", text[match.end() :]):
            continue  # "its 2024-2030 Port Plan"
        if match.start() >= found.end:
            distance = match.start() - found.end
        elif match.end() <= found.start:
            distance = found.start - match.end()
        else:
            continue  # the figure itself ("between 2015 and 2018" aside, no figure holds one)
        candidate = (distance, _period_text(match))
        best = candidate if best is None else min(best, candidate)
    return best


def _clauses(text: str, found: Found) -> list[tuple[int, int]]:
    """The clauses of the figure's sentence, as (start, end) in `text`."""
    before, after = _sentence_around(text, found)
    start, end = found.start - len(before), found.end + len(after)
    spans: list[tuple[int, int]] = []
    at = start
    for cut in _CLAUSE_BREAK.finditer(text, start, end):
        if found.start < cut.end() and cut.start() < found.end:
            continue  # inside the figure ("between 300 and 400" has no break, "1,234" none)
        if cut.start() > at:
            spans.append((at, cut.start()))
        at = cut.end()
    if at < end:
        spans.append((at, end))
    return spans or [(start, end)]


def clause_of(text: str, found: Found) -> str:
    """The figure's clause, the figure included."""
    before, after = _clause_around(text, found)
    return before + found.text + after


def _clause_around(text: str, found: Found) -> tuple[str, str]:
    """The text of the figure's clause before it and after it."""
    for start, end in _clauses(text, found):
        if start <= found.start < end:
            return text[start : found.start], text[found.end : end]
    return "", ""


def _period_text(match: re.Match[str]) -> str:
    if match["span"]:
        return f"{match['first']}-{match['last']}"
    if match["range"]:
        return re.sub(r"\s*([-\u2013/])\s*", lambda m: "/" if m[1] == "/" else "-", match["range"])
    if match["rate"]:
        words = match["rate"].lower().split()
        adverbs = {"annually": "year", "yearly": "year", "monthly": "month", "weekly": "week"}
        adverbs["daily"] = "day"
        # "each school day": "per school day"
        return "per " + (" ".join(words[1:]) if len(words) > 1 else adverbs[words[0]])
    if match["stretch"]:
        return " ".join(match["stretch"].lower().split())
    if match["relative"]:
        return " ".join(match["relative"].lower().split()).replace("the current", "this")
    word = (match["word"] or "").split()
    lead = word[0].lower() if word else ""
    return f"{lead} {match['year']}" if lead in ("since", "by", "from", "until") else match["year"]


def _sentence_around(text: str, found: Found) -> tuple[str, str]:
    """The text of the figure's sentence before it and after it."""
    # The end of the search one past the figure: a sentence end looks ahead at the next
    # sentence's first character, which is the figure's own when it opens its sentence.
    ends = _SENTENCE_END.finditer(text, 0, found.start + 1)
    starts = [m.end() for m in ends if m.end() <= found.start]
    start = starts[-1] if starts else 0
    end_match = _SENTENCE_END.search(text, found.end)
    end = end_match.start() + 1 if end_match else len(text)
    return text[start : found.start], text[found.end : end]


#: "600 of them in rural districts": a part of a whole said before, and where it is.
_PART_WHERE = re.compile(
    r"\s+of\s+(?:them|these|those|which)\s+(?:are\s+|were\s+)?((?:in|at|on|across|outside|inside"
    r"|near|from|for|with|run\s+by|owned\s+by)\s+[^,;.()\u2014]+)"
)


def name_of(text: str, found: Found, unit: str) -> str:
    """A short proposed name: the counted noun; for a percentage what it is a share of
    ("60% of new members": "Share of new members"), or the change or rate it gives."""
    if unit != "percent":
        name = unit[0].upper() + unit[1:]
        # "1,450 schools, 600 of them in rural districts": the part is named by where it is
        part = _PART_WHERE.match(text[found.end :])
        return f"{name} {' '.join(part[1].split())}" if part is not None else name
    after = text[found.end :]
    whole = re.match(
        r"\s+of\s+(?:(?:the|all|its|their|his|her|our|these|those)\s+)?(?:[\d,.]+\s+)?(.*)",
        after,
        re.DOTALL,
    )
    counted = _counted_noun(" " + whole[1]) if whole is not None else []
    if whole is None and found.figure.fraction is not None:
        counted = _counted_noun(after)  # "one in four graduates": a share of graduates
    if counted and _plural(counted[-1].lower()):
        # the noun phrase a unit would be, and no further: "45% of graduates *stay*"
        return "Share of " + " ".join(counted)
    share = re.match(r"\s+of\s+((?:[\w'\u2019-]+[ \t]*){1,4})", after)
    if share is not None:
        words: list[str] = []
        for word in share[1].split():
            if word in _STOP and words:
                break
            if word not in _STOP and word not in _NOT_NAMES:
                words.append(word)
        if words:
            return "Share of " + " ".join(words[:3])
    before = _sentence_around(text, found)[0]
    named = _rate_phrase(before)
    nouns = [
        w
        for w in _WORD.findall(before)
        if w.islower()
        and w not in _STOP
        and w not in _NOT_NAMES
        and len(w) > 3
        and not w.endswith(("ed", "ing", "ly"))
    ]
    change = re.search(r"\b(?:up|down|rose|fell|grew|dropped|increased|decreased|by)\s+$", before)
    if change is not None and (named or nouns):
        return f"Change in {named.lower() if named else nouns[-1]}"
    if named is not None:
        return named
    return f"Rate: {' '.join(nouns[-2:])}" if nouns else "Percentage"


#: Nouns that name a percentage themselves: the phrase they end is the figure's name.
_RATE_NOUN = re.compile(
    r"\b(?:rate|ratio|share|proportion|percentage)\b(?:\s+of\s+([A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)?))?",
    re.I,
)


def _rate_phrase(before: str) -> str | None:
    """The noun phrase before a percentage that ends in a rate noun, as a name: "Its
    preschool enrollment rate reached 91.2%" gives "Preschool enrollment rate" (up to
    three words before the noun, none a function word or a verb in the past)."""
    found = list(_RATE_NOUN.finditer(before))
    if not found:
        return None
    last = found[-1]
    if last[1] is not None:
        # "the share of girls in science": what it is a share of, to the first small word
        of = list(itertools.takewhile(lambda w: w.lower() not in _STOP, last[1].split()))
        phrase = f"{last[0].split()[0]} of {' '.join(of)}" if of else last[0].split()[0]
        return phrase[0].upper() + phrase[1:]
    words = [last[0]]
    for word in reversed(_WORD.findall(before[: last.start()])[-3:]):
        lowered = word.lower()
        if lowered in _STOP or lowered in _NOT_NAMES or lowered.endswith(("ed", "'s", "\u2019s")):
            break  # a function word, a verb, or a possessive name ("Kunming's") ends it
        words.insert(0, word)
    phrase = " ".join(words)
    return phrase[0].upper() + phrase[1:]


def slugify(text: str) -> str:
    """Lower-case letters and digits joined by single hyphens: an id of the schema."""
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))


def unique_id(name: str, taken: set[str]) -> str:
    """A slug of `name` that no other record of the draft has ("visits", "visits-2")."""
    base = slugify(name)[:40].strip("-") or "figure"
    ident, count = base, 1
    while ident in taken:
        count += 1
        ident = f"{base}-{count}"
    taken.add(ident)
    return ident
