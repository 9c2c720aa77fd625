"""Step 3, a check of its own: a comparison between places needs each place's figure.

"Which city has more teachers", "does Chongqing have more teachers than Chengdu": a source
gives its own place's figures, so the comparison is answered only when two or more
sources give the figure (each, the larger first), and refused otherwise, never by a
record that happens to mention "city".
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from cqedu.ask.reading import DETERMINERS, Reading, place_name, source_places
from cqedu.core.errors import NoMatchError
from cqedu.query.wording import FIGURE

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
#: Comparative and superlative words of quantity and size, with their direction.
_MORE = frozenset(
    "more most higher highest larger largest bigger biggest greater greatest better best".split()
)
_LESS = frozenset("fewer fewest less least lower lowest smaller smallest worse worst".split())
_LEADS = frozenset({"which", "what"})


def compared(kb: KnowledgeBase, lexicon: Lexicon, reading: Reading) -> Answer | None:
    """The answer to a comparison between places, or None when the question is none;
    NoMatchError when the sources do not give each place's figure."""
    tokens = reading.tokens
    direction = [i for i, t in enumerate(tokens) if t in _MORE | _LESS]
    if not direction:
        return None
    at = direction[0]
    if tokens[at + 1 : at + 2] == ("than",) and _number_follows(tokens, at + 2):
        return None  # "more than 70 countries": a figure's qualifier
    places = source_places(kb.sources)
    asked = _places_asked(tokens, at)
    other = _than(tokens, at, set(places), lexicon.known)
    if not asked and other is None:
        _of_two(kb, reading, at)
        return None
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


#: How far "than" may follow its comparative ("more *schools* than", "higher than").
_THAN_WITHIN = 4
_LINKING = frozenset({"is", "are", "was", "were", "s"})


def _of_two(kb: KnowledgeBase, reading: Reading, at: int) -> None:
    """Refuse a comparison of two things ("more schools than universities", "which is
    higher, A or B"): the article states none, and one figure is no answer to it. A
    comparative that names a level ("higher education") or asks a change ("how many
    more") is none."""
    tokens = reading.tokens
    if reading.change or at in reading.level_positions or tokens[at] not in _COMPARATIVE:
        return
    than = "than" in tokens[at + 1 : at + 1 + _THAN_WITHIN]
    # "which is higher, A or B", "which rate is bigger: A or B"
    either = "or" in tokens[at + 1 :] and at > 0 and tokens[at - 1] in _LINKING
    if than or either:
        raise NoMatchError(
            f"the {_texts(kb)} no comparison of these; ask for each figure on its own"
        )


def _number_follows(tokens: tuple[str, ...], at: int) -> bool:
    return at < len(tokens) and (tokens[at].isdigit() or tokens[at] in ("one", "two", "a"))


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
    larger = reading.tokens[at] in _MORE
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
