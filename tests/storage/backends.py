"""The two stores under test, and their raw tables.

PostgreSQL is the server at DATABASE_URL (`.ci/run` starts a throwaway one); without it the
PostgreSQL half of each test is skipped, saying why, unless VYZOV_REQUIRE_POSTGRES=1 (as in
CI), where it fails instead.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

import psycopg
import pytest

from bot.storage.base import Store
from bot.storage.postgres import PostgresStore
from bot.storage.sqlite import SqliteStore

BACKENDS = ["sqlite", "postgresql"]
TABLES = ("misses", "votes", "schema_version")


def postgres_url() -> str:
    """DATABASE_URL, with the store's tables dropped; skips (or fails in CI) without a server."""
    url = os.environ.get("DATABASE_URL", "")
    reason = None
    if not url:
        reason = "DATABASE_URL is not set, so there is no PostgreSQL to test (.ci/run starts one)"
    else:
        try:
            with psycopg.connect(url, connect_timeout=3, autocommit=True) as db:
                db.execute("DROP TABLE IF EXISTS misses, votes, schema_version")
        except psycopg.Error as exc:
            reason = f"the PostgreSQL server at DATABASE_URL cannot be used: {exc}"
    if reason is not None:
        if os.environ.get("VYZOV_REQUIRE_POSTGRES") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    return url


def make_store(backend: str, data_dir: Path) -> Store:
    if backend == "sqlite":
        return SqliteStore(data_dir / "vyzov.sqlite3")
    return PostgresStore(postgres_url())


def raw_rows(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, read with the plain driver (not through the store)."""
    if isinstance(store, SqliteStore):
        with sqlite3.connect(store.path) as db:
            names = [n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
            return {name: db.execute(f"SELECT * FROM {name}").fetchall() for name in names}
    assert isinstance(store, PostgresStore)
    with psycopg.connect(os.environ["DATABASE_URL"]) as db:
        return {name: db.execute(f"SELECT * FROM {name}").fetchall() for name in TABLES}


def dump(store: Store) -> str:
    """All the database holds, as one text to search."""
    return repr(raw_rows(store))


class FailingStore(SqliteStore):
    """Opens and reads as SQLite, and raises on every write: a database gone bad."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.attempts = 0

    async def record_miss(self, miss: object) -> None:  # type: ignore[override]
        self.attempts += 1
        raise RuntimeError("disk on fire")

    async def record_vote(self, vote: object) -> None:  # type: ignore[override]
        self.attempts += 1
        raise RuntimeError("disk on fire")
