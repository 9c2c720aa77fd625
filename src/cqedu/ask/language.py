"""The words of a question against the words of a knowledge base.

Three resources, none of them a hand list in code: the knowledge base's own vocabulary and
document frequencies (from the search index), its declared synonyms (`[[terms]]` in a
facts file), and general English from the package registry (Snowball stems, and the
`stop-words` list of function words and common verbs that never veto an answer).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from cqedu.core.packages import package_file
from cqedu.core.text import is_number, normalise_phrase, remember_stems, stem, words

if TYPE_CHECKING:
    from cqedu.ask.question import KnowledgeBase
    from cqedu.store.lexicon import StoredLexicon

#: A question word matches a record word this close (rapidfuzz ratio) as a typo.
TYPO_SCORE = 84.0
#: The shortest word whose close spellings are looked for.
_CLOSE_LENGTH = 5
#: A typed word that shares this much of its start with a record word is another form of it.
SHARED_START = 6
#: A word held by at least this share of the records says little about which one is meant.
GENERIC_SHARE = 0.15

# What questions ask with, on top of the function-word list: they pick the answer type.
_ASKING = frozenset(
    "how many much what whats which who whom whose where when why tell describe explain define"
    " number count total amount figure rate share percentage proportion fraction".split()
)


# The function words once known this run: read from the package's list, or from the
# cache file with the rest of a Lexicon (see `_stored`).
_function_words: list[frozenset[str]] = []


def function_words() -> frozenset[str]:
    """English function words and common verbs (the `stop-words` package), normalised."""
    if not _function_words:
        _function_words.append(_listed_function_words())
    return _function_words[0]


def _listed_function_words() -> frozenset[str]:
    # One call over the whole list: its words split as each would alone, at a tenth of
    # the cost.
    # ASCII entries only: the list spells each contraction with ' as well, and one curly
    # quote would send the whole list down the slower Unicode path of the splitter.
    listed = " ".join(word for word in english_stop_words() if word.isascii())
    return (frozenset(words(listed)) | _ASKING) - _NOT_FUNCTION_WORDS


#: Nouns the `stop-words` list holds that name who is counted: "how many teachers are
#: *men*" asks a part of them, as "women" (not on the list) does.
_NOT_FUNCTION_WORDS = frozenset({"men", "man"})


def _stop_words_file() -> Path | None:
    """The `stop-words` package's English list file, found without importing the package;
    None when the package keeps it elsewhere (a zipped install)."""
    return package_file("stop_words", "stop-words", "english.txt")


def english_stop_words() -> list[str]:
    """The `stop-words` package's English list, as its `get_stop_words("en")` gives it.

    Read from the package's own file where the package keeps it: importing the package
    loads its JSON table of languages, and the json module, about 2.5 ms of every
    question. Anywhere else (a zipped install), the package is asked.
    """
    listed_file = _stop_words_file()
    if listed_file is not None:
        try:
            with listed_file.open(encoding="utf-8") as listed:
                return [line.strip() for line in listed if line.strip()]
        except OSError:
            pass  # laid out otherwise: the package knows where
    # deferred for start-up: only when its file is not where it was
    from stop_words import get_stop_words  # type: ignore[import-untyped] # no type hints shipped

    found: list[str] = get_stop_words("en")
    return found


def past_of_content_verb(word: str) -> bool:
    """Whether a word of the function-word list is the irregular past of a verb that is
    not one ("won": "win"), so it says what was done; "made" ("make"), "went" ("go") and
    any other word are not."""
    if word not in function_words():
        return False
    # deferred for start-up: only a question that checks its verb needs the table
    from cqedu.store.lemmas import verb_lemmas

    verbs = verb_lemmas(word)
    return bool(verbs) and not any(verb in function_words() for verb in verbs)


def inflected(word: str) -> bool:
    """Whether a word is an inflected form ("launched", "extending"): a verb or participle,
    which names no subject of its own."""
    return word.endswith(("ed", "ing")) and stem(word) != word and len(word) > 4


#: Words for a sum of money in a question ("how much *money*"), which a figure in a
#: currency answers, whatever words its record uses.
MONEY_WORDS = frozenset({"money", "funds", "funding"})


def derived(verb: str, noun: str) -> bool:
    """Whether two Snowball stems are one word, or a verb and the noun English derives
    from it that Snowball stems apart: "cover", "coverag(e)"; "expand", "expans(ion)";
    "decid(e)", "decis(ion)"."""
    if verb == noun:
        return True
    if len(verb) < 4:
        return False
    return noun == f"{verb}ag" or (verb.endswith("d") and noun == f"{verb[:-1]}s")


def verb_roots(token: str) -> set[str]:
    """The Snowball stems a word may be a form of: its own, and for a word in -t the stem
    of the verb in -d whose past it may be, English's "spent" of "spend" ("built",
    "sent", "lent")."""
    roots = {stem(token)}
    if token.endswith("t") and len(token) > 3:
        roots.add(stem(f"{token[:-1]}d"))
    return roots


class Lexicon:
    """The knowledge base's words: what each question word may stand for, and how common
    each is among the records."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._matched: dict[str, dict[str, float]] = {}
        found = _stored(kb)
        self.words = found.words
        self.known = set(self.words)
        self._close = found.close
        self.records = max(1, found.records)
        #: Each declared term and its synonyms, normalised once for every step that reads
        #: them (the synonyms below, `verb_roots`, the checks' terms typed whole).
        self.terms = found.terms
        # Synonym (normalised words) -> the words of each term it stands for.
        self.synonyms: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
        for term, synonyms in self.terms:
            meaning = tuple(term.split())
            for synonym in synonyms:
                key = tuple(synonym.split())
                if key and meaning:
                    self.synonyms.setdefault(key, []).append(meaning)
        self._frequency: dict[str, int] = {}
        #: Words the facts files declare (countries, levels, terms): never common English,
        #: whatever a list of function words says ("uk").
        self.declared = set(found.declared)
        #: Words of the figures' units: count nouns, so plurals ("disciplines").
        self.units = set(found.units)

    @cached_property
    def verb_roots(self) -> frozenset[str]:
        """Snowball stems of the one-word entries of the declared terms that are verbs:
        terms an inflected form declares ("take": "received"; "covers": "reached")."""
        roots: set[str] = set()
        for term, synonyms in self.terms:
            # one-word entries only: "school" in "go to school" is no verb
            said = [w for w in (term, *synonyms) if " " not in w]
            # the term itself by its past form only ("hosted"): a record word in -ing is a
            # noun as often ("training" of "vocational training", with "formation")
            verb = term.endswith("ed") and inflected(term)
            if verb or any(inflected(w) for w in said[1:]):
                roots.update(stem(w) for w in said)
        return frozenset(roots)

    @cached_property
    def verb_terms(self) -> dict[tuple[str, ...], list[tuple[str, ...]]]:
        """Each declared verb term (one whose one-word entries include an inflected form:
        "set up": "founded") and its one-word synonyms: a question that says the term
        means what a record says by any of them ("which centres did Chongqing *set up*"
        of a centre "founded by Chongqing")."""
        found: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
        for term, synonyms in self.terms:
            single = [w for w in synonyms if " " not in w]
            if any(inflected(w) for w in single):
                found.setdefault(tuple(term.split()), []).extend((w,) for w in single)
        return found

    def starting(self, prefix: str) -> list[str]:
        """Record words that begin with `prefix`, in order."""
        return self._starting(prefix)

    def _starting(self, prefix: str) -> list[str]:
        """Record words that begin with `prefix`."""
        found: list[str] = []
        for word in self.words[bisect_left(self.words, prefix) :]:
            if not word.startswith(prefix):
                break
            found.append(word)
        return found

    def matches(self, token: str) -> dict[str, float]:
        """Record words `token` may stand for, each with a quality from 0 to 1.

        The same word, or one with the same Snowball stem, counts fully; a word that begins
        alike ("cooperate", "cooperation") 0.9; a close spelling its rapidfuzz ratio; a
        word the records do not use as typed, also what its other spelling, British or
        American, stands for ("centres": "center").
        """
        # several steps ask about the same word; a copy, as callers may add to it
        found = self._matched.get(token)
        if found is None:
            found = self._matched[token] = _respelled(self._forms, token, token in self.known)
        return dict(found)

    def _forms(self, token: str) -> dict[str, float]:
        """Record words `token` may stand for as typed (see `matches`)."""
        found: dict[str, float] = {}
        if is_number(token):  # a figure as typed ("64.25") is held as its record writes it
            found[token] = 1.0
        elif len(token) < 2:
            # a letter alone names nothing, though the index holds letters split from
            # dotted short forms ("U.K." gives "u" and "k"): "ask k" is no question about
            # the United Kingdom
            return found
        elif token in self.known:
            found[token] = 1.0
        if token in MONEY_WORDS:  # a figure in a currency is a sum of money
            # deferred for start-up: only a question about money needs the currencies
            from cqedu.core.units import MONEY_UNITS

            found.update(dict.fromkeys(self.units & MONEY_UNITS, 1.0))
        if len(token) < 3 or is_number(token):
            return found
        alike = [w for w in self._starting(token[:3]) if w != token]
        for word in alike:
            # a form that begins alike, or a short word's plural ("goal": "goals")
            form = len(token) >= 5 and _share_start(token, word) and self._one_word(token, word)
            if form or word in (f"{token}s", f"{token}es"):
                found[word] = 0.9
        if len(token) >= _CLOSE_LENGTH:
            for word, score in self._spelt_close(token):
                # a close spelling that is a noun of its own is no typo ("nationality")
                if len(word) >= 4 and not _other_nouns(token, word, typo=True):
                    found[word] = max(found.get(word, 0.0), score / 100)
        # Other forms of a word the records do not use as typed, nor by a form or a close
        # spelling ("taught"), by Snowball stems: loading it costs start-up about 20 ms.
        unsure = [w for w in alike if found.get(w, 0.0) < 1.0]
        if unsure and (token in self.known or max(found.values(), default=0.0) < 0.9):
            self._by_stem(token, unsure, found)
        if token not in self.known and max(found.values(), default=0.0) < 0.9:
            self._by_lemma(token, found)
        return found

    def _spelt_close(self, token: str) -> list[tuple[str, float]]:
        """Record words spelt close to `token` (rapidfuzz ratio at least TYPO_SCORE), best
        first: kept for a record word, worked out for any other."""
        kept = self._kept_close
        if kept is not None and token in self.known:
            return kept.get(token, [])  # the word itself left out: it counts fully anyway
        from rapidfuzz import fuzz, process  # deferred: only questions and search use it

        return [
            (word, float(score))
            for word, score, _ in process.extract(
                token, self.words, scorer=fuzz.ratio, score_cutoff=TYPO_SCORE, limit=None
            )
        ]

    @cached_property
    def _kept_close(self) -> dict[str, list[tuple[str, float]]] | None:
        """The record words' close spellings the kept lexicon holds; None without them."""
        if self._close is None:
            return None
        from cqedu.store.lexicon import close_spellings  # deferred: a question may need none

        return close_spellings(self._close)

    def _by_lemma(self, token: str, found: dict[str, float]) -> None:
        """Adds to `found` the record words that are a form of the verb an irregular form
        the records do not use stands for ("brought": "bringing"; "paid": "pays"), and the
        irregular forms of a verb typed as itself ("meet": "met"; "teach": "taught"), by
        a table of English verb forms (`store.lemmas`): Snowball stems them apart."""
        # deferred for start-up: only a question with a word the records never use needs it
        from cqedu.store.lemmas import verb_forms, verb_lemmas

        for lemma in verb_lemmas(token):
            root = stem(lemma)
            for word in self._starting(lemma[:3]):
                if stem(word) == root:
                    found[word] = 1.0
        # the verb typed as itself: the records' irregular forms of it
        for form in verb_forms(token):
            if form in self.known:
                found[form] = 1.0

    def _by_stem(self, token: str, unsure: Sequence[str], found: dict[str, float]) -> None:
        """Adds to `found` the record words of `unsure` that are another form of `token`:
        a word the records use stands for its other forms too ("training", "trained"):
        one Snowball stem, one word."""
        roots = verb_roots(token) if token not in self.known else {stem(token)}
        other = 0.9 if token in self.known else 1.0  # the word itself comes first
        for word in unsure:
            one = stem(word) in roots and (token not in self.known or inflected(token))
            if one and not _other_nouns(token, word):
                found[word] = max(found.get(word, 0.0), other)

    @staticmethod
    def _one_word(token: str, word: str) -> bool:
        """Whether a typed word that begins alike is a form of a record word, not another
        word built on it: "scholarships" is no form of "scholars" (Snowball stems differ),
        "enrol" begins "enrollment"; nor is a noun of its own that Snowball stems alike
        ("nationalities" of "national")."""
        alike = word.startswith(token) or stem(token) == stem(word)
        return alike and not _other_nouns(token, word)

    def meanings(self, phrase: Sequence[str]) -> list[tuple[str, ...]]:
        """The records' words a phrase of the question stands for by a declared synonym; a
        compound turned round with "of" too ("heads of schools": "school heads")."""
        return (
            self.synonyms.get(tuple(phrase))
            or _turned_round(self.synonyms, phrase)
            or _other_forms(self.phrases, phrase)
        )

    def singular(self, token: str) -> str | None:
        """The record word a short form typed in the singular stands for when its plural
        is declared ("yr", of "yrs": years): the singular of the term's one word, where
        the records use it ("year"); None otherwise. Only of a word that is no English
        word, as short forms are not ("kid" and "academic" are words of their own)."""
        if not token.isalpha():
            return None
        found = {
            meaning[0][:-1]
            for meaning in self.synonyms.get((f"{token}s",), [])
            if len(meaning) == 1 and meaning[0].endswith("s") and meaning[0][:-1] in self.known
        }
        if len(found) != 1:
            return None
        # deferred: only a singular of a declared plural reads the English word list
        from cqedu.store.english import english_counts

        return None if english_counts((token,)) else found.pop()

    @cached_property
    def phrases(self) -> dict[tuple[str, ...], list[tuple[str, ...]]]:
        """The declared phrases of several words and what each stands for: a term itself
        ("carried out"), a synonym its terms ("sign up": "enrolled")."""
        return _declared_phrases(self.synonyms, self.terms)

    def frequency(self, words: Sequence[str]) -> dict[str, int]:
        """How many records hold each word (0 for none), from the index."""
        missing = [w for w in words if w not in self._frequency]
        if missing:
            counts = self.kb.index_words.document_frequency(missing)
            for word in missing:
                self._frequency[word] = counts.get(word, 0)
        return {w: self._frequency[w] for w in words}

    def generic(self, token: str, matched: Sequence[str]) -> bool:
        """Whether a question word is held by so many records (GENERIC_SHARE) that it says
        little about which one is meant ("education"): the word itself when the records
        use it, else every record word it matched."""
        wanted = [token] if token in self.known else list(matched)
        if not wanted:
            return False
        counts = self.frequency(wanted)
        return all(count >= GENERIC_SHARE * self.records for count in counts.values())


def _other_nouns(token: str, word: str, *, typo: bool = False) -> bool:
    """Whether a typed word and a record word are forms of two nouns, each of its own,
    that begin or stem alike (`store.lemmas.other_nouns`); as a close spelling (`typo`),
    a noun far rarer than the record word is read as its typo, as `spelling` reads one
    ("eduction": education)."""
    # deferred for start-up: only a word matched by its stem, start or spelling reads it
    from cqedu.store.lemmas import other_nouns

    if not other_nouns(token, word):
        return False
    from cqedu.ask.spelling import rare_form  # deferred: spelling builds on this module

    return not (typo and rare_form(token, word))


def _respelled(
    forms: Callable[[str], dict[str, float]], token: str, known: bool
) -> dict[str, float]:
    """What `forms` finds for a word, and for a word the records do not use as typed also
    for its other spelling, British or American ("centres": "centers")."""
    found = forms(token)
    if token.isalpha() and not known:
        # deferred: only a word the records do not use as typed has a table to read
        from cqedu.ask.spelling import other_spelling

        other = other_spelling(token)
        for word, quality in (forms(other) if other else {}).items():
            found[word] = max(found.get(word, 0.0), quality)
    return found


def _turned_round(
    synonyms: dict[tuple[str, ...], list[tuple[str, ...]]], phrase: Sequence[str]
) -> list[tuple[str, ...]]:
    """A declared two-word synonym turned round with "of" ("heads of schools": "school
    heads"), the owner singular or plural."""
    if len(phrase) != 3 or phrase[1] != "of":
        return []
    head, _, owner = phrase
    return synonyms.get((owner, head)) or synonyms.get((owner[:-1], head), [])


def _other_forms(
    phrases: dict[tuple[str, ...], list[tuple[str, ...]]], phrase: Sequence[str]
) -> list[tuple[str, ...]]:
    """What a declared phrase of several words stands for, typed in other forms of its
    words ("carry out": "carried out"; "gross enrolment": "gross enrollment"), by Snowball
    stems, of the phrases alike at both ends (no other loads the stemmer)."""
    if len(phrase) < 2:
        return []
    alike = [
        m
        for m in phrases
        if len(m) == len(phrase) and m[-1][:4] == phrase[-1][:4] and m[0][:2] == phrase[0][:2]
    ]
    roots = [stem(w) for w in phrase]
    return [meant for m in alike if [stem(w) for w in m] == roots for meant in phrases[m]]


def _declared_phrases(
    synonyms: dict[tuple[str, ...], list[tuple[str, ...]]],
    terms: Sequence[tuple[str, list[str]]],
) -> dict[tuple[str, ...], list[tuple[str, ...]]]:
    """The declared phrases of several words and what each stands for (`Lexicon.phrases`)."""
    found = {key: list(meant) for key, meant in synonyms.items() if len(key) > 1}
    for term, _ in terms:
        if " " in term:
            found.setdefault(tuple(term.split()), []).append(tuple(term.split()))
    return found


def _share_start(token: str, word: str) -> bool:
    """Whether two words begin alike enough to be one word's forms ("cooperate",
    "cooperation"); a typed word that begins a longer one ("enrol") counts too."""
    if word.startswith(token):
        return True
    common = 0
    for a, b in zip(token, word, strict=False):
        if a != b:
            break
        common += 1
    return common >= SHARED_START and common >= 0.75 * min(len(token), len(word))


# ---------------------------------------------------------------- loading

#: Bump when `_worked_out` changes what it gives, so that lexicons kept in cache files by
#: an earlier version are worked out again.
_DERIVATION = 2


def _depends() -> str:
    """What a kept lexicon depends on beside the facts files: this module's way of working
    it out, and the function word list (the package's file, by size and time)."""
    listed = _stop_words_file()
    try:
        status = listed.stat() if listed is not None else None
    except OSError:
        status = None
    version = f"{status.st_size}-{status.st_mtime_ns}" if status is not None else "package"
    taken = " ".join(sorted(_ASKING | _NOT_FUNCTION_WORDS))
    return f"{_DERIVATION}|{version}|{taken}"


def _stored(kb: KnowledgeBase) -> StoredLexicon:
    """The words a Lexicon weighs: kept in the knowledge base's cache file by the first
    question after its facts files changed, or worked out (about 3 ms, and loading the
    stemmer) and kept there for the next. The stems and function words it holds are taken
    as known for this run."""
    depends = _depends()
    found = kb.index_words.stored_lexicon(depends)
    if found is None:
        found = _worked_out(kb)
        if kb.index_words.keeps_lexicon() and len(found.words) <= MOST_WORDS_SPELT_CLOSE:
            # worked out once for every later question, which then never loads rapidfuzz
            # for a word the records use (about a third of a question's time)
            found.close = _close_words(found.words)
        kb.index_words.keep_lexicon(depends, found)
    else:
        remember_stems(found.stemmed, found.stems)
        if not _function_words:
            _function_words.append(found.function_words)
    return found


#: The most record words whose close spellings a kept lexicon holds: each is compared with
#: every other (557 words, the bundled facts: 0.02 s; 2,000: 0.13 s, measured once each).
MOST_WORDS_SPELT_CLOSE = 2000


def _close_words(vocabulary: Sequence[str]) -> str:
    """The close spellings among the record words of each of five letters or more, as
    `Lexicon._forms` looks for them (`StoredLexicon.close`)."""
    # deferred for start-up: worked out once, by the first question after a change
    from rapidfuzz import fuzz, process

    from cqedu.store.lexicon import close_lines

    found = {
        word: [
            (other, float(ratio))
            for other, ratio, _ in process.extract(
                word, vocabulary, scorer=fuzz.ratio, score_cutoff=TYPO_SCORE, limit=None
            )
            if other != word
        ]
        for word in vocabulary
        if len(word) >= _CLOSE_LENGTH
    }
    return close_lines(found)


def _declared_term(term: str, small: frozenset[str]) -> tuple[str, ...]:
    """A term as a declared name: none for one function word ("abroad"), else itself."""
    return () if normalise_phrase(term) in small else (term,)


def _worked_out(kb: KnowledgeBase) -> StoredLexicon:
    """The words a Lexicon weighs, worked out from the knowledge base."""
    # deferred for start-up: the class is all this module needs of the store
    from cqedu.store.lexicon import StoredLexicon

    known = function_words()
    terms = [
        (normalise_phrase(t.term), [normalise_phrase(w) for w in t.synonyms]) for t in kb.terms
    ]
    declared_names = [n for c in kb.countries for n in (c.name, *c.aliases)]
    declared_names += [n for lv in kb.levels for n in (lv.name, *lv.aliases)]
    # A one-word term that is a function word ("abroad", "research") stays one: declaring
    # what else a question may say for it ("exterior") makes the word itself no rarer
    declared_names += [n for t in kb.terms for n in (*_declared_term(t.term, known), *t.synonyms)]
    # ASCII names in one call; one accented alias ("España") would send every name
    # down the splitter's slower Unicode path (about 3 ms)
    plain = "\n".join(name for name in declared_names if name.isascii())
    declared = frozenset(words(plain)).union(
        *(words(name) for name in declared_names if not name.isascii())
    )
    units = frozenset(words("\n".join(kb.units())))
    vocabulary = kb.index_words.vocabulary()
    # The stems a question looks up: of every word above, and of the terms' words.
    stemmed = {*vocabulary, *declared, *units, *known}
    stemmed.update(w for term, synonyms in terms for p in (term, *synonyms) for w in p.split())
    in_order = sorted(stemmed)
    return StoredLexicon(
        words=vocabulary,
        records=len(kb.ids()),
        terms=terms,
        declared=declared,
        units=units,
        function_words=known,
        stemmed=in_order,
        stems=[stem(word) for word in in_order],
    )
