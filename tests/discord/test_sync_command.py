"""`python -m bot sync`: the once-per-release global command sync, against the fake Discord."""

from __future__ import annotations

import asyncio
import io
import threading
from pathlib import Path

import discord
import pytest
import yarl
from discord.gateway import DiscordWebSocket
from discord.http import Route

from bot.discordbot import runner
from tests.conftest import copy_fixture_knowledge
from tests.discord.fake_discord import FakeDiscord
from tests.discord.test_commands import COMMANDS


def run_in_thread(fake: FakeDiscord) -> tuple[asyncio.AbstractEventLoop, threading.Thread]:
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    asyncio.run_coroutine_threadsafe(fake.start(), loop).result(5)
    return loop, thread


def test_python_m_bot_sync_registers_the_commands_globally(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = FakeDiscord()
    loop, thread = run_in_thread(fake)  # `sync` runs its own event loop, as from the shell
    knowledge = tmp_path / "knowledge"
    knowledge.mkdir()
    copy_fixture_knowledge(knowledge)
    monkeypatch.chdir(tmp_path)
    for name in ("VYZOV_DEV_GUILD_ID", "VYZOV_ANSWER_CHANNELS", "VYZOV_ADMIN_ROLES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DISCORD_TOKEN", fake.token)
    monkeypatch.setenv("VYZOV_KNOWLEDGE_DIR", str(knowledge))
    monkeypatch.setattr(discord.utils, "setup_logging", lambda **_: None)
    monkeypatch.setattr(Route, "BASE", fake.api_base)
    monkeypatch.setattr(DiscordWebSocket, "DEFAULT_GATEWAY", yarl.URL(fake.gateway_url))
    out, err = io.StringIO(), io.StringIO()
    try:
        assert runner.sync(out, err) == 0, err.getvalue()
    finally:
        asyncio.run_coroutine_threadsafe(fake.close(), loop).result(5)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(5)
    assert {c["name"] for c in fake.commands["global"]} == COMMANDS
    assert fake.find("PUT", r"/applications/\d+/guilds/\d+/commands") == []
    assert "Synced 5 commands globally" in out.getvalue()
    assert fake.unhandled == []
