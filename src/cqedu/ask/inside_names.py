"""Step 2, a check of its own: a word a record holds only inside a name is not its subject.

"What is the class size" is not about the "Double First-Class Initiative", nor "world-class
universities": an ordinary English word that a record says only as one piece of a
hyphenated compound or of a capitalised name of several words names that record only when
the question says another piece of it too ("first class universities", "world class").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from cqedu.core.text import word_spans, words
from cqedu.facts.model import Fact

#: How often a word must occur in general English (pyspellchecker's counts) to be an
#: ordinary word: "class" (105,502), "law", "civilization" (9,968) are; "Nanyang",
#: "Leicester" (66) and "Yubei" are the names themselves, whatever piece is typed.
ORDINARY = 5000
#: Small words a capitalised name holds between its capitalised words ("Southwest
#: University *of* Political Science *and* Law").
_LINKS = frozenset({"of", "and", "for", "the", "in", "on", "de", "la"})
#: Links after a name's head noun ("University *of* Leicester").
_OF = frozenset({"of", "for"})
_HYPHENATED = r"[^\W_]+(?:[-\u2010\u2011][^\W_]+)+"
_HYPHENS = "-\u2010\u2011"


def _compounds(text: str) -> Iterator[re.Match[str]]:
    """The hyphenated compounds of a text; a text without a hyphen compiles no pattern
    (its Unicode classes cost a question about 0.2 ms)."""
    if not any(h in text for h in _HYPHENS):
        return iter(())
    return re.finditer(_HYPHENATED, text)


def _pieces(text: str, first_lower: bool) -> list[tuple[frozenset[str], list[str]]]:
    """Each name of several pieces in a text (a hyphenated compound, a run of capitalised
    words) as (its pieces, the words it holds that no one says alone); and every word
    outside them, as a group of its own (no pieces). A text's first word is capitalised as
    a sentence is, so it starts a name only when the next word is capitalised too."""
    spans = list(word_spans(text))
    groups: list[tuple[frozenset[str], list[str]]] = []
    taken: set[int] = set()
    for match in _compounds(text):
        inside = [n for n, (s, e, _) in enumerate(spans) if s >= match.start() and e <= match.end()]
        if len(inside) > 1:
            names = [spans[n][2] for n in inside]
            groups.append((frozenset(names), names))
            taken.update(inside)

    def capital(n: int) -> bool:
        start = spans[n][0]
        if not text[start].isupper():
            return False
        if n == 0 and first_lower:
            return n + 1 < len(spans) and text[spans[1][0]].isupper()
        return True

    n = 0
    while n < len(spans):
        if not capital(n):
            n += 1
            continue
        run = [n]
        m = n + 1
        while m < len(spans):
            if capital(m):
                run.append(m)
                m += 1
            elif spans[m][2] in _LINKS and m + 1 < len(spans) and capital(m + 1):
                m += 1
            else:
                break
        if len(run) > 1:
            # the name's head noun is how English refers back to it ("the commission"
            # for the Municipal Education Commission): that piece is said loose
            head = next((k - 1 for k in range(n, m) if spans[k][2] in _OF), run[-1])
            names = [spans[k][2] for k in run]
            groups.append((frozenset(names), [spans[k][2] for k in run if k != head]))
            taken.update(k for k in run if k != head)
        n = m
    loose = [spans[k][2] for k in range(len(spans)) if k not in taken]
    groups.append((frozenset(), loose))
    return groups


def only_inside_names(fact: Fact, matched: Iterable[str], asked: Sequence[str]) -> bool:
    """Whether the record words `matched` occur in the record (name, summary, keywords)
    only inside names of several pieces none of whose other pieces the question
    (`asked`: its words) says."""
    targets = set(matched)
    if not targets:
        return False
    question = set(asked)
    seen = False
    texts = [(fact.name, True), (fact.summary, True), *((k, False) for k in fact.keywords)]
    for text, sentence in texts:
        if targets.isdisjoint(words(text)):
            continue  # none of them here: the text's names are not worked out
        for pieces, found in _pieces(text, sentence):
            hits = targets.intersection(found)
            if not hits:
                continue
            if not pieces or (pieces - hits) & question:
                return False  # said loose, or the question says more of the name
            seen = True
    return seen


class Ordinary:
    """Whether a word is ordinary English (see ORDINARY), each word looked up once."""

    def __init__(self) -> None:
        self._known: dict[str, bool] = {}

    def __call__(self, word: str) -> bool:
        if word not in self._known:
            # deferred for start-up: only a word a record holds inside a name is looked up
            from cqedu.store.english import english_counts

            count = english_counts([word]).get(word, 0) if word.isalpha() else 0
            self._known[word] = count >= ORDINARY
        return self._known[word]


def compound_pieces(text: str) -> set[str]:
    """The words a text types inside hyphenated compounds ("Chinese-foreign")."""
    return {w for match in _compounds(text) for w in words(match.group())}


def record_words(fact: Fact) -> set[str]:
    """Every word of a record's name, summary and keywords."""
    return set(words(" ".join((fact.name, fact.summary, *fact.keywords))))
