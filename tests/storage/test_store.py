"""The SQLite and PostgreSQL stores pass the same tests: schema, misses, one vote per user per
answer, reasons, retention, and no user id in clear anywhere in the tables."""

from __future__ import annotations

import asyncio
import datetime as dt
import threading
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio

from bot.core.feedback import MissRecord, ScoredEntry, VoteRecord
from bot.storage import migrations
from bot.storage.base import Store, StoreError
from bot.storage.identity import user_hash
from bot.storage.sqlite import SqliteStore
from tests.storage.backends import BACKENDS, dump, make_store, raw_rows

pytestmark = pytest.mark.asyncio

NOW = dt.datetime.now(dt.UTC)
SALT = b"0123456789abcdef-test-salt"
ALICE = 280_000_000_000_000_001  # Discord ids are 17-20 digit numbers
BOB = 280_000_000_000_000_002


@pytest_asyncio.fixture(params=BACKENDS)
async def store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Store]:
    made = make_store(request.param, tmp_path)
    await made.open()
    try:
        yield made
    finally:
        await made.close()


def miss(question: str, *, days_ago: float = 0, **fields: object) -> MissRecord:
    values: dict[str, object] = {
        "question": question,
        "lang": "en",
        "status": "abstained",
        "confidence": 0.31,
        "candidates": (
            ScoredEntry("challenge-budget", 0.31, "what was the budget of the challenge"),
            ScoredEntry("challenge-director", 0.12, "who directed the challenge"),
        ),
        "guild_id": 1_100_000_000_000_000_001,
        "channel_id": 1_100_000_000_000_000_002,
        "at": NOW - dt.timedelta(days=days_ago),
    }
    values.update(fields)
    return MissRecord(**values)  # type: ignore[arg-type]


def vote(
    user: int, *, up: bool, answer: str = "Abc12_-x", entry: str = "challenge-director", **fields
) -> VoteRecord:
    values: dict[str, object] = {
        "answer_id": answer,
        "entry_id": entry,
        "user_hash": user_hash(user, SALT),
        "up": up,
        "reason": None,
        "question": "who directed it?",
        "at": NOW,
    }
    values.update(fields)
    return VoteRecord(**values)  # type: ignore[arg-type]


async def test_the_schema_is_created_once_at_the_latest_version(store: Store) -> None:
    await store.open()  # again: nothing to do
    [(version, _)] = raw_rows(store)["schema_version"]
    assert version == migrations.latest(store.kind)  # type: ignore[arg-type]


async def test_a_schema_newer_than_the_code_is_refused_clearly(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "vyzov.sqlite3")
    await store.open()
    await store.close()
    import sqlite3

    with sqlite3.connect(store.path) as db:
        db.execute("INSERT INTO schema_version VALUES (99, 'later')")
    again = SqliteStore(store.path)
    with pytest.raises(StoreError, match="newer than this bot knows"):
        await again.open()
    await again.close()


async def test_a_miss_comes_back_as_it_was_recorded(store: Store) -> None:
    recorded = miss("what was the budget of vyzov?")
    await store.record_miss(recorded)
    [read] = await store.misses(1)
    assert read == recorded


async def test_misses_are_newest_first_and_limited_to_the_period(store: Store) -> None:
    for question, days_ago in (("old", 10), ("middle", 2), ("new", 0)):
        await store.record_miss(miss(question, days_ago=days_ago))
    assert [m.question for m in await store.misses(7)] == ["new", "middle"]
    assert [m.question for m in await store.misses(30)] == ["new", "middle", "old"]


async def test_a_miss_may_have_no_guild_no_candidates_and_any_text(store: Store) -> None:
    text = "кто снял «Вызов»? 🚀 ' \" ; DROP TABLE misses; --"
    await store.record_miss(miss(text, guild_id=None, candidates=(), status="ambiguous"))
    [read] = await store.misses(1)
    assert (read.question, read.guild_id, read.candidates) == (text, None, ())


async def test_the_same_users_second_vote_on_an_answer_counts_once(store: Store) -> None:
    await store.record_vote(vote(ALICE, up=True))
    await store.record_vote(vote(ALICE, up=True))
    assert len(await store.votes(1)) == 1
    await store.record_vote(vote(BOB, up=True))
    await store.record_vote(vote(ALICE, up=True, answer="Other123"))
    assert len(await store.votes(1)) == 3


async def test_a_later_vote_replaces_the_earlier_one(store: Store) -> None:
    await store.record_vote(vote(ALICE, up=True))
    await store.record_vote(vote(ALICE, up=False, reason="outdated"))
    [only] = await store.votes(1)
    assert (only.up, only.reason) == (False, "outdated")
    [down] = await store.downvoted(1)
    assert (down.entry_id, down.down, down.up, down.reasons) == (
        "challenge-director",
        1,
        0,
        (("outdated", 1),),
    )


async def test_a_reason_given_after_a_thumbs_down_is_kept_with_it(store: Store) -> None:
    await store.record_vote(vote(ALICE, up=False))
    await store.record_vote(vote(ALICE, up=False, reason="wrong-fact"))
    await store.record_vote(vote(ALICE, up=False))  # 👎 pressed again: the reason stays
    [only] = await store.votes(1)
    assert only.reason == "wrong-fact"
    await store.record_vote(vote(ALICE, up=True))
    await store.record_vote(vote(ALICE, up=False))  # changed back: no reason yet
    [again] = await store.votes(1)
    assert (again.up, again.reason) == (False, None)


async def test_downvoted_answers_come_most_downvoted_first_with_reasons(store: Store) -> None:
    for number, reason in enumerate(("wrong-fact", "wrong-fact", None)):
        await store.record_vote(vote(1000 + number, up=False, reason=reason))
    await store.record_vote(vote(2000, up=True))
    await store.record_vote(vote(3000, up=False, entry="cruise-director", answer="Zz999999"))
    first, second = await store.downvoted(1)
    assert (first.entry_id, first.down, first.up) == ("challenge-director", 3, 1)
    assert first.reasons == (("wrong-fact", 2), ("unsaid", 1))
    assert first.questions == ("who directed it?",)
    assert (second.entry_id, second.down) == ("cruise-director", 1)


async def test_purge_deletes_only_what_is_older_than_the_retention(store: Store) -> None:
    await store.record_miss(miss("old", days_ago=40))
    await store.record_miss(miss("new", days_ago=1))
    await store.record_vote(vote(ALICE, up=True, at=NOW - dt.timedelta(days=40)))
    await store.record_vote(vote(BOB, up=True))
    assert await store.purge(30) == 2
    assert [m.question for m in await store.misses(3650)] == ["new"]
    assert len(await store.votes(3650)) == 1
    assert await store.purge(30) == 0


async def test_concurrent_writes_are_all_kept(store: Store) -> None:
    await asyncio.gather(*(store.record_miss(miss(f"question {n}")) for n in range(50)))
    await asyncio.gather(*(store.record_vote(vote(n, up=n % 2 == 0)) for n in range(50)))
    assert len(await store.misses(1)) == 50
    assert len(await store.votes(1)) == 50


async def test_no_user_id_is_stored_in_clear(store: Store) -> None:
    await store.record_vote(vote(ALICE, up=False, reason="other"))
    await store.record_miss(miss("what did @user say about vyzov?"))
    everything = dump(store)
    assert str(ALICE) not in everything
    assert user_hash(ALICE, SALT) in everything
    assert user_hash(ALICE, SALT) != user_hash(ALICE, b"another-salt-entirely")


async def test_the_store_reconnects_after_being_closed(store: Store) -> None:
    await store.record_miss(miss("before"))
    await store.close()
    await store.record_miss(miss("after"))
    assert [m.question for m in await store.misses(1)] == ["after", "before"]


async def test_sqlite_work_runs_on_its_own_thread(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "vyzov.sqlite3")
    seen: list[str] = []
    await store._run(lambda db: seen.append(threading.current_thread().name))
    await store.close()
    assert seen[0].startswith("vyzov-sqlite")
    assert seen[0] != threading.current_thread().name


async def test_an_unreachable_postgresql_is_a_store_error_naming_it_without_password() -> None:
    from bot.storage.postgres import PostgresStore

    store = PostgresStore("postgresql://vyzov:hunter2@127.0.0.1:9/nowhere?connect_timeout=1")
    with pytest.raises(StoreError) as caught:
        await store.open()
    assert "127.0.0.1:9/nowhere" in str(caught.value)
    assert "hunter2" not in str(caught.value)
    await store.close()


async def test_postgresql_reconnects_after_the_server_drops_the_connection(
    tmp_path: Path,
) -> None:
    import psycopg

    from tests.storage.backends import postgres_url

    url = postgres_url()
    store = make_store("postgresql", tmp_path)
    await store.record_miss(miss("before"))
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
    with pytest.raises(psycopg.OperationalError):
        await store.record_miss(miss("lost"))  # the write in flight fails, and is logged
    await store.record_miss(miss("after"))  # the next one reconnects
    assert [m.question for m in await store.misses(1)] == ["after", "before"]
    await store.close()
