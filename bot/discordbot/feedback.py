"""Feedback on answers, for the bot: misses recorded, votes counted, explanations kept.

Nothing here may stop an answer: writes are queued (`bot.storage.service`), and an error while
noting an answer is logged and forgotten.
"""

from __future__ import annotations

import datetime as dt
import logging

from bot.core.engine import Engine
from bot.core.explanation import Explanation, Explanations, explain
from bot.core.feedback import Reason, VoteRecord, is_miss, miss_record
from bot.core.misses import MissesReport
from bot.discordbot.answering import Answer
from bot.discordbot.tree import UserFacingError
from bot.settings import Settings
from bot.storage.base import Store
from bot.storage.factory import open_store, user_id_salt
from bot.storage.service import StorageService, collect_report

log = logging.getLogger(__name__)

STORE_DOWN = "The feedback store cannot be read right now; the error is logged. Try again later."


class Feedback:
    """The bot's storage service, plus what each recent answer matched ("why this answer?")."""

    def __init__(self, settings: Settings, store: Store | None = None) -> None:
        self.storage = StorageService(
            store if store is not None else open_store(settings),
            lambda: user_id_salt(settings),
            retention_days=settings.retention_days,
        )
        self.explanations = Explanations()
        self.low_confidence = settings.low_confidence

    async def start(self) -> None:
        await self.storage.start()

    async def close(self) -> None:
        await self.storage.close()

    def after_answer(
        self,
        answer: Answer,
        *,
        asker_id: int,
        guild_id: int | None,
        channel_id: int | None,
        record_miss: bool = True,
    ) -> None:
        """Record the question if it was missed; remember why it was answered, for its asker."""
        try:
            reply = answer.reply
            if record_miss and is_miss(reply, self.low_confidence):
                self.storage.record_miss(
                    miss_record(reply, answer.decision, guild_id=guild_id, channel_id=channel_id)
                )
            if reply.answered:
                explanation = explain(
                    answer.decision,
                    answer.snapshot.kb,
                    question=reply.question,
                    asker_hash=self.storage.hash_user(asker_id),
                )
                if explanation is not None:
                    self.explanations.put(answer.answer_id, explanation)
        except Exception:
            log.exception("Could not note feedback for answer %s", answer.answer_id)

    def vote(
        self, *, answer_id: str, entry_id: str, user_id: int, up: bool, reason: Reason | None = None
    ) -> None:
        """Count one vote (queued); the same user's later vote on the answer replaces it."""
        known = self.explanations.get(answer_id)
        question = known.question if known is not None and known.entry_id == entry_id else None
        self.storage.record_vote(
            VoteRecord(
                answer_id=answer_id,
                entry_id=entry_id,
                user_hash=self.storage.hash_user(user_id),
                up=up,
                reason=reason,
                question=question,
                at=dt.datetime.now(dt.UTC),
            )
        )

    def explanation(self, answer_id: str, entry_id: str) -> Explanation | None:
        found = self.explanations.get(answer_id)
        return found if found is not None and found.entry_id == entry_id else None

    def is_asker(self, explanation: Explanation, user_id: int) -> bool:
        return explanation.asker_hash == self.storage.hash_user(user_id)

    async def report(self, days: int, engine: Engine) -> MissesReport:
        """The misses report of the last `days` days; a store error becomes a short message."""
        try:
            return await collect_report(self.storage.store, engine, days)
        except Exception as exc:
            log.exception("Could not read the misses report from %s", self.storage.store.describe())
            raise UserFacingError(STORE_DOWN) from exc
