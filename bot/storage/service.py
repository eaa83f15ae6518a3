"""Storage as the bot uses it: writes that never hold up an answer, and the daily purge.

A write is queued (bounded) and done by one background task; a failure is logged, at most
once a minute with a count of the others, and never reaches the answer that caused it. Misses
and votes older than the retention period are deleted at start and then once a day.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable

from bot.core.engine import Engine
from bot.core.feedback import MissRecord, VoteRecord
from bot.core.misses import MissesReport, build_report
from bot.storage.base import DAY_SECONDS, Store
from bot.storage.identity import user_hash

log = logging.getLogger(__name__)

QUEUE_SIZE = 10_000  # a burst far beyond Discord's rate limits still fits
ERROR_EVERY = 60.0  # seconds between two logged storage errors: a dead database logs little
CLOSE_TIMEOUT = 5.0  # seconds to finish queued writes at shutdown

Job = Callable[[], Awaitable[None]]


class StorageService:
    """One store, its write queue and its purge loop, for the lifetime of the bot."""

    def __init__(
        self,
        store: Store,
        salt: Callable[[], bytes],
        *,
        retention_days: float,
        purge_every: float = DAY_SECONDS,
        queue_size: int = QUEUE_SIZE,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.store = store
        self.retention_days = retention_days
        self.purge_every = purge_every
        self._salt_source = salt
        self._salt: bytes | None = None
        self._queue: asyncio.Queue[tuple[str, Job]] = asyncio.Queue(queue_size)
        self._tasks: list[asyncio.Task[None]] = []
        self._clock = clock
        self._last_report = -ERROR_EVERY
        self._unreported = 0
        self.failures = 0
        self.dropped = 0

    def hash_user(self, user_id: int) -> str:
        if self._salt is None:
            self._salt = self._salt_source()
        return user_hash(user_id, self._salt)

    # --- writes: queued, never awaited by the caller --------------------------------------
    def record_miss(self, miss: MissRecord) -> None:
        self._submit("miss", lambda: self.store.record_miss(miss))

    def record_vote(self, vote: VoteRecord) -> None:
        self._submit("vote", lambda: self.store.record_vote(vote))

    def _submit(self, what: str, job: Job) -> None:
        try:
            self._queue.put_nowait((what, job))
        except asyncio.QueueFull:
            self.dropped += 1
            self._report(logging.WARNING, f"Storage queue full: a {what} was dropped")

    async def _drain(self) -> None:
        while True:
            what, job = await self._queue.get()
            try:
                await job()
            except Exception:
                self.failures += 1
                self._report(logging.ERROR, f"Could not store a {what}", exc_info=True)
            finally:
                self._queue.task_done()

    def _report(self, level: int, text: str, *, exc_info: bool = False) -> None:
        now = self._clock()
        if now - self._last_report < ERROR_EVERY:
            self._unreported += 1
            return
        others = f" ({self._unreported} more since the last report)" if self._unreported else ""
        log.log(level, "%s in %s%s", text, self.store.describe(), others, exc_info=exc_info)
        self._last_report, self._unreported = now, 0

    # --- lifetime --------------------------------------------------------------------------
    async def start(self) -> None:
        log.info(
            "Keeping misses and votes in %s for %g days", self.store.describe(), self.retention_days
        )
        self._tasks = [
            asyncio.create_task(self._drain(), name="vyzov-storage-writer"),
            asyncio.create_task(self._purge_daily(), name="vyzov-storage-purge"),
        ]

    async def _purge_daily(self) -> None:
        while True:
            try:
                gone = await self.store.purge(self.retention_days)
            except Exception:
                log.exception("Storage %s is not usable now", self.store.describe())
            else:
                if gone:
                    log.info(
                        "Purged %d misses and votes older than %g days", gone, self.retention_days
                    )
            await asyncio.sleep(self.purge_every)

    async def flush(self) -> None:
        """Wait until every queued write is done (or has failed)."""
        await self._queue.join()

    async def close(self, within: float = CLOSE_TIMEOUT) -> None:
        """Finish the queued writes (for at most `within` seconds), then close the store."""
        if self._tasks:
            try:
                await asyncio.wait_for(self._queue.join(), within)
            except TimeoutError:
                log.warning("Shutdown: %d storage writes not done", self._queue.qsize())
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._tasks = []
        try:
            await self.store.close()
        except Exception:
            log.exception("Closing %s failed", self.store.describe())


async def collect_report(store: Store, engine: Engine, days: int) -> MissesReport:
    """Read the period's misses and votes, then group them off the event loop."""
    misses = await store.misses(days)
    downvoted = await store.downvoted(days)
    return await asyncio.to_thread(build_report, misses, downvoted, engine, days=days)
