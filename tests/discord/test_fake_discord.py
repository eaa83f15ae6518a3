"""The fake Discord itself, driven by minimal plain discord.py clients written here.

These include the negative controls: a client without `allowed_mentions` is seen to ping
@everyone, and a client without the message-content intent is seen not to reply. If these
ever pass for the wrong client, the bot's own mention and intent tests prove nothing.
"""

from __future__ import annotations

import aiohttp
import discord
import pytest
from discord import app_commands

from tests.discord import fake_discord
from tests.discord.conftest import Guild
from tests.discord.fake_discord import INTENT_MESSAGE_CONTENT, running, settle

pytestmark = pytest.mark.asyncio


def plain_client(
    *, message_content: bool = True, allowed_mentions: discord.AllowedMentions | None = None
) -> discord.Client:
    intents = discord.Intents.default()
    intents.message_content = message_content
    return discord.Client(
        intents=intents, allowed_mentions=allowed_mentions, guild_ready_timeout=0.01
    )


def echo_client(**kwargs: object) -> discord.Client:
    """Repeats every non-empty message it can read, the way a careless bot would."""
    client = plain_client(**kwargs)  # type: ignore[arg-type]

    @client.event
    async def on_message(message: discord.Message) -> None:
        if message.author != client.user and message.content:
            await message.channel.send(f"you said: {message.content}")

    return client


async def test_a_client_without_allowed_mentions_pings_everyone(guild: Guild) -> None:
    fake = guild.fake
    async with running(echo_client(), fake):
        await fake.dispatch("MESSAGE_CREATE", fake.message(guild.alice, "@everyone look"))
        call = await fake.wait_message()
    assert "allowed_mentions" not in call.json
    assert fake.created[0]["mention_everyone"] is True


async def test_a_client_that_parses_roles_pings_a_role(guild: Guild) -> None:
    fake = guild.fake
    async with running(echo_client(), fake):
        role = f"<@&{guild.fans.id}>"
        await fake.dispatch("MESSAGE_CREATE", fake.message(guild.alice, f"hi {role}"))
        await fake.wait_message()
    assert fake.created[0]["mention_roles"] == [guild.fans.id]


async def test_allowed_mentions_none_on_the_client_pings_nobody(guild: Guild) -> None:
    fake = guild.fake
    async with running(echo_client(allowed_mentions=discord.AllowedMentions.none()), fake):
        text = f"@everyone @here <@&{guild.fans.id}> <@{guild.bob['id']}>"
        await fake.dispatch("MESSAGE_CREATE", fake.message(guild.alice, text))
        call = await fake.wait_message()
    assert call.json["allowed_mentions"]["parse"] == []
    sent = fake.created[0]
    assert (sent["mention_everyone"], sent["mention_roles"], sent["mentions"]) == (False, [], [])


async def test_a_client_without_the_message_content_intent_does_not_reply(guild: Guild) -> None:
    fake = guild.fake
    client = echo_client(message_content=False)
    async with running(client, fake):
        before = fake.mark()
        await fake.dispatch("MESSAGE_CREATE", fake.message(guild.alice, "who directed vyzov?"))
        await settle(client, fake)
        assert fake.find("POST", r"/channels/\d+/messages", after=before) == []
        # Discord still shows the content of messages that mention the bot
        mention = f"<@{fake.bot_user['id']}> who directed vyzov?"
        await fake.dispatch("MESSAGE_CREATE", fake.message(guild.alice, mention))
        call = await fake.wait_message(after=before)
    assert call.json["content"] == f"you said: {mention}"
    assert fake.identify is not None
    assert not int(fake.identify["intents"]) & INTENT_MESSAGE_CONTENT


async def test_the_same_client_with_the_intent_replies(guild: Guild) -> None:
    fake = guild.fake
    async with running(echo_client(), fake):
        await fake.dispatch("MESSAGE_CREATE", fake.message(guild.alice, "who directed vyzov?"))
        call = await fake.wait_message()
    assert call.json["content"] == "you said: who directed vyzov?"


def command_client() -> tuple[discord.Client, app_commands.CommandTree[discord.Client]]:
    client = plain_client()
    tree = app_commands.CommandTree(client)

    @tree.command()
    async def hello(interaction: discord.Interaction) -> None:
        """Say hello twice (the second answer must be refused)."""
        response = await interaction.response.send_message("hello")
        assert response.message_id is not None  # the callback body came back
        await interaction.response.send_message("again")

    async def setup_hook() -> None:
        await tree.sync()

    client.setup_hook = setup_hook  # type: ignore[method-assign]
    return client, tree


async def test_an_interaction_is_answered_once(guild: Guild) -> None:
    fake = guild.fake
    client, _ = command_client()
    async with running(client, fake):
        assert [c["name"] for c in fake.commands["global"]] == ["hello"]
        interaction = await fake.interact(fake.command(guild.alice, "hello"))
        first = await fake.wait_response(interaction)
        await settle(client, fake)
    assert first.query == {"with_response": "1"}
    assert first.json["type"] == 4
    assert first.json["data"]["content"] == "hello"
    # discord.py refuses the second answer itself (InteractionResponded) before Discord could
    assert len(fake.find("POST", rf"/interactions/{interaction.id}/.*")) == 1


async def test_a_second_callback_is_refused_with_40060(guild: Guild) -> None:
    fake = guild.fake
    client, _ = command_client()
    async with running(client, fake):
        interaction = await fake.interact(fake.command(guild.alice, "hello"))
        await fake.wait_response(interaction)
        url = f"{fake.api_base}/interactions/{interaction.id}/{interaction.payload['token']}"
        async with (
            aiohttp.ClientSession() as session,
            session.post(f"{url}/callback", json={"type": 4, "data": {"content": "x"}}) as resp,
        ):
            body = await resp.json(content_type=None)
            assert (resp.status, body["code"]) == (400, 40060)
            assert resp.headers["Content-Type"] == "application/json"
        await settle(client, fake)
    assert fake.rejections[-1].reason == "Interaction has already been acknowledged."
    fake.rejections.clear()


async def test_unknown_routes_answer_404_and_are_recorded(guild: Guild) -> None:
    fake = guild.fake
    async with (
        running(plain_client(), fake),
        aiohttp.ClientSession() as session,
        session.get(
            f"{fake.api_base}/guilds/{fake.guild_id}/bans",
            headers={"Authorization": f"Bot {fake.token}"},
        ) as resp,
    ):
        assert resp.status == 404
    assert [c.path for c in fake.unhandled] == [f"/guilds/{fake.guild_id}/bans"]
    fake.unhandled.clear()


async def test_a_dead_gateway_reader_fails_the_test(guild: Guild) -> None:
    fake = guild.fake

    async def a_parser_error() -> None:
        async with running(plain_client(), fake):
            # a payload discord.py's parser chokes on kills its reader task
            await fake.dispatch("CHANNEL_CREATE", {"type": 0, "guild_id": fake.guild_id})
            await fake.wait_message(within=2.0)

    with pytest.raises(AssertionError, match="connection task has ended"):
        await a_parser_error()


async def test_the_bot_logs_in_with_intents_and_resumes_after_a_reconnect(guild: Guild) -> None:
    fake = guild.fake
    client = plain_client()
    async with running(client, fake):
        assert fake.gateway_query["v"] == "10"
        assert fake.identify is not None
        assert client.get_guild(int(fake.guild_id)) is not None
        await fake.request_reconnect()
        await fake.until(lambda: fake.resumes == 1, 5.0, "a RESUME")
        await fake.dispatch("MESSAGE_CREATE", fake.message(guild.alice, "still there?"))
        await settle(client, fake)


async def test_a_callback_after_three_seconds_is_refused(
    guild: Guild, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = guild.fake
    monkeypatch.setattr(fake_discord, "INTERACTION_WINDOW", 0.0)  # every answer is too late
    client, _ = command_client()
    async with running(client, fake):
        interaction = await fake.interact(fake.command(guild.alice, "hello"))
        late = await fake.wait_response(interaction)
    assert late.status == 404
    assert fake.rejections == [late]
    fake.rejections.clear()
