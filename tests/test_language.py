"""Reply language: Cyrillic and transliterated Russian get Russian; names alone decide nothing."""

from pathlib import Path

import pytest

from bot.core.dates import PartialDate
from bot.core.evaluation import load_questions
from bot.core.language import choose, detector
from bot.core.phrases import plural_ru


@pytest.mark.parametrize(
    "question",
    [
        "кто режиссёр фильма вызов",
        "Сколько дней Пересильд провела на МКС?",
        "kto rezhisser vyzova",
        "skolko dney oni byli na mks",
        "kogda vyshel vyzov",
        "o 4em film vyzov",  # "4" for "ч", as fans type it
        "kakoi budzhet u vyzova",
        "Пересильд",  # a Cyrillic name is typed by someone who reads Russian
    ],
)
def test_russian_in_either_script_is_russian(real_engine, question):
    assert detector(real_engine.kb).detect(question) == "ru"


@pytest.mark.parametrize(
    "question",
    [
        "who directed the challenge",
        "when did vyzov come out",
        "is Peresild the first actress in space?",
        "Was «Вызов» just the working title?",  # an English question naming the Russian title
        "and the Cruise one?",
    ],
)
def test_english_is_english(real_engine, question):
    assert detector(real_engine.kb).detect(question) == "en"


@pytest.mark.parametrize("question", ["peresild", "shipenko peresild", "", "42", "🚀"])
def test_names_or_nothing_do_not_decide(real_engine, question):
    assert detector(real_engine.kb).detect(question) is None


def test_the_labelled_russian_and_translit_questions_are_all_detected(real_engine):
    questions = load_questions(Path(__file__).parent / "data" / "questions.yaml")
    russian = [q.q for q in questions if q.style in ("russian", "translit")]
    assert len(russian) >= 50
    missed = [q for q in russian if detector(real_engine.kb).detect(q) != "ru"]
    assert missed == []


def test_a_requested_language_wins_and_the_fallback_decides_only_when_the_text_does_not(kb):
    assert choose(kb, "who directed vyzov", "ru") == "ru"
    assert choose(kb, "кто режиссёр", "en") == "en"
    assert choose(kb, "peresild", "auto", fallback="ru") == "ru"
    assert choose(kb, "peresild", "auto") == "en"
    assert choose(kb, "who directed vyzov", "auto", fallback="ru") == "en"


@pytest.mark.parametrize(
    ("text", "human"),
    [("2023", "2023 г."), ("2023-04", "апрель 2023 г."), ("2023-04-12", "12 апреля 2023 г.")],
)
def test_dates_in_russian(text, human):
    assert PartialDate.parse(text).human("ru") == human


@pytest.mark.parametrize(
    ("count", "form"),
    [(1, "месяц"), (2, "месяца"), (4, "месяца"), (5, "месяцев"), (11, "месяцев"), (12, "месяцев"),
     (21, "месяц"), (22, "месяца"), (25, "месяцев"), (111, "месяцев")],
)  # fmt: skip
def test_russian_plurals(count, form):
    assert plural_ru(count, "месяц", "месяца", "месяцев") == form
