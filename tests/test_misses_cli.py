"""`python -m bot misses`: the same report as /kb misses, from the bot's store, without discord."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from bot.core.engine import Engine
from bot.core.feedback import VoteRecord, miss_record
from bot.core.reply import answer_and_decision
from bot.storage.sqlite import SqliteStore
from tests.conftest import FIXTURES

ROOT = Path(__file__).parent.parent
NOW = dt.datetime.now(dt.UTC)


def run(*args: str, data_dir: Path, code: str | None = None) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if "VYZOV_" not in k and k != "DATABASE_URL"}
    env = {
        **clean,
        "PYTHONPATH": str(ROOT),
        "VYZOV_DATA_DIR": str(data_dir),
        "VYZOV_KNOWLEDGE_DIR": str(FIXTURES),
    }
    command = [sys.executable, "-c", code] if code else [sys.executable, "-m", "bot", *args]
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        env=env,
        cwd=data_dir.parent,
        timeout=60,
        check=False,
    )


def record(engine: Engine, data_dir: Path) -> None:
    async def write() -> None:
        store = SqliteStore(data_dir / "vyzov.sqlite3")
        for question in ("who made vyzov", "Who made Vyzov?", "what about the budget of vyzov"):
            reply, decision = answer_and_decision(engine, question)
            await store.record_miss(miss_record(reply, decision, guild_id=1, channel_id=2))
        vote = VoteRecord("Abcdefgh", "challenge-director", "hash", False, "outdated", "q", NOW)
        await store.record_vote(vote)
        await store.close()

    asyncio.run(write())


def test_misses_prints_the_grouped_report_with_snippets(engine: Engine, tmp_path: Path) -> None:
    data = tmp_path / "data"
    record(engine, data)
    result = run("misses", "--days", "7", data_dir=data)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("Misses in the last 7 day(s): 3 question(s) in 2 group(s)")
    assert "1. 2x 'who made vyzov'" in out
    assert "      - who made vyzov" in out
    assert "1. challenge-director: 1 down, 0 up; reasons: outdated 1" in out


def test_misses_never_imports_discord(engine: Engine, tmp_path: Path) -> None:
    data = tmp_path / "data"
    record(engine, data)
    code = (
        "import io, sys; from bot.cli import main; out = io.StringIO(); "
        "main(['misses'], out); print('discord' in sys.modules, out.getvalue()[:6])"
    )
    result = run(data_dir=data, code=code)
    assert result.stdout.strip() == "False Misses", result.stderr


def test_misses_without_any_data_says_so_and_creates_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = run("misses", data_dir=data)
    assert result.returncode == 0, result.stderr
    assert "No misses recorded yet" in result.stdout
    assert not data.exists()


def test_misses_refuses_a_period_under_a_day(tmp_path: Path) -> None:
    result = run("misses", "--days", "0", data_dir=tmp_path / "data")
    assert result.returncode == 2
    assert "--days" in result.stderr
