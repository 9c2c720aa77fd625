"""Drafting a facts file from an article: split it into sections and paragraphs
(`text`), find its figures (`find`), propose units, names and periods (`name`), and
write the facts file with its review marks (`write`). `inputs` checks what draft is given."""

from __future__ import annotations

from collections.abc import Mapping, Sequence, Set
from pathlib import Path

from cqedu.core.errors import NoMatchError, QueryError
from cqedu.facts.draft.html import article_markup
from cqedu.facts.draft.inputs import check_date, check_readable, check_source_id
from cqedu.facts.draft.text import read_article
from cqedu.facts.draft.write import count_records, draft_facts
from cqedu.facts.model import Level


def draft_file(
    path: Path,
    source_id: str | None = None,
    date: str | None = None,
    *,
    taken: Set[str] = frozenset(),
    taken_sources: Mapping[str, str] | None = None,
    levels: Sequence[Level] = (),
) -> str:
    """The drafted facts file (TOML text) for the article at `path`: plain text, Markdown, or
    a web page (with the `html` extra).

    `taken` are record ids and `taken_sources` source ids (each with the file that has it)
    of the knowledge base the draft will join: drafted ids avoid them ("schools" taken,
    "schools-2"), so the new file loads beside the others. `levels` are that knowledge
    base's: the draft declares those the article names.

    QueryError (exit 2) when `source_id` / `date` are not a slug / "YYYY-MM-DD" or
    `source_id` is taken, when the file cannot be read (see `article_markup`), is empty,
    holds a headline alone, or is not written in the Latin alphabet. NoMatchError (exit 1)
    when the article prints no figure and no date: there would be nothing to draft.
    """
    sources = taken_sources or {}
    if source_id is not None:
        check_source_id(source_id)
        if source_id in sources:
            raise QueryError(
                f'--id "{source_id}" is the id of a source in {sources[source_id]}; '
                "give the new article another --id"
            )
    if date is not None:
        check_date(date)
    text = article_markup(path)
    article = read_article(text)
    check_readable(path, text, article)
    if count_records(article) == 0:
        raise NoMatchError(
            f"{path}: no figure and no date in its {len(article.paragraphs)} "
            f"paragraph{'s' if len(article.paragraphs) != 1 else ''}, so nothing to draft; "
            'a figure is a number as news prints it ("over 8,000", "93.5%", "a third")'
        )
    return draft_facts(
        article,
        path.name,
        source_id,
        date,
        taken=taken,
        taken_sources=set(sources),
        levels=levels,
    )
