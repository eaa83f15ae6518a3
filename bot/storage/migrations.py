"""The schema, as ordered migrations per database: version N is the N-th item.

Never edit a released migration; add the next one. Both databases hold the same tables:
- `misses`: one row per missed question (candidates as JSON text);
- `votes`: one row per (answer, user hash): a user's later vote replaces the earlier one;
- `schema_version`: the migrations applied.
"""

from __future__ import annotations

from typing import Literal

from bot.storage.base import StoreError

Dialect = Literal["sqlite", "postgresql"]

VERSION_TABLE: dict[Dialect, str] = {
    "sqlite": (
        "CREATE TABLE IF NOT EXISTS schema_version "
        "(version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
    ),
    "postgresql": (
        "CREATE TABLE IF NOT EXISTS schema_version "
        "(version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)"
    ),
}

MIGRATIONS: dict[Dialect, tuple[tuple[str, ...], ...]] = {
    "sqlite": (
        (
            """CREATE TABLE misses (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                at TEXT NOT NULL,
                question TEXT NOT NULL,
                lang TEXT NOT NULL,
                status TEXT NOT NULL,
                confidence REAL NOT NULL,
                candidates TEXT NOT NULL,
                guild_id INTEGER,
                channel_id INTEGER
            )""",
            "CREATE INDEX misses_at ON misses (at)",
            """CREATE TABLE votes (
                answer_id TEXT NOT NULL,
                user_hash TEXT NOT NULL,
                entry_id TEXT NOT NULL,
                up INTEGER NOT NULL,
                reason TEXT,
                question TEXT,
                at TEXT NOT NULL,
                PRIMARY KEY (answer_id, user_hash)
            )""",
            "CREATE INDEX votes_at ON votes (at)",
        ),
    ),
    "postgresql": (
        (
            """CREATE TABLE misses (
                id BIGSERIAL PRIMARY KEY,
                at TIMESTAMPTZ NOT NULL,
                question TEXT NOT NULL,
                lang TEXT NOT NULL,
                status TEXT NOT NULL,
                confidence DOUBLE PRECISION NOT NULL,
                candidates TEXT NOT NULL,
                guild_id BIGINT,
                channel_id BIGINT
            )""",
            "CREATE INDEX misses_at ON misses (at)",
            """CREATE TABLE votes (
                answer_id TEXT NOT NULL,
                user_hash TEXT NOT NULL,
                entry_id TEXT NOT NULL,
                up BOOLEAN NOT NULL,
                reason TEXT,
                question TEXT,
                at TIMESTAMPTZ NOT NULL,
                PRIMARY KEY (answer_id, user_hash)
            )""",
            "CREATE INDEX votes_at ON votes (at)",
        ),
    ),
}

# The same upsert in both: a 👎 without a reason keeps the reason of the 👎 it repeats.
UPSERT_VOTE = """
INSERT INTO votes (answer_id, user_hash, entry_id, up, reason, question, at)
VALUES ({p}, {p}, {p}, {p}, {p}, {p}, {p})
ON CONFLICT (answer_id, user_hash) DO UPDATE SET
    entry_id = excluded.entry_id,
    reason = CASE WHEN excluded.reason IS NULL AND excluded.up = votes.up
                  THEN votes.reason ELSE excluded.reason END,
    up = excluded.up,
    question = COALESCE(excluded.question, votes.question),
    at = excluded.at
"""


# The same reads in both; rows come back in the column order `miss_from_row` / `vote_from_row`
# (bot/storage/base.py) take.
SELECT_MISSES = (
    "SELECT question, lang, status, confidence, candidates, guild_id, channel_id, at "
    "FROM misses WHERE at >= {p} ORDER BY at DESC, id DESC"
)
SELECT_VOTES = (
    "SELECT answer_id, entry_id, user_hash, up, reason, question, at FROM votes "
    "WHERE at >= {p} ORDER BY at DESC"
)


def latest(dialect: Dialect) -> int:
    return len(MIGRATIONS[dialect])


def pending(dialect: Dialect, current: int) -> list[tuple[int, tuple[str, ...]]]:
    """The migrations after version `current`, in order, each with its version number."""
    steps = MIGRATIONS[dialect]
    if current > len(steps):
        raise StoreError(
            f"the database schema is version {current}, newer than this bot knows "
            f"({len(steps)}): run the newer bot, or point it at another database"
        )
    return [(number, steps[number - 1]) for number in range(current + 1, len(steps) + 1)]
