"""Validation of the Russian texts: present, and saying the same numbers and dates."""

from pathlib import Path

import pytest

from bot.core.loader import load
from bot.core.translation import disagreement, numbers, translation_problems
from tests.conftest import REAL_KNOWLEDGE, copy_fixture_knowledge


@pytest.mark.parametrize(
    ("english", "russian"),
    [
        ("2.4 million", "2,4 млн"),
        ("1,000 people", "1 000 человек"),
        ("1,000 people", "1\u00a0000 человек"),
        ("on 12 April 2023", "12 апреля 2023 года"),
        ("at 9:14 p.m. EDT", "в 21:14 по восточному времени"),
        ("12:36 a.m.", "0:36 ночи"),
        ("at 3 p.m.", "в 15:00"),
        ("$310,000", "310 тысяч долларов"),
        ("1.5 thousand", "1,5 тысячи"),
        ("the 12-16 April festival", "фестиваль 12–16 апреля"),
        ("Soyuz MS-19", "«Союз МС-19»"),
        ("twenty finalists", "двадцать финалисток"),  # words on both sides are not compared
    ],
)
def test_the_same_numbers_in_different_clothes_agree(english, russian):
    assert disagreement(english, russian) is None


@pytest.mark.parametrize(
    ("english", "russian", "only"),
    [
        ("905 million rubles", "950 млн рублей", "905"),
        ("on 12 April 2023", "13 апреля 2023 года", "12"),
        ("on 12 April 2023", "12 апреля 2022 года", "2023"),
        ("twenty finalists", "20 финалисток", "20"),  # digits on one side, words on the other
        ("1,155 billion", "1,15 млрд", "1155"),
    ],
)
def test_a_number_on_one_side_only_is_a_disagreement(english, russian, only):
    found = disagreement(english, russian)
    assert found is not None
    assert only in found


def test_a_space_never_joins_two_numbers():
    assert numbers("in 2023 120 people") == {"2023", "120"}
    assert numbers("12 000 and 2023") == {"12000", "2023"}


def test_the_real_knowledge_base_has_agreeing_russian_texts():
    assert [str(p) for p in translation_problems(load(REAL_KNOWLEDGE))] == []


def _edited_fixtures(directory: Path, old: str, new: str) -> None:
    copy_fixture_knowledge(directory)
    path = directory / "challenge.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_missing_russian_answer_names_file_entry_and_field(tmp_path):
    _edited_fixtures(tmp_path, "    answer_ru: Фильм снял Клим Шипенко.\n", "")
    [problem] = translation_problems(load(tmp_path))
    assert str(problem) == (
        "challenge.yaml [challenge-director] answer_ru: missing: every answer needs Russian text"
    )


def test_a_missing_russian_claim_names_its_version(tmp_path):
    _edited_fixtures(
        tmp_path, "        claim_ru: ТАСС сообщил о широком прокате с 20 апреля 2023 года.\n", ""
    )
    [problem] = translation_problems(load(tmp_path))
    assert "[challenge-release] versions.2.claim_ru: missing" in str(problem)


def test_a_russian_answer_with_another_date_is_a_problem(tmp_path):
    _edited_fixtures(tmp_path, "5 сентября 1984 года", "15 сентября 1984 года")
    [problem] = translation_problems(load(tmp_path))
    assert problem.entry == "challenge-birth-peresild"
    assert problem.field == "answer_ru"
    assert "only the English text has 5; only the Russian text has 15" in problem.message
