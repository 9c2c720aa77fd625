"""Typo-tolerant ranked search: query words, their matches in the index, ranking, outcome."""

from __future__ import annotations

import bisect
import sqlite3
from collections.abc import Collection, Sequence
from typing import NamedTuple

from cqedu.core.errors import QueryError
from cqedu.core.text import (
    is_unspaced,
    normalise_phrase,
    respellings,
    stem,
    unread_symbols,
    word_spans,
    words,
)
from cqedu.facts.model import Level, SearchHit, Term
from cqedu.query.words import IndexWords
from cqedu.store import index, indexing
from cqedu.store.index import STOPWORDS

MAX_QUERY_CHARS = 500
#: The most results one search shows (`--limit`); `export` writes everything.
MAX_LIMIT = 10_000
MAX_QUERY_WORDS = 16
#: A query word matches an index word at this rapidfuzz ratio (0-100) or above.
WORD_CUTOFF = 75.0
#: A query word that starts an index word ("leic" -> "leicester") scores this.
PREFIX_SCORE = 90.0
#: A query word with the stem of an index word ("enrolments", "enrollment") scores this:
#: below the word as written, so that the exact form wins a tie.
STEM_SCORE = 95.0
#: Fuzzy matches kept per query word, best first; bounds the work on huge indexes.
MATCHES_PER_WORD = 40
#: A record scoring below this (0-100) is not a result.
RESULT_CUTOFF = 60.0


class RankedPosition(NamedTuple):
    """One ranked result before its record is read."""

    pos: int
    """Position of the record in the facts table."""
    score: float
    """Match quality, 0-100."""
    field: str
    """The field whose word matched best."""
    words: frozenset[str]
    """The record's words that the query matched, for highlighting."""


class Ranking(NamedTuple):
    """The best records for a query, and what the caller should know about it."""

    positions: list[RankedPosition]
    """The best records, best first, at most the limit asked for."""
    ignored: tuple[str, ...]
    """Query words that match no word of the index, left out of the scores."""
    set_aside: tuple[str, ...]
    """Query words left out because no record matches them together with the others."""
    total: int
    """How many records reach the result cutoff, shown or not."""


class SearchOutcome(NamedTuple):
    """A search's results, with what the user should be told beside them."""

    hits: list[SearchHit]
    """The results, best first."""
    ignored_words: tuple[str, ...]
    """Query words that match nothing anywhere, so the others were searched without them."""
    set_aside: tuple[str, ...]
    """Query words no record matches together with the others, so they were left out."""
    more: int
    """How many more records match than the limit let through."""
    notes: tuple[str, ...]
    """Other things to tell the user once (such as a missing FTS5)."""
    unread: tuple[str, ...] = ()
    """Symbols of the query that are no word, left out unread (an emoji: "🎓")."""


def search_records(
    index_words: IndexWords, query: str, limit: int, *, kinds: Collection[str] | None = None
) -> SearchOutcome:
    """Search the records `index_words` reads, building the index first if need be (its
    vocabulary is kept on `index_words` for the next search or question of the store).

    QueryError for a limit below 1 or an empty, too long or wordless query.
    """
    if limit < 1:
        raise QueryError(f"limit must be 1 or more, got {limit}")
    tokens = query_words(query)  # refuse a bad query before building anything
    records = index_words.records
    index_words.index()
    notes = indexing.notes()
    ranking, index_words.vocabulary_cache = rank(
        records.db,
        query,
        tokens,
        limit,
        sources=records.only,
        kinds=kinds,
        vocabulary=index_words.vocabulary_cache,
        equivalents=declared_equivalents(records.levels, records.terms),
    )
    found = records.at_positions([item.pos for item in ranking.positions])
    hits = [
        SearchHit(found[item.pos], item.score, item.field, item.words) for item in ranking.positions
    ]
    more = ranking.total - len(hits)
    # Left-out words are named as typed ("Doğu", not its folded "dogu").
    typed: dict[str, str] = {}
    for start, end, word in word_spans(query):
        typed.setdefault(word, query[start:end])
    ignored = tuple(typed.get(word, word) for word in ranking.ignored)
    set_aside = tuple(typed.get(word, word) for word in ranking.set_aside)
    unread = tuple(unread_symbols(query))
    return SearchOutcome(hits, ignored, set_aside, more, tuple(notes), unread)


def outcome_lines(outcome: SearchOutcome) -> list[str]:
    """What to tell the user on stderr beside the results, one line each."""
    lines: list[str] = []
    if outcome.unread:
        # Said as other left-out words are: "🎓 football" searched "football" alone.
        quoted = ", ".join(f'"{piece}"' for piece in outcome.unread)
        lines.append(f"ignored {quoted}: search reads only letters and digits")
    if outcome.ignored_words:
        quoted = ", ".join(f'"{word}"' for word in outcome.ignored_words)
        verb = "it matches" if len(outcome.ignored_words) == 1 else "they match"
        lines.append(f"ignored {quoted}: {verb} nothing")
    if outcome.set_aside:
        quoted = ", ".join(f'"{word}"' for word in outcome.set_aside)
        pronoun = "it" if len(outcome.set_aside) == 1 else "them"
        lines.append(f"ignored {quoted}: no record matches {pronoun} with the other words")
    if outcome.more:
        total = len(outcome.hits) + outcome.more
        if outcome.more == 1:
            lines.append(f"1 more result; show it with --limit {total}")
        elif total > MAX_LIMIT:
            lines.append(f"{outcome.more} more results; show {MAX_LIMIT} with --limit {MAX_LIMIT}")
        else:
            lines.append(f"{outcome.more} more results; show them with --limit {total}")
    lines.extend(outcome.notes)
    return lines


def query_words(query: str) -> list[str]:
    """The words of a query that search uses, folded (`text.words`), each once.

    Stopwords are left out unless nothing else is left. QueryError if there are none.
    """
    if not query.strip():
        raise QueryError("empty query; give a word or phrase to search for")
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(
            f"query is too long ({len(query)} characters); use at most {MAX_QUERY_CHARS}"
        )
    found = list(dict.fromkeys(words(query)))
    if not found:
        raise QueryError("query has no letters or digits; give a word or phrase to search for")
    meaningful = [w for w in found if w not in STOPWORDS]
    chosen = meaningful or found
    if len(chosen) > MAX_QUERY_WORDS:
        raise QueryError(f"query has {len(chosen)} distinct words; use at most {MAX_QUERY_WORDS}")
    return chosen


#: A word the facts declare a synonym of a term matches the term this well: as a form
#: of the word would, below the word as typed (a synonym may stand for several terms).
SYNONYM_SCORE = STEM_SCORE


def declared_equivalents(
    levels: Sequence[Level], terms: Sequence[Term]
) -> dict[str, dict[str, float]]:
    """The words the facts declare to mean other words, with those words and scores.

    A level's alias is the level (`kindergarten` is preschool: 100), so it also matches
    the level's name where a record says it ("Preschool enrollment rate"), not only the
    record's level at that column's weight; a term's synonym matches the term at
    SYNONYM_SCORE (`kids`: children, students). One word for one word only: a word of a
    longer name ("tertiary" for "higher education") would match "education" anywhere.
    """
    found: dict[str, dict[str, float]] = {}

    def declare(names: Sequence[str], meant: str, score: float) -> None:
        target = words(meant)
        if len(target) != 1:
            return
        for name in names:
            said = words(name)
            if len(said) == 1 and said[0] != target[0]:
                known = found.setdefault(said[0], {})
                known[target[0]] = max(known.get(target[0], 0.0), score)

    for level in levels:
        declare(level.aliases, level.name, 100.0)
    for term in terms:
        declare(term.synonyms, term.term, SYNONYM_SCORE)
    return found


def _stem_of(connection: sqlite3.Connection, token: str, vocab: list[str]) -> str:
    """A query word's stem: from the index when it holds the word, so that a search whose
    words are all in the index never loads the stemmer (start-up time)."""
    at = bisect.bisect_left(vocab, token)
    if at < len(vocab) and vocab[at] == token:
        return index.stem_of(connection, token)
    return stem(token)


def _word_matches(
    token: str, vocab: list[str], word_stem: str, same_stem: list[str]
) -> dict[str, float]:
    """Index words that match one query word, with their 0-100 scores.

    `same_stem` are the index words that share the query word's stem, `word_stem`.
    """
    matches: dict[str, float] = dict.fromkeys(same_stem, STEM_SCORE)
    start = bisect.bisect_left(vocab, token)
    if start < len(vocab) and vocab[start] == token:
        matches[token] = 100.0
    at = bisect.bisect_left(vocab, word_stem)
    if word_stem != token and at < len(vocab) and vocab[at] == word_stem:
        matches[word_stem] = STEM_SCORE  # the stem is a word itself: "enrol"
    if len(token) == 1 and is_unspaced(token):
        # One character of Chinese, kana, ...: the pieces of names it begins ("大" -> "大学").
        for word in vocab[start : start + MATCHES_PER_WORD]:
            if not word.startswith(token):
                break
            matches.setdefault(word, PREFIX_SCORE)
    if any(ch.isdigit() for ch in token) or len(token) < 3:
        return matches  # numbers and tiny words match exactly or not at all
    for word in vocab[start:]:
        if not word.startswith(token) or len(matches) >= MATCHES_PER_WORD:
            break
        matches.setdefault(word, PREFIX_SCORE)
    from rapidfuzz import fuzz, process  # deferred: only search needs fuzzy matching

    for word, score, _index in process.extract(
        token, vocab, scorer=fuzz.ratio, score_cutoff=WORD_CUTOFF, limit=MATCHES_PER_WORD
    ):
        # a tiny index word (a code: "es" for Spain) matches exactly or not at all, as a
        # tiny query word does: "esi" is no typo of "es"
        if score > matches.get(word, 0.0) and len(word) >= 3:
            matches[word] = float(score)
    return matches


def rank(
    connection: sqlite3.Connection,
    query: str,
    tokens: list[str],
    limit: int,
    *,
    sources: Collection[str] | None = None,
    kinds: Collection[str] | None = None,
    vocabulary: index.Vocabulary | None = None,
    equivalents: dict[str, dict[str, float]] | None = None,
) -> tuple[Ranking, index.Vocabulary]:
    """The best `limit` records for a query whose words (`query_words`) are `tokens`.

    `equivalents` are the words the facts declare to mean others (`declared_equivalents`).
    Also returns the index's vocabulary, to be passed back as `vocabulary` next time.
    """
    vocabulary = index.vocabulary(connection, vocabulary)
    per_token = [
        # Numbers match exactly or not at all, and are not in the vocabulary list.
        ({token: 100.0} if index.has_word(connection, token) else {})
        if any(ch.isdigit() for ch in token)
        else _with_equivalents(
            connection,
            token,
            vocabulary.words,
            _word_matches(
                token,
                vocabulary.words,
                word_stem := _stem_of(connection, token, vocabulary.words),
                index.same_stem(connection, word_stem),
            ),
            (equivalents or {}).get(token, {}),
        )
        for token in tokens
    ]
    ignored = tuple(token for token, matches in zip(tokens, per_token, strict=True) if not matches)
    kept = [matches for matches in per_token if matches]
    if not _enough(len(kept), len(tokens)):
        return Ranking([], (), (), 0), vocabulary
    phrase = normalise_phrase(query)
    ranked = index.query(
        connection, kept, phrase, limit=limit, cutoff=RESULT_CUTOFF, sources=sources, kinds=kinds
    )
    set_aside: tuple[str, ...] = ()
    if not ranked.scores and _enough(len(kept) - 1, len(tokens)):
        # No record has all the words: leave one out. The word left out is the one
        # matched least well (a prefix or a close spelling before a word the records
        # use as typed: "red leicester" keeps "leicester", not "red" as the start of
        # "reduction"); among words matched as well, the one whose leaving out leaves
        # the fewest results (the others are the more specific), then the best top score.
        found_tokens = [t for t, matches in zip(tokens, per_token, strict=True) if matches]
        tries = []
        for left_out in range(len(kept)):
            match_quality = max(kept[left_out].values())
            others = kept[:left_out] + kept[left_out + 1 :]
            tried = index.query(
                connection,
                others,
                phrase,
                limit=limit,
                cutoff=RESULT_CUTOFF,
                sources=sources,
                kinds=kinds,
            )
            if tried.scores:
                tries.append(
                    (match_quality, tried.found, -tried.scores[0][1], left_out, tried, others)
                )
        if tries:
            _quality, _found, _top, left_out, ranked, kept = min(tries, key=lambda t: t[:4])
            set_aside = (found_tokens[left_out],)
    positions = [_explain(connection, kept, pos, score) for pos, score in ranked.scores]
    return Ranking(positions, ignored, set_aside, ranked.found), vocabulary


def _with_equivalents(
    connection: sqlite3.Connection,
    token: str,
    vocab: list[str],
    matches: dict[str, float],
    declared: dict[str, float],
) -> dict[str, float]:
    """A query word's matches, with the words the facts declare it means and its other
    English spelling ("programmes": "programs", as a form of the word at STEM_SCORE).

    Without the other spelling, "programmes" met "programs" only as a close spelling
    (88.9), below "progress" in a record's name once the weights were applied.
    """
    at = bisect.bisect_left(vocab, token)
    if not (at < len(vocab) and vocab[at] == token):  # a word the records use is theirs
        for other in respellings(token):
            spelt = bisect.bisect_left(vocab, other)
            if spelt < len(vocab) and vocab[spelt] == other:
                for word in (
                    other,
                    *index.same_stem(connection, _stem_of(connection, other, vocab)),
                ):
                    if matches.get(word, 0.0) < STEM_SCORE:
                        matches[word] = STEM_SCORE
    for word, score in declared.items():
        found = bisect.bisect_left(vocab, word)
        if found < len(vocab) and vocab[found] == word and matches.get(word, 0.0) < score:
            matches[word] = score
    return matches


def _enough(counted: int, words: int) -> bool:
    """Whether a search may go ahead on `counted` of the query's `words`: half at least.

    Forgiving a word or two must not turn a query that is mostly unknown (or junk) into
    the records that one stray word happens to resemble.
    """
    return counted > 0 and counted * 2 >= words


def _explain(
    connection: sqlite3.Connection, kept: list[dict[str, float]], pos: int, score: float
) -> RankedPosition:
    """Which field and words of a ranked record the query matched best."""
    column_of: dict[str, str] = {}
    for column, column_words in index.record_words(connection, pos).items():
        for word in column_words:
            column_of.setdefault(word, column)  # columns come best first
    scores = [0.0] * len(kept)
    fields = [""] * len(kept)
    matched = [""] * len(kept)
    for number, matches in enumerate(kept):
        for word, word_score in matches.items():
            holder = column_of.get(word)
            if holder is None:
                continue
            value = word_score * index.WEIGHTS[holder]
            if value > scores[number]:
                scores[number], fields[number], matched[number] = value, holder, word
    top = max(range(len(kept)), key=scores.__getitem__)
    found = frozenset(word for word, value in zip(matched, scores, strict=True) if value > 0)
    return RankedPosition(pos, score, fields[top], found)
