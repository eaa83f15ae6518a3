"""The default store: one SQLite file in the data directory, no set-up.

sqlite3 blocks, so every call runs on one worker thread of its own (which also serialises
them): the event loop never waits on the disk.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import json
import sqlite3
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from bot.core.feedback import MissRecord, ScoredEntry, VoteRecord
from bot.storage import migrations
from bot.storage.base import Store, StoreError, miss_from_row, since, vote_from_row

T = TypeVar("T")
BUSY_TIMEOUT_MS = 5_000  # another process (python -m bot misses) may hold the lock briefly


def stamp(moment: dt.datetime) -> str:
    """UTC ISO text with microseconds always present, so text order is time order."""
    return moment.astimezone(dt.UTC).isoformat(timespec="microseconds")


def candidates_json(candidates: tuple[ScoredEntry, ...]) -> str:
    return json.dumps(
        [{"entry": c.entry_id, "score": c.score, "phrasing": c.phrasing} for c in candidates],
        ensure_ascii=False,
    )


def miss_row(miss: MissRecord, at: object) -> tuple[object, ...]:
    """A miss as the misses table's columns, in order, with `at` as the database takes times."""
    return (
        at,
        miss.question,
        miss.lang,
        miss.status,
        miss.confidence,
        candidates_json(miss.candidates),
        miss.guild_id,
        miss.channel_id,
    )


def candidates_from(text: str) -> tuple[ScoredEntry, ...]:
    return tuple(
        ScoredEntry(str(c["entry"]), float(c["score"]), str(c["phrasing"]))
        for c in json.loads(text)
    )


@contextlib.contextmanager
def _transaction(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


class SqliteStore(Store):
    kind = "sqlite"

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._executor: ThreadPoolExecutor | None = None
        self._db: sqlite3.Connection | None = None

    def describe(self) -> str:
        return f"SQLite at {self.path}"

    async def _run(self, work: Callable[[sqlite3.Connection], T]) -> T:
        if self._executor is None:
            self._executor = ThreadPoolExecutor(1, thread_name_prefix="vyzov-sqlite")
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, self._call, work)

    def _call(self, work: Callable[[sqlite3.Connection], T]) -> T:
        if self._db is None:
            self._db = self._connect()
        return work(self._db)

    def _connect(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.path, isolation_level=None)  # transactions are explicit
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"cannot open {self.describe()}: {exc}") from exc
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA journal_mode = WAL")
        try:
            _migrate(db)
        except BaseException:
            db.close()
            raise
        return db

    async def open(self) -> None:
        await self._run(lambda db: None)

    async def record_miss(self, miss: MissRecord) -> None:
        row = miss_row(miss, stamp(miss.at))

        def write(db: sqlite3.Connection) -> None:
            db.execute(
                "INSERT INTO misses (at, question, lang, status, confidence, candidates, "
                "guild_id, channel_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                row,
            )

        await self._run(write)

    async def record_vote(self, vote: VoteRecord) -> None:
        row = (
            vote.answer_id,
            vote.user_hash,
            vote.entry_id,
            int(vote.up),
            vote.reason,
            vote.question,
            stamp(vote.at),
        )
        query = migrations.UPSERT_VOTE.format(p="?")

        def write(db: sqlite3.Connection) -> None:
            db.execute(query, row)

        await self._run(write)

    async def misses(self, days: float) -> list[MissRecord]:
        rows = await self._select(migrations.SELECT_MISSES, days)
        return [
            miss_from_row(row, candidates_from(row[4]), dt.datetime.fromisoformat(row[7]))
            for row in rows
        ]

    async def votes(self, days: float) -> list[VoteRecord]:
        rows = await self._select(migrations.SELECT_VOTES, days)
        return [vote_from_row(row, dt.datetime.fromisoformat(row[6])) for row in rows]

    async def _select(self, query: str, days: float) -> list[tuple[Any, ...]]:
        cutoff = stamp(since(days))

        def read(db: sqlite3.Connection) -> list[tuple[Any, ...]]:
            return db.execute(query.format(p="?"), (cutoff,)).fetchall()

        return await self._run(read)

    async def purge(self, older_than_days: float) -> int:
        cutoff = stamp(since(older_than_days))

        def delete(db: sqlite3.Connection) -> int:
            with _transaction(db):
                gone = db.execute("DELETE FROM misses WHERE at < ?", (cutoff,)).rowcount
                gone += db.execute("DELETE FROM votes WHERE at < ?", (cutoff,)).rowcount
            return gone

        return await self._run(delete)

    async def close(self) -> None:
        executor, self._executor = self._executor, None
        if executor is None:
            return

        def shut() -> None:
            if self._db is not None:
                self._db.close()
                self._db = None

        await asyncio.get_running_loop().run_in_executor(executor, shut)
        executor.shutdown(wait=True)


def _migrate(db: sqlite3.Connection) -> None:
    with _transaction(db):
        db.execute(migrations.VERSION_TABLE["sqlite"])
        (current,) = db.execute("SELECT COALESCE(MAX(version), 0) FROM schema_version").fetchone()
        for version, statements in migrations.pending("sqlite", int(current)):
            for statement in statements:
                db.execute(statement)
            db.execute(
                "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)",
                (version, stamp(dt.datetime.now(dt.UTC))),
            )
