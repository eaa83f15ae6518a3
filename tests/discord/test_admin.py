"""/kb status and /kb reload: who may use them, what a reload reports, and that a broken
knowledge base never replaces the live one."""

from __future__ import annotations

import asyncio
import re
import threading
import time
from pathlib import Path

import pytest

from bot.discordbot import live
from bot.discordbot.cogs.admin import NOT_ADMIN
from tests.discord.conftest import Running
from tests.discord.fake_discord import EPHEMERAL, Interaction, Json

pytestmark = pytest.mark.asyncio

QUESTION = "who directed the challenge?"
NEW_ENTRY = """\
entries:
  - id: challenge-budget
    work: the-challenge
    asks: [how]
    phrasings: [what was the budget of the challenge, how much did vyzov cost]
    keywords: [budget, cost]
    answer: About 800 million roubles.
    answer_ru: Около 800 млн рублей.
    citations: [{source: tass, where: budget paragraph}]
"""


async def admin_reply(vyzov: Running, who: Json, command: str) -> tuple[int, Json]:
    """The callback type and the message the user finally sees (after any deferral)."""
    fake = vyzov.fake
    asked = await fake.interact(fake.command(who, command))
    response = await fake.wait_response(asked)
    kind = response.json["type"]
    if kind == 4:
        data: Json = response.json["data"]
        return kind, data
    assert kind == 5, response
    assert response.json["data"]["flags"] & EPHEMERAL, "the deferral shows a public 'thinking'"
    return kind, (await fake.wait_webhook(asked)).json


def fields(message: Json) -> dict[str, str]:
    [embed] = message["embeds"]
    return {f["name"]: f["value"] for f in embed["fields"]}


@pytest.mark.parametrize("command", ["kb status", "kb reload"])
async def test_members_without_manage_server_or_the_admin_role_are_refused(
    vyzov: Running, command: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[Path] = []
    monkeypatch.setattr(live, "validated", lambda d: calls.append(d))
    kind, message = await admin_reply(vyzov, vyzov.guild.alice, command)
    assert kind == 4
    assert message["flags"] & EPHEMERAL
    assert message["content"] == NOT_ADMIN
    assert not message.get("embeds")
    assert calls == []


@pytest.mark.parametrize("who", ["manager", "keeper"])
async def test_kb_status_is_shown_to_managers_and_admin_roles(vyzov: Running, who: str) -> None:
    kb = vyzov.bot.knowledge.kb
    _, message = await admin_reply(vyzov, getattr(vyzov.guild, who), "kb status")
    assert message["flags"] & EPHEMERAL
    status = fields(message)
    assert kb.version in status["Version"]
    assert f"{len(kb.entries)} entries" in status["Counts"]
    assert re.search(r"<t:\d+:[fR]>", status["Loaded"])
    assert status["Last reload error"].startswith("None")


def edit_knowledge(directory: Path) -> None:
    """One entry changed, one removed, one added."""
    challenge = directory / "challenge.yaml"
    text = challenge.read_text(encoding="utf-8")
    text = text.replace("Klim Shipenko directed it.", "Klim Shipenko directed it, in 2021.")
    text = text.replace("Фильм снял Клим Шипенко.", "Фильм снял Клим Шипенко в 2021 году.")
    start = text.index("  - id: challenge-ending")
    text = text[:start] + text[text.index("releases:") :]
    challenge.write_text(text, encoding="utf-8")
    (directory / "extra.yaml").write_text(NEW_ENTRY, encoding="utf-8")


async def test_a_reload_reports_what_changed_and_answers_from_the_new_knowledge(
    vyzov: Running,
) -> None:
    g, fake = vyzov.guild, vyzov.fake
    old = vyzov.expected(QUESTION)
    old_version = vyzov.bot.knowledge.kb.version
    edit_knowledge(vyzov.knowledge_dir)
    new = vyzov.expected(QUESTION)
    assert new.text != old.text
    kind, message = await admin_reply(vyzov, g.manager, "kb reload")
    assert kind == 5  # validation takes a moment: deferred, ephemerally
    assert message["flags"] & EPHEMERAL
    report = fields(message)
    assert "`challenge-budget`" in report["Added (1)"]
    assert "`challenge-ending`" in report["Removed (1)"]
    assert "`challenge-director`" in report["Changed (1)"]
    assert old_version in message["embeds"][0]["description"]
    assert vyzov.bot.knowledge.kb.version != old_version
    await vyzov.say(g.alice, f"{vyzov.mention} {QUESTION}", channel=g.general)
    answered = await fake.wait_message()
    assert answered.json["embeds"][0]["description"] == new.text
    budget = "what was the budget of the challenge"
    await vyzov.say(g.alice, f"{vyzov.mention} {budget}", channel=g.general)
    answered = await fake.wait_message(after=answered_index(vyzov))
    assert answered.json["embeds"][0]["description"] == vyzov.expected(budget).text


def answered_index(vyzov: Running) -> int:
    posted = vyzov.fake.find("POST", r"/channels/\d+/messages")
    return vyzov.fake.calls.index(posted[-1]) + 1


BROKEN_ENTRIES = """\
entries:
  - id: challenge-cast
    work: the-challenge
    asks: [who]
    phrasings: [who stars in the challenge]
    citations: [{source: wiki, where: cast}]
  - id: challenge-crew
    work: the-challenge
    asks: [who]
    phrasings: [who shot the challenge, who was the cinematographer of vyzov]
    answer: Its cinematographer.
    citations: [{source: nowhere, where: crew}]
"""


async def test_a_failed_reload_lists_the_problems_and_keeps_the_old_knowledge(
    vyzov: Running,
) -> None:
    g, fake = vyzov.guild, vyzov.fake
    before = vyzov.expected(QUESTION)
    version = vyzov.bot.knowledge.kb.version
    (vyzov.knowledge_dir / "broken.yaml").write_text("entries: [ {id: x\n", encoding="utf-8")
    (vyzov.knowledge_dir / "cast.yaml").write_text(BROKEN_ENTRIES, encoding="utf-8")
    _, message = await admin_reply(vyzov, g.keeper, "kb reload")
    assert message["flags"] & EPHEMERAL
    [embed] = message["embeds"]
    assert embed["title"].startswith("Reload failed")
    assert version in embed["description"]
    problems = fields(message)
    assert any(name.startswith("broken.yaml") for name in problems)
    assert "cast.yaml [challenge-cast] answer" in problems
    assert problems["cast.yaml [challenge-cast] answer"] == "required field is missing"
    assert "'nowhere'" in problems["cast.yaml [challenge-crew] citations"]
    # the old knowledge base is still live and still answering
    assert vyzov.bot.knowledge.kb.version == version
    await vyzov.say(g.alice, f"{vyzov.mention} {QUESTION}", channel=g.general)
    answered = await fake.wait_message()
    assert answered.json["embeds"][0]["description"] == before.text
    _, status = await admin_reply(vyzov, g.manager, "kb status")
    shown = fields(status)
    assert version in shown["Version"]
    assert "problem" in shown["Last reload error"]
    assert "cast.yaml [challenge-cast] answer" in shown


async def test_a_reload_with_hundreds_of_problems_fits_discords_limits(vyzov: Running) -> None:
    entries = "".join(
        f"  - id: broken-{n}\n    work: the-challenge\n    phrasings: [x]\n    answer: y\n"
        for n in range(300)
    )
    (vyzov.knowledge_dir / "many.yaml").write_text(f"entries:\n{entries}", encoding="utf-8")
    _, message = await admin_reply(vyzov, vyzov.guild.manager, "kb reload")
    [embed] = message["embeds"]  # the fake refuses anything over Discord's limits
    assert embed["title"].startswith("Reload failed")
    assert len(embed["fields"]) <= 25
    assert any("more" in f["value"] for f in embed["fields"])


async def test_two_reloads_at_once_run_one_after_the_other(
    vyzov: Running, monkeypatch: pytest.MonkeyPatch
) -> None:
    g, fake = vyzov.guild, vyzov.fake
    running, most = 0, 0
    lock = threading.Lock()
    real = live.validated

    def slow_validated(directory: Path) -> live.Snapshot:
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
        try:
            time.sleep(0.3)
            return real(directory)
        finally:
            with lock:
                running -= 1

    monkeypatch.setattr(live, "validated", slow_validated)
    edit_knowledge(vyzov.knowledge_dir)
    first = await fake.interact(fake.command(g.manager, "kb reload"))
    second = await fake.interact(fake.command(g.keeper, "kb reload"))
    replies = await asyncio.gather(*(report_of(vyzov, i) for i in (first, second)))
    assert most == 1
    # the second reload started from the first one's result, so it found nothing new
    reported = sorted(sorted(fields(r)) for r in replies)
    assert reported == [[], ["Added (1)", "Changed (1)", "Removed (1)"]]


async def report_of(vyzov: Running, interaction: Interaction) -> Json:
    response = await vyzov.fake.wait_response(interaction)
    assert response.json["type"] == 5
    body: Json = (await vyzov.fake.wait_webhook(interaction)).json
    return body
