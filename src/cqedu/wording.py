"""Records described in words: the phrases tables and answers share."""

from __future__ import annotations

from cqedu.model import Fact


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
