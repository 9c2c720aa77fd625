"""A purpose the question gives for coming or going that its answer's record does not say.

"How many foreign students come *to work* in Chongqing": the infinitive after a verb of
coming or going says what for; the record counts students who come to study, and no
count of foreign workers is in the article. So does one after a verb of sending or paying
for someone ("how many scholars does the city pay *to teach* abroad": it pays them to
study). A purpose the record says ("come *to study*") or a place gone to ("come *to
Chongqing*", "go *to the* UK", "go *to university*") asks nothing more of it.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from functools import cache

from cqedu.core.text import stem

#: Verbs of coming and going, after which "to" and a verb give a purpose (a closed set
#: of English motion verbs), matched by Snowball stem.
_MOTION = "come go move travel relocate flock head".split()
#: Verbs of sending or paying for someone to go, after which "to" gives a purpose too.
_SENDING = "send pay fund sponsor finance".split()
#: Words after "to" that open a place or a group gone to ("go *to the* UK"), no purpose.
_OPENING = frozenset("the a an this that these those its their his her our your my".split())


@cache
def _motion(sending: bool) -> frozenset[str]:
    # worked out on first use: the stemmer loads only for a question holding "to"
    return frozenset(stem(w) for w in [*_MOTION, *(_SENDING if sending else ())])


def _moving(token: str, lemmas: Callable[[str], Sequence[str]], *, sending: bool = True) -> bool:
    """Whether a word is a form of a verb of coming or going ("came": "come"), or with
    `sending` of sending or paying for someone."""
    motion = _motion(sending)
    return stem(token) in motion or any(stem(lemma) in motion for lemma in lemmas(token))


def goes_to(tokens: Sequence[str], position: int, lemmas: Callable[[str], Sequence[str]]) -> bool:
    """Whether the word at `position` is a verb of coming or going followed by "to"
    ("principals *go* to NTU", "*head* to Singapore"): a going, no other quantity; where
    to is weighed as any other word, and a purpose by `unsaid_purpose`."""
    return tokens[position + 1 : position + 2] == ("to",) and _moving(
        tokens[position], lemmas, sending=False
    )


def unsaid_purpose(
    tokens: Sequence[str],
    typed: Sequence[str],
    said: Callable[[str], bool],
    places: Collection[str],
    *,
    lemmas: Callable[[str], Sequence[str]],
    levels: Collection[int] = (),
) -> range | None:
    """The positions from the verb of coming or going to the first "to ..." after it
    that the record does not say (`said`), a purpose the record does not give
    ("come to work"); None when every one is said, a place (`places`), a name or an
    education level gone to (at `levels`: "go to university")."""
    if "to" not in tokens:
        return None
    for start, token in enumerate(tokens):
        # "a lesson on Go": a word typed capitalised mid-question is a name
        if (start and typed[start][:1].isupper()) or not _moving(token, lemmas):
            continue
        for at in range(start + 1, len(tokens) - 1):
            if tokens[at] != "to":
                continue
            aim = tokens[at + 1]
            if not aim.isalpha() or aim in _OPENING or aim in places or at + 1 in levels:
                continue
            if typed[at + 1][:1].isupper() or said(aim):
                continue
            return range(start, at + 2)
    return None
