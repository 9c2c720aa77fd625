"""How many results a search found beyond those shown counts only the records it may show."""

from __future__ import annotations

from pathlib import Path

import cqedu
from cqedu.knowledge import KnowledgeBase
from tests.conftest import MINI_FACTS
from tests.test_many_files import second_file_text


def test_more_results_count_only_the_kind_asked_for(mini_kb: KnowledgeBase) -> None:
    everything = mini_kb.search_outcome("school", 1)
    stats = mini_kb.search_outcome("school", 1, kind="stat")
    assert ([h.fact.id for h in everything.hits], everything.more) == (["mini-lion-school"], 4)
    assert ([h.fact.id for h in stats.hits], stats.more) == (["mini-schools"], 1)


def test_more_results_count_only_the_sources_kept(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_bytes(MINI_FACTS.read_bytes())
    (tmp_path / "b.toml").write_text(second_file_text(), encoding="utf-8")
    kb = cqedu.load(tmp_path)
    both, kept = (
        kb.search_outcome("school", 1),
        kb.only_sources(["other"]).search_outcome("school", 1),
    )
    assert ([h.fact.id for h in both.hits], both.more) == (["mini-lion-school"], 9)
    assert ([h.fact.id for h in kept.hits], kept.more) == (["other-lion-school"], 4)
