"""The shared store: PostgreSQL at DATABASE_URL, through psycopg 3's asyncio API.

One connection, used by one coroutine at a time, reopened after it breaks. Several bot
processes (shards) may share the database: migrations take an advisory lock, so only one
process migrates and the others wait for it.
"""

from __future__ import annotations

import asyncio
from typing import Any

import psycopg
from psycopg import conninfo

from bot.core.feedback import MissRecord, VoteRecord
from bot.storage import migrations
from bot.storage.base import Store, StoreError, miss_from_row, since, vote_from_row
from bot.storage.sqlite import candidates_from, miss_row

CONNECT_TIMEOUT = 5  # seconds; a store that does not answer must not hold up shutdown for long
MIGRATION_LOCK = 0x76797A6F76  # "vyzov": one number for pg_advisory_xact_lock

Connection = psycopg.AsyncConnection[tuple[Any, ...]]


class PostgresStore(Store):
    kind = "postgresql"

    def __init__(self, url: str) -> None:
        self._url = url
        self._db: Connection | None = None
        self._lock = asyncio.Lock()

    def describe(self) -> str:
        try:
            parts = conninfo.conninfo_to_dict(self._url)
        except psycopg.ProgrammingError:
            return "PostgreSQL (DATABASE_URL cannot be read)"
        host = parts.get("host") or "local socket"
        port = f":{parts['port']}" if parts.get("port") else ""
        return f"PostgreSQL at {host}{port}/{parts.get('dbname') or parts.get('user') or ''}"

    async def _connection(self) -> Connection:
        if self._db is not None and not self._db.closed and not self._db.broken:
            return self._db
        if self._db is not None:
            await self._db.close()
            self._db = None
        try:
            db = await psycopg.AsyncConnection.connect(
                self._url, autocommit=True, connect_timeout=CONNECT_TIMEOUT
            )
        except (psycopg.Error, ValueError) as exc:
            raise StoreError(f"cannot connect to {self.describe()}: {exc}") from exc
        try:
            await _migrate(db)
        except BaseException:
            await db.close()
            raise
        self._db = db
        return db

    async def open(self) -> None:
        async with self._lock:
            await self._connection()

    async def _execute(self, query: str, params: tuple[Any, ...]) -> None:
        async with self._lock:
            db = await self._connection()
            await db.execute(query, params)

    async def _fetch(self, query: str, params: tuple[Any, ...]) -> list[tuple[Any, ...]]:
        async with self._lock:
            db = await self._connection()
            cursor = await db.execute(query, params)
            return await cursor.fetchall()

    async def record_miss(self, miss: MissRecord) -> None:
        await self._execute(
            "INSERT INTO misses (at, question, lang, status, confidence, candidates, "
            "guild_id, channel_id) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
            miss_row(miss, miss.at),
        )

    async def record_vote(self, vote: VoteRecord) -> None:
        await self._execute(
            migrations.UPSERT_VOTE.format(p="%s"),
            (
                vote.answer_id,
                vote.user_hash,
                vote.entry_id,
                vote.up,
                vote.reason,
                vote.question,
                vote.at,
            ),
        )

    async def misses(self, days: float) -> list[MissRecord]:
        rows = await self._fetch(migrations.SELECT_MISSES.format(p="%s"), (since(days),))
        return [miss_from_row(row, candidates_from(row[4]), row[7]) for row in rows]

    async def votes(self, days: float) -> list[VoteRecord]:
        rows = await self._fetch(migrations.SELECT_VOTES.format(p="%s"), (since(days),))
        return [vote_from_row(row, row[6]) for row in rows]

    async def purge(self, older_than_days: float) -> int:
        cutoff = since(older_than_days)
        async with self._lock:
            db = await self._connection()
            async with db.transaction():
                misses = await db.execute("DELETE FROM misses WHERE at < %s", (cutoff,))
                votes = await db.execute("DELETE FROM votes WHERE at < %s", (cutoff,))
                return max(misses.rowcount, 0) + max(votes.rowcount, 0)

    async def close(self) -> None:
        async with self._lock:
            if self._db is not None:
                await self._db.close()
                self._db = None


async def _migrate(db: Connection) -> None:
    async with db.transaction():
        await db.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
        await db.execute(migrations.VERSION_TABLE["postgresql"])
        cursor = await db.execute("SELECT COALESCE(MAX(version), 0) FROM schema_version")
        row = await cursor.fetchone()
        current = int(row[0]) if row else 0
        for version, statements in migrations.pending("postgresql", current):
            for statement in statements:
                await db.execute(statement)
            await db.execute(
                "INSERT INTO schema_version (version, applied_at) VALUES (%s, now())", (version,)
            )
