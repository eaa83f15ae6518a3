"""Follow-up questions on Discord: per user and channel, within the window, never shared."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine
from bot.core.loader import load
from bot.core.reply import Reply, answer
from tests.discord.conftest import Launch, Running
from tests.discord.fake_discord import Json

pytestmark = pytest.mark.asyncio

FIRST = "who directed the challenge?"
FOLLOW_UP = "when did it come out?"


def description(call_json: Json) -> str:
    text: str = call_json["embeds"][0]["description"]
    return text


def after(vyzov: Running, *questions: str) -> Reply:
    """What the engine answers to the last question, asked after the others in one chat."""
    engine = Engine(load(vyzov.knowledge_dir))
    context = None
    reply = None
    for question in questions:
        reply = answer(engine, question, context=context)
        context = reply.context or context
    assert reply is not None
    return reply


async def test_a_follow_up_is_read_in_the_light_of_the_users_last_answer(vyzov: Running) -> None:
    g, fake = vyzov.guild, vyzov.fake
    await vyzov.say(g.alice, f"{vyzov.mention} {FIRST}", channel=g.general)
    await fake.wait_message()
    mark = fake.mark()
    await vyzov.say(g.alice, f"{vyzov.mention} {FOLLOW_UP}", channel=g.general)
    call = await fake.wait_message(after=mark)
    expected = after(vyzov, FIRST, FOLLOW_UP)
    assert expected.entry is not None
    assert expected.entry.id == "challenge-release"
    assert description(call.json) == expected.text


async def test_another_users_follow_up_does_not_use_the_first_users_context(
    vyzov: Running,
) -> None:
    g, fake = vyzov.guild, vyzov.fake
    await vyzov.say(g.alice, f"{vyzov.mention} {FIRST}", channel=g.general)
    await fake.wait_message()
    mark = fake.mark()
    await vyzov.say(g.bob, f"{vyzov.mention} {FOLLOW_UP}", channel=g.general)
    call = await fake.wait_message(after=mark)
    assert description(call.json).startswith(vyzov.expected(FOLLOW_UP).text)
    assert description(call.json).startswith("Which film do you mean")


async def test_a_context_belongs_to_its_channel(vyzov: Running) -> None:
    g, fake = vyzov.guild, vyzov.fake
    await vyzov.say(g.alice, f"{vyzov.mention} {FIRST}", channel=g.general)
    await fake.wait_message()
    mark = fake.mark()
    await vyzov.say(g.alice, f"{vyzov.mention} {FOLLOW_UP}", channel=g.answers)
    call = await fake.wait_message(after=mark)
    assert description(call.json).startswith("Which film do you mean")


async def test_in_the_answer_channel_a_follow_up_is_answered_unprompted(vyzov: Running) -> None:
    g, fake = vyzov.guild, vyzov.fake
    await vyzov.say(g.bob, FOLLOW_UP, channel=g.answers)  # no context: not sure, so silent
    await vyzov.settle()
    assert fake.find("POST", r"/channels/\d+/messages") == []
    await vyzov.say(g.alice, FIRST, channel=g.answers)
    await fake.wait_message()
    mark = fake.mark()
    await vyzov.say(g.alice, FOLLOW_UP, channel=g.answers)
    call = await fake.wait_message(after=mark)
    assert description(call.json) == after(vyzov, FIRST, FOLLOW_UP).text


async def test_ask_follows_up_on_the_users_last_answer_too(vyzov: Running) -> None:
    fake = vyzov.fake
    for question in ("who directed vyzov", "and the cruise one?"):
        payload = fake.command(vyzov.guild.alice, "ask", {"question": question})
        response = await fake.wait_response(await fake.interact(payload))
    assert (
        description(response.json["data"])
        == after(vyzov, "who directed vyzov", "and the cruise one?").text
    )
    assert "Doug Liman" in description(response.json["data"])


async def test_a_follow_up_after_the_window_asks_which_film(launch: Launch) -> None:
    vyzov = await launch(followup_seconds=0)
    g, fake = vyzov.guild, vyzov.fake
    await vyzov.say(g.alice, f"{vyzov.mention} {FIRST}", channel=g.general)
    await fake.wait_message()
    mark = fake.mark()
    await vyzov.say(g.alice, f"{vyzov.mention} {FOLLOW_UP}", channel=g.general)
    call = await fake.wait_message(after=mark)
    assert description(call.json).startswith("Which film do you mean")
    assert len(vyzov.bot.conversations) == 0


async def test_the_bot_remembers_at_most_its_limit_of_conversations(launch: Launch) -> None:
    vyzov = await launch(followup_max_contexts=1)
    g, fake = vyzov.guild, vyzov.fake
    for who in (g.alice, g.bob):
        mark = fake.mark()
        await vyzov.say(who, f"{vyzov.mention} {FIRST}", channel=g.general)
        await fake.wait_message(after=mark)
    assert len(vyzov.bot.conversations) == 1
    mark = fake.mark()
    await vyzov.say(g.alice, f"{vyzov.mention} {FOLLOW_UP}", channel=g.general)
    call = await fake.wait_message(after=mark)
    assert description(call.json).startswith("Which film do you mean")  # alice was dropped
