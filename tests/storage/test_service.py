"""Storage as the bot uses it: queued writes that never raise, errors logged but not flooded,
the retention purge, the user-id salt, and which store the settings choose."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import os
import sys
from pathlib import Path

import pytest

from bot.core.feedback import MissRecord
from bot.settings import Settings
from bot.storage import service
from bot.storage.base import StoreError
from bot.storage.factory import open_store, user_id_salt
from bot.storage.identity import SALT_FILE
from bot.storage.postgres import PostgresStore
from bot.storage.service import StorageService
from bot.storage.sqlite import SqliteStore
from tests.storage.backends import FailingStore

NOW = dt.datetime.now(dt.UTC)


def miss(question: str, days_ago: float = 0) -> MissRecord:
    at = NOW - dt.timedelta(days=days_ago)
    return MissRecord(question, "en", "abstained", 0.2, (), 1, 2, at)


def settings(tmp_path: Path, **values: object) -> Settings:
    values.setdefault("database_url", None)  # whatever the environment says
    return Settings(_env_file=None, data_dir=tmp_path / "data", **values)  # type: ignore[arg-type]


@pytest.mark.asyncio
async def test_writes_are_queued_and_done_in_the_background(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "vyzov.sqlite3")
    storage = StorageService(store, lambda: b"salt" * 4, retention_days=30)
    await storage.start()
    storage.record_miss(miss("one"))  # returns at once: nothing awaited
    storage.record_miss(miss("two"))
    await storage.flush()
    assert [m.question for m in await store.misses(1)] == ["two", "one"]
    await storage.close()


@pytest.mark.asyncio
async def test_close_finishes_the_queued_writes_first(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "vyzov.sqlite3")
    storage = StorageService(store, lambda: b"salt" * 4, retention_days=30)
    await storage.start()
    for number in range(20):
        storage.record_miss(miss(f"q{number}"))
    await storage.close()
    reopened = SqliteStore(store.path)
    assert len(await reopened.misses(1)) == 20
    await reopened.close()


@pytest.mark.asyncio
async def test_failing_writes_never_raise_and_are_logged_at_most_once_a_minute(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    now = [1000.0]
    store = FailingStore(tmp_path / "vyzov.sqlite3")
    storage = StorageService(store, lambda: b"salt" * 4, retention_days=30, clock=lambda: now[0])
    await storage.start()
    with caplog.at_level(logging.ERROR, logger=service.__name__):
        for _ in range(5):
            storage.record_miss(miss("lost"))
        await storage.flush()
        now[0] += service.ERROR_EVERY
        storage.record_miss(miss("lost"))
        await storage.flush()
    await storage.close()
    assert store.attempts == 6
    assert storage.failures == 6
    logged = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert len(logged) == 2
    assert logged[0].exc_info is not None
    assert "disk on fire" in str(logged[0].exc_info[1])
    assert "Could not store a miss in SQLite at" in logged[0].getMessage()
    assert "(4 more since the last report)" in logged[1].getMessage()


@pytest.mark.asyncio
async def test_a_full_queue_drops_writes_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store = SqliteStore(tmp_path / "vyzov.sqlite3")
    storage = StorageService(store, lambda: b"salt" * 4, retention_days=30, queue_size=2)
    with caplog.at_level(logging.WARNING, logger=service.__name__):
        for number in range(5):  # not started: nothing drains the queue
            storage.record_miss(miss(f"q{number}"))
    assert storage.dropped == 3
    assert any("queue full" in r.getMessage() for r in caplog.records)
    await storage.start()
    await storage.close()
    assert len(await store.misses(1)) == 2
    await store.close()


@pytest.mark.asyncio
async def test_old_records_are_purged_at_start_and_then_periodically(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "vyzov.sqlite3")
    await store.record_miss(miss("old", days_ago=10))
    await store.record_miss(miss("new"))
    purges = 0
    real_purge = store.purge

    async def counting(days: float) -> int:
        nonlocal purges
        purges += 1
        return await real_purge(days)

    store.purge = counting  # type: ignore[method-assign]
    storage = StorageService(store, lambda: b"salt" * 4, retention_days=7, purge_every=0.01)
    await storage.start()
    for _ in range(100):
        if purges >= 3:
            break
        await asyncio.sleep(0.01)
    await storage.close()
    assert purges >= 3
    reopened = SqliteStore(store.path)
    assert [m.question for m in await reopened.misses(3650)] == ["new"]
    await reopened.close()


def test_the_salt_is_generated_once_kept_private_and_reused(tmp_path: Path) -> None:
    first = user_id_salt(settings(tmp_path))
    path = tmp_path / "data" / SALT_FILE
    assert path.is_file()
    assert os.stat(path).st_mode & 0o777 == 0o600
    assert len(first) == 64
    assert user_id_salt(settings(tmp_path)) == first


def test_a_salt_from_the_settings_wins(tmp_path: Path) -> None:
    chosen = "a-salt-chosen-by-the-admin"
    assert user_id_salt(settings(tmp_path, user_id_salt=chosen)) == chosen.encode()
    assert not (tmp_path / "data" / SALT_FILE).exists()


def test_a_shared_database_without_a_salt_setting_warns(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        user_id_salt(settings(tmp_path, database_url="postgresql://x@127.0.0.1/db"))
    assert any("VYZOV_USER_ID_SALT" in r.getMessage() for r in caplog.records)


def test_sqlite_in_the_data_directory_by_default(tmp_path: Path) -> None:
    store = open_store(settings(tmp_path))
    assert isinstance(store, SqliteStore)
    assert store.path == tmp_path / "data" / "vyzov.sqlite3"


def test_postgresql_when_database_url_is_set(tmp_path: Path) -> None:
    store = open_store(settings(tmp_path, database_url="postgresql://u:secret@db.local:5433/bot"))
    assert isinstance(store, PostgresStore)
    assert store.describe() == "PostgreSQL at db.local:5433/bot"


def test_a_missing_postgresql_driver_is_explained(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "bot.storage.postgres", None)  # import fails
    with pytest.raises(StoreError, match=r"DATABASE_URL is set, but the PostgreSQL driver"):
        open_store(settings(tmp_path, database_url="postgresql://u@127.0.0.1/bot"))
