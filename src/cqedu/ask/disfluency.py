"""Questions as they are spoken: a voice assistant's transcript keeps what speech adds.

Speech fills its pauses ("um", "uh", "er"), opens with an interjection or discourse marker
("hey", "okay so"), hedges a guess ("is it *like* forty", "forty *something*") and trails
off ("how many are there *exactly*", "its own kind of wisdom *or something*"). None of
these says what is asked: each is dropped, so that the words left are the question typed.
A word the records use is never dropped as a filler.
"""

from __future__ import annotations

import re
from collections.abc import Collection

#: A filled pause: a vowel held, closed by "h", "m" or "r" ("um", "uhh", "erm", "hmm", "ah",
#: "mhm"). A pattern of sounds rather than words: speech spells them many ways.
_PAUSE = r"(?:u+h+m*|u+m+|e+r+m*|e+h+|a+h+|h+m+|m+h*m+)"
#: The letters of every filled pause: a word of others is none, with no pattern compiled.
_PAUSE_LETTERS = frozenset("uhmera")
#: Interjections and discourse markers that open an utterance and say nothing of what it
#: asks (English's closed class of them, with "like" as a filler and the asker's asides).
_MARKER = (
    r"(?:hey|hi|hello|oh|ok|okay|alright|all\s+right|yeah|yes|well|so|now|right|like"
    r"|anyway|basically|you\s+know|i\s+mean|i\s+guess|quick\s+question"
    # stance markers, as chat abbreviates them ("tbh", "imo", "btw": `textspeak`)
    r"|honestly|frankly|to\s+be\s+(?:honest|fair)|in\s+my\s+opinion|by\s+the\s+way"
    r"|not\s+gonna\s+lie)"
)
#: The words a run of markers may open with, to look for before its pattern is compiled.
_OPENERS = frozenset(re.findall(r"[a-z]+", _MARKER)) - {"s", "i", "know", "mean", "guess"}
_OPENERS -= {"be", "honest", "fair", "my", "opinion", "the", "way", "gonna", "lie"}
_OPENERS |= {"i"}  # "i mean", "i guess"
#: Words that start the question proper after its opening markers: a question word, an
#: auxiliary or modal of a yes-no question, or a request.
_STARTS = (
    r"(?:how|what|whats|what's|which|who|whom|whose|when|where|why"
    r"|is|are|was|were|do|does|did|has|have|had|can|could|will|would|should"
    r"|tell|give|name|list|show)\b"
)
#: A degree or precision adverb, or an indefinite after "or", that trails a question and
#: hedges the answer it wants ("... *exactly*", "... *or something*", "... *or so*").
_TAIL = (
    r"(?:exactly|precisely|roughly|approximately|more\s+or\s+less"
    r"|give\s+or\s+take|or\s+so|or\s+something(?:\s+like\s+that)?|or\s+whatever"
    r"|or\s+anything|you\s+know|i\s+think|i\s+guess|i\s+mean"
    r"|honestly|frankly|to\s+be\s+(?:honest|fair)|in\s+my\s+opinion|by\s+the\s+way)"
)
#: The words a trailing hedge holds, to look for before its pattern is compiled.
_TAIL_WORDS = frozenset(re.findall(r"[a-z]+", _TAIL)) - {"s", "or", "i", "more", "give", "like"}
# each phrase holds a rarer word too ("something", "know", "honest", "opinion")
_TAIL_WORDS -= {"that", "you", "to", "be", "in", "my", "by", "the", "way"}
#: "even" as chat's focus particle between a question word and its verb ("who *even* is
#: Wu Yingjie"): it stresses the asking, and says nothing of what is asked ("how even are
#: the rates" asks whether they are even, an adjective: not read so).
_EVEN = (
    r"(?i)\b(?P<asking>who|what|where|when|which)\s+even\s+"
    r"(?=(?:is|are|was|were|do|does|did)\b)"
)
#: A guessed figure: a number then "something", "odd" or "ish" ("forty something schools",
#: "40-odd", "40ish"), which says "about" the number.
_ROUGH = r"(?i)\b(?P<figure>\d[\d,.]*)(?:\s*-?\s*(?:something|odd)\b|ish\b)"
#: "like" that hedges what follows: before a figure ("like 40"), or after "is it", "it's",
#: "was there" ("is it *like* 40 schools"), where a preposition would need its object.
_LIKE_BEFORE_FIGURE = r"(?i)\blike\s+(?=(?:about\s+)?\d)"
_LIKE_AFTER_IT = r"(?i)\b(?P<frame>(?:is|was|are|were)\s+(?:it|there|that)|it'?s)\s+like\s+(?=\S)"
#: A guess put as a yes-no question before the question that asks the figure ("is it about
#: 40 special education schools, how many are there"): the guess names what is counted.
_GUESS_FIRST = (
    r"(?is)^\s*(?:is|was|are|were)\s+(?:it|there)\s+(?:about\s+|around\s+|over\s+)?"
    r"\d[\d,.]*\s*(?:%|percent\b)?\s*(?P<noun>[^,?]+?)\s*[,;-]?\s*"
    r"(?P<ask>how\s+(?:many|much))\s+(?P<rest>(?:are|were|is|was|do|does|did|has|have)\b.*)$"
)
#: ... and after it, as a tag ("how many are there, is it about 40?", "what is the rate,
#: like 99 percent?", "..., 98.47 percent right?"): a figure alone, hedged or asked about.
_GUESS_AFTER = (
    r"(?is)^(?P<question>\s*(?:how|what|whats|what's|which|when)\b.*?\S)\s*[,;-]\s*"
    r"(?:(?:is|was)\s+(?:it|that)\s+)?(?:(?:like|about|around|maybe|roughly|approximately)\s+)?"
    # a year after the question sets its time ("how many teachers, in 2019?"), no guess
    r"(?!(?:19|20)\d\d\b)\d[\d,.]*\s*(?:%|percent\b)?"
    r"\s*(?:,?\s*(?:right|yeah|or\s+so)\s*)?(?P<end>[?.!]*)\s*$"
)


def fluent(question: str, known: Collection[str]) -> str:
    """`question` without what speech adds to it: filled pauses, opening interjections
    and markers, hedging "like", trailing hedges, and a guessed figure beside the figure
    asked. `known` are the records' words, which are never dropped ("so" in a name)."""
    # Each pattern is compiled only for a question holding a word it looks for: most
    # questions are typed, and would pay its compiling for nothing.
    typed = question.lower().split()
    if not typed:
        return question
    said_words = {w.strip(",.!?;:") for w in typed}
    said = question
    if any(w and _PAUSE_LETTERS.issuperset(w) and re.fullmatch(_PAUSE, w) for w in said_words):
        said = _without_pauses(said, known)
    first = said.split(maxsplit=1)[:1]
    if first and first[0].lower().strip(",.!?") in _OPENERS:
        said = _without_opening(said, known)
    rough = any(w in said.lower() for w in ("something", "odd", "ish"))
    if rough and re.search(r"(?i)\d\s*-?\s*(?:something|odd|ish)", said):
        said = re.sub(_ROUGH, r"about \g<figure>", said)
    if "like" in said_words:
        said = re.sub(_LIKE_AFTER_IT, r"\g<frame> ", re.sub(_LIKE_BEFORE_FIGURE, "", said))
    if "even" in said_words:
        said = re.sub(_EVEN, r"\g<asking> ", said)
    if not _TAIL_WORDS.isdisjoint(said_words):
        said = _without_tails(said)
    if any(ch.isdigit() for ch in said):
        guess = re.match(_GUESS_FIRST, said)
        if guess:
            said = f"{guess['ask']} {guess['noun']} {guess['rest']}"
        guessed = re.match(_GUESS_AFTER, said)
        if guessed:
            said = f"{guessed['question']}{guessed['end']}"
    return re.sub(r"\s{2,}", " ", said) if said != question else question


def _without_pauses(question: str, known: Collection[str]) -> str:
    """The question without its filled pauses, and the comma or dots that set one off."""

    def dropped(found: re.Match[str]) -> str:
        return found[0] if found["pause"].lower() in known else " "

    return re.sub(
        rf"(?i)(?:^|(?<=[\s,.]))(?P<pause>{_PAUSE})(?:\s*(?:,|\.\.\.|\u2026))?(?=\s|$|[?.!])",
        dropped,
        question,
    ).strip()


def _without_opening(question: str, known: Collection[str]) -> str:
    """The question without the interjections and discourse markers it opens with ("hey
    so how many", "okay, is it ..."), when the question proper starts after them or a
    comma sets them off. A marker that is a word of the records stays unless a comma sets
    it off ("so" may be the records'; "so, how many" is still speech)."""
    opening = re.match(rf"(?is)^\s*(?P<run>(?:{_MARKER}\b\s*[,!.]?\s*)+)(?P<rest>.*)$", question)
    if opening is None:
        return question
    run, rest = opening["run"], opening["rest"]
    if not rest:
        return question
    set_off = run.rstrip().endswith((",", "!"))
    if not (set_off or re.match(rf"(?i){_STARTS}", rest)):
        return question
    markers = re.findall(r"[a-z]+", run.lower())
    if not set_off and any(m in known for m in markers):
        return question
    return rest


def _without_tails(question: str) -> str:
    """The question without hedges that trail it or one of its clauses ("how many are
    there exactly?", "its own kind of wisdom or something, right")."""
    return re.sub(
        rf"(?i)(?<=\w)(?:\s*,)?\s+(?:{_TAIL}\s*)+(?=$|[?.!,;])",
        "",
        question,
    )
