"""An article as sections of numbered paragraphs, from plain text or Markdown.

The convention is docs/schema.md's: paragraphs are counted from 1 within a section, photo
captions count, headings and the title do not; text before the first heading is "Opening".
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from cqedu.core.text import blank_escape_sequences
from cqedu.facts.draft.find import MONTHS

OPENING = "Opening"

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_LIST = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_MD_INLINE = (
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # an image: its alt text
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),  # a link: its text
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # strong
    (re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])"), r"\2"),  # emphasis
    (re.compile(r"`([^`]*)`"), r"\1"),  # code
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!>])"), r"\1"),  # escapes
)
_END_PUNCTUATION = tuple('.!?:;,"\u201d\u2019)')
_SMALL_WORDS = frozenset("a an and as at but by for from in into of on or the to with".split())


class Paragraph(NamedTuple):
    """One paragraph as printed (Markdown markup removed), and where it stands."""

    section: str
    number: int
    """Counting from 1 within its section."""
    text: str
    line: int
    """The line of the article file it starts on, from 1."""


class ArticleText(NamedTuple):
    """What `read_article` makes of an article."""

    title: str | None
    """A Markdown title, or a first line that reads as a headline; None when there is none."""
    sections: tuple[str, ...]
    """Headings in order, "Opening" first when text stands before the first heading."""
    paragraphs: tuple[Paragraph, ...]

    def paragraph(self, section: str, number: int) -> Paragraph | None:
        """The paragraph `number` of `section`, or None."""
        return next(
            (p for p in self.paragraphs if p.section == section and p.number == number), None
        )


def is_markdown(text: str) -> bool:
    """Whether the text uses Markdown headings (`# Title`, `## Section`)."""
    return any(_MD_HEADING.match(line) for line in text.splitlines())


def read_article(text: str) -> ArticleText:
    """Split an article into its title, sections and paragraphs (plain text or Markdown)."""
    text = as_shown(text)
    markdown = is_markdown(text)
    blocks = _blocks(text, markdown)
    title: str | None = None
    if blocks and blocks[0][2] is not None:
        levels = [level for _, _, level in blocks if level is not None]
        first = blocks[0][2]
        # A top heading is the title only when it is the one heading of the highest level.
        if len(levels) == 1 or (first == min(levels) and levels.count(first) == 1):
            title = blocks[0][1]
            blocks = blocks[1:]
    sections: list[str] = []
    paragraphs: list[Paragraph] = []
    section, number = OPENING, 0
    for line, block, heading in blocks:
        if heading is not None:
            section, number = block, 0
            sections.append(section)
            continue
        if number == 0 and section == OPENING and OPENING not in sections:
            sections.insert(0, OPENING)
        number += 1
        paragraphs.append(Paragraph(section, number, block, line))
    return ArticleText(title, tuple(sections), tuple(paragraphs))


#: What may hide a character a reader never sees: a control or a format character.
_MAYBE_UNSEEN = re.compile(r"[^\t\n\r\x20-\x7e]")


def as_shown(text: str) -> str:
    """`text` as a reader sees it: terminal escape sequences ("\\x1b[31m"), control
    characters other than spacing, and invisible format characters (marks of direction,
    zero-width spaces, soft hyphens, a byte order mark) taken out. A draft finds its
    figures, units and `as_written` in what is shown ("1\\u200b200" is "1200" on the page),
    and `check` looks for `as_written` in the same text."""
    if _MAYBE_UNSEEN.search(text) is None:
        return text
    # Blanking keeps every other character where it was: what it blanked is the sequence.
    blanked = blank_escape_sequences(text)
    shown = "".join(kept for kept, blank in zip(text, blanked, strict=True) if kept == blank)
    return "".join(
        char for char in shown if char.isspace() or unicodedata.category(char) not in ("Cc", "Cf")
    )


def _blocks(text: str, markdown: bool) -> list[tuple[int, str, int | None]]:
    """(line, text, heading level or None) for each heading and paragraph, in order."""
    lines = text.splitlines()
    wrapped = markdown or (
        any(not line.strip() for line in lines) and all(len(line) <= 100 for line in lines)
    )
    found: list[tuple[int, str, int | None]] = []
    pending: list[str] = []
    start = 0

    def flush() -> None:
        if pending:
            joined = " ".join(part.strip() for part in pending)
            found.append((start, _inline(joined) if markdown else joined, None))
            pending.clear()

    for index, raw in enumerate(lines, start=1):
        line = raw.strip()
        heading = _MD_HEADING.match(line) if markdown else None
        if not line:
            flush()
            continue
        if heading is not None:
            flush()
            found.append((index, _inline(heading[2]), len(heading[1])))
            continue
        if markdown:
            line = line.lstrip("> ").strip() if line.startswith(">") else line
            if _MD_LIST.match(line):
                flush()
                line = _MD_LIST.sub("", line, count=1)
        if not wrapped:
            if not markdown and index > 1 and _looks_like_heading(line):
                found.append((index, line, 2))
            else:
                found.append((index, line, None))
            continue
        if not pending:
            start = index
        pending.append(line)
    flush()
    if not markdown and wrapped:
        # A block of one short title-case line is a heading in hard-wrapped plain text.
        found = [
            (line, block, 2 if _looks_like_heading(block) else None) for line, block, _ in found
        ]
    if not markdown and found and found[0][2] is None and _looks_like_headline(found, lines):
        found[0] = (found[0][0], found[0][1], 1)
    return found


def _inline(text: str) -> str:
    for pattern, replacement in _MD_INLINE:
        text = pattern.sub(replacement, text)
    return text


def _looks_like_headline(found: list[tuple[int, str, int | None]], lines: list[str]) -> bool:
    """Whether the first line is the title: a heading, or a headline in sentence case
    ("Kunming adds teachers") standing alone above a longer paragraph."""
    first = lines[0].strip()
    if _DATE_ALONE.fullmatch(first):
        return False
    if _looks_like_heading(first):
        return True
    words = first.split()
    return (
        found[0][1] == first  # a block of its own, not a wrapped paragraph's first line
        and len(found) > 1
        and found[1][2] is None
        and len(found[1][1].split()) > len(words)
        and 1 < len(words) <= 15
        and first[0].isupper()
        and not first.endswith((*_END_PUNCTUATION, ")", "]"))
        and " - " not in first
    )


#: A line that is a date alone ("May 12, 2025", "Tuesday, 12 May"): the day the article
#: was written, under its headline, and neither a heading nor a headline.
_DATE_ALONE = re.compile(
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:(?:{m})\s+\d{{1,2}}(?:,?\s+\d{{4}})?"
    r"|\d{{1,2}}\s+(?:{m})(?:,?\s+\d{{4}})?)".format(m="|".join(MONTHS))
)


def _looks_like_heading(line: str) -> bool:
    """A short line in title case without closing punctuation: "Funding and Next Steps"."""
    words = line.split()
    if _DATE_ALONE.fullmatch(line.strip()):
        return False
    if not words or len(words) > 12 or line.endswith(_END_PUNCTUATION) or " - " in line:
        return False
    if not line[0].isupper():
        return False
    big = [w for w in words if w.lower() not in _SMALL_WORDS]
    return bool(big) and all(w[0].isupper() or not w[0].isalpha() for w in big)
