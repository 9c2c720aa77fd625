"""The one resolver of names people type (levels, countries, fields, units, kinds, ...).

A typed name is matched against a vocabulary of known values, each with its names:
exactly (after folding case, accents, width and punctuation: `text.words`), then as whole
words of a name ("high" is the start of "high school"; "secondary" is a word of two
levels), then by a close spelling of a name or of a word of one. `candidates` returns
every match scored, so a caller can weigh them (as `ask` does); `resolve` takes the one
answer or raises an error that says what to type.

A name that names nothing is one of two faults. In a closed set (the kinds of record, the
field names) it is a usage error (QueryError, exit 2), as a wrong option is. In a set the
data declares (levels, countries, units, subject fields, sources) it is a fine name that
the data does not hold, "India" as a country: nothing matches (NoMatchError, exit 1),
as a search for an absent word. A name without a letter or digit is malformed in both.

A close spelling stands for everything the names and words it may spell stand for, never
for less: "medcine" means what "medicine" means ("clinical medicine" included), and a
spelling as close to two values as to one is refused as ambiguous rather than guessed.
So a forgiving filter never gives fewer results for a typo than for the word.
"""

# No `from __future__ import annotations` here: typing.NamedTuple compiles each field's
# annotation into a ForwardRef when it is a string, about 30 us a field at every start-up.
from collections.abc import Callable, Iterable, Sequence
from typing import Generic, NamedTuple, TypeVar

from cqedu.core.errors import NoMatchError, QueryError
from cqedu.core.text import normalise_phrase, shown_typed, words

T = TypeVar("T")

#: A typed name this close to a known one (rapidfuzz ratio, 0-100) is taken as it.
ACCEPT_SCORE = 80.0
#: A typed name shorter than this is taken only as written; one this long or longer is
#: also taken for any name one edit away from it (a letter left out, added, replaced, or
#: two swapped), however low its ratio.
MIN_EDIT_LENGTH = 3
#: Names this close are offered as "did you mean".
SUGGEST_SCORE = 55.0
#: Scores of the ways a name can match, best first.
EXACT_SCORE = 100.0
START_SCORE = 95.0  # the typed words begin a name: "high" -> "high school"
WORD_SCORE = 90.0  # the typed words stand whole inside a name: "secondary" -> "junior secondary"


#: The longest value a filter option takes (a level, country, unit, field or source name):
#: longer than any declared name, and short enough to quote back in an error.
MAX_NAME_CHARS = 200


class Candidate(NamedTuple, Generic[T]):
    """One known value a typed name may mean."""

    value: T
    """The value (a Level, a Country, a unit, ...)."""
    name: str
    """The name of it that matched (an id, name or alias)."""
    score: float
    """How well: EXACT_SCORE, START_SCORE, WORD_SCORE, or a fuzzy ratio of ACCEPT_SCORE+."""
    spelled: str = ""
    """For a close spelling, the known name or word (normalised) it spells; else ""."""


class Vocabulary(Generic[T]):
    """Known values of one kind, each with the names people may type for it."""

    def __init__(
        self,
        what: str,
        entries: Iterable[tuple[T, str, Sequence[str]]],
        *,
        listing: str | None = None,
        absent: str | None = None,
        word_key: Callable[[str], str] | None = None,
    ) -> None:
        """`entries` are (value, canonical name, other names); `what` is "level", "unit", ...

        `listing` introduces the valid values in errors (default: "valid {what}s").
        `absent` makes the set one the data declares: a name it does not hold is then
        NoMatchError with this message, `{name}` standing for the name as typed
        ('the facts name no partner in "{name}"'); without it, QueryError.
        `word_key` gives a normalised word's base form (its stem, through its singular): a
        name typed in another form of its words ("country", "child") then means the name
        declared in that form ("countries", "children") as it would exactly.
        """
        self.what = what
        self._word_key = word_key
        self._keyed: dict[str, str] | None = None
        self.listing = listing or f"valid {what}s"
        self.absent = absent
        self.canonical: list[str] = []
        self._values: list[T] = []
        # normalised name -> (index of the value, the name as declared)
        self._names: dict[str, tuple[int, str]] = {}
        for value, canonical, others in entries:
            index = len(self._values)
            self._values.append(value)
            self.canonical.append(canonical)
            for name in (canonical, *others):
                self._names.setdefault(normalise_phrase(name), (index, name))
        # The names each word stands in, so that a word finds its names without a scan.
        self._by_word: dict[str, list[str]] = {}
        for norm in self._names:
            for word in dict.fromkeys(norm.split()):
                self._by_word.setdefault(word, []).append(norm)
        # What a close spelling may spell: every name, and every word of a name.
        self._spellable = list(dict.fromkeys([*self._names, *self._by_word]))

    def __len__(self) -> int:
        return len(self._values)

    def candidates(self, text: str, *, close: bool = True) -> list[Candidate[T]]:
        """Every value `text` may mean, best first, one per value; empty when none.

        An exact name comes first, then names the words begin or stand in; close
        spellings (of a name, or of a word of one: `spelled` says which) only when nothing
        matched so far, scored by their closeness, and not at all without `close`.
        """
        wanted = normalise_phrase(text)
        if not wanted:
            return []
        exact = self._exact_or_words(wanted)
        if exact or not close:
            return exact
        best: dict[int, Candidate[T]] = {}
        for spelled, score in self._close_spellings(wanted, one_edit_only=False):
            for found in self._exact_or_words(spelled):
                index = self._index_of(found.name)
                if index not in best:
                    best[index] = found._replace(score=score, spelled=spelled)
        return sorted(best.values(), key=lambda c: -c.score)

    def _close_spellings(self, wanted: str, *, one_edit_only: bool) -> list[tuple[str, float]]:
        """Names and words of names `wanted` may be a misspelling of, with their ratios.

        Those at ACCEPT_SCORE or closer (unless `one_edit_only`), and those one edit
        away (a letter left out, added, replaced, or two swapped) whatever their ratio:
        "sian" may be "siam" as well as "asian", and must not be taken for one alone.
        """
        if len(wanted) < MIN_EDIT_LENGTH:
            return []  # two letters are a code ("he", "uk"): one letter off is another code
        from rapidfuzz import fuzz, process  # deferred: exact matches need no fuzzy matching
        from rapidfuzz.distance import OSA

        close: dict[str, float] = {}
        if not one_edit_only:
            for spelled, score, _ in process.extract(
                wanted, self._spellable, scorer=fuzz.ratio, score_cutoff=ACCEPT_SCORE, limit=None
            ):
                close[spelled] = float(score)
        for spelled, _, _ in process.extract(
            wanted, self._spellable, scorer=OSA.distance, score_cutoff=1, limit=None
        ):
            close.setdefault(spelled, float(fuzz.ratio(wanted, spelled)))
        return sorted(close.items(), key=lambda item: -item[1])

    def _exact_or_words(self, wanted: str) -> list[Candidate[T]]:
        """Values a normalised name or word names exactly, begins or stands in, best first."""
        best: dict[int, Candidate[T]] = {}
        found = self._names.get(wanted)
        if found is not None:
            best[found[0]] = Candidate(self._values[found[0]], found[1], EXACT_SCORE)
        if len(wanted) < 2:
            return list(best.values())  # a letter alone begins too much ("u" of "U.K.")
        padded = f" {wanted} "
        for norm in self._by_word.get(wanted.split(" ", 1)[0], ()):
            index, name = self._names[norm]
            if norm.startswith(wanted + " "):
                score = START_SCORE
            elif padded in f" {norm} ":
                score = WORD_SCORE
            else:
                continue
            if index not in best or score > best[index].score:
                best[index] = Candidate(self._values[index], name, score)
        return sorted(best.values(), key=lambda c: -c.score)

    def _inflected(self, wanted: str) -> list[Candidate[T]]:
        """Values whose names `wanted` names in other forms of the same words (see
        `word_key`), scored as `_exact_or_words` scores names; empty without a `word_key`."""
        key = self._word_key
        if key is None or len(wanted) < MIN_EDIT_LENGTH:
            return []  # two letters are a code ("ks", "us"), taken only as written
        if self._keyed is None:  # built on the first name not typed as declared
            self._keyed = {norm: " ".join(map(key, norm.split())) for norm in self._names}
        typed = " ".join(map(key, wanted.split()))
        best: dict[int, Candidate[T]] = {}
        for norm, keyed in self._keyed.items():
            if keyed == typed:
                score = EXACT_SCORE
            elif keyed.startswith(typed + " "):
                score = START_SCORE
            elif f" {typed} " in f" {keyed} ":
                score = WORD_SCORE
            else:
                continue
            index, name = self._names[norm]
            if index not in best or score > best[index].score:
                best[index] = Candidate(self._values[index], name, score)
        return sorted(best.values(), key=lambda c: -c.score)

    def _index_of(self, name: str) -> int:
        return self._names[normalise_phrase(name)][0]

    def _meant(self, text: str) -> list[Candidate[T]]:
        """What `text` stands for, best first, each value scored as the name it matches.

        An exact name stands for itself alone. Otherwise the names the words begin or
        stand in, and every name or word it may be a misspelling of (one edit away, or
        close when nothing else matched), each as that name or word would match: so a
        typo of a name never stands for less than the name does.
        """
        wanted = normalise_phrase(text)
        if not wanted:
            return []
        best = {self._index_of(c.name): c for c in self._exact_or_words(wanted)}
        if any(c.score == EXACT_SCORE for c in best.values()):
            return sorted(best.values(), key=lambda c: -c.score)
        inflected = self._inflected(wanted)
        if inflected and inflected[0].score == EXACT_SCORE:
            # "country" stands for what "countries" stands for, no more and no less
            return inflected
        for candidate in inflected:
            index = self._index_of(candidate.name)
            if index not in best or candidate.score > best[index].score:
                best[index] = candidate
        for spelled, _ in self._close_spellings(wanted, one_edit_only=bool(best)):
            for candidate in self._exact_or_words(spelled):
                index = self._index_of(candidate.name)
                if index not in best or candidate.score > best[index].score:
                    best[index] = candidate
        return sorted(best.values(), key=lambda c: -c.score)

    def resolve(self, text: str, *, exact: bool = False) -> T:
        """The one value `text` names; QueryError when it names several, or none (for a
        name without letters or digits, or of a closed set), NoMatchError when a set the
        data declares does not hold it (see `absent`).

        `exact` takes only a name as declared (folding case and punctuation): for names a
        script types, where a guess would be worse than an error.
        """
        self._within_length(text)
        if exact:
            found = [c for c in self.candidates(text) if c.score == EXACT_SCORE]
        else:
            found = self._meant(text)
        if not found:
            raise self._unknown(text)
        top = [c for c in found if c.score == found[0].score]
        if len(top) > 1:
            options = " or ".join(self._canonical_of(c) for c in top)
            raise QueryError(
                f'{self.what} "{text}" could mean {options}; type one of them (or more of its name)'
            )
        return top[0].value

    def _unknown(self, text: str) -> QueryError | NoMatchError:
        """The error for a name that names nothing: malformed, absent, or not one of a
        closed set (see the module's docstring)."""
        choices = f"{self.listing}: {', '.join(self.canonical)}"
        hint = did_you_mean(text, [name for _, name in self._names.values()])
        text = shown_typed(text)  # quoted as typed, an invisible character made visible
        if not text.strip():
            return QueryError(f"empty {self.what}; {choices}")
        if not normalise_phrase(text):
            return QueryError(f'{self.what} "{text}" has no letters or digits; {choices}')
        if self.absent is not None:
            return NoMatchError(f"{self.absent.format(name=text)}{hint}; {choices}")
        return QueryError(f'unknown {self.what} "{text}"{hint}; {choices}')

    def absent_error(self, text: str) -> NoMatchError:
        """The NoMatchError of a name the data does not hold (see `absent`), with the names
        it does: for a name matched by other means than words ("¥" for a unit)."""
        choices = f"{self.listing}: {', '.join(self.canonical)}"
        absent = self.absent or f'no {self.what} "{{name}}"'
        return NoMatchError(f"{absent.format(name=shown_typed(text))}; {choices}")

    def resolve_all(self, text: str) -> list[T]:
        """Every value `text` may mean, best first; an error as `resolve` raises when none.

        A close spelling counts as every name and word it spells: "medcine" means what
        "medicine" means, "clinical medicine" included, so a typo never finds less.
        """
        self._within_length(text)
        found = self._meant(text)
        if not found:
            raise self._unknown(text)
        return [c.value for c in found]

    def _within_length(self, text: str) -> None:
        """QueryError for a name longer than any a facts file declares (MAX_NAME_CHARS),
        which is neither matched nor quoted back."""
        if len(text) > MAX_NAME_CHARS:
            raise QueryError(
                f"{self.what} is too long ({len(text)} characters); use at most {MAX_NAME_CHARS}"
            )

    def _canonical_of(self, candidate: Candidate[T]) -> str:
        """The canonical name of the value a candidate stands for."""
        return self.canonical[self._index_of(candidate.name)]


def suggest(
    text: str, names: Sequence[str], limit: int = 3, cutoff: float = SUGGEST_SCORE
) -> list[str]:
    """Known names that look like `text`, best first, for a "did you mean" hint."""
    wanted = normalise_phrase(text)
    if not wanted or not names:
        return []
    # deferred for start-up: rapidfuzz only when a name is not exact
    from rapidfuzz import fuzz, process

    by_norm: dict[str, str] = {}
    for name in names:
        by_norm.setdefault(normalise_phrase(name), name)
    found = process.extract(
        wanted, list(by_norm), scorer=fuzz.ratio, score_cutoff=cutoff, limit=limit
    )
    return [by_norm[choice] for choice, _score, _index in found]


def abbreviated(text: str, names: Sequence[str]) -> str | None:
    """The name `text` abbreviates, if it is one word of two letters or more: the shortest
    name it begins ("tab" for table), else the shortest whose letters it keeps in order
    from the first ("orgs" for organizations, "ppl" for people); None when none does.

    Spelling scores miss these: "orgs" is 47% like "organizations".
    """
    wanted = normalise_phrase(text)
    if len(wanted) < 2 or " " in wanted:
        return None
    begun: list[tuple[int, str]] = []
    kept: list[tuple[int, str]] = []
    for name in names:
        norm = normalise_phrase(name)
        if not norm or norm == wanted:
            continue
        if norm.startswith(wanted):
            begun.append((len(norm), name))
        elif len(wanted) >= 3 and norm[0] == wanted[0] and _in_order(wanted, norm):
            kept.append((len(norm), name))
    found = min(begun or kept, default=None)
    return found[1] if found else None


def _in_order(letters: str, word: str) -> bool:
    """Whether every letter of `letters` stands in `word`, in the same order."""
    rest = iter(word)
    return all(letter in rest for letter in letters)


def holding_words(text: str, names: Sequence[str]) -> list[str]:
    """The names that hold every word of `text` as a word of their own, or as a close
    spelling of one (ACCEPT_SCORE+), fewest words first, then in order of `names`:
    "leicester" -> ["university-of-leicester", "leicester-joint-college"].

    A whole-name ratio misses these: a word is a small part of a long id, so "leicester"
    is 53% like "university-of-leicester".
    """
    wanted = words(text)
    if not wanted:
        return []
    # deferred for start-up: rapidfuzz only when a name is not exact
    from rapidfuzz import fuzz

    def holds(own: list[str], word: str) -> bool:
        return word in own or (
            len(word) >= MIN_EDIT_LENGTH
            and any(fuzz.ratio(word, other) >= ACCEPT_SCORE for other in own)
        )

    found: list[tuple[int, int, str]] = []
    for order, name in enumerate(names):
        own = words(name)
        if all(holds(own, word) for word in wanted):
            found.append((len(own), order, name))
    return [name for _count, _order, name in sorted(found)]


def did_you_mean(text: str, names: Sequence[str]) -> str:
    """' (did you mean "x"?)' or an empty string: the one wording of every hint. The name
    most like `text`, else the one it abbreviates."""
    close = next(iter(suggest(text, names, limit=1)), None) or abbreviated(text, names)
    return f' (did you mean "{close}"?)' if close else ""
