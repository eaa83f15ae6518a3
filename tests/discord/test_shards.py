"""Sharding: the bot on discord.py's AutoShardedBot, every shard answering its own guilds.

Discord sends a guild's events to shard `(guild_id >> 22) % shard_count` only; the fake routes
them the same way, so a guild's question reaches exactly one shard, in one process or in
several (two bots with one shard each stand for two processes here).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from discord.ext import commands

from bot.discordbot.client import ShardedVyzovBot
from tests.discord.conftest import Guild, Launch, Running
from tests.discord.fake_discord import FakeDiscord, Json, shard_of, snowflake

pytestmark = pytest.mark.asyncio

QUESTION = "who directed the challenge?"


@dataclass
class TwoGuilds:
    on_shard: tuple[str, str]  # guild ids on shards 0 and 1 of 2
    channels: tuple[str, str]  # a channel in each


@pytest.fixture
def two_guilds(guild: Guild, monkeypatch: pytest.MonkeyPatch) -> TwoGuilds:
    async def at_once(self: object, shard_id: int | None, *, initial: bool = False) -> None:
        return None  # discord.py waits 5 s before every IDENTIFY but a process's first

    monkeypatch.setattr(ShardedVyzovBot, "before_identify_hook", at_once)
    fake = guild.fake
    ids = tuple(fake.add_guild(f"Shard {n}", shard=n, shard_count=2) for n in (0, 1))
    channels = tuple(fake.add_channel("questions", guild=g) for g in ids)
    return TwoGuilds(on_shard=(ids[0], ids[1]), channels=(channels[0], channels[1]))


async def ask(vyzov: Running, channel: str) -> Json:
    return await vyzov.say(vyzov.guild.alice, f"{vyzov.mention} {QUESTION}", channel=channel)


def replies_to(fake: FakeDiscord, question: Json) -> list[Json]:
    return [
        m
        for m in fake.created
        if str((m.get("message_reference") or {}).get("message_id")) == question["id"]
    ]


def sent_on(fake: FakeDiscord, shard: int) -> set[str]:
    """Ids of the MESSAGE_CREATE events the fake sent on `shard`'s connection."""
    frames = fake.sessions[shard].sent
    return {f["d"]["id"] for f in frames if f["t"] == "MESSAGE_CREATE"}


async def test_the_fake_makes_guild_ids_for_the_shard_asked_for() -> None:
    for count in (1, 2, 5):
        for shard in range(count):
            assert shard_of(snowflake(shard=shard, shard_count=count), count) == shard


async def test_unsharded_by_default(vyzov: Running) -> None:
    assert not isinstance(vyzov.bot, commands.AutoShardedBot)
    assert "shard" not in (vyzov.fake.identify or {})


@pytest.mark.parametrize("count", [2, "auto"])
async def test_two_shards_in_one_process_each_answer_their_own_guild(
    guild: Guild, launch: Launch, two_guilds: TwoGuilds, count: int | str
) -> None:
    guild.fake.recommended_shards = 2  # what GET /gateway/bot advises, for "auto"
    vyzov = await launch(shard_count=count)
    fake, bot = vyzov.fake, vyzov.bot
    assert isinstance(bot, commands.AutoShardedBot)
    assert sorted(tuple(i["shard"]) for i in fake.identifies) == [(0, 2), (1, 2)]
    questions = [await ask(vyzov, channel) for channel in two_guilds.channels]
    await fake.wait_for("POST", r"/channels/\d+/messages", count=2)
    await vyzov.settle()
    for shard, (guild_id, question) in enumerate(zip(two_guilds.on_shard, questions, strict=True)):
        assert question["id"] in sent_on(fake, shard)
        assert question["id"] not in sent_on(fake, 1 - shard)
        found = bot.get_guild(int(guild_id))
        assert found is not None
        assert found.shard_id == shard
        assert len(replies_to(fake, question)) == 1


async def test_two_processes_with_one_shard_each_answer_every_question_once(
    guild: Guild, launch: Launch, two_guilds: TwoGuilds, tmp_path: Path
) -> None:
    zero = await launch(shard_count=2, shard_ids="0", data_dir=tmp_path / "zero")
    one = await launch(shard_count=2, shard_ids="1", data_dir=tmp_path / "one")
    fake = guild.fake
    assert [tuple(i["shard"]) for i in fake.identifies] == [(0, 2), (1, 2)]
    questions = [await ask(zero, channel) for channel in two_guilds.channels]
    await fake.wait_for("POST", r"/channels/\d+/messages", count=2)
    await zero.settle()
    await one.settle()
    for question in questions:
        assert len(replies_to(fake, question)) == 1
    first, second = (int(g) for g in two_guilds.on_shard)
    assert zero.bot.get_guild(first) is not None
    assert zero.bot.get_guild(second) is None
    assert one.bot.get_guild(second) is not None
    assert one.bot.get_guild(first) is None
