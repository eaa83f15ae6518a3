"""Slash commands: sync, /ask and its autocomplete, /release, /sources, /about, errors."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import discord
import pytest

from bot.core.loader import KnowledgeBase, load
from bot.discordbot import answering
from bot.discordbot.live import LiveKnowledge
from bot.discordbot.suggest import QuestionIndex
from bot.discordbot.tree import SOMETHING_WRONG
from tests.conftest import FIXTURES, REAL_KNOWLEDGE
from tests.discord.conftest import Launch, Running
from tests.discord.fake_discord import EPHEMERAL, FakeDiscord, Interaction, Json

pytestmark = pytest.mark.asyncio

COMMANDS = {"ask", "release", "sources", "about", "kb"}
QUESTION = "who directed the challenge?"
CITED_LINE = re.compile(r"(\[\d+\])+$")
STAMP = re.compile(r"<t:(\d+):D>")


@pytest.fixture(scope="module")
def real_kb() -> KnowledgeBase:
    return load(REAL_KNOWLEDGE)


def described(option: Json) -> Iterator[tuple[str, str]]:
    yield option["name"], option.get("description", "")
    for child in option.get("options", []):
        yield from described(child)


async def test_commands_are_synced_to_the_dev_guild_with_real_descriptions(
    vyzov: Running,
) -> None:
    fake = vyzov.fake
    assert fake.find("PUT", r"/applications/\d+/commands") == []  # no global sync at start-up
    registered = {c["name"]: c for c in fake.commands[fake.guild_id]}
    assert set(registered) == COMMANDS
    for command in registered.values():
        for name, description in described(command):
            assert description.strip(), f"{name} has no description"
            assert description != "…", f"{name} has discord.py's placeholder description"
    question = registered["ask"]["options"][0]
    assert (question["name"], question["required"], question["autocomplete"]) == (
        "question",
        True,
        True,
    )
    admin = registered["kb"]
    assert int(admin["default_member_permissions"]) == discord.Permissions(manage_guild=True).value
    assert {o["name"] for o in admin["options"]} == {"reload", "status", "misses"}
    assert admin.get("contexts") == [0]  # guild only


async def test_ask_answers_publicly_with_the_engines_answer(vyzov: Running) -> None:
    fake = vyzov.fake
    asked = await fake.interact(fake.command(vyzov.guild.alice, "ask", {"question": QUESTION}))
    message = await final_message(fake, asked)
    expected = vyzov.expected(QUESTION)
    assert not message.get("flags", 0) & EPHEMERAL
    [embed] = message["embeds"]
    assert embed["description"] == expected.text
    assert "[1] [The Challenge (2023 film)]" in embed["fields"][0]["value"]
    assert "everyone" not in message["allowed_mentions"]["parse"]


async def final_message(fake: FakeDiscord, interaction: Interaction) -> Json:
    """What the user ends up seeing: the response itself, or the follow-up after a deferral."""
    response = await fake.wait_response(interaction)
    kind = response.json["type"]
    assert kind in (4, 5), response
    if kind == 4:
        data: Json = response.json["data"]
        return data
    followup = await fake.wait_webhook(interaction)
    body: Json = followup.json
    body["flags"] = (body.get("flags") or 0) | (response.json.get("data") or {}).get("flags", 0)
    return body


async def autocomplete(vyzov: Running, typed: str) -> list[Json]:
    fake = vyzov.fake
    request = fake.command(vyzov.guild.alice, "ask", {"question": typed}, focused="question")
    response = await fake.wait_response(await fake.interact(request))
    assert response.json["type"] == 8
    choices: list[Json] = response.json["data"]["choices"]
    assert len(choices) <= 25
    for choice in choices:
        assert 1 <= len(choice["name"]) <= 100
        assert len(choice["value"]) <= 100
    return choices


async def test_ask_autocompletes_from_the_knowledge_bases_questions(vyzov: Running) -> None:
    names = [c["name"] for c in await autocomplete(vyzov, "who direc")]
    assert "Who directed the challenge?" in names[:3]
    first = (await autocomplete(vyzov, "peresild"))[0]
    assert "peresild" in first["name"].lower()
    assert first["value"] == first["name"]
    assert await autocomplete(vyzov, "")  # something to pick before typing


@pytest.mark.parametrize(
    "typed", ["%%%%", "x" * 500, "🚀🚀🚀 <@&1> @everyone", "\x00\ufffd", "   ", "ВЫЗОВ"]
)
async def test_ask_autocomplete_copes_with_any_input(vyzov: Running, typed: str) -> None:
    await autocomplete(vyzov, typed)


async def test_ask_autocomplete_answers_even_when_the_index_fails(
    vyzov: Running, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: QuestionIndex, current: str, limit: int = 25) -> list[str]:
        raise RuntimeError("index exploded")

    monkeypatch.setattr(QuestionIndex, "complete", broken)
    assert await autocomplete(vyzov, "who") == []
    assert [r.getMessage() for r in vyzov.errors] == ["Autocomplete failed for 'who'"]
    vyzov.errors.clear()


def release_fields(message: Json) -> tuple[list[str], str]:
    """Lines of every section, and the text of the Sources fields."""
    [embed] = message["embeds"]
    lines, sources = [], ""
    for field in embed["fields"]:
        if re.fullmatch(r"Sources( \(continued\))?", field["name"]):
            sources += field["value"] + "\n"
            continue
        lines += [x for x in field["value"].splitlines() if not x.startswith("↳")]
    return lines, sources


def noon_stamps(kb: KnowledgeBase, work: str) -> set[int]:
    noon = dt.time(12, tzinfo=dt.UTC)
    return {
        int(dt.datetime.combine(r.when.earliest(), noon).timestamp())
        for r in kb.releases.values()
        if r.work == work and r.when is not None and r.when.precision == "day"
    }


@pytest.mark.parametrize("work", ["the-challenge", "cruise-space-film"])
async def test_release_lists_each_works_dates_cited_in_local_time(
    launch: Launch, real_kb: KnowledgeBase, work: str
) -> None:
    vyzov = await launch(
        knowledge=LiveKnowledge(REAL_KNOWLEDGE, real_kb), knowledge_dir=REAL_KNOWLEDGE
    )
    fake = vyzov.fake
    asked = await fake.interact(fake.command(vyzov.guild.alice, "release", {"work": work}))
    message = await final_message(fake, asked)
    assert not message.get("flags", 0) & EPHEMERAL
    [embed] = message["embeds"]
    assert real_kb.entities[work].name in embed["title"]
    lines, sources = release_fields(message)
    assert lines
    for line in lines:
        assert CITED_LINE.search(line), f"uncited line: {line!r}"
    stamps = {int(s) for line in lines for s in STAMP.findall(line)}
    assert stamps, "no exact date shown with Discord's timestamp markup"
    assert stamps <= noon_stamps(real_kb, work)
    cited = {int(n) for line in lines for n in re.findall(r"\[(\d+)\]", line)}
    listed = {int(n) for n in re.findall(r"^\[(\d+)\] ", sources, re.MULTILINE)}
    assert cited == listed
    if work == "the-challenge":
        disagree = [f for f in embed["fields"] if f["name"].startswith("Sources disagree")]
        assert any("12 April" in f["value"] and "20 April" in f["value"] for f in disagree)
    else:
        assert any(f["name"] == "Status timeline" for f in embed["fields"])


async def test_release_without_a_work_answers_for_both(vyzov: Running) -> None:
    fake = vyzov.fake
    asked = await fake.interact(fake.command(vyzov.guild.alice, "release"))
    response = await fake.wait_response(asked)
    followup = await fake.wait_webhook(asked)
    titles = [response.json["data"]["embeds"][0]["title"], followup.json["embeds"][0]["title"]]
    assert "The Challenge" in titles[0]
    assert "Cruise" in titles[1]
    stamp = f"<t:{int(dt.datetime(2023, 4, 12, 12, tzinfo=dt.UTC).timestamp())}:D>"
    challenge = "\n".join(f["value"] for f in response.json["data"]["embeds"][0]["fields"])
    assert f"{stamp}: Moscow premiere (Russia) [1]" in challenge


async def test_sources_lists_every_source_with_link_and_date(vyzov: Running) -> None:
    fake = vyzov.fake
    kb = load(FIXTURES)
    asked = await fake.interact(fake.command(vyzov.guild.bob, "sources"))
    message = await final_message(fake, asked)
    [embed] = message["embeds"]
    text = embed["description"]
    for source in kb.sources.values():
        assert source.title in text
        if source.url:
            assert str(source.url).replace("(", "%28").replace(")", "%29") in text
        assert (source.published or source.estimate or "undated") in text
    assert embed["title"] == f"Sources ({len(kb.sources)})"


async def test_sources_pages_turn_with_buttons(launch: Launch, real_kb: KnowledgeBase) -> None:
    vyzov = await launch(
        knowledge=LiveKnowledge(REAL_KNOWLEDGE, real_kb), knowledge_dir=REAL_KNOWLEDGE
    )
    fake = vyzov.fake
    asked = await fake.interact(fake.command(vyzov.guild.bob, "sources"))
    first = (await fake.wait_response(asked)).json["data"]
    assert first["embeds"][0]["footer"]["text"].startswith("Page 1 of ")
    pages = int(first["embeds"][0]["footer"]["text"].split()[3])
    assert pages > 1
    labels = {b["label"]: b for row in first["components"] for b in row["components"]}
    assert labels["◀ Previous"].get("disabled") is True
    shown = fake.created[-1]
    click = await fake.interact(fake.click(vyzov.guild.alice, shown, labels["Next ▶"]["custom_id"]))
    turned = (await fake.wait_response(click)).json
    assert turned["type"] == 7  # the same message, edited in place
    assert turned["data"]["embeds"][0]["footer"]["text"].startswith(f"Page 2 of {pages}")
    assert turned["data"]["embeds"][0]["description"] != first["embeds"][0]["description"]


async def test_about_says_what_it_knows_and_which_version(vyzov: Running) -> None:
    fake = vyzov.fake
    kb = vyzov.bot.knowledge.kb
    asked = await fake.interact(fake.command(vyzov.guild.bob, "about"))
    message = await final_message(fake, asked)
    [embed] = message["embeds"]
    fields = {f["name"]: f["value"] for f in embed["fields"]}
    challenge = sum(e.work == "the-challenge" for e in kb.entries.values())
    assert f"{challenge} answers" in fields["What I know"]
    assert kb.version in fields["Knowledge base"]
    assert f"{len(kb.entries)} answers" in fields["Knowledge base"]
    assert re.search(r"<t:\d+:[fR]>", fields["Knowledge base"])
    assert "/ask" in fields["How to ask"]


async def test_an_error_in_a_command_gets_one_ephemeral_reply(
    vyzov: Running, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = vyzov.fake
    real_ask = answering.ask

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("engine exploded")

    monkeypatch.setattr(answering, "ask", broken)
    asked = await fake.interact(fake.command(vyzov.guild.alice, "ask", {"question": "x"}))
    response = await fake.wait_response(asked)
    await vyzov.settle()
    assert response.json["type"] == 4
    assert response.json["data"]["flags"] & EPHEMERAL
    assert response.json["data"]["content"] == SOMETHING_WRONG
    assert fake.find("POST|PATCH", r"/webhooks/.*") == []
    [logged] = vyzov.errors  # with the traceback
    assert logged.exc_info is not None
    assert "engine exploded" in str(logged.exc_info[1])
    vyzov.errors.clear()
    # and the bot carries on
    monkeypatch.setattr(answering, "ask", real_ask)
    again = await fake.interact(fake.command(vyzov.guild.alice, "ask", {"question": QUESTION}))
    assert (await fake.wait_response(again)).json["type"] == 4


async def test_an_error_after_deferring_is_reported_in_a_follow_up(
    vyzov: Running, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = vyzov.fake

    async def broken() -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(vyzov.bot.knowledge, "reload", broken)
    asked = await fake.interact(fake.command(vyzov.guild.manager, "kb reload"))
    deferred = await fake.wait_response(asked)
    followup = await fake.wait_webhook(asked)
    await vyzov.settle()
    [logged] = vyzov.errors
    assert logged.exc_info is not None
    assert "disk on fire" in str(logged.exc_info[1])
    vyzov.errors.clear()
    assert deferred.json["type"] == 5
    assert followup.json["content"] == SOMETHING_WRONG
    assert followup.json["flags"] & EPHEMERAL
    assert len(fake.find("POST|PATCH", r"/webhooks/.*")) == 1
    assert len(fake.find("POST", r"/interactions/.*")) == 1
