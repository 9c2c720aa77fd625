"""Typo-tolerant ranked search over the word index of a knowledge base."""

from __future__ import annotations

import bisect
import sqlite3
from array import array
from typing import NamedTuple

from cqedu.errors import QueryError
from cqedu.text import normalise_phrase, words

MAX_QUERY_CHARS = 500
MAX_QUERY_WORDS = 16
#: A query word matches an index word at this rapidfuzz ratio (0-100) or above.
WORD_CUTOFF = 75.0
#: A query word that starts an index word ("leic" -> "leicester") scores this.
PREFIX_SCORE = 90.0
#: Fuzzy matches kept per query word, best first; bounds the work on huge indexes.
MATCHES_PER_WORD = 40
#: A record scoring below this (0-100) is not a result.
RESULT_CUTOFF = 60.0

#: Words of natural phrasing that say nothing about which record is meant.
STOPWORDS = frozenset(
    (
        "a an the of in on at for to with and or by from about into how many much what which"
        " who whom whose where when why is are was were be been being do does did has have had"
        " there their its it this that these those number count total me show tell give list"
        " find i we you any some all chongqing city cq s"
    ).split()
)


class RankedPosition(NamedTuple):
    """One ranked result before its record is read."""

    pos: int
    """Position of the record in the index."""
    score: float
    """Match quality, 0-100."""
    field: str
    """The field whose word matched best."""
    words: frozenset[str]
    """The record's words that the query matched, for highlighting."""


def query_words(query: str) -> list[str]:
    """The words of a query that search uses, or a QueryError if there are none."""
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


def _word_matches(token: str, vocab: list[str]) -> dict[str, float]:
    """Index words that match one query word, with their 0-100 scores."""
    matches: dict[str, float] = {}
    start = bisect.bisect_left(vocab, token)
    if start < len(vocab) and vocab[start] == token:
        matches[token] = 100.0
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
        if score > matches.get(word, 0.0):
            matches[word] = float(score)
    return matches


def _postings(connection: sqlite3.Connection, keys: list[str]) -> dict[str, array[int]]:
    """Packed postings (position * 256 + code) of index words and phrases."""
    found: dict[str, array[int]] = {}
    for offset in range(0, len(keys), 500):
        chunk = keys[offset : offset + 500]
        marks = ", ".join("?" * len(chunk))
        for word, blob in connection.execute(
            f"SELECT word, postings FROM words WHERE word IN ({marks})",  # noqa: S608 - placeholders only
            chunk,
        ):
            packed = array("I")
            packed.frombytes(blob)
            found[word] = packed
    return found


def rank(
    connection: sqlite3.Connection, query: str, tokens: list[str], limit: int
) -> list[RankedPosition]:
    """The best `limit` records for a query whose words (`query_words`) are `tokens`."""
    from cqedu.index import FIELD_NAMES, FIELD_WEIGHTS, PHRASE_PREFIX

    vocab = [
        row[0]
        for row in connection.execute("SELECT word FROM words WHERE word >= ' ' ORDER BY word")
    ]
    per_token = [_word_matches(token, vocab) for token in tokens]
    matched = sorted({word for matches in per_token for word in matches})
    if not matched:
        return []
    phrase = PHRASE_PREFIX + normalise_phrase(query)
    postings = _postings(connection, [*matched, phrase])
    weights = [FIELD_WEIGHTS[name] for name in FIELD_NAMES]

    count = len(tokens)
    # Per record: for each query word, the best weighted score, its field code and word.
    best: dict[int, list[float]] = {}
    best_code: dict[int, list[int]] = {}
    best_word: dict[int, list[str]] = {}
    for index, matches in enumerate(per_token):
        for word, score in matches.items():
            for packed in postings.get(word, ()):
                pos = packed >> 8
                code = packed & 0xFF
                value = score * weights[code]
                scores = best.get(pos)
                if scores is None:
                    scores = best[pos] = [0.0] * count
                    best_code[pos] = [0] * count
                    best_word[pos] = [""] * count
                if value > scores[index]:
                    scores[index] = value
                    best_code[pos][index] = code
                    best_word[pos][index] = word

    exact = {packed >> 8: packed & 0xFF for packed in postings.get(phrase, ())}
    lengths = array("H")
    row = connection.execute("SELECT data FROM blobs WHERE name = 'name_lengths'").fetchone()
    lengths.frombytes(row[0])
    ranked: list[tuple[float, int, int, int]] = []
    for pos, scores in best.items():
        score = round(sum(scores) / count, 1)
        if score >= RESULT_CUTOFF:
            ranked.append((-score, -exact.get(pos, 0), lengths[pos], pos))
    ranked.sort()
    results: list[RankedPosition] = []
    for neg_score, _, _, pos in ranked[:limit]:
        scores = best[pos]
        top = max(range(count), key=scores.__getitem__)
        field = FIELD_NAMES[best_code[pos][top]]
        words = frozenset(w for w, s in zip(best_word[pos], scores, strict=True) if s > 0)
        results.append(RankedPosition(pos, -neg_score, field, words))
    return results
