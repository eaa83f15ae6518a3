"""`python -m bot misses`: the /kb misses report in a terminal, from the bot's own store.

Reads the same settings as the bot (VYZOV_DATA_DIR or DATABASE_URL, VYZOV_KNOWLEDGE_DIR), so
it runs beside a live bot. Never imports discord.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import TextIO

from pydantic import ValidationError

from bot.core.cache import load_engine
from bot.core.engine import Engine
from bot.core.loader import KnowledgeBaseError
from bot.core.misses import MissesReport, report_text
from bot.settings import Settings, env_name
from bot.storage.base import Store, StoreError
from bot.storage.factory import open_store
from bot.storage.service import collect_report
from bot.storage.sqlite import SqliteStore


def print_misses(days: int, knowledge: Path | None, out: TextIO, err: TextIO | None = None) -> int:
    """Print the report; 0 when printed, 1 when the store cannot be read, 2 on bad settings."""
    err = err or sys.stderr
    if days < 1:
        print("error: --days must be 1 or more", file=err)
        return 2
    try:
        settings = Settings()
    except ValidationError as exc:
        for error in exc.errors():  # never the input: it could be a password
            where = str(error["loc"][0]) if error["loc"] else "settings"
            name = env_name(where) if where in Settings.model_fields else where
            print(f"error: {name}: {error['msg']}", file=err)
        return 2
    directory = knowledge or settings.knowledge_dir
    try:
        engine = load_engine(directory)
        store = open_store(settings)
    except (KnowledgeBaseError, StoreError) as exc:
        print(f"error: {exc}", file=err)
        return 2
    if isinstance(store, SqliteStore) and not store.path.exists():
        out.write(f"No misses recorded yet ({store.path} does not exist).\n")
        return 0
    try:
        report = asyncio.run(_read(store, engine, days))
    except Exception as exc:  # whatever the driver raises: say what and where, briefly
        print(f"error: cannot read misses from {store.describe()}: {exc}", file=err)
        return 1
    out.write(report_text(report) + "\n")
    return 0


async def _read(store: Store, engine: Engine, days: int) -> MissesReport:
    try:
        return await collect_report(store, engine, days)
    finally:
        await store.close()
