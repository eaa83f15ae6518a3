"""Discord misbehaving: 403, 429 (per route and global), 5xx, and a dropped gateway connection.

What "accepted" means: a question is accepted once the bot's gateway reader has read its
MESSAGE_CREATE (the bot's sequence number has reached the event's). From then on its handler
runs on its own and answers over REST, whatever happens to the gateway connection, so an
accepted question is answered exactly once. Events Discord sent that the bot had not read yet
are not accepted, but a RESUME gets them replayed (as do events sent while the connection was
down), so after a resumable drop nothing at all is lost. After an invalidated session Discord
replays nothing: events sent between the drop and the new READY never reach the bot (the fake
keeps them in `undelivered`), while the questions accepted before the drop are still answered.
"""

from __future__ import annotations

import logging

import pytest

from tests.discord.conftest import Launch, Running
from tests.discord.fake_discord import Call, Json

pytestmark = pytest.mark.asyncio

QUESTION = "who directed the challenge?"


def posted(channel: str) -> str:
    return rf"/channels/{channel}/messages"


def replies_to(vyzov: Running, question: Json) -> list[Json]:
    """The messages the bot created in reply to `question` (Discord's record, not the calls)."""
    return [
        m
        for m in vyzov.fake.created
        if str((m.get("message_reference") or {}).get("message_id")) == question["id"]
    ]


async def ask(vyzov: Running, author: Json, channel: str) -> tuple[Json, int]:
    """`author` mentions the bot with a question in `channel`; the payload and its sequence."""
    message = vyzov.fake.message(author, f"{vyzov.mention} {QUESTION}", channel=channel)
    return message, await vyzov.fake.dispatch("MESSAGE_CREATE", message)


def statuses(calls: list[Call]) -> list[int]:
    return [c.status for c in calls]


async def test_a_429_is_retried_after_retry_after_and_the_answer_is_posted_once(
    vyzov: Running,
) -> None:
    g, fake = vyzov.guild, vyzov.fake
    fake.rate_limit("POST", posted(g.general), retry_after=0.3)
    question, _ = await ask(vyzov, g.alice, g.general)
    await fake.wait_for("POST", posted(g.general), count=2)
    await vyzov.settle()
    calls = fake.find("POST", posted(g.general))
    assert statuses(calls) == [429, 200]
    assert calls[1].at - calls[0].at >= 0.3
    assert len(replies_to(vyzov, question)) == 1


async def test_a_429_on_one_channel_does_not_hold_up_another(vyzov: Running) -> None:
    g, fake = vyzov.guild, vyzov.fake
    fake.rate_limit("POST", posted(g.general), retry_after=0.4)
    slow, _ = await ask(vyzov, g.alice, g.general)
    await fake.wait_for("POST", posted(g.general))
    quick, _ = await ask(vyzov, g.bob, g.answers)
    other = await fake.wait_for("POST", posted(g.answers))
    retried = await fake.wait_for("POST", posted(g.general), count=2)
    assert other.at < retried.at  # a route's bucket is its own (per channel)
    await vyzov.settle()
    assert (len(replies_to(vyzov, slow)), len(replies_to(vyzov, quick))) == (1, 1)


async def test_a_global_429_holds_every_request_until_it_is_over(vyzov: Running) -> None:
    g, fake, bot = vyzov.guild, vyzov.fake, vyzov.bot
    fake.rate_limit("POST", posted(g.general), retry_after=0.4, scope="global")
    first, _ = await ask(vyzov, g.alice, g.general)
    limited = await fake.wait_for("POST", posted(g.general))
    assert limited.status == 429
    # discord.py closes its global gate when it reads the 429 (a private Event, read only)
    await fake.until(lambda: not bot.http._global_over.is_set(), 2, "the global limit")
    second, _ = await ask(vyzov, g.bob, g.answers)
    other = await fake.wait_for("POST", posted(g.answers))
    assert other.at - limited.at >= 0.4
    await fake.wait_for("POST", posted(g.general), count=2)
    await vyzov.settle()
    assert (len(replies_to(vyzov, first)), len(replies_to(vyzov, second))) == (1, 1)


async def test_server_errors_are_retried_and_each_answer_lands_once(vyzov: Running) -> None:
    g, fake = vyzov.guild, vyzov.fake
    fake.fail("POST", posted(g.general), status=500, code=0, message="Internal", times=1)
    fake.fail("POST", posted(g.answers), status=502, code=0, message="Bad Gateway", times=1)
    first, _ = await ask(vyzov, g.alice, g.general)
    second, _ = await ask(vyzov, g.bob, g.answers)
    await fake.wait_for("POST", posted(g.general), count=2)  # discord.py waits 1 s, then again
    await fake.wait_for("POST", posted(g.answers), count=2)
    await vyzov.settle()
    assert statuses(fake.find("POST", posted(g.general))) == [500, 200]
    assert statuses(fake.find("POST", posted(g.answers))) == [502, 200]
    assert (len(replies_to(vyzov, first)), len(replies_to(vyzov, second))) == (1, 1)


async def test_a_channel_that_refuses_every_answer_is_logged_and_others_are_answered(
    vyzov: Running, caplog: pytest.LogCaptureFixture
) -> None:
    g, fake = vyzov.guild, vyzov.fake
    fake.fail("POST", posted(g.general))  # 403 Missing Permissions, every time
    with caplog.at_level(logging.WARNING):
        for author in (g.alice, g.bob):
            await ask(vyzov, author, g.general)
        await fake.wait_for("POST", posted(g.general), count=2)
        await vyzov.settle()
    warned = [
        r for r in caplog.records if r.levelno == logging.WARNING and g.general in r.getMessage()
    ]
    assert len(warned) == 2
    question, _ = await ask(vyzov, g.alice, g.answers)
    assert (await fake.wait_for("POST", posted(g.answers))).status == 200
    await vyzov.settle()
    assert len(replies_to(vyzov, question)) == 1
    assert statuses(fake.find("POST", posted(g.general))) == [403, 403]  # no retry of a 403


@pytest.mark.parametrize(
    "how", ["close 4000", "cut without a close frame", "op 7 reconnect"], ids=lambda h: h
)
async def test_after_a_dropped_connection_the_bot_resumes_and_no_question_is_lost(
    launch: Launch, how: str
) -> None:
    vyzov = await launch(reconnect=True)
    g, fake, bot = vyzov.guild, vyzov.fake, vyzov.bot
    gate = fake.hold("POST", posted(g.general))  # replies stay in flight until released
    in_flight, _ = await ask(vyzov, g.alice, g.general)
    await fake.until(lambda: fake.find("POST", posted(g.general)), 5, "the reply in flight")
    read, seq = await ask(vyzov, g.bob, g.general)
    await fake.until(lambda: bot.ws.sequence >= seq, 5, "the bot to read the question")
    if how == "op 7 reconnect":
        await fake.request_reconnect()
    else:
        await fake.drop(code=None if how.startswith("cut") else 4000)
    while_down, _ = await ask(vyzov, g.alice, g.answers)  # kept by Discord for the RESUME
    await fake.until(lambda: fake.resumes == 1, 5, "the bot to resume")
    after, _ = await ask(vyzov, g.bob, g.answers)
    gate.set()
    await fake.wait_for("POST", posted(g.general), count=2)
    await fake.wait_for("POST", posted(g.answers), count=2)
    await vyzov.settle()
    for question in (in_flight, read, while_down, after):
        assert len(replies_to(vyzov, question)) == 1, question["id"]
    assert len(fake.identifies) == 1  # the same session all along


async def test_after_an_invalidated_session_the_bot_identifies_again_and_answers_what_it_accepted(
    launch: Launch,
) -> None:
    vyzov = await launch(reconnect=True)
    g, fake, bot = vyzov.guild, vyzov.fake, vyzov.bot

    async def at_once(shard_id: int | None, *, initial: bool = False) -> None:
        return None  # discord.py waits 5 s before every IDENTIFY but the first

    bot.before_identify_hook = at_once  # type: ignore[method-assign]
    gate = fake.hold("POST", posted(g.general))
    accepted, _ = await ask(vyzov, g.alice, g.general)
    await fake.until(lambda: fake.find("POST", posted(g.general)), 5, "the reply in flight")
    await fake.drop(code=4009, resumable=False)  # "session timed out"
    lost, _ = await ask(vyzov, g.bob, g.answers)  # no session: Discord drops it
    await fake.until(lambda: len(fake.identifies) == 2 and bot.is_ready(), 5, "a new session")
    after, _ = await ask(vyzov, g.bob, g.answers)
    gate.set()
    await fake.wait_for("POST", posted(g.general))
    await fake.wait_for("POST", posted(g.answers))
    await vyzov.settle()
    assert len(replies_to(vyzov, accepted)) == 1
    assert len(replies_to(vyzov, after)) == 1
    assert replies_to(vyzov, lost) == []
    assert [data["id"] for _, data in fake.undelivered] == [lost["id"]]
    assert fake.resumes == 0
