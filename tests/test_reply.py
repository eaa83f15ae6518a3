"""Replies: numbered citations, conflicts with both sides, dates phrased from today's date."""

import datetime as dt

from bot.core.reply import answer
from tests.conftest import TODAY


def test_answer_carries_numbered_citations(engine):
    reply = answer(engine, "who directed the challenge", today=TODAY)
    assert reply.answered
    assert [c.number for c in reply.citations] == [1]
    assert reply.citations[0].source.publisher == "Wikipedia"
    assert reply.text.endswith("[1]")


def test_conflict_gives_both_sides_with_their_sources(engine):
    reply = answer(engine, "when did vyzov come out", today=TODAY)
    assert reply.entry is not None
    assert reply.entry.id == "challenge-release"
    assert "April 12" in reply.text
    assert "20 April 2023" in reply.text
    assert "(better supported)" in reply.text
    publishers = [c.source.publisher for c in reply.citations]
    assert publishers == ["Wikipedia", "Example News", "TASS"]
    assert "[2]" in reply.text
    assert "[3]" in reply.text


def test_event_tense_follows_the_date_of_answering(engine):
    before = answer(engine, "when did vyzov come out", today=dt.date(2029, 6, 1)).text
    after = answer(engine, "when did vyzov come out", today=dt.date(2030, 3, 1)).text
    assert "planned for January 2030" in before
    assert "was planned for January 2030" in after
    assert "12 April 2023: Moscow premiere (Russia)" in before


def test_status_answers_say_how_old_their_information_is(engine):
    fresh = answer(
        engine, "what is the status of the tom cruise space movie", today=dt.date(2026, 2, 1)
    )
    old = answer(engine, "what is the status of the tom cruise space movie", today=TODAY)
    assert "(As of January 2026.)" in fresh.text
    assert "from January 2026, 10 months ago" in old.text


def test_spoiler_entries_are_marked(engine):
    reply = answer(engine, "how does the challenge end", today=TODAY)
    assert reply.spoiler
    assert not answer(engine, "who directed the challenge", today=TODAY).spoiler


# --- Russian -------------------------------------------------------------------------------
def test_a_russian_question_gets_the_russian_answer_with_the_same_sources(engine):
    english = answer(engine, "who directed the challenge", today=TODAY)
    russian = answer(engine, "кто режиссёр фильма вызов", today=TODAY)
    assert russian.lang == "ru"
    assert russian.text == "Фильм снял Клим Шипенко. [1]"
    assert russian.citations == english.citations


def test_a_russian_conflict_answer_is_russian_throughout(engine):
    text = answer(engine, "kogda vyshel vyzov", today=dt.date(2029, 6, 1)).text
    assert text.startswith("Премьера состоялась 12 апреля 2023 года")
    assert (
        "• ТАСС сообщил о широком прокате с 20 апреля 2023 года. (подтверждено лучше) [3]" in text
    )
    assert "• 12 апреля 2023 г.: Премьера в Москве (Россия) [1]" in text
    # this event has no Russian label: its English one, with the Russian date and tense
    assert "• an imaginary re-release: запланировано на январь 2030 г. [1]" in text


def test_a_russian_event_line_keeps_its_tense_from_today(engine):
    text = answer(engine, "когда вышел вызов", today=dt.date(2030, 3, 1)).text
    assert "планировалось на январь 2030 г." in text


def test_a_russian_as_of_note_counts_months_in_russian(engine):
    question = "what is the status of the tom cruise space movie"
    fresh = answer(engine, question, today=dt.date(2026, 2, 1), lang="ru")
    old = answer(engine, question, today=TODAY, lang="ru")
    assert "(По состоянию на январь 2026 г.)" in fresh.text
    assert "на январь 2026 г., 10 месяцев назад" in old.text


def test_the_bots_own_words_are_russian_too(engine):
    unknown = answer(engine, "когда родилась кошка пересильд", today=TODAY)
    assert unknown.lang == "ru"
    assert unknown.text.startswith("Извините, этого я не знаю")
    which = answer(engine, "кто режиссёр?", today=TODAY)
    assert which.status == "ambiguous"
    assert which.text.startswith("Какой фильм вы имеете в виду")
    # a suggestion is the entry's own Russian phrasing when it has one
    assert "Кто режиссёр фильма вызов?" in which.suggestions
    empty = answer(engine, "", today=TODAY, lang="ru")
    assert empty.text.startswith("Спросите меня")


def test_an_entry_without_russian_text_answers_in_english(tmp_path):
    from bot.core.engine import Engine
    from bot.core.loader import load
    from tests.conftest import copy_fixture_knowledge

    copy_fixture_knowledge(tmp_path)
    path = tmp_path / "challenge.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    answer_ru: Фильм снял Клим Шипенко.\n", ""), "utf-8")
    reply = answer(Engine(load(tmp_path)), "кто режиссёр фильма вызов", today=TODAY)
    assert reply.lang == "ru"
    assert reply.text == "Klim Shipenko directed it. [1]"


def test_the_language_can_be_forced(engine):
    assert answer(engine, "who directed vyzov", today=TODAY, lang="ru").text.startswith("Фильм")
    assert answer(engine, "кто режиссёр вызова", today=TODAY, lang="en").text.startswith("Klim")


def test_help_alone_is_told_what_to_ask(real_engine):
    # asking the bot for help is not a question about helping someone
    reply = answer(real_engine, "help", today=TODAY)
    assert reply.status == "empty"
    assert reply.text.startswith("Ask me anything")
