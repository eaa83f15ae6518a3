"""Russian on Discord: localised command descriptions in the sync, /ask in the asker's
language (its text first, then the client's locale), Russian buttons that stay Russian."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.core.reply import answer
from bot.discordbot.translator import RUSSIAN
from tests.discord.conftest import Running
from tests.discord.fake_discord import Json

pytestmark = pytest.mark.asyncio


def described(item: Json) -> Iterator[Json]:
    """The command and every option, subcommand and choice in it."""
    yield item
    for child in (*item.get("options", []), *item.get("choices", [])):
        yield from described(child)


async def test_sync_sends_russian_descriptions_and_keeps_names_ascii(vyzov: Running) -> None:
    synced = {c["name"]: c for c in vyzov.fake.commands[vyzov.fake.guild_id]}
    ask = synced["ask"]
    assert ask["description_localizations"]["ru"].startswith("Вопрос о фильме «Вызов»")
    question = ask["options"][0]
    assert question["description_localizations"]["ru"].startswith("Ваш вопрос по-русски")
    work = synced["release"]["options"][0]
    assert {c["name_localizations"]["ru"] for c in work["choices"]} == {
        "«Вызов» (2023)",
        "Космический фильм Тома Круза",
    }
    for command in synced.values():
        for item in described(command):
            assert not item.get("name_localizations") or "value" in item, item["name"]
            if "description" in item:
                assert item["description_localizations"]["ru"] in RUSSIAN.values(), item["name"]


async def ask(vyzov: Running, question: str, *, locale: str = "en-US") -> Json:
    fake = vyzov.fake
    payload = fake.command(vyzov.guild.alice, "ask", {"question": question})
    payload["locale"] = locale  # the language the asker's Discord client is set to
    response = await fake.wait_response(await fake.interact(payload))
    data: Json = response.json["data"]
    return data


async def test_ask_answers_in_the_questions_language_whatever_the_locale(vyzov: Running) -> None:
    russian = await ask(vyzov, "кто режиссёр фильма вызов", locale="en-US")
    assert russian["embeds"][0]["description"] == "Фильм снял Клим Шипенко. [1]"
    assert russian["embeds"][0]["fields"][0]["name"] == "Источники"
    assert "база знаний" in russian["embeds"][0]["footer"]["text"]
    english = await ask(vyzov, "who directed vyzov", locale="ru")
    assert english["embeds"][0]["description"] == "Klim Shipenko directed it. [1]"


async def test_a_russian_locale_decides_when_the_text_does_not(vyzov: Running) -> None:
    english = await ask(vyzov, "Peresild", locale="en-GB")
    assert english["embeds"][0]["description"] == "She was born on 5 September 1984 in Pskov. [1]"
    russian = await ask(vyzov, "Peresild", locale="ru")
    assert russian["embeds"][0]["description"] == "Она родилась 5 сентября 1984 года в Пскове. [1]"
    # and the conversation stays Russian while the words alone do not tell
    again = await ask(vyzov, "Peresild", locale="en-GB")
    assert again["embeds"][0]["description"].startswith("Она родилась")


async def test_buttons_under_a_russian_answer_answer_in_russian(vyzov: Running) -> None:
    fake = vyzov.fake
    data = await ask(vyzov, "кто режиссёр?")
    assert data["embeds"][0]["description"].startswith("Какой фильм вы имеете в виду")
    buttons = [c for row in data["components"] for c in row["components"]]
    assert all(b["custom_id"].endswith(":ru") for b in buttons)
    assert any(b["label"] == "Вызов" for b in buttons)
    message = fake.created[-1]
    challenge = next(b for b in buttons if b["label"] == "Вызов")
    click = await fake.interact(fake.click(vyzov.guild.bob, message, challenge["custom_id"]))
    response = await fake.wait_response(click)
    assert response.json["data"]["embeds"][0]["description"] == "Фильм снял Клим Шипенко. [1]"


async def test_the_answer_text_is_the_command_lines(vyzov: Running) -> None:
    data = await ask(vyzov, "kogda vyshel vyzov")
    expected = answer(vyzov.bot.knowledge.engine, "kogda vyshel vyzov")
    assert data["embeds"][0]["description"] == expected.text
    assert expected.lang == "ru"
