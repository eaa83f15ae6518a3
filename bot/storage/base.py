"""The one storage interface the bot and the command line use, whatever the database."""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import Any

from bot.core.feedback import DownvotedAnswer, MissRecord, ScoredEntry, VoteRecord, downvoted

DAY_SECONDS = 86_400.0


def since(days: float) -> dt.datetime:
    """The moment `days` ago: records from then on are in a report, older ones are purged."""
    return dt.datetime.now(dt.UTC) - dt.timedelta(seconds=days * DAY_SECONDS)


def miss_from_row(
    row: Sequence[Any], candidates: tuple[ScoredEntry, ...], at: dt.datetime
) -> MissRecord:
    """A row of SELECT_MISSES, with its candidates and time already in Python types."""
    question, lang, status, confidence, _, guild_id, channel_id, _ = row
    return MissRecord(
        question=question,
        lang=lang,
        status=status,
        confidence=float(confidence),
        candidates=candidates,
        guild_id=guild_id,
        channel_id=channel_id,
        at=at,
    )


def vote_from_row(row: Sequence[Any], at: dt.datetime) -> VoteRecord:
    """A row of SELECT_VOTES, with its time already a datetime."""
    answer_id, entry_id, user_hash, up, reason, question, _ = row
    return VoteRecord(
        answer_id=answer_id,
        entry_id=entry_id,
        user_hash=user_hash,
        up=bool(up),
        reason=reason,
        question=question,
        at=at,
    )


class StoreError(Exception):
    """The store cannot be used (unreachable, misconfigured, or a schema newer than ours)."""


class Store(ABC):
    """Misses and votes. `open` creates or migrates the schema; every method may raise."""

    kind: str  # "sqlite" or "postgresql"

    @abstractmethod
    async def open(self) -> None:
        """Connect, and create or migrate the schema; calling it again does nothing."""

    @abstractmethod
    async def record_miss(self, miss: MissRecord) -> None: ...

    @abstractmethod
    async def record_vote(self, vote: VoteRecord) -> None:
        """One vote per user per answer: a later vote replaces the earlier one. A 👎 without a
        reason keeps the reason given before for the same 👎."""

    @abstractmethod
    async def misses(self, days: float) -> list[MissRecord]:
        """Misses of the last `days` days, newest first."""

    @abstractmethod
    async def votes(self, days: float) -> list[VoteRecord]:
        """Votes of the last `days` days, newest first."""

    async def downvoted(self, days: float) -> list[DownvotedAnswer]:
        """Entries voted 👎 in the last `days` days, most 👎 first, with the reasons given."""
        return downvoted(await self.votes(days))

    @abstractmethod
    async def purge(self, older_than_days: float) -> int:
        """Delete misses and votes older than `older_than_days`; return how many went."""

    @abstractmethod
    async def close(self) -> None: ...

    @abstractmethod
    def describe(self) -> str:
        """Where the data lives, for logs and messages (never a password)."""
