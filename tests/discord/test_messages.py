"""Answering messages: mentions, replies, DMs, the answer channel, and what is ignored."""

from __future__ import annotations

import io
import json
import logging
import re

import discord
import pytest

from bot import cli
from bot.core.reply import Reply
from bot.discordbot import answering
from tests.discord.conftest import Launch, Running
from tests.discord.fake_discord import (
    INTENT_DIRECT_MESSAGES,
    INTENT_GUILD_MESSAGES,
    INTENT_MESSAGE_CONTENT,
    Call,
    Json,
)

pytestmark = pytest.mark.asyncio

QUESTION = "who directed the challenge?"
POSTED = r"/channels/\d+/messages"


def only_embed(call: Call) -> Json:
    embeds = call.json["embeds"]
    assert len(embeds) == 1, embeds
    embed: Json = embeds[0]
    return embed


def assert_cited_answer(embed: Json, expected: Reply, version: str | None = None) -> None:
    """The embed says what the engine says, with its numbered sources as links."""
    assert expected.answered, f"the fixture engine no longer answers {expected.question!r}"
    assert embed["description"] == expected.text
    sources = "\n".join(f["value"] for f in embed["fields"] if f["name"].startswith("Sources"))
    for cited in expected.citations:
        line = next(x for x in sources.splitlines() if x.startswith(f"[{cited.number}] "))
        assert cited.source.publisher in line
        if cited.source.url:
            url = str(cited.source.url).replace("(", "%28").replace(")", "%29")
            assert f"]({url})" in line
    assert len(sources.splitlines()) == len(expected.citations)
    footer = embed["footer"]["text"]
    assert f"{expected.confidence:.0%}" in footer
    assert "knowledge base" in footer
    if version is not None:
        assert footer.endswith(f"knowledge base {version}")


def assert_no_pings(call: Call, created: Json) -> None:
    """Discord's verdict on the created message, then the allowed_mentions that caused it."""
    assert created["mention_everyone"] is False
    assert created["mention_roles"] == []
    allowed = call.json.get("allowed_mentions")
    assert allowed is not None, "no allowed_mentions: Discord's default parses everything"
    assert "everyone" not in allowed["parse"]
    assert "roles" not in allowed["parse"]
    assert not allowed.get("roles")


async def test_a_mention_is_answered_with_the_engines_answer(vyzov: Running) -> None:
    g = vyzov.guild
    asked = await vyzov.say(g.alice, f"{vyzov.mention} {QUESTION}", channel=g.general)
    call = await vyzov.fake.wait_message(channel=g.general)
    version = vyzov.bot.knowledge.kb.version
    assert_cited_answer(only_embed(call), vyzov.expected(QUESTION), version)
    assert call.json["message_reference"]["message_id"] == int(asked["id"])
    # an answer offers only its feedback row: 👍, 👎 and "why this answer?"
    [row] = call.json["components"]
    assert [c["custom_id"].split(":")[1] for c in row["components"]] == ["up", "down", "why"]
    assert_no_pings(call, vyzov.fake.created[-1])


async def test_a_mention_of_the_bots_own_role_counts_as_a_mention(launch: Launch) -> None:
    """People pick the bot's role from the @ menu (listed there when it is mentionable)."""
    vyzov = await launch()
    g = vyzov.guild
    vyzov.fake.bot_role.mentionable = True  # Discord lists it in mention_roles only then
    role = f"<@&{vyzov.fake.bot_role.id}>"
    await vyzov.say(g.alice, f"{role} {QUESTION}", channel=g.general)
    call = await vyzov.fake.wait_message(channel=g.general)
    assert_cited_answer(only_embed(call), vyzov.expected(QUESTION))


async def test_the_bot_asks_discord_for_the_intents_it_needs(vyzov: Running) -> None:
    assert vyzov.fake.identify is not None
    intents = int(vyzov.fake.identify["intents"])
    for needed in (INTENT_MESSAGE_CONTENT, INTENT_GUILD_MESSAGES, INTENT_DIRECT_MESSAGES):
        assert intents & needed


@pytest.mark.parametrize(
    "question",
    [QUESTION, "when did the challenge come out", "what about the budget of vyzov", "кто режиссёр"],
)
async def test_the_bot_and_the_command_line_answer_identically(
    vyzov: Running, question: str
) -> None:
    out = io.StringIO()
    assert cli.main(["ask", "--json", "--knowledge", str(vyzov.knowledge_dir), question], out) == 0
    printed = json.loads(out.getvalue())
    await vyzov.say(vyzov.guild.alice, f"{vyzov.mention} {question}", dm=True)
    embed = only_embed(await vyzov.fake.wait_message())
    assert embed["description"] == printed["text"]
    sources = "\n".join(f["value"] for f in embed["fields"] if f["name"].startswith("Sources"))
    lines = sources.splitlines()
    assert len(lines) == len(printed["citations"])
    for line, cited in zip(lines, printed["citations"], strict=True):
        assert line.startswith(f"[{cited['number']}] ")
        assert cited["title"] in line
        if cited["url"]:
            assert cited["url"].replace("(", "%28").replace(")", "%29") in line


async def test_a_conflict_answer_lists_both_sides_with_all_their_sources(vyzov: Running) -> None:
    question = "when did the challenge come out"
    await vyzov.say(vyzov.guild.bob, f"{vyzov.mention} {question}", channel=vyzov.guild.general)
    call = await vyzov.fake.wait_message()
    expected = vyzov.expected(question)
    assert len(expected.citations) >= 2
    assert_cited_answer(only_embed(call), expected)


async def test_a_reply_to_one_of_its_answers_is_answered(vyzov: Running) -> None:
    g, fake = vyzov.guild, vyzov.fake
    await vyzov.say(g.alice, f"{vyzov.mention} {QUESTION}", channel=g.general)
    await fake.wait_message()
    answer = fake.created[-1]
    follow_up = "when was peresild born"
    mark = fake.mark()
    await vyzov.say(g.bob, follow_up, channel=g.general, reply_to=answer)
    call = await fake.wait_message(after=mark)
    assert_cited_answer(only_embed(call), vyzov.expected(follow_up))


async def test_a_reply_to_someone_else_is_ignored(vyzov: Running) -> None:
    g, fake = vyzov.guild, vyzov.fake
    someone = await vyzov.say(g.alice, "anyone seen the film?", channel=g.general)
    mark = fake.mark()
    await vyzov.say(g.bob, "who directed the challenge", channel=g.general, reply_to=someone)
    await vyzov.settle()
    assert fake.find("POST", POSTED, after=mark) == []


async def test_a_direct_message_is_answered(vyzov: Running) -> None:
    await vyzov.say(vyzov.guild.alice, "when was peresild born", dm=True)
    call = await vyzov.fake.wait_message(channel=vyzov.fake.dm_channel(vyzov.guild.alice))
    assert_cited_answer(only_embed(call), vyzov.expected("when was peresild born"))


async def test_the_answer_channel_answers_confident_questions_only(vyzov: Running) -> None:
    g, fake = vyzov.guild, vyzov.fake
    for chatter in ("hello everyone, nice weather", "what about the budget of vyzov"):
        assert not vyzov.expected(chatter).answered
        await vyzov.say(g.alice, chatter, channel=g.answers)
    await vyzov.settle()
    assert fake.find("POST", POSTED) == []
    await vyzov.say(g.alice, QUESTION, channel=g.answers)
    call = await fake.wait_message(channel=g.answers)
    assert_cited_answer(only_embed(call), vyzov.expected(QUESTION))


async def test_other_channels_are_ignored_without_a_mention(vyzov: Running) -> None:
    await vyzov.say(vyzov.guild.alice, QUESTION, channel=vyzov.guild.general)
    await vyzov.settle()
    assert vyzov.fake.find("POST", POSTED) == []


async def test_bots_and_the_bot_itself_are_ignored(vyzov: Running) -> None:
    g, fake = vyzov.guild, vyzov.fake
    await vyzov.say(g.other_bot, f"{vyzov.mention} {QUESTION}", channel=g.general)
    await vyzov.say(g.other_bot, QUESTION, channel=g.answers)
    await vyzov.say(fake.bot_user, f"{vyzov.mention} {QUESTION}", channel=g.general)
    await vyzov.settle()
    assert fake.find("POST", POSTED) == []
    # its own answers come back over the gateway, as on Discord: still exactly one answer
    await vyzov.say(g.alice, QUESTION, channel=g.answers)
    await fake.wait_message()
    await vyzov.settle()
    assert len(fake.find("POST", POSTED)) == 1


async def test_a_question_saying_everyone_pings_nobody(vyzov: Running) -> None:
    g, fake = vyzov.guild, vyzov.fake
    text = f"{vyzov.mention} @everyone @here <@&{g.fans.id}> who directed the challenge?"
    await vyzov.say(g.alice, text, channel=g.general)
    call = await fake.wait_message()
    assert_no_pings(call, fake.created[-1])
    title = only_embed(call)["title"]
    assert "@everyone" not in title
    assert "@here" not in title
    assert f"<@&{g.fans.id}>" not in title


async def test_allowed_mentions_are_set_on_the_client_for_every_send(vyzov: Running) -> None:
    """Even a send that forgets to pass allowed_mentions cannot ping everyone or a role."""
    g, fake = vyzov.guild, vyzov.fake
    channel = vyzov.bot.get_channel(int(g.general))
    assert isinstance(channel, discord.TextChannel)
    await channel.send(f"@everyone @here <@&{g.fans.id}>")
    call = await fake.wait_message()
    assert_no_pings(call, fake.created[-1])


async def test_user_text_echoed_back_is_escaped(vyzov: Running) -> None:
    g = vyzov.guild
    await vyzov.say(
        g.alice, f"{vyzov.mention} who directed **the** _challenge_?", channel=g.general
    )
    call = await vyzov.fake.wait_message()
    title = only_embed(call)["title"]
    assert "**the**" not in title
    assert re.search(r"\\\*\\\*the\\\*\\\*", title), title
    assert r"\_challenge\_" in title


async def test_a_bare_mention_says_what_to_ask(vyzov: Running) -> None:
    await vyzov.say(vyzov.guild.alice, vyzov.mention, channel=vyzov.guild.general)
    embed = only_embed(await vyzov.fake.wait_message())
    assert embed["description"] == vyzov.expected("").text


async def test_a_very_long_question_is_trimmed_to_discords_limits(vyzov: Running) -> None:
    question = "who directed the challenge " + "and also what else " * 100
    await vyzov.say(vyzov.guild.alice, f"{vyzov.mention} {question}", channel=vyzov.guild.general)
    call = await vyzov.fake.wait_message()
    assert call.status == 200  # the fake refuses anything over Discord's limits
    assert len(only_embed(call)["title"]) <= 256


async def test_a_spoiler_answer_is_inside_spoiler_tags(vyzov: Running) -> None:
    question = "how does the challenge end"
    expected = vyzov.expected(question)
    assert expected.spoiler
    await vyzov.say(vyzov.guild.alice, f"{vyzov.mention} {question}", channel=vyzov.guild.general)
    description = only_embed(await vyzov.fake.wait_message())["description"]
    assert f"||{expected.text}||" in description
    assert expected.text not in description.replace(f"||{expected.text}||", "")


def buttons(call: Call) -> list[Json]:
    return [c for row in call.json.get("components", []) for c in row["components"]]


async def test_not_knowing_offers_suggestions_as_buttons_that_ask_them(vyzov: Running) -> None:
    g, fake = vyzov.guild, vyzov.fake
    question = "what about the budget of vyzov"
    expected = vyzov.expected(question)
    assert expected.status == "abstained"
    assert expected.suggestions
    await vyzov.say(g.alice, f"{vyzov.mention} {question}", channel=g.general)
    call = await fake.wait_message()
    embed = only_embed(call)
    assert embed["description"].startswith(expected.text)
    assert [b["label"] for b in buttons(call)] == list(expected.suggestions)
    chosen = buttons(call)[0]
    click = await fake.interact(fake.click(g.bob, fake.created[-1], chosen["custom_id"]))
    response = await fake.wait_response(click)
    assert response.json["type"] == 4
    assert not response.json["data"].get("flags", 0) & 64
    assert response.json["data"]["embeds"][0]["description"] == vyzov.expected(chosen["label"]).text


async def test_an_ambiguous_question_offers_a_choice_of_work(vyzov: Running) -> None:
    g, fake = vyzov.guild, vyzov.fake
    question = "who directed the space movie?"
    expected = vyzov.expected(question)
    assert expected.status == "ambiguous"
    await vyzov.say(g.alice, f"{vyzov.mention} {question}", channel=g.general)
    call = await fake.wait_message()
    assert only_embed(call)["description"].startswith(expected.text)
    labels = [b["label"] for b in buttons(call)]
    assert len(labels) == 2
    assert any("Challenge" in label for label in labels)
    assert any("Cruise" in label for label in labels)
    cruise = next(b for b in buttons(call) if "Cruise" in b["label"])
    click = await fake.interact(fake.click(g.alice, fake.created[-1], cruise["custom_id"]))
    response = await fake.wait_response(click)
    answered = response.json["data"]["embeds"][0]["description"]
    assert answered == vyzov.expected("who is directing the tom cruise space movie").text


async def test_a_suggestion_removed_by_a_reload_says_so(vyzov: Running) -> None:
    g, fake = vyzov.guild, vyzov.fake
    await vyzov.say(g.alice, f"{vyzov.mention} what about the budget of vyzov", channel=g.general)
    call = await fake.wait_message()
    offered = {b["label"]: b["custom_id"] for b in buttons(call)}
    assert "How does the challenge end?" in offered
    challenge = vyzov.knowledge_dir / "challenge.yaml"
    text = challenge.read_text(encoding="utf-8")
    start = text.index("  - id: challenge-ending")
    challenge.write_text(text[:start] + text[text.index("releases:") :], encoding="utf-8")
    assert (await vyzov.bot.knowledge.reload()).removed == ("challenge-ending",)
    message = fake.created[-1]
    click = fake.click(g.bob, message, offered["How does the challenge end?"])
    response = await fake.wait_response(await fake.interact(click))
    assert response.json["type"] == 4
    assert response.json["data"]["flags"] & 64
    assert "no longer" in response.json["data"]["content"]


async def test_one_person_cannot_flood_a_channel(launch: Launch) -> None:
    vyzov = await launch(answer_cooldown_rate=2, answer_cooldown_seconds=60)
    g, fake = vyzov.guild, vyzov.fake
    for _ in range(3):
        await vyzov.say(g.alice, QUESTION, channel=g.answers)
    await fake.wait_message(within=5, after=0)
    await vyzov.settle()
    assert len(fake.find("POST", POSTED)) == 2
    await vyzov.say(g.bob, QUESTION, channel=g.answers)
    await fake.wait_for("POST", POSTED, count=3)
    ask = await fake.interact(fake.command(g.alice, "ask", {"question": QUESTION}))
    refused = await fake.wait_response(ask)
    assert refused.json["data"]["flags"] & 64
    assert "embeds" not in refused.json["data"] or not refused.json["data"]["embeds"]


async def test_no_permission_to_send_is_logged_and_the_bot_keeps_answering(
    vyzov: Running, caplog: pytest.LogCaptureFixture
) -> None:
    g, fake = vyzov.guild, vyzov.fake
    fake.fail("POST", rf"/channels/{g.general}/messages", times=1)
    with caplog.at_level(logging.WARNING):
        await vyzov.say(g.alice, f"{vyzov.mention} {QUESTION}", channel=g.general)
        refused = await fake.wait_message()
        await vyzov.settle()
    assert refused.status == 403
    assert any(g.general in r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING)
    mark = fake.mark()
    await vyzov.say(g.alice, f"{vyzov.mention} {QUESTION}", channel=g.general)
    answered = await fake.wait_message(after=mark)
    assert answered.status == 200


async def test_an_error_while_answering_a_message_is_logged_not_fatal(
    vyzov: Running, monkeypatch: pytest.MonkeyPatch
) -> None:
    g, fake = vyzov.guild, vyzov.fake
    real_ask = answering.ask

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("engine exploded")

    monkeypatch.setattr(answering, "ask", broken)
    await vyzov.say(g.alice, f"{vyzov.mention} {QUESTION}", channel=g.general)
    await vyzov.settle()
    [logged] = vyzov.errors
    assert logged.exc_info is not None
    assert "engine exploded" in str(logged.exc_info[1])
    vyzov.errors.clear()
    monkeypatch.setattr(answering, "ask", real_ask)
    await vyzov.say(g.alice, f"{vyzov.mention} {QUESTION}", channel=g.general)
    call = await fake.wait_message()
    assert_cited_answer(only_embed(call), vyzov.expected(QUESTION))
