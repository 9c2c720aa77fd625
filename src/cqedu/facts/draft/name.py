"""What a drafted figure counts, what it is called, and what time it refers to: proposals
for a person to confirm, read from the words around the figure."""

from __future__ import annotations

import re

from cqedu.core.units import CURRENCIES
from cqedu.facts.draft.find import Found

_STOP = frozenset(
    """a an the of in on at for to from with by and or but nor that which who whom whose
    were was are is be been being have has had will would can could may might shall should
    each per across since than as this these those its their our his her it they there
    now last next this every all over under about into through during while when where
    so such also just only still including among between against""".split()
)
#: Common verbs and time words a proposed name should not be made of.
_NOT_NAMES = frozenset("fell rose grew went said says year years month months week weeks".split())
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")
_PERIODS = re.compile(
    r"(?P<span>\b(?:from|between)\s+(?P<first>(?:18|19|20)\d\d)\s+(?:to|through|until|and)\s+"
    r"(?P<last>(?:18|19|20)\d\d)\b)"
    # 2021-2025, and a school or financial year: 2023/24, 2030-31
    r"|(?P<range>\b(?:18|19|20)\d\d\s*[-\u2013/]\s*(?:(?:18|19|20)\d\d|\d\d)\b)"
    r"|(?P<word>\b(?:in|since|by|from|until|before|after|through|during|on)\s+"
    r"(?:the\s+end\s+of\s+)?)?(?P<year>\b(?:18|19|20)\d\d\b)(?!\s*[-\u2013/]\s*\d)"
    r"|(?P<yearly>\b(?:annually|each\s+year|every\s+year|a\s+year|per\s+year|a\s+month)\b)"
    r"|(?P<relative>\b(?:last|this|next)\s+year\b|\bthe\s+current\s+year\b)",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?][\"\u201d\u2019)]?\s+(?=[A-Z\u201c\"])")


def unit_of(text: str, found: Found) -> str:
    """The counted noun after the figure ("37 branch libraries" -> "branch libraries");
    "percent" for a percentage or share; the currency of a sign; else a noun before it."""
    if found.figure.percent:
        return "percent"
    words = _words_after(text[found.end :])
    if found.figure.currency is not None and not words:
        return CURRENCIES[found.figure.currency]
    if found.figure.currency is not None and words[0] not in ("dollars", "pounds", "euros"):
        return CURRENCIES[found.figure.currency]
    if words:
        return " ".join(words)
    # "nine of the 11 targets": the noun after the whole it is part of.
    part_of = re.match(r"\s+of\s+(?:the|its|their|all)\s+(?:[\d,.]+\s+)?(.*)", text[found.end :])
    if part_of is not None and _words_after(" " + part_of[1]):
        return " ".join(_words_after(" " + part_of[1]))
    before = _sentence_around(text, found)[0]
    nouns = [w for w in _WORD.findall(before) if w.islower() and w not in _STOP and len(w) > 3]
    plural = [w for w in nouns if w.endswith("s") and not w.endswith("ss")]
    return str((plural or nouns or ["items"])[-1]).lower()


def _words_after(after: str) -> list[str]:
    """Up to three lower-case words after a figure, stopping at punctuation or a small word."""
    words: list[str] = []
    for token in re.split(r"\s+", after.lstrip(), maxsplit=4)[:4]:
        word = _WORD.match(token)
        if word is None or word[0] != token.rstrip(",.;:!?)”\"'") or not word[0].islower():
            if word is not None and word[0].islower() and word[0] not in _STOP and len(words) < 3:
                words.append(word[0])  # the last word before a comma or full stop
            break
        if word[0] in _STOP or len(words) == 3:
            break
        words.append(word[0])
    # A participle after the noun belongs to the verb ("3,150 households commissioned by").
    while len(words) > 1 and words[-1].endswith(("ed", "ing")):
        words.pop()
    return words


def period_of(text: str, found: Found) -> str | None:
    """The time a figure refers to, from the nearest year or period in its sentence."""
    before, after = _sentence_around(text, found)
    best: tuple[int, str] | None = None
    for part, offset in ((before, -len(before)), (after, 0)):
        for match in _PERIODS.finditer(part):
            distance = (
                len(before) - match.end() if offset < 0 else match.start()
            )  # characters between the figure and the period
            candidate = (distance, _period_text(match))
            best = candidate if best is None else min(best, candidate)
    return best[1] if best else None


def _period_text(match: re.Match[str]) -> str:
    if match["span"]:
        return f"{match['first']}-{match['last']}"
    if match["range"]:
        return re.sub(r"\s*([-\u2013/])\s*", lambda m: "/" if m[1] == "/" else "-", match["range"])
    if match["yearly"]:
        return "per year"
    if match["relative"]:
        return " ".join(match["relative"].lower().split()).replace("the current", "this")
    word = (match["word"] or "").split()
    lead = word[0].lower() if word else ""
    return f"{lead} {match['year']}" if lead in ("since", "by", "from", "until") else match["year"]


def _sentence_around(text: str, found: Found) -> tuple[str, str]:
    """The text of the figure's sentence before it and after it."""
    starts = [m.end() for m in _SENTENCE_END.finditer(text, 0, found.start)]
    start = starts[-1] if starts else 0
    end_match = _SENTENCE_END.search(text, found.end)
    end = end_match.start() + 1 if end_match else len(text)
    return text[start : found.start], text[found.end : end]


def name_of(text: str, found: Found, unit: str) -> str:
    """A short proposed name: the counted noun; for a percentage what it is a share of
    ("60% of new members": "Share of new members"), or the change or rate it gives."""
    if unit != "percent":
        return unit[0].upper() + unit[1:]
    after = text[found.end :]
    share = re.match(r"\s+of\s+((?:[\w'\u2019-]+[ \t]*){1,4})", after)
    if share is not None:
        words: list[str] = []
        for word in share[1].split():
            if word in _STOP and words:
                break
            if word not in _STOP and word not in _NOT_NAMES:
                words.append(word)
        if words:
            return "Share of " + " ".join(words[:3])
    before = _sentence_around(text, found)[0]
    nouns = [
        w
        for w in _WORD.findall(before)
        if w.islower()
        and w not in _STOP
        and w not in _NOT_NAMES
        and len(w) > 3
        and not w.endswith(("ed", "ing", "ly"))
    ]
    change = re.search(r"\b(?:up|down|rose|fell|grew|dropped|increased|decreased|by)\s+$", before)
    if change is not None and nouns:
        return f"Change in {nouns[-1]}"
    return f"Rate: {' '.join(nouns[-2:])}" if nouns else "Percentage"


def slugify(text: str) -> str:
    """Lower-case letters and digits joined by single hyphens: an id of the schema."""
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))


def unique_id(name: str, taken: set[str]) -> str:
    """A slug of `name` that no other record of the draft has ("visits", "visits-2")."""
    base = slugify(name)[:40].strip("-") or "figure"
    ident, count = base, 1
    while ident in taken:
        count += 1
        ident = f"{base}-{count}"
    taken.add(ident)
    return ident
