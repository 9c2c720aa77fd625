"""A question asked in two: one that asks whether something holds of one thing, then a
bare which- or what-question that asks the whole list of its kind ("In Spain there is
cooperation vocational with Chongqing? Which are the countries that are named?", "Do the
programs cover robotics? Which fields?").

The second says nothing of its own but the kind it lists ("countries", "fields"): what it
lists is what the first is about. It is asked as the second's words followed by the
first's, without the one country the first asks about when the second lists countries (a
country named in it would narrow the list to itself). Loaded only for a question with a
question mark before its end (`question.ask`).
"""

from __future__ import annotations

import re
from collections.abc import Collection

from cqedu.ask.language import function_words
from cqedu.core.text import normalise_phrase, stem, words

#: The words that open a question asking a list ("*which* fields", "*what* are the ...").
_LISTING = frozenset({"which", "what"})
#: The most words of content (no function word) a follow-up says after its first word: the
#: kind it lists and a verb of naming ("the countries that are *named*").
_FOLLOW_UP_WORDS = 2
#: What the facts files' `[[countries]]` table declares: countries and regions.
_COUNTRY_NOUNS = frozenset({"country", "region"})


def followed_up(question: str, countries: Collection[str], nations: Collection[str]) -> str | None:
    """The one question a yes-no question and a bare list question after it ask, or None.
    `countries` are the declared countries' names and aliases, `nations` the words that
    may name the kind ("nations" declared for countries)."""
    sentences = [s.strip() for s in re.split(r"(?<=\?)\s+", question.strip()) if s.strip()]
    if len(sentences) != 2 or not all(s.endswith("?") for s in sentences):
        return None
    first, second = sentences
    opening, asked = words(first), words(second)
    if not opening or not asked or opening[0] in _LISTING or asked[0] not in _LISTING:
        return None
    small = function_words()
    content = [w for w in asked[1:] if w not in small]
    if not content or len(content) > _FOLLOW_UP_WORDS:
        return None
    kind = stem(content[0])
    if kind in {stem(n) for n in (*_COUNTRY_NOUNS, *nations)}:
        first = _without(first, countries)
    # the first's opening word, capitalised as a sentence's, is none of a name inside
    lead, _, rest = first.partition(" ")
    if lead.lower() in small:
        first = f"{lead.lower()} {rest}"
    return f"{second.rstrip('?').rstrip()} {first}"


def _without(text: str, names: Collection[str]) -> str:
    """`text` without any of `names` typed in it as whole words, in any case."""
    for name in sorted(names, key=len, reverse=True):
        said = normalise_phrase(name)
        if said:
            text = re.sub(rf"(?i)(?<!\w){re.escape(said)}(?!\w)", " ", text)
    return " ".join(text.split())
