"""Records described in words: the phrases tables and answers share."""

from __future__ import annotations

import re
from collections.abc import Sequence

from cqedu.core.text import normalise_phrase
from cqedu.facts.model import Fact


def figure_text(fact: Fact) -> str:
    """The figure as the article writes it, with its unit unless that is "percent"."""
    if fact.as_written is None:
        return ""
    if fact.unit in (None, "percent"):
        return fact.as_written
    return f"{fact.as_written} {fact.unit}"


def where(fact: Fact, ascii_only: bool = False) -> str:
    """Provenance in short: section heading and paragraph ("Opening ¶2")."""
    mark = "para " if ascii_only else "\u00b6"
    return f"{fact.section} {mark}{fact.paragraph}"


# ---------------------------------------------------------------- answers

#: What an answer gives, as `ask` words it.
FIGURE = "figure"
DATE = "date"
WHO = "who"
PLACES = "partners"
COUNTRIES = "countries"
SUMMARY = "summary"
PLACE = "place"
NAME = "name"


#: Kinds of record whose names are proper nouns whatever their case ("University of
#: Leicester", "Russia").
_NAMED_KINDS = frozenset({"partner", "person", "organization"})


def _lower_first(name: str, fact: Fact | None = None) -> str:
    """A name inside a sentence: "Teachers" -> "teachers", "Press conference" -> "press
    conference"; names that are proper nouns ("World Culture Fair", "ESI ...") stay, and
    so does a first word the record's own summary writes capitalised mid-sentence ("a Go
    world champion": "Go lesson by Li Xuanhao")."""
    first, _, rest = name.partition(" ")
    proper = rest[:1].isupper() or not first[1:].islower()
    if not proper and fact is not None:
        proper = fact.kind in _NAMED_KINDS or _capitalised_within(first, fact.summary)
    return name if proper else name[0].lower() + name[1:]


def _capitalised_within(word: str, text: str) -> bool:
    """Whether `text` writes `word` as typed (capitalised) other than to begin a sentence."""
    # A plain search, as `(?<![\w-])word(?![\w-])` would match (a word character being
    # what `str.isalnum` holds, or "_"): a pattern of its own for each word cost every
    # answer its compiling.
    start = text.find(word) if word else -1
    while start >= 0:
        end = start + len(word)
        if _free(text, start - 1) and _free(text, end):
            before = text[:start].rstrip()
            if before and not before.endswith((".", "!", "?")):
                return True
            start = text.find(word, end)
        else:
            start = text.find(word, start + 1)
    return False


def _free(text: str, at: int) -> bool:
    """Whether position `at` of `text` is outside it or holds no word character nor "-"."""
    if at < 0 or at >= len(text):
        return True
    char = text[at]
    return not (char.isalnum() or char in "_-")


def in_sentence(name: str, fact: Fact | None = None) -> str:
    """A record's name as a sentence says it ("press conference"; see `_lower_first`)."""
    return _lower_first(name, fact)


def _same_words(first: str, second: str) -> bool:
    return normalise_phrase(first) == normalise_phrase(second)


def figure_answer(fact: Fact, ascii_only: bool = False) -> str:
    """A figure in words: "over 500,000 teachers (as of 2025; Building ... ¶1)"."""
    name = _lower_first(fact.name, fact)
    context: list[str] = []
    if fact.unit == "percent":
        main = f"{fact.as_written} {name}"
    else:
        main = figure_text(fact)
        # "Teachers" counted in teachers says no more than the figure does.
        if fact.unit is None or not _same_words(fact.name, fact.unit):
            context.append(name)
    if fact.level and context and fact.level.replace("-", " ") not in name.casefold():
        context.append(fact.level.replace("-", " "))
    if fact.period:
        context.append(fact.period)
    context.append(where(fact, ascii_only))
    return f"{main} ({'; '.join(context)})"


def provenance(facts: Sequence[Fact], ascii_only: bool = False) -> str:
    """Where several records stand, one section at a time: "Opening ¶1, ¶3; ..."."""
    mark = "para " if ascii_only else "\u00b6"
    paragraphs: dict[str, list[int]] = {}
    for fact in facts:
        found = paragraphs.setdefault(fact.section, [])
        if fact.paragraph not in found:
            found.append(fact.paragraph)
    return "; ".join(
        f"{section} {', '.join(f'{mark}{p}' for p in sorted(numbers))}"
        for section, numbers in paragraphs.items()
    )


# Patterns compiled by `re` when first used: only "where" answers need them, and compiling
# both costs every answer's start-up about 0.6 ms.
_PLACE_IN = r"\b(?:in|at) ((?:[A-Z][\w'-]*\s?)+)"
#: An event's venue may be "at a Dadukou District primary school": the last place named.
_VENUE = r"\b(?:in|at) (?:an? )?((?:[A-Z][\w'-]*\s?)+)"


#: A caption's credit in a record's summary: "(photo caption; photo by DENG Nan)".
_CREDIT = r"\bphoto by ([^)]+)\)"


def photo_credit(fact: Fact) -> str | None:
    """Who took the photo a record's summary credits ("Liu Li, Visual Chongqing"), or None."""
    found = re.search(_CREDIT, fact.summary)
    return found.group(1).strip() if found else None


#: Who did what a record's summary says was done: "Platform founded by Chongqing".
_BY_WHOM = r"\b([a-z]+ed|led|run|made|set up) by ([A-Z][\w-]*(?: [A-Z][\w-]*)*)"


def by_whom(fact: Fact) -> tuple[str, str] | None:
    """The verb and the name after it in a summary's "founded by Chongqing" ("founded",
    "Chongqing"), or None; a photo's credit is `photo_credit`."""
    found = re.search(_BY_WHOM, fact.summary)
    return (found.group(1), found.group(2)) if found else None


def place_of(fact: Fact) -> str | None:
    """Where a record is: its country, else a capitalised place its summary puts it "in"
    or "at" ("Yubei District"; for an event the last such place, also after "a": "at a
    Dadukou District primary school"); None when the record does not say. A centre's
    country is the one it works with, not where it stands ("Greece" for a Chinese-Greek
    centre founded by Chongqing): only an institution or a country is in its country."""
    # ... nor is a programme run with a partner abroad ("Joint college with the University
    # of Leicester" is in Chongqing, its partner in the United Kingdom)
    if fact.country and fact.category != "centre" and fact.kind != "program":
        return fact.country
    if fact.kind == "event":
        venues = re.findall(_VENUE, fact.summary)
        return venues[-1].strip() if venues else None
    found = re.search(_PLACE_IN, fact.summary)
    return found.group(1).strip() if found else None


def hosts(event: Fact, tied: Sequence[Fact]) -> list[Fact]:
    """Organizations or partners tied to an event whose summary names it: where it was
    held ("University whose Yubei Campus hosted the World Culture Fair")."""
    name = normalise_phrase(event.name)
    return [
        f
        for f in tied
        if f.kind in ("organization", "partner") and name in normalise_phrase(f.summary)
    ]


def spoken_figure(figure: str) -> str:
    """A figure inside a sentence: "Two" -> "two", "93.5%" as it is."""
    return figure.lower() if figure.isalpha() else figure


def answer_line(
    kind: str, named: Sequence[Fact], ascii_only: bool = False, sources: Sequence[str] = ()
) -> str:
    """The one-line answer of `ask`: what the records say, in words, and where.

    `kind` is FIGURE, DATE, WHO, PLACE, PLACES, COUNTRIES, NAME or SUMMARY; `named` are the
    records the answer names, the main one first (several for list questions). `sources`,
    when several sources are loaded, name whose answer it is ("Chongqing: ..."), one per
    record of `named`; figures of several sources are given each with its own.
    """
    if not sources:
        return _line(kind, named, ascii_only)
    if kind == FIGURE and len(set(sources)) > 1:
        return "; ".join(
            f"{source}: {figure_answer(fact, ascii_only)}"
            for source, fact in zip(sources, named, strict=True)
        )
    return f"{sources[0]}: {_line(kind, named, ascii_only)}"


def _line(kind: str, named: Sequence[Fact], ascii_only: bool) -> str:  # noqa: PLR0911 - one return per answer type
    fact = named[0]
    if kind == FIGURE and fact.as_written is not None:
        if len(named) > 1:
            return "; ".join(figure_answer(f, ascii_only) for f in named)
        return figure_answer(fact, ascii_only)
    if kind == DATE and (fact.date_as_written or fact.period) is not None:
        when = fact.date_as_written or fact.period
        return f"{when} ({_lower_first(fact.name, fact)}; {where(fact, ascii_only)})"
    if kind == PLACE and place_of(fact):
        return f"{place_of(fact)} ({fact.name}; {where(fact, ascii_only)})"
    if kind == COUNTRIES:
        countries = list(dict.fromkeys(f.country for f in named if f.country))
        return f"{', '.join(countries)} ({provenance(named, ascii_only)})"
    if kind in (PLACES, NAME) and len(named) > 1:
        return f"{', '.join(f.name for f in named)} ({provenance(named, ascii_only)})"
    if kind == PLACES:
        context = [fact.country] if fact.country else []
        return f"{fact.name} ({'; '.join([*context, where(fact, ascii_only)])})"
    if kind == WHO and all(photo_credit(f) for f in named):
        # "who took the photo of the fair": the caption's credit, for each photo asked
        return "; ".join(
            f"{photo_credit(f)} (photo: {_lower_first(f.name, f)}; {where(f, ascii_only)})"
            for f in named
        )
    done = by_whom(fact) if kind == WHO and fact.kind not in ("person", "organization") else None
    if done:  # "who founded the centre": the one the summary says did it
        verb, agent = done
        return f"{agent} ({verb} {fact.name}; {where(fact, ascii_only)})"
    # WHO, NAME and SUMMARY: who or what the record is, in our words.
    return f"{fact.name}: {fact.summary} ({where(fact, ascii_only)})"


def counted_list(count: Fact, named: Sequence[Fact], ascii_only: bool = False) -> str:
    """A count of countries and the ones the article names of them: "more than 70
    countries and regions (...); the article names 2: Greece, Spain (...)"."""
    countries = list(dict.fromkeys(f.country for f in named if f.country))
    return (
        f"{figure_answer(count, ascii_only)}; the article names {len(countries)}: "
        f"{', '.join(countries)} ({provenance(named, ascii_only)})"
    )


# ---------------------------------------------------------------- refusals


def counted(fact: Fact) -> str:
    """What a figure counts, in words: "two universities in the Double First-Class
    Initiative", "93.5% preschool enrollment rate"."""
    name = _lower_first(fact.name, fact)
    figure = spoken_figure(fact.as_written or "")
    if fact.unit == "percent" or not fact.unit:
        return f"{figure} {name}"
    unit_words = normalise_phrase(fact.unit)
    if normalise_phrase(name).startswith(unit_words):
        return f"{figure} {name}"
    return f"{figure} {fact.unit} ({name})"


#: Words of a period that say nothing on their own ("per year", "as of 2025").
_PERIOD_LINKS = frozenset({"per", "as", "of", "from", "since", "until", "to"})


def counted_when(fact: Fact) -> str:
    """What a figure counts and when: "200 principals (...) per year"; the period is left
    out when the name already says it ("scholars sponsored ... each year")."""
    said = set(normalise_phrase(fact.name).split())
    period = [w for w in normalise_phrase(fact.period or "").split() if w not in _PERIOD_LINKS]
    if not fact.period or set(period) & said:
        return counted(fact)
    return f"{counted(fact)} {fact.period}"


def not_named(fact: Fact, what: str) -> str:
    """A record of the right subject but not the asked-for type: what it does give."""
    if fact.has_figure:
        return f"the article counts {counted(fact)} but does not name {what}"
    return f"the article mentions {fact.name} but does not give {what}"


def no_deed(fact: Fact) -> str:
    """A person's record that says what they are, asked what they did."""
    return (
        f"the article mentions {fact.name} ({fact.summary.rstrip('.')}) "
        f"but does not say what {fact.name} did"
    )


def no_object(fact: Fact, auxiliary: str, verb: str) -> str:
    """A person's (or body's) record that says who they are, asked what they said or did
    ("what did Liu Yanbing emphasize")."""
    return (
        f"the article mentions {fact.name} ({fact.summary.rstrip('.')}) "
        f'but does not say what {fact.name} {auxiliary} "{verb}"'
    )


def passing(fact: Fact, words: str) -> str:
    """A figure whose summary only mentions a word the question asks about."""
    return f'the article gives {counted(fact)}, but no figure for "{words}"'


def part_of(fact: Fact, words: str) -> str:
    """A figure counted across several subject fields, asked about one of them."""
    fields = ", ".join(fact.fields[:-1]) + f" and {fact.fields[-1]}"
    return (
        f"the article counts {counted(fact)} across {fields}, "
        f'but gives no figure for "{words}" alone'
    )


def not_mentioned(words: Sequence[str], place: str, sources: int = 1) -> str:
    """Words the records never use; `place`, what the sources cover ("Chongqing"), follows
    a word typed as a name ("Shanghai"), which may be another place."""
    quoted = " or ".join(f'"{w}"' for w in words)
    named = any(w[:1].isupper() and not w.isupper() for w in words)  # "Shanghai", not "GDP"
    if sources > 1:
        covers = f" (they cover {place})" if place and named else ""
        return f"the sources do not mention {quoted}{covers}"
    covers = f" (it covers {place})" if place and named else ""
    return f"the article does not mention {quoted}{covers}"
