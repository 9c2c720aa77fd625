"""Typo-tolerant ranked search over the word index of a knowledge base."""

from __future__ import annotations

import bisect
import sqlite3
from dataclasses import dataclass

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


@dataclass(frozen=True, slots=True)
class RankedPosition:
    """One ranked result before its record is read: position in the index and score."""

    pos: int
    score: float
    field: str


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


def rank(connection: sqlite3.Connection, query: str, limit: int) -> list[RankedPosition]:
    """The best `limit` records for a query, ranked."""
    tokens = query_words(query)
    vocab = [row[0] for row in connection.execute("SELECT word FROM vocab ORDER BY word")]
    per_token = [_word_matches(token, vocab) for token in tokens]
    matched = sorted({word for matches in per_token for word in matches})
    if not matched:
        return []
    postings: dict[str, list[tuple[int, float, str, int]]] = {}
    for offset in range(0, len(matched), 500):
        chunk = matched[offset : offset + 500]
        marks = ", ".join("?" * len(chunk))
        for word, pos, weight, field, name_len in connection.execute(
            f"SELECT word, pos, weight, field, name_len FROM words WHERE word IN ({marks})",  # noqa: S608 - placeholders only
            chunk,
        ):
            postings.setdefault(word, []).append((pos, weight, field, name_len))

    count = len(tokens)
    best: dict[int, list[float]] = {}
    best_field: dict[int, list[str]] = {}
    name_lengths: dict[int, int] = {}
    for index, matches in enumerate(per_token):
        for word, score in matches.items():
            for pos, weight, field, name_len in postings.get(word, ()):
                value = score * weight
                scores = best.get(pos)
                if scores is None:
                    scores = best[pos] = [0.0] * count
                    best_field[pos] = [""] * count
                    name_lengths[pos] = name_len
                if value > scores[index]:
                    scores[index] = value
                    best_field[pos][index] = field

    exact: dict[int, int] = dict(
        connection.execute(
            "SELECT pos, MAX(strength) FROM phrases WHERE phrase = ? GROUP BY pos",
            (normalise_phrase(query),),
        )
    )
    ranked: list[tuple[float, int, int, int, str]] = []
    for pos, scores in best.items():
        score = round(sum(scores) / count, 1)
        if score < RESULT_CUTOFF:
            continue
        top = max(range(count), key=lambda i: scores[i])
        ranked.append((-score, -exact.get(pos, 0), name_lengths[pos], pos, best_field[pos][top]))
    ranked.sort()
    return [
        RankedPosition(pos, -neg_score, field) for neg_score, _, _, pos, field in ranked[:limit]
    ]


def matched_words(connection: sqlite3.Connection, query: str, pos: int) -> frozenset[str]:
    """Words of one record that the query matched, for highlighting."""
    tokens = query_words(query)
    vocab = [row[0] for row in connection.execute("SELECT word FROM words WHERE pos = ?", (pos,))]
    vocab.sort()
    return frozenset(word for token in tokens for word in _word_matches(token, vocab))
