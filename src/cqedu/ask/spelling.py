"""Typos of a question's words, forgiven where one close word of the knowledge base is meant.

A question word that the records never use, that no function word or declared name is, and
may be a typo: "wat", "hgh", "skools". It is read as the one word it is closest to, by
edit distance (rapidfuzz's optimal string alignment: a swapped pair is one edit): a question
word ("wat": what) among the first words, else a word that shapes a question ("numbr":
number), else, when no other form or close spelling of a record word already matches it
(`Lexicon.matches`), a word of the records; within one edit (two for words of five letters
or more). Ties go to the word the typo is a dropped-letter form
of, then to the word more records hold (document frequency); a tie left is no correction.

A word of general English is never corrected ("stools" is no typo of "schools"): the
`pyspellchecker` word list decides, looked up only when a correction is at stake (in its
indexed copy in the cache folder: `store.english`). Unless it stands in the slot of a
record's name or keyword phrase, the question saying that phrase's words around it ("the
municipal education *commotion*"): a phone's autocorrect puts a real word for a misspelt
one, and the name says which was meant (`_name_slot`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from cqedu.ask.language import Lexicon, function_words
from cqedu.store.english import english_counts
from cqedu.store.english import other_spelling as store_other_spelling

#: The words that lead a question, which a typo at its start may stand for.
QUESTION_WORDS = ("how", "what", "which", "who", "whom", "whose", "when", "where", "many", "much")
#: How many of a question's first words may be a typo of a question word ("so hw mny").
_LEAD = 3


#: An English word this many times rarer than the record word one edit away is read as a
#: typo of it ("eduction": education), as a spelling corrector ranks its candidates.
RARER = 100
#: A word typed capitalised is a name, no typo, unless it is this long and inside a name
#: of several capitalised words ("Municipal Educaton Commission").
_NAME_TYPO_LENGTH = 7


def other_spelling(word: str) -> str | None:
    """The word's other spelling, British or American ("centres": "centers"; "program":
    "programme"), from breame's table of dual spellings; None for a word of one spelling."""
    return store_other_spelling(word)


def _english(token: str) -> bool:
    """Whether `token` is a word of general English, in either spelling ("centres": the
    word list is American)."""
    return bool(english_counts((token,))) or other_spelling(token) is not None


def rare_form(token: str, word: str) -> bool:
    """Whether `token` is no English word, or one far rarer (RARER) than the record word
    `word`."""
    counts = english_counts((token, word))
    return token not in counts or counts[token] * RARER < counts.get(word, 0)


def _in_name(typed: Sequence[str], i: int) -> bool:
    """Whether a capitalised word stands inside a name of several capitalised words."""
    capital = [j > 0 and w[:1].isupper() for j, w in enumerate(typed)]
    return (i > 0 and capital[i - 1]) or (i + 1 < len(typed) and capital[i + 1])


def _dropped(typed: str, word: str) -> bool:
    """Whether `typed` is `word` with letters left out ("teachrs", "teachers")."""
    letters = iter(word)
    return all(ch in letters for ch in typed)


def _closest(
    typed: str,
    choices: Sequence[str],
    limit: int,
    weigh: Callable[[Sequence[str]], dict[str, int]] | None = None,
) -> str | None:
    """The one word of `choices` within `limit` edits of `typed`, or None (none, or a tie);
    `weigh` gives the document frequency of the near ones."""
    # deferred: only a question holding a possible typo needs it
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    near = process.extract(typed, choices, scorer=OSA.distance, score_cutoff=limit, limit=None)
    if not near:
        return None
    frequency = weigh([word for word, _, _ in near]) if weigh else {}
    # deferred with the rest: Indel counts a letter swapped for two ("k", "ch") as three
    # edits, not two, so it tells a sound-alike spelling from a different word
    from rapidfuzz.distance import Indel

    ranked = sorted(
        (
            int(distance),
            not _dropped(typed, word),
            Indel.distance(typed, word),
            -frequency.get(word, 0),
            word,
        )
        for word, distance, _ in near
    )
    best = ranked[0]
    if len(ranked) > 1:
        second = ranked[1]
        # the same distances and shape, and not twice as common: no one word is meant
        if second[:3] == best[:3] and -second[3] * 2 > -best[3]:
            return None
    return best[4]


def corrected(
    lexicon: Lexicon,
    tokens: Sequence[str],
    typed: Sequence[str],
    asking: frozenset[str] = frozenset(),
) -> tuple[str, ...]:
    """The question's normalised words, each typo read as the word it stands for;
    `asking` are the words that shape a question ("number", "percentage"), which a typo
    may stand for as well as a record's word."""
    small = function_words()
    out = list(tokens)
    for i, token in enumerate(tokens):
        single = lexicon.singular(token) if token not in lexicon.known else None
        if single is not None:
            out[i] = single  # "each yr": a short form read as its word, as "yrs" is
            continue
        lead = i < _LEAD and len(token) >= 2
        if (
            (len(token) < 3 and not lead)
            or not token.isalpha()
            or token in lexicon.known
            or token in small
            or token in lexicon.declared
        ):
            continue
        if (
            i > 0
            and typed[i][:1].isupper()  # a name ("Wuhan"), not a typo ...
            and not (len(token) >= _NAME_TYPO_LENGTH and _in_name(typed, i))
        ):
            # ... unless autocorrect's real word in a known name ("Double First *Glass*")
            out[i] = _name_slot(lexicon, tokens, i) or token
            continue
        if lead:
            meant = _closest(token, QUESTION_WORDS, 1)
            if meant is not None:
                out[i] = meant
                continue
        if len(token) < 3:
            continue
        limit = 1 if len(token) < 5 else 2
        shaping = _closest(token, sorted(asking), limit)
        if shaping is not None and not _english(token):
            out[i] = shaping  # "numbr", "percentge": the question's shape
            continue
        matched = lexicon.matches(token)
        if matched:
            out[i] = _form_read(lexicon, tokens, i, matched, limit)
            continue
        near = [w for w in lexicon.words if abs(len(w) - len(token)) <= limit and w.isalpha()]
        word = _closest(token, near, limit, lexicon.frequency)
        if _english(token):
            # a word of English is no typo, unless it stands in a known name's slot
            out[i] = _name_slot(lexicon, tokens, i) or token
            continue
        if word is None:
            out[i] = _clipped(lexicon, token) or token
            continue
        out[i] = _typo_read(lexicon, out, i, word)
    return tuple(out)


def _form_read(
    lexicon: Lexicon, tokens: Sequence[str], i: int, matched: dict[str, float], limit: int
) -> str:
    """The word the word at `i`, which matches record words (`Lexicon.matches`), is read
    as: itself when it is another form of one already; else a close spelling is read as
    the one closest word (ties as in `_closest`), unless the typed word is common English
    ("auction" is no typo of "action"), which is read as a known name's word only in its
    slot ("Education Strengthening Chongqing *Auction*")."""
    token = tokens[i]
    if max(matched.values()) >= 1.0:
        return token
    word = _closest(token, sorted(matched), limit, lexicon.frequency)
    if word is not None and rare_form(token, word) and not other_spelling(token):
        return _number_kept(token, word)
    return _name_slot(lexicon, tokens, i) or token


def joined_typo(whole: str, near: Sequence[str]) -> str | None:
    """The one word of `near` (record words that begin as `whole` does) one edit from
    `whole`, two words typed apart and joined ("kindergardens": kindergartens), when
    `whole` is no English word; None otherwise."""
    if _english(whole):
        return None
    return _closest(whole, near, 1)


#: How alike (rapidfuzz ratio) a word typed in a name's slot and the name's word must be:
#: autocorrect puts a real word close to the typed one, so close to the one meant
#: ("Glass": Class 80, "Lester": Leicester 80, "commotion": commission 74); another name
#: is further ("Lancaster": Leicester 67).
_SLOT_LIKENESS = 70
#: How many words on either side of it, as a record's phrase has them, put a word in a
#: name's slot: two ("municipal education *commotion*", "university of *Lester*").
_SLOT_CONTEXT = 2


def _name_slot(lexicon: Lexicon, tokens: Sequence[str], i: int) -> str | None:
    """The word of a record's name or keyword phrase that the word at `i`, which no record
    uses, stands in the place of: the question says that phrase's words around it, at
    least `_SLOT_CONTEXT` of them in a row and one a word of content, and the word is
    spelt alike (`_SLOT_LIKENESS`). A phone's autocorrect puts
    a real word for a misspelt one ("commotion" for commission); a word set in a known
    name is strong evidence of which word was meant, where the same word alone is not
    ("what caused the commotion"). None when no one word fits."""
    small = function_words()
    token = tokens[i]
    near = {*tokens[max(0, i - _SLOT_CONTEXT) : i], *tokens[i + 1 : i + 1 + _SLOT_CONTEXT]}
    content = [t for t in near if t in lexicon.known and t not in small]
    if not content:
        return None
    from cqedu.core.text import words  # deferred with the rest of typo reading

    found: set[str] = set()
    for fact in lexicon.kb.index_words.records_with(content):
        for name in (fact.name, *fact.keywords):
            said = words(name)
            found.update(
                said[j]
                for j in range(len(said))
                if said[j] != token and _in_slot(tokens, i, said, j, small)
            )
    alike = [word for word in found if _alike(token, word)]
    return alike[0] if len(alike) == 1 else None


def _in_slot(
    tokens: Sequence[str], i: int, said: Sequence[str], j: int, small: frozenset[str]
) -> bool:
    """Whether the question's words around `i` are the phrase's around `j`: at least
    `_SLOT_CONTEXT` in a row on one side or across it, one of them a word of content, and
    at least one before it. A name's first word is what tells it from another of its kind
    ("*Southeast* University" is no Southwest University; English names put their
    modifiers first), so a slot that opens the name is none."""
    agreed: list[str] = []
    k = 1
    while i - k >= 0 and j - k >= 0 and tokens[i - k] == said[j - k]:
        agreed.append(said[j - k])
        k += 1
    if not agreed:
        return False
    k = 1
    while i + k < len(tokens) and j + k < len(said) and tokens[i + k] == said[j + k]:
        agreed.append(said[j + k])
        k += 1
    return len(agreed) >= _SLOT_CONTEXT and any(w not in small for w in agreed)


def _alike(typed: str, word: str) -> bool:
    """Whether a word typed in a name's slot is spelt like the name's word there: alike
    (`_SLOT_LIKENESS`), and with the same first letter, as a word typed is, unless one
    letter is all that differs ("Glass": Class; "Chester" is no Leicester)."""
    from rapidfuzz import fuzz  # deferred with the rest of typo reading

    if fuzz.ratio(typed, word) < _SLOT_LIKENESS:
        return False
    return typed[:1] == word[:1] or _distance(typed, word) == 1


def _names_on(lexicon: Lexicon, tokens: Sequence[str], i: int, word: str) -> bool:
    """Whether `word` at `i` begins or continues, with the word of content typed after or
    before it, a record's name or keyword phrase ("world culture" in "World Culture Fair"): the typo
    is that name's word even where the word is a common one ("world")."""
    from cqedu.core.text import normalise_phrase  # deferred with the rest of typo reading

    small = function_words()
    pairs = []
    # a word of content beside it, as "the" beside any word tells nothing of a name
    if i + 1 < len(tokens) and tokens[i + 1] not in small:
        pairs.append(f" {word} {tokens[i + 1]} ")
    if i > 0 and tokens[i - 1] not in small:
        pairs.append(f" {tokens[i - 1]} {word} ")
    for fact in lexicon.kb.index_words.records_with([word]):
        for name in (fact.name, *fact.keywords):
            padded = f" {normalise_phrase(name)} "
            if any(pair in padded for pair in pairs):
                return True
    return False


def _typo_read(lexicon: Lexicon, tokens: Sequence[str], i: int, word: str) -> str:
    """The word the typo at `i` stands for, `word` being the closest record word."""
    token = tokens[i]
    small = function_words()
    if word in small and _names_on(lexicon, tokens, i, word):
        return word  # "the wrold culture fair": a name's word, common as it is
    # "ther" is one edit from "other" and from "there" or "the": a typo as close to a
    # function word stands for the commonest of them, never for a record's word
    plain = _function_word(token, _distance(token, word), small)
    if plain is not None and _inside_noun_phrase(tokens, i, small):
        # "how many sha students": no function word stands between a determiner and its
        # noun, so dropping the typo as one would ask of all students. It is the record
        # word ("skool principals": school) when that is a word of content; else kept as
        # typed, a word no record uses, it refuses as it did before typos were read
        return token if word in small else _number_kept(token, word)
    return plain or _number_kept(token, word)


#: Determiners and quantifiers, which open a noun phrase ("how *many* schools", "*the*
#: schools"): a closed class of English grammar.
_OPENERS = frozenset(
    "the a an this that these those its their his her our your my many much which what "
    "whose each every some any no".split()
)


def _inside_noun_phrase(tokens: Sequence[str], i: int, small: frozenset[str]) -> bool:
    """Whether the word at `i` stands between a word that opens a noun phrase and a
    word of content (no function word) after it: where a modifier of that noun goes."""
    if i == 0 or i + 1 >= len(tokens) or tokens[i - 1] not in _OPENERS:
        return False
    after = tokens[i + 1]
    return after.isalpha() and after not in small


#: The fewest letters a clipped word keeps ("voc"), and the most it may drop.
_CLIPPED = 3


def _clipped(lexicon: Lexicon, token: str) -> str | None:
    """The record word a word that is no English word and no typo is clipped from, as
    English clips long words ("voc" school: vocational, as "uni" is university): the
    records' words that begin with it are forms of one word (one Snowball stem); the
    commonest among the records of those at least three letters longer. None otherwise."""
    from cqedu.core.text import stem  # deferred: only a word the records never use

    starting = lexicon.starting(token)
    longer = [w for w in starting if len(w) >= len(token) + _CLIPPED]
    if len(token) < _CLIPPED or not longer or len({stem(w) for w in starting}) != 1:
        return None
    counts = lexicon.frequency(longer)
    return max(longer, key=lambda w: (counts.get(w, 0), -len(w)))


def _distance(typed: str, word: str) -> int:
    """The edits between two words, a swapped pair one edit (see `_closest`)."""
    from rapidfuzz.distance import OSA  # deferred with the rest of typo reading

    return int(OSA.distance(typed, word))


def _function_word(typed: str, limit: int, small: frozenset[str]) -> str | None:
    """The function word a typo most likely stands for among those within `limit` edits
    ("ther": "the"), the commonest in general English as a spelling corrector ranks its
    candidates; None when none is that close."""
    from rapidfuzz import process  # deferred with the rest of typo reading
    from rapidfuzz.distance import OSA

    near = process.extract(
        typed, sorted(small), scorer=OSA.distance, score_cutoff=limit, limit=None
    )
    if not near:
        return None
    closest = min(int(distance) for _, distance, _ in near)
    tied = [word for word, distance, _ in near if int(distance) == closest]
    counts = english_counts(tied)
    return max(tied, key=lambda word: (counts.get(word, 0), word))


def _number_kept(typed: str, meant: str) -> str:
    """The word a typo stands for, plural when the typo is ("role *modles*": "models",
    though the records write "model"): a plural asks for every one ("which role models")."""
    plural = typed.endswith("s") and not typed.endswith("ss")
    return f"{meant}s" if plural and not meant.endswith("s") and meant[-1:].isalpha() else meant
