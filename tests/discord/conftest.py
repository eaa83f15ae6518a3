"""Fixtures for the Discord tests: a fresh fake Discord per test with a small guild, and the
real bot logged in to it."""

from __future__ import annotations

import contextlib
import ipaddress
import logging
import socket
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

from bot.core.engine import Engine
from bot.core.loader import load
from bot.core.reply import Reply, answer
from bot.discordbot.client import VyzovBot, make_bot
from bot.discordbot.live import LiveKnowledge
from bot.settings import Settings
from bot.storage.base import Store
from tests.conftest import copy_fixture_knowledge
from tests.discord.fake_discord import MANAGE_GUILD, FakeDiscord, Json, Role, running, settle

LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"}


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing in these tests may leave the machine: only loopback addresses can be reached."""
    real_connect = socket.socket.connect
    real_getaddrinfo = socket.getaddrinfo

    def connect(sock: socket.socket, address: Any) -> None:
        internet = sock.family in (socket.AF_INET, socket.AF_INET6)
        if internet and not ipaddress.ip_address(address[0]).is_loopback:
            raise ConnectionRefusedError(f"a test tried to reach {address}")
        real_connect(sock, address)

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host is not None and str(host) not in LOOPBACK_NAMES:
            raise socket.gaierror(f"a test tried to look up {host!r}")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


@dataclass
class Guild:
    """The people, roles and channels of the test guild."""

    fake: FakeDiscord
    answers: str  # the channel configured for answers
    general: str  # a channel the bot only answers in when mentioned
    alice: Json
    bob: Json
    manager: Json  # has Manage Server
    keeper: Json  # has the configured admin role, and no permissions from it
    other_bot: Json
    managers: Role
    keepers: Role
    fans: Role  # a mentionable role: a message that parses roles would ping it


@pytest_asyncio.fixture
async def guild() -> AsyncIterator[Guild]:
    fake = FakeDiscord()
    general = fake.add_channel("general")
    answers = fake.add_channel("ask-the-bot")
    managers = fake.add_role("Server Manager", MANAGE_GUILD)
    keepers = fake.add_role("KB Keepers")
    fans = fake.add_role("Fans", mentionable=True)
    world = Guild(
        fake=fake,
        answers=answers,
        general=general,
        alice=fake.add_user("alice", roles=(fans,)),
        bob=fake.add_user("bob"),
        manager=fake.add_user("manager", roles=(managers,)),
        keeper=fake.add_user("keeper", roles=(keepers,)),
        other_bot=fake.add_user("otherbot", bot=True),
        managers=managers,
        keepers=keepers,
        fans=fans,
    )
    await fake.start()
    try:
        yield world
    finally:
        await fake.close()
    assert not fake.unhandled, f"the bot used routes the fake does not know: {fake.unhandled}"
    assert not fake.rejections, f"Discord would have refused: {fake.rejections}"


@dataclass
class Running:
    """A started bot, connected to the fake, answering from a copy of a knowledge base."""

    bot: VyzovBot
    guild: Guild
    knowledge_dir: Path
    errors: list[logging.LogRecord]  # logged at ERROR or above; a test expecting some clears it

    @property
    def fake(self) -> FakeDiscord:
        return self.guild.fake

    @property
    def mention(self) -> str:
        return f"<@{self.fake.bot_user['id']}>"

    def expected(self, question: str) -> Reply:
        """What the engine (and `python -m bot ask`) answers on the same knowledge base."""
        return answer(Engine(load(self.knowledge_dir)), question)

    async def say(self, author: Json, content: str, **where: Any) -> Json:
        """`author` posts `content` (see FakeDiscord.message for `where`); returns the payload."""
        message = self.fake.message(author, content, **where)
        await self.fake.dispatch("MESSAGE_CREATE", message)
        return message

    async def settle(self) -> None:
        await settle(self.bot, self.fake)


Launch = Callable[..., Awaitable[Running]]


@pytest_asyncio.fixture
async def launch(guild: Guild, tmp_path: Path) -> AsyncIterator[Launch]:
    """Start the real bot (`make_bot`) against the fake; keyword arguments override Settings.

    The knowledge base is a copy of the tiny fixture one unless `knowledge_dir` is given, so a
    test may edit it and reload. `reconnect=True` lets the bot reconnect and resume after a
    dropped gateway connection, as it does in production.
    """
    errors = _ErrorLog()
    logging.getLogger().addHandler(errors)
    async with contextlib.AsyncExitStack() as stack:

        async def start(
            *,
            knowledge: LiveKnowledge | None = None,
            store: Store | None = None,
            reconnect: bool = False,
            **overrides: Any,
        ) -> Running:
            directory = tmp_path / "knowledge"
            if "knowledge_dir" not in overrides:
                directory.mkdir(exist_ok=True)
                copy_fixture_knowledge(directory)
            settings = Settings(
                _env_file=None,
                discord_token=guild.fake.token,
                knowledge_dir=overrides.pop("knowledge_dir", directory),
                answer_channel_ids=frozenset({int(guild.answers)}),
                admin_role_ids=frozenset({int(guild.keepers.id)}),
                dev_guild_id=int(guild.fake.guild_id),
                # misses and votes in a fresh SQLite file, whatever DATABASE_URL says
                data_dir=overrides.pop("data_dir", tmp_path / "data"),
                database_url=overrides.pop("database_url", None),
                **overrides,
            )
            bot = make_bot(settings, knowledge=knowledge, store=store, guild_ready_timeout=0.01)
            await stack.enter_async_context(running(bot, guild.fake, reconnect=reconnect))
            return Running(bot, guild, settings.knowledge_dir, errors.records)

        try:
            yield start
        finally:
            logging.getLogger().removeHandler(errors)
    unexpected = [f"{r.name}: {r.getMessage()}" for r in errors.records]
    assert not unexpected, f"the bot logged errors: {unexpected}"


class _ErrorLog(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest_asyncio.fixture
async def vyzov(launch: Launch) -> Running:
    """The bot with default settings and the fixture knowledge base."""
    return await launch()
