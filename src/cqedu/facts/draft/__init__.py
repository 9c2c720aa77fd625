"""Drafting a facts file from an article: split it into sections and paragraphs
(`text`), find its figures (`find`), propose units, names and periods (`name`), and
write the facts file with its review marks (`write`)."""

from __future__ import annotations

import re
from pathlib import Path

from cqedu.core.errors import QueryError
from cqedu.facts.draft.text import read_article
from cqedu.facts.draft.write import draft_facts

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def draft_file(path: Path, source_id: str | None = None, date: str | None = None) -> str:
    """The drafted facts file (TOML text) for the article at `path` (plain text or Markdown).

    QueryError (exit 2) when the file cannot be read, is not UTF-8 text, holds no
    paragraph, or `source_id` / `date` are not a slug / "YYYY-MM-DD".
    """
    if source_id is not None and not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", source_id):
        raise QueryError(
            f'--id "{source_id}" is not an id: use lowercase letters, digits and single hyphens'
        )
    if date is not None and not _ISO_DATE.fullmatch(date):
        raise QueryError(f'--date "{date}" is not a date: write it as YYYY-MM-DD')
    try:
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise QueryError(f"{path}: no such article file") from None
    except IsADirectoryError:
        raise QueryError(f"{path}: is a folder; give one article file") from None
    except UnicodeDecodeError:
        raise QueryError(f"{path}: not UTF-8 text; save the article as UTF-8") from None
    except OSError as error:
        raise QueryError(f"{path}: cannot read the article: {error.strerror}") from None
    article = read_article(text)
    if not article.paragraphs:
        raise QueryError(f"{path}: no paragraph of text to draft from")
    return draft_facts(article, path.name, source_id, date)
