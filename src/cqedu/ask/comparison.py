"""Step 3, a check of its own: a comparison between places needs each place's figure.

"Which city has more teachers", "does Chongqing have more teachers than Chengdu": a source
gives its own place's figures, so the comparison is answered only when two or more
sources give the figure (each, the larger first), and refused otherwise, never by a
record that happens to mention "city".

A comparison of two figures of one source ("is the preschool enrollment rate higher than
the high school one", "more scholars than principals") names both records, for the reader
to compare, when the article gives each; a side it lacks (a national average, another
year, a count it never gives) refuses the whole, and so do a share and a count, which no
comparative orders. "Which is higher, A or B" asks for one of the two: when the figures
tell (`ranked_pair`), that one answers, saying what it is higher than, and the other is
related.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from cqedu.ask.cues import LESS, MORE
from cqedu.ask.ranked_pair import comparable, quantity
from cqedu.ask.reading import DETERMINERS, Reading, place_name, source_places
from cqedu.core.errors import NoMatchError
from cqedu.core.text import words
from cqedu.facts.model import Fact
from cqedu.query.wording import FIGURE, counted

if TYPE_CHECKING:
    from cqedu.ask.language import Lexicon
    from cqedu.ask.question import Answer, KnowledgeBase

#: Nouns for the places a question compares ("which *city* has more ..."): English's
#: nouns of settlements and administrative areas, a closed set. A source is about one
#: city or town; no source gives a figure for each district or province. (Countries and
#: regions are partners' fields: "which country sends the most students" is read as
#: partners are.)
_TOWNS = frozenset("city cities town towns municipality municipalities place places".split())
PLACE_NOUNS = _TOWNS | frozenset("province provinces district districts county counties".split())
_LEADS = frozenset({"which", "what"})


def compared(kb: KnowledgeBase, lexicon: Lexicon, reading: Reading) -> Answer | None:
    """The answer to a comparison between places, or None when the question is none;
    NoMatchError when the sources do not give each place's figure."""
    tokens = reading.tokens
    direction = [i for i, t in enumerate(tokens) if t in MORE | LESS]
    if not direction:
        return None
    at = direction[0]
    if tokens[at + 1 : at + 2] == ("than",) and _number_follows(tokens, at + 2):
        return None  # "more than 70 countries": a figure's qualifier
    places = source_places(kb.sources)
    asked = _places_asked(tokens, at)
    other = _than(tokens, at, set(places), lexicon.known)
    if not asked and other is None:
        return _of_two(kb, lexicon, reading, at)
    if asked and asked not in _TOWNS:
        raise NoMatchError(f"the {_texts(kb)} no figure for each {_singular(asked)} to compare")
    rest = [t for t in tokens[at + 1 :] if t != "than" and t not in places]
    if other:  # "than Chengdu": a place no source is about
        raise NoMatchError(f'the {_texts(kb)} no figure for "{other}" to compare with')
    return _each(kb, lexicon, reading, at, rest)


#: Comparatives (not superlatives): "higher than", "which is bigger, A or B".
_COMPARATIVE = frozenset(
    "more higher larger bigger greater better fewer less lower smaller worse".split()
)


_LINKING = frozenset({"is", "are", "was", "were", "s"})


def _of_two(kb: KnowledgeBase, lexicon: Lexicon, reading: Reading, at: int) -> Answer | None:
    """A comparison of two things ("more scholars than principals", "which is higher, A
    or B"): the records of both sides, for the reader to compare, when each side is a
    figure the article gives; refused otherwise ("more schools than universities": one
    figure is no answer to it). A comparative that names a level ("higher education") or
    asks a change ("how many more") is none."""
    tokens = reading.tokens
    # "is the higher education rate higher than ...": the comparative past the level's
    at = next((i for i in range(at, len(tokens)) if _compares(reading, i)), at)
    if reading.change or at in reading.level_positions or tokens[at] not in _COMPARATIVE:
        return None
    than = "than" in tokens[at + 1 :]
    # "which is higher, A or B", "which rate is bigger: A or B"
    either = "or" in tokens[at + 1 :] and at > 0 and tokens[at - 1] in _LINKING
    if not (than or either) or tokens[-1] == "than":
        return None  # "higher than 90%": a figure's claim, checked as a fact-check is
    sides = _sides(reading, at, than=than)
    found = _figures(kb, lexicon, reading, at, sides) if sides else None
    if found is None:
        raise NoMatchError(
            f"the {_texts(kb)} no comparison of these; ask for each figure on its own"
        )
    from cqedu.ask.question import made  # deferred with the question logic
    from cqedu.ask.ranked_pair import ranked

    # "which is higher, A or B" asks for one of them; "is A higher than B" for both
    asks_which = either and not than and any(t in _LEADS for t in tokens[:at])
    pair = ranked(found, tokens[at], _level_words(kb)) if asks_which else None
    if pair is not None:
        # the one asked for, and what it is larger (or smaller) than
        one = made(reading.question, FIGURE, [pair[0]], [pair[1]], limit=1)
        other = made(reading.question, FIGURE, [pair[1]], [], limit=0)
        return one._replace(text=f"{one.text}, {tokens[at]} than {other.text}")
    order = {fact_id: n for n, fact_id in enumerate(kb.ids())}
    named = sorted(found, key=lambda fact: order[fact.id])
    return made(reading.question, FIGURE, named, [], limit=0)


def _level_words(kb: KnowledgeBase) -> dict[str, frozenset[str]]:
    """Each education level's words, of its name and its aliases."""
    return {
        level.id: frozenset(words(" ".join([level.name, *level.aliases]))) for level in kb.levels
    }


def _compares(reading: Reading, at: int) -> bool:
    return reading.tokens[at] in _COMPARATIVE and at not in reading.level_positions


#: Words that open a yes-no question or a fact-check before what it compares ("is it
#: true that", "does Chongqing really have").
_OPENING = frozenset("is are was were does do did it true that there really actually".split())
#: Personal pronouns: "than *it* sends principals" names what is compared after its verb.
_PRONOUNS = frozenset("it they he she we you there".split())
#: Words that say what a figure measures, not what it is of ("rate", "share", "number").
_MEASURES = frozenset(
    "rate rates share shares percentage percent proportion number count figure total".split()
)


def _sides(reading: Reading, at: int, *, than: bool) -> tuple[list[str], list[str]] | None:
    """The words typed for each side of a comparison, as a question of its own would
    ask them: "[more] *scholars abroad* than [it sends] *principals to NTU*", "[which is
    higher,] *the preschool* or *the high school enrollment rate*"."""
    tokens, typed = reading.tokens, reading.typed
    if than:
        split = tokens.index("than", at)
        if split == at + 1:  # "is A higher than B": A stands before the comparative
            start = next((i for i, t in enumerate(tokens[:at]) if t not in _OPENING), at)
            first = list(typed[start:at])
        else:  # "more scholars abroad than ...": A follows it
            first = list(typed[at + 1 : split])
        second = list(typed[split + 1 :])
        if len(second) > 1 and second[0].lower() in _PRONOUNS:
            second = second[2:]  # "than it sends principals": the verb's object
    else:
        split = tokens.index("or", at)
        first, second = list(typed[at + 1 : split]), list(typed[split + 1 :])
    if not first or not second:
        return None
    return first, second


def _figures(
    kb: KnowledgeBase,
    lexicon: Lexicon,
    reading: Reading,
    at: int,
    sides: tuple[list[str], list[str]],
) -> list[Fact] | None:
    """Each side's one record of a figure, or None when a side names none, names no more
    than a level ("the preschool rate or the high school rate": which rate?), or the
    two are not figures of one measure (a share and a count)."""
    from cqedu.ask import reading as reading_step

    rates = reading.percent or reading.tokens[at] in _RATES
    asking = "what is" if rates else "how many"
    first, second = sides
    read = [_side(lexicon, side, rates=rates) for side in sides]
    if not _measured(lexicon, read[0]) and _measured(lexicon, read[1]):
        # "the preschool or the high school enrollment rate": what the second side
        # measures is the first's too
        levels = reading_step.level_words(lexicon, read[1].tokens, read[1].typed)
        tail = second[max(levels) - len(asking.split()) + 1 :] if levels else []
        read[0] = reading_step.read(lexicon, f"{asking} {' '.join([*first, *tail])}")
    if not all(_measured(lexicon, r) for r in read):
        return None
    found: list[Fact] = []
    for side in read:
        got = _figure_of(kb, lexicon, side)
        if got is None:
            return None
        found.append(got)
    if len({fact.id for fact in found}) < len(found):
        return None
    one, other = found
    if not comparable(one, other):
        raise NoMatchError(
            f"the {_texts(kb)} {counted(one)} and {counted(other)}: {quantity(one)} and "
            f"{quantity(other)}, which do not compare"
        )
    return found


def _side(lexicon: Lexicon, side: Sequence[str], *, rates: bool) -> Reading:
    """One side read as a question of its own: what share, for a rate or a side that names
    one ("the inclusive preschool coverage" beside "the preschool enrollment rate"), else
    how many."""
    from cqedu.ask import reading as reading_step  # deferred with the question logic

    counted = reading_step.read(lexicon, f"how many {' '.join(side)}")
    if rates or counted.percent:
        return reading_step.read(lexicon, f"what is {' '.join(side)}")
    return counted


def _figure_of(kb: KnowledgeBase, lexicon: Lexicon, side: Reading) -> Fact | None:
    """The one record of a figure a side asks for, asked as a count and then as a share
    ("the inclusive preschool coverage": a share, though "larger" asks it), or None."""
    from cqedu.ask import checks  # deferred with the question logic
    from cqedu.ask import reading as reading_step

    typed = side.question.split(maxsplit=2)[2:]
    asked = [side]
    if typed and not side.percent:
        asked.append(reading_step.read(lexicon, f"what percentage is {typed[0]}"))
    for each in asked:
        try:
            got = checks.answer(kb, lexicon, each)
        except NoMatchError:
            continue
        if got.kind == FIGURE and len(got.named) == 1:
            return got.record
    return None


#: Comparatives of a rate's size ("higher", "lower"); "more" and "fewer" compare counts.
_RATES = frozenset({"higher", "lower"})


def _measured(lexicon: Lexicon, side: Reading) -> bool:
    """Whether a side names what its figure measures, beyond a level and a measure word."""
    from cqedu.ask.reading import level_words  # deferred with the question logic

    levels = level_words(lexicon, side.tokens, side.typed)
    return any(i not in levels and side.tokens[i] not in _MEASURES for i in side.subject)


def _number_follows(tokens: tuple[str, ...], at: int) -> bool:
    # "fewer than half": a fraction is a figure too
    return at < len(tokens) and (tokens[at].isdigit() or tokens[at] in ("one", "two", "a", "half"))


def _places_asked(tokens: tuple[str, ...], at: int) -> str:
    """The place noun "which" or "what" asks before the comparative ("which *city*"), or ""."""
    lead = next((i for i, t in enumerate(tokens[:at]) if t in _LEADS), None)
    if lead is None:
        return ""
    after = [t for t in tokens[lead + 1 : at] if t not in DETERMINERS]
    return after[0] if after and after[0] in PLACE_NOUNS else ""


def _singular(noun: str) -> str:
    if noun.endswith("ies"):
        return f"{noun[:-3]}y"
    return noun[:-1] if noun.endswith("s") else noun


def _than(tokens: tuple[str, ...], at: int, places: set[str], known: Collection[str]) -> str | None:
    """The word after "than" when it is a name the records never use ("than Chengdu"),
    "" for a source's own place, None for any other ("than before", "than students")."""
    if "than" not in tokens[at:]:
        return None
    after = [t for t in tokens[tokens.index("than", at) + 1 :] if t not in DETERMINERS]
    if not after:
        return None
    if after[0] in places:
        return ""
    from cqedu.ask.language import function_words  # cached list

    word = after[0]
    return None if word in function_words() or word in known else word


def _texts(kb: KnowledgeBase) -> str:
    return "sources give" if len(kb.sources) > 1 else "article gives"


def _each(
    kb: KnowledgeBase, lexicon: Lexicon, reading: Reading, at: int, rest: list[str]
) -> Answer:
    """Each source's figure of what is compared, the larger (or smaller) first."""
    from cqedu.ask import checks  # deferred with the question logic
    from cqedu.ask import reading as reading_step
    from cqedu.ask.question import made

    if not rest:
        raise NoMatchError(f"the {_texts(kb)} no figure to compare places by; name one")
    noun = " ".join(rest)
    asking = "what is the" if reading.percent else "how many"
    try:
        each = checks.answer(kb, lexicon, reading_step.read(lexicon, f"{asking} {noun}"))
    except NoMatchError:
        raise NoMatchError(
            f'the {_texts(kb)} no figure of "{noun}" for each place to compare'
        ) from None
    if each.kind != FIGURE or len(set(each.sources)) < 2:
        alone = place_name(next(s for s in kb.sources if s.id == each.record.source))
        raise NoMatchError(
            f"the {_texts(kb)} {_figure(each)} for {alone} alone, and "
            f"{'compare' if len(kb.sources) > 1 else 'compares'} it with no other place"
        )
    larger = reading.tokens[at] in MORE
    pairs = sorted(
        zip(each.named, each.sources, strict=True),
        key=lambda pair: float(pair[0].value or 0),
        reverse=larger,
    )
    return made(
        reading.question,
        FIGURE,
        [f for f, _ in pairs],
        [],
        sources=[s for _, s in pairs],
        limit=0,
    )


def _figure(answer: Answer) -> str:
    from cqedu.query.wording import counted_when

    return counted_when(answer.record)
