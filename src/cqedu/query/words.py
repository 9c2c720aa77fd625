"""The search index's words of one store, as questions weigh them: vocabulary, frequencies."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from cqedu.facts.model import Fact
from cqedu.store.records import Records

if TYPE_CHECKING:
    from cqedu.store import index
    from cqedu.store.lexicon import StoredLexicon


class IndexWords:
    """The words of a store's FTS5 index, built on first use and read once.

    `vocabulary_cache` is shared with searches of the same store, so the words are read
    from SQLite at most once a run.
    """

    def __init__(self, records: Records, cache_file: Path | None) -> None:
        self.records = records
        """The records of the store whose index this is."""
        self._cache_file = cache_file
        self.vocabulary_cache: index.Vocabulary | None = None

    def index(self) -> ModuleType:
        """The search index module, with this store's index built."""
        # deferred for start-up: a query served from the cache never needs the index
        from cqedu.store import index

        if not index.is_built(self.records.db):
            from cqedu.store import indexing  # deferred: only a store without one builds it

            indexing.build(self.records.db, self._cache_file)
        return index

    def vocabulary(self) -> list[str]:
        """The index's words (numbers aside), sorted: what question words match."""
        index = self.index()
        self.vocabulary_cache = index.vocabulary(self.records.db, self.vocabulary_cache)
        return list(self.vocabulary_cache.words)

    def stored_lexicon(self, depends: str) -> StoredLexicon | None:
        """What questions worked out from this store's words, kept in its cache file for
        the facts files' content and `depends` (`cqedu.store.lexicon`); None when there
        is none, or no cache file."""
        if self._cache_file is None:
            return None
        # deferred for start-up: only questions read it
        from cqedu.store import lexicon

        return lexicon.read(self.records.db, depends)

    def keeps_lexicon(self) -> bool:
        """Whether `keep_lexicon` keeps anything: the store has a cache file."""
        return self._cache_file is not None

    def keep_lexicon(self, depends: str, found: StoredLexicon) -> None:
        """Keep what questions worked out in the cache file, for the next question (not
        without one, nor in a read-only one)."""
        if self._cache_file is not None:
            # deferred for start-up: only questions keep it
            from cqedu.store import lexicon

            lexicon.keep(self.records.db, depends, found)

    def document_frequency(self, words: Iterable[str]) -> dict[str, int]:
        """How many records (of all sources) hold each index word; absent words left out."""
        wanted = list(dict.fromkeys(words))
        return dict(self.index().document_frequency(self.records.db, wanted))

    def records_with(self, words: Iterable[str]) -> list[Fact]:
        """Records of the kept sources that hold any of these index words, in file order."""
        positions = self.index().records_with(self.records.db, list(dict.fromkeys(words)))
        found = self.records.at_positions(positions)
        kept = self.records.only
        return [found[pos] for pos in sorted(found) if kept is None or found[pos].source in kept]
