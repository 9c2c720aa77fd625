"""Checking a facts file against its article: every `as_written` stands verbatim in the
paragraph it cites, and every figure of the article is held by a record.

The article is read with the draft's reader and its figures found with the draft's finder
(`cqedu.facts.draft`), so `check` counts paragraphs and sees figures as `draft` does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from cqedu.core.errors import QueryError
from cqedu.facts.draft.find import find_figures
from cqedu.facts.draft.html import article_markup
from cqedu.facts.draft.text import ArticleText, Paragraph, read_article
from cqedu.facts.model import Fact, FactsDocument, Source


class ArticleCheck(NamedTuple):
    """What checking one facts file against its articles found."""

    problems: tuple[str, ...]
    """`path:line:column: message` for each as_written not where it is cited."""
    warnings: tuple[str, ...]
    """`path:line:column: warning: message` for each figure of an article no record holds."""
    skipped: tuple[str, ...]
    """The article files (as sources name them) that were not found."""
    verified: int
    """How many as_written and date_as_written stand where their records cite them."""


def find_article(source: Source, facts_path: Path, articles: Path | None) -> Path | None:
    """The source's article file: the file itself when it is given as an absolute path
    that exists, else its name under `articles` when given and there, else next to the
    facts file; None when none holds it."""
    given = Path(source.file)
    if given.is_absolute() and given.is_file():
        return given
    name = given.name
    for folder in (articles, facts_path.parent):
        if folder is not None and (folder / name).is_file():
            return folder / name
    return None


def check_against_articles(
    label: str, text: str, document: FactsDocument, articles: Path | None
) -> ArticleCheck:
    """Check the records of `document` (read from the file `label`, whose TOML is `text`)
    against the article of each of its sources."""
    problems: list[str] = []
    warnings: list[str] = []
    skipped: list[str] = []
    verified = 0
    for source in document.sources:
        if not source.file.strip():
            continue  # no file named: the file's own problem, which check reports
        path = find_article(source, Path(label), articles)
        if path is None:
            skipped.append(source.file)
            continue
        try:
            article = read_article(article_markup(path))
        except QueryError as error:
            line, column = _position(text, "file", _table_span(text, "sources", source.id))
            problems.append(f"{label}:{line}:{column}: {error}")
            continue
        facts = [f for f in document.facts if f.source == source.id]
        held = _held_spans(facts, article)
        for fact in facts:
            for field in ("as_written", "date_as_written"):
                message = _misplaced(fact, field, article)
                verified += message is None and getattr(fact, field) is not None
                if message is not None:
                    span = _table_span(text, None, fact.id)
                    line, column = _position(text, field, span)
                    problems.append(f"{label}:{line}:{column}: {message}")
        line, column = _position(text, "file", _table_span(text, "sources", source.id))
        for paragraph in article.paragraphs:
            for found in find_figures(paragraph.text):
                spans = held.get((paragraph.section, paragraph.number), [])
                if not any(start < found.end and found.start < end for start, end in spans):
                    warnings.append(
                        f'{label}:{line}:{column}: warning: "{found.text}" in paragraph '
                        f'{paragraph.number} of "{paragraph.section}" is a figure of '
                        f"{source.file} that no record holds"
                    )
    return ArticleCheck(tuple(problems), tuple(warnings), tuple(skipped), verified)


def _occurrences(written: str, text: str) -> list[tuple[int, int]]:
    """Where `written` stands in `text` verbatim, not inside a longer word or number."""
    pattern = re.compile(r"(?<![\w.,])" + re.escape(written) + r"(?![\w%]|[.,]\d)")
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def _held_spans(
    facts: Sequence[Fact], article: ArticleText
) -> dict[tuple[str, int], list[tuple[int, int]]]:
    """For each paragraph, the stretches of text that records cite there."""
    held: dict[tuple[str, int], list[tuple[int, int]]] = {}
    for fact in facts:
        paragraph = article.paragraph(fact.section, fact.paragraph)
        for written in (fact.as_written, fact.date_as_written):
            if paragraph is not None and written is not None:
                spans = held.setdefault((paragraph.section, paragraph.number), [])
                spans.extend(_occurrences(written, paragraph.text))
    return held


def _misplaced(fact: Fact, field: str, article: ArticleText) -> str | None:
    """Why `fact`'s `field` is not in the paragraph it cites, or None when it is."""
    written = getattr(fact, field)
    if written is None:
        return None
    cited = article.paragraph(fact.section, fact.paragraph)
    if cited is not None and _occurrences(written, cited.text):
        return None
    elsewhere = [p for p in article.paragraphs if _occurrences(written, p.text)]
    where = f'{field} "{written}" is not in paragraph {fact.paragraph} of "{fact.section}"'
    if fact.section not in article.sections:
        where += " (the article has no such heading"
        where += f"; it is in {_places(elsewhere, None)})" if elsewhere else ")"
        return where
    if not elsewhere:
        return where + " (it is nowhere in the article)"
    return f"{where} (it is in {_places(elsewhere, fact.section)})"


def _places(paragraphs: Sequence[Paragraph], section: str | None) -> str:
    """ "paragraph 3", "paragraph 3 of "Other"", or several joined with "and"."""
    named = [
        f"paragraph {p.number}"
        if p.section == section
        else f'paragraph {p.number} of "{p.section}"'
        for p in paragraphs[:3]
    ]
    return " and ".join(named) if len(named) < 3 else ", ".join(named[:-1]) + ", and " + named[-1]


def _table_span(text: str, array: str | None, ident: str) -> tuple[int, int]:
    """The stretch of `text` from the `id = "ident"` line of a table to the next table."""
    where = rf"\[\[{array}\]\][^\[]*?" if array else ""
    match = re.search(
        rf'{where}^[ \t]*id[ \t]*=[ \t]*"{re.escape(ident)}"', text, re.MULTILINE | re.DOTALL
    )
    if match is None:
        return (0, len(text)) if array is None else _table_span(text, None, ident)
    start = text.rfind("\n", 0, match.end()) + 1
    end = re.compile(r"^[ \t]*\[", re.MULTILINE).search(text, match.end())
    return start, end.start() if end else len(text)


def _position(text: str, key: str, span: tuple[int, int]) -> tuple[int, int]:
    """Line and column (from 1) of `key =` within `span` of `text`, else of the span."""
    pattern = re.compile(rf"^[ \t]*{re.escape(key)}[ \t]*=", re.MULTILINE)
    match = pattern.search(text, *span)
    at = match.start() + len(match[0]) - len(match[0].lstrip()) if match else span[0]
    line = text.count("\n", 0, at) + 1
    return line, at - text.rfind("\n", 0, at)
