"""Records described in words: the phrases tables and answers share."""

from __future__ import annotations

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


def _lower_first(name: str) -> str:
    """A name inside a sentence: "Teachers" -> "teachers", "Press conference" -> "press
    conference"; names that are proper nouns ("World Culture Fair", "ESI ...") stay."""
    first, _, rest = name.partition(" ")
    proper = rest[:1].isupper() or not first[1:].islower()
    return name if proper else name[0].lower() + name[1:]


def _same_words(first: str, second: str) -> bool:
    return normalise_phrase(first) == normalise_phrase(second)


def figure_answer(fact: Fact, ascii_only: bool = False) -> str:
    """A figure in words: "over 500,000 teachers (as of 2025; Building ... ¶1)"."""
    name = _lower_first(fact.name)
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


def answer_line(kind: str, named: Sequence[Fact], ascii_only: bool = False) -> str:
    """The one-line answer of `ask`: what the records say, in words, and where.

    `kind` is FIGURE, DATE, WHO, PLACES, COUNTRIES or SUMMARY; `named` are the records
    the answer names, the main one first (several for list questions).
    """
    fact = named[0]
    if kind == FIGURE and fact.as_written is not None:
        return figure_answer(fact, ascii_only)
    if kind == DATE and fact.date_as_written is not None:
        return f"{fact.date_as_written} ({_lower_first(fact.name)}; {where(fact, ascii_only)})"
    if kind == COUNTRIES:
        countries = list(dict.fromkeys(f.country for f in named if f.country))
        return f"{', '.join(countries)} ({provenance(named, ascii_only)})"
    if kind == PLACES:
        if len(named) > 1:
            return f"{', '.join(f.name for f in named)} ({provenance(named, ascii_only)})"
        context = [fact.country] if fact.country else []
        return f"{fact.name} ({'; '.join([*context, where(fact, ascii_only)])})"
    # WHO and SUMMARY: who or what the record is, in our words.
    return f"{fact.name}: {fact.summary} ({where(fact, ascii_only)})"
