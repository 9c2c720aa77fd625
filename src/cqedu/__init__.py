"""cqedu: query the facts of a report on Chongqing's education system."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cqedu._version import __version__
from cqedu.core.errors import CqeduError, FactsError, NoMatchError, QueryError
from cqedu.facts.model import Country, Fact, FactsDocument, Level, SearchHit, Source
from cqedu.knowledge import KnowledgeBase, bundled_facts_path, from_document, load

if TYPE_CHECKING:
    from cqedu.ask.question import Answer

__all__ = [
    "Answer",
    "Country",
    "CqeduError",
    "Fact",
    "FactsDocument",
    "FactsError",
    "KnowledgeBase",
    "Level",
    "NoMatchError",
    "QueryError",
    "SearchHit",
    "Source",
    "__version__",
    "bundled_facts_path",
    "from_document",
    "load",
]


def __getattr__(name: str) -> Any:
    # Answer is public, but the question logic is imported only by a run that asks
    # (start-up of every other command stays as it is).
    if name == "Answer":
        from cqedu.ask.question import Answer

        return Answer
    raise AttributeError(f"module 'cqedu' has no attribute {name!r}")
