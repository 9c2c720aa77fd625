"""cqedu: query the facts of a report on Chongqing's education system."""

from __future__ import annotations

from cqedu._version import __version__
from cqedu.core.errors import CqeduError, FactsError, NoMatchError, QueryError
from cqedu.facts.model import Country, Fact, FactsDocument, Level, SearchHit, Source
from cqedu.knowledge import KnowledgeBase, bundled_facts_path, from_document, load

__all__ = [
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
