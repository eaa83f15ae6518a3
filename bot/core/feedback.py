"""What the bot keeps about its answers: missed questions and votes, as plain records.

A miss is a question that got no answer, or an answer the engine was not sure of. Nothing here
knows where records are stored (`bot.storage`) or how they reach it; user ids never appear,
only their salted hashes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal, get_args

from bot.core.engine import Decision
from bot.core.reply import Reply

Reason = Literal["wrong-work", "wrong-fact", "outdated", "other"]
REASONS: tuple[Reason, ...] = get_args(Reason)
# Measured on tests/data/questions.yaml: answers below 0.7 were wrong 5 times in 13,
# answers at or above it 11 times in about 300. Below it an answer counts as a miss too.
LOW_CONFIDENCE = 0.7
MISS_CANDIDATES = 3  # the best entries kept with a miss: what it came closest to
MISSED_STATUSES = frozenset({"abstained", "ambiguous"})  # "empty": no question words at all
MAX_QUESTION = 500  # characters of a question kept (the /ask option's own limit)
EXAMPLES_PER_ANSWER = 3

_MENTION = re.compile(r"<(@[!&]?|#)(\d+)>")
_MENTION_NAMES = {"@": "@user", "@!": "@user", "@&": "@role", "#": "#channel"}


@dataclass(frozen=True, slots=True)
class ScoredEntry:
    """One candidate entry for a question, with the engine's score and closest phrasing."""

    entry_id: str
    score: float
    phrasing: str


@dataclass(frozen=True, slots=True)
class MissRecord:
    """A question the bot did not answer, or answered with low confidence."""

    question: str
    lang: str
    status: str  # the engine's: abstained, ambiguous, or answered (with low confidence)
    confidence: float
    candidates: tuple[ScoredEntry, ...]
    guild_id: int | None
    channel_id: int | None
    at: dt.datetime


@dataclass(frozen=True, slots=True)
class VoteRecord:
    """One person's vote on one answer; a later vote by the same person replaces it."""

    answer_id: str
    entry_id: str
    user_hash: str  # HMAC-SHA256 of the user id with the deployment's salt, never the id
    up: bool
    reason: Reason | None
    question: str | None
    at: dt.datetime


@dataclass(frozen=True, slots=True)
class DownvotedAnswer:
    """Votes on one entry's answers over a period: how many down and up, and why."""

    entry_id: str
    down: int
    up: int
    reasons: tuple[tuple[str, int], ...]  # most given first; "unsaid" when no reason was picked
    questions: tuple[str, ...]  # a few of the questions it was the answer to, most voted first


def scrub(text: str) -> str:
    """The question as stored: mentions replaced by their kind (no user id kept), trimmed."""
    text = _MENTION.sub(lambda m: _MENTION_NAMES[m.group(1)], text)
    return " ".join(text.split())[:MAX_QUESTION]


def is_miss(reply: Reply, low_confidence: float = LOW_CONFIDENCE) -> bool:
    """No answer to a real question, or an answer below `low_confidence`."""
    if reply.status in MISSED_STATUSES:
        return True
    return reply.answered and reply.confidence < low_confidence


def miss_record(
    reply: Reply,
    decision: Decision,
    *,
    guild_id: int | None,
    channel_id: int | None,
    at: dt.datetime | None = None,
) -> MissRecord:
    candidates = tuple(
        ScoredEntry(c.entry.id, round(c.score, 3), c.phrasing)
        for c in decision.ranked[:MISS_CANDIDATES]
        if c.score > 0  # an entry sharing nothing with the question is no candidate
    )
    return MissRecord(
        question=scrub(reply.question),
        lang=reply.lang,
        status=reply.status,
        confidence=reply.confidence,
        candidates=candidates,
        guild_id=guild_id,
        channel_id=channel_id,
        at=at or dt.datetime.now(dt.UTC),
    )


def downvoted(votes: Iterable[VoteRecord]) -> list[DownvotedAnswer]:
    """Entries with at least one 👎, most 👎 first (then fewest 👍)."""
    down: Counter[str] = Counter()
    up: Counter[str] = Counter()
    reasons: dict[str, Counter[str]] = defaultdict(Counter)
    questions: dict[str, Counter[str]] = defaultdict(Counter)
    for vote in votes:
        if vote.up:
            up[vote.entry_id] += 1
            continue
        down[vote.entry_id] += 1
        reasons[vote.entry_id][vote.reason or "unsaid"] += 1
        if vote.question:
            questions[vote.entry_id][vote.question] += 1
    result = [
        DownvotedAnswer(
            entry_id=entry_id,
            down=count,
            up=up[entry_id],
            reasons=tuple(reasons[entry_id].most_common()),
            questions=tuple(q for q, _ in questions[entry_id].most_common(EXAMPLES_PER_ANSWER)),
        )
        for entry_id, count in down.items()
    ]
    result.sort(key=lambda d: (-d.down, d.up, d.entry_id))
    return result
