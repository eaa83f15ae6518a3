"""Misses and feedback through the fake Discord: misses recorded with where they were asked,
one vote per user per answer, a reason for every 👎, "why this answer?" for the asker only,
a broken store that never stops an answer, /kb misses, and the knowledge watcher."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.core.explanation import Explanations
from bot.discordbot.cogs.admin import NOT_ADMIN
from bot.discordbot.feedback import STORE_DOWN
from bot.discordbot.feedback_views import (
    REASON_TEMPLATE,
    VOTE_TEMPLATE,
    WHY_TEMPLATE,
    WORDS,
    ReasonButton,
    VoteButton,
    WhyButton,
)
from bot.discordbot.limits import CUSTOM_ID
from bot.storage.base import Store
from tests.discord.conftest import Guild, Launch, Running
from tests.discord.fake_discord import EPHEMERAL, Json
from tests.storage.backends import BACKENDS, FailingStore, dump, postgres_url

pytestmark = pytest.mark.asyncio

QUESTION = "who directed the challenge?"
MISSED = "what about the budget of vyzov"
UPDATE_MESSAGE = 7  # the callback that edits the message a button is on


def store_of(vyzov: Running) -> Store:
    return vyzov.bot.feedback.storage.store


async def ask(vyzov: Running, who: Json, question: str, channel: str | None = None) -> Json:
    """`who` mentions the bot with `question`; returns the message the bot posted."""
    fake = vyzov.fake
    mark = fake.mark()
    await vyzov.say(who, f"{vyzov.mention} {question}", channel=channel or vyzov.guild.general)
    await fake.wait_message(after=mark)
    return fake.created[-1]


def buttons(message: Json) -> dict[str, str]:
    """custom_id by kind (up, down, why, ...), for the buttons under `message`."""
    ids = [c["custom_id"] for row in message.get("components", []) for c in row["components"]]
    return {custom_id.split(":")[1]: custom_id for custom_id in ids}


async def click(vyzov: Running, who: Json, message: Json, custom_id: str) -> Json:
    fake = vyzov.fake
    response = await fake.wait_response(await fake.interact(fake.click(who, message, custom_id)))
    body: Json = response.json
    return body


async def written(vyzov: Running) -> None:
    """Wait until the queued misses and votes are in the database."""
    await vyzov.settle()
    await vyzov.bot.feedback.storage.flush()


@pytest.mark.parametrize("backend", BACKENDS)
async def test_a_missed_question_is_recorded_with_its_guild_and_channel(
    launch: Launch, backend: str
) -> None:
    url = postgres_url() if backend == "postgresql" else None
    vyzov = await launch(database_url=url)
    g = vyzov.guild
    assert store_of(vyzov).kind == backend
    await ask(vyzov, g.alice, QUESTION)  # answered with confidence: not a miss
    await vyzov.say(g.alice, MISSED, channel=g.answers)  # chatter, unprompted: not a question
    missed = await ask(vyzov, g.alice, MISSED)
    assert "components" not in missed or "up" not in buttons(missed)
    await written(vyzov)
    [miss] = await store_of(vyzov).misses(1)
    assert miss.question == MISSED
    assert (miss.guild_id, miss.channel_id) == (int(vyzov.fake.guild_id), int(g.general))
    assert miss.status == "abstained"


async def test_a_low_confidence_answer_is_recorded_with_its_candidates(vyzov: Running) -> None:
    await ask(vyzov, vyzov.guild.bob, "who made vyzov")
    await written(vyzov)
    [miss] = await store_of(vyzov).misses(1)
    assert miss.status == "answered"
    assert miss.confidence < vyzov.bot.feedback.low_confidence
    assert miss.candidates[0].entry_id == "challenge-director"


async def test_every_answer_carries_thumbs_and_why_within_discords_limits(vyzov: Running) -> None:
    message = await ask(vyzov, vyzov.guild.alice, QUESTION)
    kinds = buttons(message)
    assert list(kinds) == ["up", "down", "why"]
    assert all(len(custom_id) <= CUSTOM_ID for custom_id in kinds.values())
    [row] = message["components"]
    assert [b.get("emoji", {}).get("name") for b in row["components"][:2]] == ["👍", "👎"]


async def test_a_second_thumbs_up_by_the_same_user_counts_once(vyzov: Running) -> None:
    g = vyzov.guild
    message = await ask(vyzov, g.alice, QUESTION)
    for _ in range(2):
        response = await click(vyzov, g.bob, message, buttons(message)["up"])
        assert response["type"] == 4
        assert response["data"]["flags"] & EPHEMERAL
        assert response["data"]["content"] == WORDS["en"]["thanks-up"]
    await written(vyzov)
    [vote] = await store_of(vyzov).votes(1)
    assert (vote.up, vote.entry_id, vote.question) == (True, "challenge-director", QUESTION)
    await click(vyzov, g.alice, message, buttons(message)["up"])
    await written(vyzov)
    assert len(await store_of(vyzov).votes(1)) == 2


async def test_a_thumbs_down_asks_why_and_stores_the_reason(vyzov: Running) -> None:
    g, fake = vyzov.guild, vyzov.fake
    message = await ask(vyzov, g.alice, QUESTION)
    asked = await click(vyzov, g.bob, message, buttons(message)["down"])
    assert asked["type"] == 4
    assert asked["data"]["flags"] & EPHEMERAL
    assert asked["data"]["content"] == WORDS["en"]["ask-reason"]
    reasons = {
        b["label"]: b["custom_id"] for row in asked["data"]["components"] for b in row["components"]
    }
    assert list(reasons) == ["Wrong film", "Wrong fact", "Out of date", "Something else"]
    await written(vyzov)
    [vote] = await store_of(vyzov).votes(1)
    assert (vote.up, vote.reason) == (False, None)  # counted even if no reason is picked
    private = fake.created[-1]
    chosen = await click(vyzov, g.bob, private, reasons["Wrong fact"])
    assert chosen["type"] == UPDATE_MESSAGE  # the question is replaced by the thanks
    assert "Wrong fact" in chosen["data"]["content"]
    assert chosen["data"]["components"] == []
    await written(vyzov)
    [vote] = await store_of(vyzov).votes(1)
    assert (vote.up, vote.reason) == (False, "wrong-fact")
    [down] = await store_of(vyzov).downvoted(1)
    assert (down.entry_id, down.reasons) == ("challenge-director", (("wrong-fact", 1),))


async def test_why_this_answer_is_shown_only_to_the_asker_with_the_score(vyzov: Running) -> None:
    g = vyzov.guild
    message = await ask(vyzov, g.alice, QUESTION)
    why = buttons(message)["why"]
    response = await click(vyzov, g.alice, message, why)
    assert response["type"] == 4
    assert response["data"]["flags"] & EPHEMERAL
    [embed] = response["data"]["embeds"]
    shown = {f["name"]: f["value"] for f in embed["fields"]}
    assert shown["Score"].startswith("1.00 (an answer needs 0.55")
    assert "who directed the challenge" in shown["Closest question in the knowledge base"]
    assert "named in your question" in shown["Film"]
    assert "Runner-up" in shown
    other = await click(vyzov, g.bob, message, why)
    assert other["data"]["flags"] & EPHEMERAL
    assert other["data"]["content"] == WORDS["en"]["not-asker"]
    assert not other["data"].get("embeds")


async def test_why_after_a_restart_says_it_no_longer_knows(vyzov: Running) -> None:
    message = await ask(vyzov, vyzov.guild.alice, QUESTION)
    vyzov.bot.feedback.explanations = Explanations()  # what a restart leaves
    response = await click(vyzov, vyzov.guild.alice, message, buttons(message)["why"])
    assert response["data"]["content"] == WORDS["en"]["forgotten"]


async def test_slash_ask_answers_carry_feedback_for_their_asker(vyzov: Running) -> None:
    fake, g = vyzov.fake, vyzov.guild
    asked = await fake.interact(fake.command(g.bob, "ask", {"question": QUESTION}))
    await fake.wait_response(asked)
    message = fake.created[-1]
    response = await click(vyzov, g.bob, message, buttons(message)["why"])
    assert response["data"]["embeds"][0]["title"] == "Why this answer?"


async def test_a_store_that_fails_every_write_never_stops_an_answer(
    launch: Launch, tmp_path: Path
) -> None:
    store = FailingStore(tmp_path / "failing.sqlite3")
    vyzov = await launch(store=store)
    g = vyzov.guild
    missed = await ask(vyzov, g.alice, MISSED)
    assert missed["embeds"][0]["description"].startswith(vyzov.expected(MISSED).text)
    message = await ask(vyzov, g.alice, QUESTION)
    response = await click(vyzov, g.bob, message, buttons(message)["up"])
    assert response["data"]["content"] == WORDS["en"]["thanks-up"]
    await written(vyzov)
    assert store.attempts == 2
    [logged] = vyzov.errors  # once: the next report waits a minute
    assert "Could not store a miss" in logged.getMessage()
    assert logged.exc_info is not None
    vyzov.errors.clear()


async def kb_misses(vyzov: Running, who: Json, days: int | None = None) -> Json:
    """The message /kb misses finally shows `who` (after its deferral)."""
    fake = vyzov.fake
    options = {"days": days} if days is not None else {}
    asked = await fake.interact(fake.command(who, "kb misses", options))
    response = await fake.wait_response(asked)
    if response.json["type"] == 4:
        data: Json = response.json["data"]
        return data
    assert response.json["data"]["flags"] & EPHEMERAL
    return (await fake.wait_webhook(asked)).json  # type: ignore[no-any-return]


async def test_kb_misses_groups_similar_questions_with_yaml_to_paste(vyzov: Running) -> None:
    g = vyzov.guild
    for question in ("who made vyzov", "Who made Vyzov?", "who made the challenge", MISSED):
        await ask(vyzov, g.alice, question)
    message = await ask(vyzov, g.alice, QUESTION)
    await click(vyzov, g.bob, message, buttons(message)["down"])
    await written(vyzov)
    report = await kb_misses(vyzov, g.manager, days=7)
    misses, votes = report["embeds"]
    assert "4 question(s) in the last 7 day(s)" in misses["description"]
    first, second = misses["fields"][:2]
    assert first["name"] == "3× “who made vyzov”"
    assert "closest entry: `challenge-director`" in first["value"]
    assert "```yaml" in first["value"]
    assert "      - who made vyzov" in first["value"]
    assert second["name"].startswith("1× “what about the budget of vyzov”")
    assert votes["fields"][0]["name"] == "`challenge-director`"
    assert "1 down, 0 up; reasons: unsaid 1" in votes["fields"][0]["value"]


async def test_kb_misses_is_refused_for_members(vyzov: Running) -> None:
    refused = await kb_misses(vyzov, vyzov.guild.alice)
    assert refused["flags"] & EPHEMERAL
    assert refused["content"] == NOT_ADMIN


async def test_kb_misses_says_so_when_the_store_cannot_be_read(
    vyzov: Running, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def broken(days: float) -> list[object]:
        raise OSError("database is on holiday")

    monkeypatch.setattr(store_of(vyzov), "misses", broken)
    message = await kb_misses(vyzov, vyzov.guild.keeper)
    assert message["content"] == STORE_DOWN
    [logged] = vyzov.errors
    assert "misses report" in logged.getMessage()
    vyzov.errors.clear()


async def test_no_user_id_is_stored_in_clear(vyzov: Running) -> None:
    g = vyzov.guild
    bob = f"<@{g.bob['id']}>"
    await ask(vyzov, g.alice, f"{bob} asked {MISSED}")
    message = await ask(vyzov, g.alice, QUESTION)
    await click(vyzov, g.alice, message, buttons(message)["up"])
    asked = await click(vyzov, g.bob, message, buttons(message)["down"])
    reason = asked["data"]["components"][0]["components"][3]["custom_id"]
    await click(vyzov, g.bob, vyzov.fake.created[-1], reason)
    await written(vyzov)
    everything = dump(store_of(vyzov))
    assert "@user asked what about the budget" in everything
    assert vyzov.bot.feedback.storage.hash_user(int(g.bob["id"])) in everything
    for user in (g.alice, g.bob):
        assert user["id"] not in everything


async def test_custom_ids_fit_discords_limit_for_the_longest_entry_id() -> None:
    entry = "-".join(["abcdefghi"] * 8)[:80]
    answer = "Ab3_-9zZ"
    items = [
        VoteButton(True, answer, entry),
        VoteButton(False, answer, entry),
        WhyButton(answer, entry),
        *(ReasonButton(reason, answer, entry) for reason in ("wrong-work", "other")),
    ]
    templates = [VOTE_TEMPLATE, VOTE_TEMPLATE, WHY_TEMPLATE, REASON_TEMPLATE, REASON_TEMPLATE]
    for item, template in zip(items, templates, strict=True):
        assert len(item.custom_id) <= CUSTOM_ID, item.custom_id
        assert re.fullmatch(template, item.custom_id)


async def test_the_watcher_reloads_a_changed_knowledge_base_and_tells_admins(
    launch: Launch, guild: Guild
) -> None:
    vyzov = await launch(watch_knowledge_seconds=0.05, admin_channel_id=int(guild.general))
    g, fake = vyzov.guild, vyzov.fake
    version = vyzov.bot.knowledge.kb.version
    challenge = vyzov.knowledge_dir / "challenge.yaml"
    text = challenge.read_text(encoding="utf-8")
    challenge.write_text(text.replace("Klim Shipenko directed it.", "Klim Shipenko did."), "utf-8")
    posted = await fake.wait_message(channel=g.general, within=10)
    assert posted.json["embeds"][0]["title"] == "Knowledge base reloaded"
    assert "`challenge-director`" in posted.json["embeds"][0]["fields"][0]["value"]
    assert vyzov.bot.knowledge.kb.version != version
    version = vyzov.bot.knowledge.kb.version
    mark = fake.mark()
    (vyzov.knowledge_dir / "broken.yaml").write_text("entries: [ {id: x\n", encoding="utf-8")
    failed = await fake.wait_message(channel=g.general, after=mark, within=10)
    assert failed.json["embeds"][0]["title"].startswith("Reload failed")
    assert vyzov.bot.knowledge.kb.version == version
