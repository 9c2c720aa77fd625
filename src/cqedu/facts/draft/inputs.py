"""What `cqedu draft` is given, checked before drafting: the `--id` and `--date` values, and
whether the article holds text the draft can read. Each fault is one line that says what
to do instead (QueryError, exit 2)."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

from cqedu.core.errors import QueryError
from cqedu.facts.draft.find import MONTHS
from cqedu.facts.draft.name import slugify
from cqedu.facts.draft.text import ArticleText

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_ISO_SHAPE = re.compile(r"(\d{4})-(\d{2})-(\d{2})", re.ASCII)  # not full-width digits
_NUMERIC = re.compile(r"(\d{1,4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,4})", re.ASCII)
_MONTH = "|".join(MONTHS) + r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"
_WORDS_DAY_FIRST = re.compile(rf"(\d{{1,2}})\s+({_MONTH})\.?,?\s+(\d{{4}})", re.IGNORECASE)
_DAY_AND_MONTH = re.compile(
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH})|({_MONTH})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?)\.?",
    re.IGNORECASE,
)
_WORDS_MONTH_FIRST = re.compile(rf"({_MONTH})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})", re.IGNORECASE)

#: The draft reads English: an article whose letters are mostly of another script would
#: draft nothing, or figures with the wrong value ("640万" is 6.4 million, not 640).
_SCRIPT_NAMES = {
    "CJK": "Chinese characters",
    "HIRAGANA": "Japanese kana",
    "KATAKANA": "Japanese kana",
    "HANGUL": "Korean hangul",
}


def check_source_id(source_id: str) -> None:
    """QueryError unless `source_id` is a slug; the message offers the slug of the text."""
    if _SLUG.fullmatch(source_id):
        return
    slug = slugify(source_id)
    offer = f', such as "{slug}"' if slug else ""
    raise QueryError(
        f'--id "{source_id}" is not an id: use lowercase letters, digits and single hyphens{offer}'
    )


def check_date(text: str) -> None:
    """QueryError unless `text` is a day of the calendar written YYYY-MM-DD. The message
    says what is wrong: a day the month does not have, or another way of writing a date
    (given back as YYYY-MM-DD when it can only mean one day)."""
    shape = _ISO_SHAPE.fullmatch(text)
    if shape is not None:
        year, month, day = (int(part) for part in shape.groups())
        problem = _impossible(year, month, day)
        if problem is None:
            return
        raise QueryError(f'--date "{text}" is no day of the calendar: {problem}')
    meant = _one_day(text.strip())
    if meant is not None:
        raise QueryError(f'--date "{text}" is not written YYYY-MM-DD; give --date {meant}')
    numeric = _NUMERIC.fullmatch(text.strip())
    if numeric is not None and len(numeric[3]) == 4:
        first, second, year = (int(part) for part in numeric.groups())
        days = sorted({d for d in (_iso(year, first, second), _iso(year, second, first)) if d})
        if len(days) == 2:  # 03/04/2025: either number may be the month
            raise QueryError(
                f'--date "{text}" could be {days[0]} or {days[1]}; write it as YYYY-MM-DD'
            )
    if _DAY_AND_MONTH.fullmatch(text.strip()):
        raise QueryError(f'--date "{text}" has no year; write it as YYYY-MM-DD')
    raise QueryError(f'--date "{text}" is not a date: write it as YYYY-MM-DD')


def _impossible(year: int, month: int, day: int) -> str | None:
    """Why year-month-day is no day of the calendar, or None when it is one."""
    if year < 1:
        return "years start at 0001"
    if not 1 <= month <= 12:
        return f"there is no month {month:02d}"
    try:
        dt.date(year, month, day)
    except ValueError:
        following = dt.date(year + month // 12, month % 12 + 1, 1) if year < 9999 else None
        days = (following - dt.date(year, month, 1)).days if following else 31
        return f"{MONTHS[month - 1]} {year} has {days} days"
    return None


def _one_day(text: str) -> str | None:  # noqa: PLR0911 - one return per way of writing a date
    """`text` as YYYY-MM-DD when it writes one day another way ("2025/10/20", "20 October
    2025", "2025-1-5", "20-10-2025"); None when it is no date, or could be two days
    ("03/04/2025")."""
    numeric = _NUMERIC.fullmatch(text)
    if numeric is not None:
        first, second, third = (int(part) for part in numeric.groups())
        if len(numeric[1]) == 4:
            return _iso(first, second, third)
        if len(numeric[3]) != 4:
            return None
        if first > 12 >= second:  # 20-10-2025: day first
            return _iso(third, second, first)
        if second > 12 >= first:  # 10/20/2025: month first
            return _iso(third, first, second)
        return None  # both could be the month
    words = _WORDS_DAY_FIRST.fullmatch(text)
    if words is not None:
        return _iso(int(words[3]), _month_number(words[2]), int(words[1]))
    words = _WORDS_MONTH_FIRST.fullmatch(text)
    if words is not None:
        return _iso(int(words[3]), _month_number(words[1]), int(words[2]))
    return None


def _month_number(name: str) -> int:
    return next(
        n for n, month in enumerate(MONTHS, 1) if month.lower().startswith(name[:3].lower())
    )


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def check_readable(path: Path, text: str, article: ArticleText) -> None:
    """QueryError when the article gives the draft nothing to read: an empty file, a
    headline alone, or text mostly in a script other than the Latin alphabet."""
    if not text.strip("\ufeff \t\r\n\f\v"):
        raise QueryError(f"{path}: the article file is empty; save the article's text in it")
    if not article.paragraphs:
        headline = f' ("{article.title}")' if article.title else ""
        raise QueryError(
            f"{path}: a headline{headline} but no paragraph to draft from; put the "
            "article's paragraphs under it, one a line or between blank lines"
        )
    script, share = _main_script(" ".join(p.text for p in article.paragraphs))
    if script is not None:
        raise QueryError(
            f"{path}: the article is written in {script} ({share:.0%} of its letters); "
            "cqedu drafts English articles: draft an English version, or write the facts "
            "file by hand (see docs/schema.md)"
        )


def _main_script(text: str) -> tuple[str | None, float]:
    """The script most of the letters of `text` are in, when it is not the Latin alphabet,
    and the share of the letters it has; (None, 0.0) for Latin text or text without letters."""
    letters = [char for char in text if char.isalpha()]
    other = [char for char in letters if ord(char) >= 0x250]  # past Latin Extended-B
    if len(other) * 2 <= len(letters):
        return None, 0.0
    # deferred for start-up: only text in another script is named
    import unicodedata

    scripts = Counter(unicodedata.name(char, "OTHER").split()[0] for char in other)
    # Japanese writes kanji (CJK) among its kana: with kana, the CJK letters are Japanese.
    names = _SCRIPT_NAMES
    if scripts.keys() & {"HIRAGANA", "KATAKANA"}:
        names = {**names, "CJK": "Japanese", "HIRAGANA": "Japanese", "KATAKANA": "Japanese"}
    by_name = Counter[str]()
    for script, count in scripts.items():
        by_name[names.get(script, f"the {script.title()} script")] += count
    named, count = by_name.most_common(1)[0]
    return named, count / len(letters)
