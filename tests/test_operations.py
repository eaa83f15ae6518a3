"""Operations: JSON log lines without the token, `python -m bot check`, graceful shutdown."""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
import logging
import os
import signal
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio
import yaml
import yarl
from discord.gateway import DiscordWebSocket
from discord.http import Route
from pydantic import ValidationError

from bot.discordbot.client import ShardedVyzovBot, VyzovBot, make_bot
from bot.discordbot.logging_setup import REDACTED, setup_logging
from bot.discordbot.shutdown import shutdown
from bot.settings import Settings, env_name
from bot.storage.sqlite import SqliteStore
from tests.discord.fake_discord import FakeDiscord, Json

ROOT = Path(__file__).parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "knowledge"
TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.fake-secret-token-value-0123456789"
QUESTION = "who directed the challenge?"
POSTGRES = os.environ.get("DATABASE_URL")  # a real server, when CI (.ci/run) starts one

# `python -m bot run`, but against a fake Discord on 127.0.0.1 (port in argv[1]), with
# on_ready as soon as the guild arrives instead of 2 s later
LAUNCHER = """
import functools, sys, yarl
from discord.gateway import DiscordWebSocket
from discord.http import Route
from pydantic import ValidationError
from bot.discordbot import client, runner
Route.BASE = f"http://127.0.0.1:{sys.argv[1]}/api/v10"
DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(f"ws://127.0.0.1:{sys.argv[1]}/")
runner.make_bot = functools.partial(client.make_bot, guild_ready_timeout=0.01)
from bot.cli import main
sys.exit(main(["run"]))
"""


@pytest.fixture(autouse=True)
def no_deployment_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    """Settings built here see only what the test gives (not a developer's exports)."""
    for name in list(os.environ):
        if name.startswith("VYZOV_") or name in ("DISCORD_TOKEN", "DATABASE_URL"):
            monkeypatch.delenv(name)


def clean_environment(**extra: str) -> dict[str, str]:
    kept = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("VYZOV_") and k not in ("DISCORD_TOKEN", "DATABASE_URL")
    }
    return {**kept, "PYTHONPATH": str(ROOT), **extra}


# --- logs -------------------------------------------------------------------------------------
@contextlib.contextmanager
def captured_logs(fmt: str) -> io.StringIO:  # type: ignore[misc]
    stream = io.StringIO()
    root = logging.getLogger()
    level = root.level
    handler = setup_logging("INFO", fmt, secrets=[TOKEN], stream=stream)  # type: ignore[arg-type]
    try:
        yield stream
    finally:
        root.removeHandler(handler)
        root.setLevel(level)


def test_json_logs_are_one_object_per_line_with_the_exception_and_never_the_token() -> None:
    with captured_logs("json") as stream:
        log = logging.getLogger("bot.test")
        log.info("answered %d questions", 3)
        try:
            raise RuntimeError(f"login failed for {TOKEN}")
        except RuntimeError:
            log.exception("could not connect with %s", TOKEN)
    first, second = (json.loads(line) for line in stream.getvalue().splitlines())
    assert first == {
        "time": first["time"],
        "level": "INFO",
        "logger": "bot.test",
        "message": "answered 3 questions",
    }
    assert first["time"].endswith("+00:00")
    assert second["level"] == "ERROR"
    assert second["message"] == f"could not connect with {REDACTED}"
    assert "RuntimeError: login failed for [redacted]" in second["exception"]
    assert TOKEN not in stream.getvalue()


def test_text_logs_keep_their_layout_and_hide_the_token() -> None:
    with captured_logs("text") as stream:
        logging.getLogger("bot.test").warning("token is %s", TOKEN)
    line = stream.getvalue().strip()
    assert line.endswith(f"[WARNING ] bot.test: token is {REDACTED}")
    assert TOKEN not in line


# --- settings ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("count", "ids", "expected"),
    [
        ("", "", (None, ())),
        ("2", "", (2, ())),
        ("4", " 3, 1,3", (4, (1, 3))),
        ("AUTO", "", ("auto", ())),
    ],
)
def test_shard_settings(count: str, ids: str, expected: tuple[object, object]) -> None:
    settings = Settings(_env_file=None, shard_count=count or None, shard_ids=ids)
    assert (settings.shard_count, settings.shard_ids) == expected
    assert settings.sharded == (expected[0] is not None)


@pytest.mark.parametrize(
    ("count", "ids", "message"),
    [
        ("0", "", "is not a number of shards"),
        ("two", "", "is not a number of shards"),
        ("", "0", "VYZOV_SHARD_IDS needs VYZOV_SHARD_COUNT"),
        ("auto", "0", "VYZOV_SHARD_IDS needs VYZOV_SHARD_COUNT"),
        ("2", "2", "shard ids run from 0 to 1"),
        ("2", "x", "is not a shard number"),
    ],
)
def test_bad_shard_settings_say_what_is_wrong(count: str, ids: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        Settings(_env_file=None, shard_count=count or None, shard_ids=ids)


def test_log_format_is_text_or_json() -> None:
    assert Settings(_env_file=None).log_format == "text"
    assert Settings(_env_file=None, log_format=" JSON ").log_format == "json"
    with pytest.raises(ValidationError):
        Settings(_env_file=None, log_format="xml")


# --- python -m bot check ----------------------------------------------------------------------
def run_cli(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=clean_environment(**env),
        timeout=60,
        check=False,
    )


def test_check_reports_every_part_and_exits_0(tmp_path: Path) -> None:
    result = run_cli(
        "check",
        cwd=tmp_path,
        DISCORD_TOKEN=TOKEN,
        VYZOV_KNOWLEDGE_DIR=str(FIXTURES),
        VYZOV_SHARD_COUNT="4",
        VYZOV_SHARD_IDS="2,3",
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "ok: settings (token set; shards 2,3 of 4; log format text)"
    assert lines[1].startswith("ok: knowledge base ")
    assert lines[2].startswith("ok: store SQLite at data/")
    assert lines[-1] == "all checks passed"
    assert TOKEN not in result.stdout + result.stderr


def test_check_lists_every_failure_and_exits_1(tmp_path: Path) -> None:
    (tmp_path / "broken.yaml").write_text("entries: [{id: Bad}]\n", encoding="utf-8")
    (tmp_path / "data").write_text("a file where the data directory should be\n")
    result = run_cli("check", cwd=tmp_path, VYZOV_KNOWLEDGE_DIR=str(tmp_path))
    assert result.returncode == 1
    assert "DISCORD_TOKEN is not set" in result.stderr
    assert "broken.yaml" in result.stderr
    assert "error: store:" in result.stderr
    assert result.stderr.rstrip().endswith("check failed: token, knowledge base, store")


def test_check_says_when_postgresql_cannot_be_reached_without_its_password(
    tmp_path: Path,
) -> None:
    url = "postgresql://vyzov:s3cret-pw@127.0.0.1:1/vyzov"  # nothing listens on port 1
    env = {"DISCORD_TOKEN": TOKEN, "VYZOV_KNOWLEDGE_DIR": str(FIXTURES), "DATABASE_URL": url}
    result = run_cli("check", cwd=tmp_path, **env)
    assert result.returncode == 1
    assert "error: store: cannot connect to PostgreSQL at 127.0.0.1:1/vyzov" in result.stderr
    assert "s3cret-pw" not in result.stdout + result.stderr


@pytest.mark.skipif(POSTGRES is None, reason="DATABASE_URL is not set (.ci/run starts one)")
def test_check_reaches_a_real_postgresql(tmp_path: Path) -> None:
    assert POSTGRES is not None
    env = {"DISCORD_TOKEN": TOKEN, "VYZOV_KNOWLEDGE_DIR": str(FIXTURES), "DATABASE_URL": POSTGRES}
    result = run_cli("check", cwd=tmp_path, **env)
    assert result.returncode == 0, result.stderr
    assert "ok: store PostgreSQL at " in result.stdout


def test_check_fails_on_a_bad_setting_naming_it(tmp_path: Path) -> None:
    result = run_cli("check", cwd=tmp_path, DISCORD_TOKEN=TOKEN, VYZOV_SHARD_IDS="1")
    assert result.returncode == 1
    assert "VYZOV_SHARD_IDS needs VYZOV_SHARD_COUNT" in result.stderr


def test_check_does_not_load_discord(tmp_path: Path) -> None:
    code = "import sys; from bot.cli import main; main(['check']); print('discord' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=clean_environment(DISCORD_TOKEN=TOKEN, VYZOV_KNOWLEDGE_DIR=str(FIXTURES)),
        timeout=60,
        check=True,
    )
    assert result.stdout.splitlines()[-1] == "False"


# --- graceful shutdown ------------------------------------------------------------------------
class RecordingStore(SqliteStore):
    closed = False

    async def close(self) -> None:
        self.closed = True
        await super().close()


@contextlib.asynccontextmanager
async def connected(
    fake: FakeDiscord, tmp_path: Path, store: SqliteStore, **overrides: object
) -> AsyncIterator[tuple[VyzovBot, asyncio.Task[None]]]:
    """The real bot connected to `fake`, its connection task left for `shutdown` to end."""
    settings = Settings(
        _env_file=None,
        discord_token=fake.token,
        knowledge_dir=FIXTURES,
        data_dir=tmp_path / "data",
        database_url=None,
        **overrides,
    )
    bot = make_bot(settings, store=store, guild_ready_timeout=0.01)
    saved = Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY
    Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = fake.api_base, yarl.URL(fake.gateway_url)
    try:
        await bot.login(fake.token)
        task = asyncio.create_task(bot.connect(), name="test: bot connect")
        await fake.until(bot.is_ready, 5, "the bot to become ready")
        yield bot, task
    finally:
        await bot.close()
        Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = saved


@pytest_asyncio.fixture
async def world() -> AsyncIterator[tuple[FakeDiscord, str, Json]]:
    fake = FakeDiscord(token=TOKEN)
    channel = fake.add_channel("general")
    alice = fake.add_user("alice")
    await fake.start()
    try:
        yield fake, channel, alice
    finally:
        await fake.close()


async def ask(fake: FakeDiscord, alice: Json, channel: str) -> Json:
    message = fake.message(alice, f"<@{fake.app_id}> {QUESTION}", channel=channel)
    await fake.dispatch("MESSAGE_CREATE", message)
    return message


@pytest.mark.asyncio
async def test_shutdown_stops_new_events_finishes_the_reply_in_flight_then_closes_the_store(
    world: tuple[FakeDiscord, str, Json], tmp_path: Path
) -> None:
    fake, channel, alice = world
    store = RecordingStore(tmp_path / "store.sqlite3")
    async with connected(fake, tmp_path, store) as (bot, connection):
        gate = fake.hold("POST", rf"/channels/{channel}/messages")
        await ask(fake, alice, channel)
        await fake.until(lambda: fake.find("POST", r"/channels/\d+/messages"), 5, "a reply")
        stopping = asyncio.create_task(shutdown(bot, connection, grace=5))
        await fake.until(lambda: not fake.connected, 5, "the gateway connection to close")
        await ask(fake, alice, channel)  # Discord keeps it for a RESUME that never comes
        await asyncio.sleep(0.05)
        assert not stopping.done()
        assert not store.closed
        gate.set()
        assert await stopping == 0
        assert bot.is_closed()
        assert store.closed
    [reply] = fake.find("POST", r"/channels/\d+/messages")
    assert reply.status == 200


@pytest.mark.asyncio
async def test_shutdown_of_a_sharded_bot_closes_every_shard_and_finishes_the_reply(
    world: tuple[FakeDiscord, str, Json], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def at_once(self: object, shard_id: int | None, *, initial: bool = False) -> None:
        return None  # discord.py waits 5 s before every IDENTIFY but the first

    monkeypatch.setattr(ShardedVyzovBot, "before_identify_hook", at_once)
    fake, channel, alice = world
    store = RecordingStore(tmp_path / "store.sqlite3")
    async with connected(fake, tmp_path, store, shard_count=2) as (bot, connection):
        assert sorted(fake.sessions) == [0, 1]
        gate = fake.hold("POST", rf"/channels/{channel}/messages")
        await ask(fake, alice, channel)
        await fake.until(lambda: fake.find("POST", r"/channels/\d+/messages"), 5, "a reply")
        stopping = asyncio.create_task(shutdown(bot, connection, grace=5))
        await fake.until(lambda: not fake.connected, 5, "every shard's connection to close")
        gate.set()
        assert await stopping == 0
        assert bot.is_closed()
        assert store.closed
        await asyncio.wait_for(connection, 1)  # the shards' supervisor ended too
    [reply] = fake.find("POST", r"/channels/\d+/messages")
    assert reply.status == 200


@pytest.mark.asyncio
async def test_shutdown_waits_only_so_long_for_a_stuck_reply(
    world: tuple[FakeDiscord, str, Json], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    fake, channel, alice = world
    store = RecordingStore(tmp_path / "store.sqlite3")
    async with connected(fake, tmp_path, store) as (bot, connection):
        fake.hold("POST", rf"/channels/{channel}/messages")  # never released
        await ask(fake, alice, channel)
        await fake.until(lambda: fake.find("POST", r"/channels/\d+/messages"), 5, "a reply")
        started = asyncio.get_running_loop().time()
        with caplog.at_level(logging.WARNING):
            assert await shutdown(bot, connection, grace=0.2) == 1
        assert asyncio.get_running_loop().time() - started < 2
        assert bot.is_closed()
        assert store.closed
    assert "did not finish within 0.2 s" in caplog.text


@pytest.mark.asyncio
async def test_sigterm_finishes_the_reply_in_flight_and_exits_0_with_json_logs(
    world: tuple[FakeDiscord, str, Json], tmp_path: Path
) -> None:
    fake, channel, alice = world
    env = clean_environment(
        DISCORD_TOKEN=TOKEN,
        VYZOV_KNOWLEDGE_DIR=str(FIXTURES),
        VYZOV_DATA_DIR=str(tmp_path / "data"),
        VYZOV_LOG_FORMAT="json",
        VYZOV_LOG_LEVEL="DEBUG",
    )
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        LAUNCHER,
        str(fake.port),
        cwd=tmp_path,
        env=env,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )
    lines: list[str] = []

    async def read_logs() -> None:
        assert process.stderr is not None
        async for raw in process.stderr:
            lines.append(raw.decode())

    reader = asyncio.create_task(read_logs())
    try:
        await fake.until(lambda: any("Logged in as" in x for x in lines), 30, "the bot to log in")
        gate = fake.hold("POST", rf"/channels/{channel}/messages")
        await ask(fake, alice, channel)
        await fake.until(lambda: fake.find("POST", r"/channels/\d+/messages"), 5, "a reply")
        process.send_signal(signal.SIGTERM)
        await fake.until(lambda: not fake.connected, 5, "the gateway connection to close")
        await ask(fake, alice, channel)  # after SIGTERM: not read, not answered
        gate.set()
        assert await asyncio.wait_for(process.wait(), 20) == 0
        await reader
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    [reply] = fake.find("POST", r"/channels/\d+/messages")
    assert reply.status == 200
    records = [json.loads(line) for line in lines if line.strip()]  # every line is JSON
    messages = [r["message"] for r in records]
    assert any(m.startswith("Shutting down (SIGTERM)") for m in messages)
    assert messages[-1] == "Stopped"
    assert {"time", "level", "logger", "message"} <= set(records[0])
    assert not any(TOKEN in line for line in lines)


# --- the load benchmark, in small ---------------------------------------------------------------
def test_the_load_benchmark_runs_and_drops_nothing() -> None:
    """benchmarks/load.py in miniature, so that it cannot rot (the real run is in the README)."""
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "load.py"),
            *("--messages", "50", "--users", "10", "--channels", "2", "--seconds", "0.2"),
            *("--knowledge", str(FIXTURES)),
        ],
        capture_output=True,
        text=True,
        env=clean_environment(),
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    rows = {line.split("  ")[0]: line.split()[-2:] for line in result.stdout.splitlines()}
    assert rows["questions"] == ["50", "50"]
    assert rows["dropped"] == ["0", "0"]
    assert rows["rate-limited (cooldown)"] == rows["rate-limited, expected"]
    assert "p99 ms to reply request" in rows


# --- the multi-process deployment example -------------------------------------------------------
def test_the_compose_file_splits_the_shards_between_processes_sharing_one_database() -> None:
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))
    bots = {n: s for n, s in compose["services"].items() if n.startswith("bot-")}
    known_fields = list(Settings.model_fields)
    known = {env_name(field) for field in known_fields}
    counts, ids, databases = set(), [], set()
    for service in bots.values():
        environment = service["environment"]
        assert set(environment) <= known, set(environment) - known
        values = {f: environment[env_name(f)] for f in known_fields if env_name(f) in environment}
        settings = Settings(_env_file=None, **values)
        counts.add(settings.shard_count)
        ids += settings.shard_ids
        databases.add(environment["DATABASE_URL"])
        assert service["depends_on"]["postgres"]["condition"] == "service_healthy"
    [count] = counts
    assert isinstance(count, int)
    assert sorted(ids) == list(range(count))  # every shard run, and by one process only
    [database] = databases
    assert "@postgres:5432/" in database
    assert "postgres" in compose["services"]
