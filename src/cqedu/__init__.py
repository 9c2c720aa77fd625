"""cqedu: query the facts of a report on Chongqing's education system."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cqedu._version import __version__

if TYPE_CHECKING:
    from cqedu.ask.question import Answer
    from cqedu.core.errors import CqeduError, FactsError, NoMatchError, QueryError
    from cqedu.facts.model import Country, Fact, FactsDocument, Level, SearchHit, Source
    from cqedu.knowledge import KnowledgeBase, bundled_facts_path, from_document, load

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

#: The module each public name comes from. They are imported on first use, not with the
#: package: the command line (`cqedu.__main__`) pauses the cycle collector before its
#: start-up imports, and a package that imported them itself would load them first.
_HOMES = {
    "Answer": "cqedu.ask.question",
    "Country": "cqedu.facts.model",
    "CqeduError": "cqedu.core.errors",
    "Fact": "cqedu.facts.model",
    "FactsDocument": "cqedu.facts.model",
    "FactsError": "cqedu.core.errors",
    "KnowledgeBase": "cqedu.knowledge",
    "Level": "cqedu.facts.model",
    "NoMatchError": "cqedu.core.errors",
    "QueryError": "cqedu.core.errors",
    "SearchHit": "cqedu.facts.model",
    "Source": "cqedu.facts.model",
    "bundled_facts_path": "cqedu.knowledge",
    "from_document": "cqedu.knowledge",
    "load": "cqedu.knowledge",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'cqedu' has no attribute {name!r}")
    value = getattr(__import__(home, fromlist=[name]), name)
    globals()[name] = value  # found directly from now on
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
