"""Drafting a facts file from an article: split it into sections and paragraphs
(`text`), find its figures (`find`), propose units, names and periods (`name`), and
write the facts file with its review marks (`write`)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from cqedu.core.errors import QueryError
from cqedu.facts.draft.html import article_markup
from cqedu.facts.draft.text import read_article
from cqedu.facts.draft.write import draft_facts

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _calendar_date(text: str) -> bool:
    """Whether `text` is a day of the calendar written YYYY-MM-DD ("2025-13-40" is not)."""
    if not _ISO_DATE.fullmatch(text):
        return False
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def draft_file(path: Path, source_id: str | None = None, date: str | None = None) -> str:
    """The drafted facts file (TOML text) for the article at `path`: plain text, Markdown, or
    a web page (with the `html` extra).

    QueryError (exit 2) when the file cannot be read (see `article_markup`), holds no
    paragraph, or `source_id` / `date` are not a slug / "YYYY-MM-DD".
    """
    if source_id is not None and not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", source_id):
        raise QueryError(
            f'--id "{source_id}" is not an id: use lowercase letters, digits and single hyphens'
        )
    if date is not None and not _calendar_date(date):
        raise QueryError(f'--date "{date}" is not a date: write it as YYYY-MM-DD')
    text = article_markup(path)
    article = read_article(text)
    if not article.paragraphs:
        raise QueryError(f"{path}: no paragraph of text to draft from")
    return draft_facts(article, path.name, source_id, date)
