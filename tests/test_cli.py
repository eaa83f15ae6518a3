"""The command line as a person (or a script) uses it: real processes, real knowledge base."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import copy_fixture_knowledge

ROOT = Path(__file__).parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "knowledge"


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )


def _validate_with(directory: Path, name: str, text: str) -> subprocess.CompletedProcess[str]:
    """`kb validate` on the fixture knowledge base plus one more file."""
    copy_fixture_knowledge(directory)
    (directory / name).write_text(text, encoding="utf-8")
    return run("kb", "validate", str(directory))


def test_ask_prints_the_answer_and_numbered_sources():
    result = run("ask", "--knowledge", str(FIXTURES), "who directed the challenge?")
    assert result.returncode == 0
    assert "Klim Shipenko" in result.stdout
    assert "Sources:\n  [1] The Challenge (2023 film) (Wikipedia, undated)" in result.stdout


def test_ask_json_has_the_documented_fields():
    result = run("ask", "--knowledge", str(FIXTURES), "--json", "who directed vyzov")
    reply = json.loads(result.stdout)
    assert {
        "question",
        "answered",
        "text",
        "confidence",
        "entry",
        "citations",
        "suggestions",
    } <= set(reply)
    assert reply["answered"] is True
    assert reply["entry"] == "challenge-director"
    assert 0 < reply["confidence"] <= 1
    assert reply["citations"][0] == {
        "number": 1,
        "id": "wiki",
        "title": "The Challenge (2023 film)",
        "publisher": "Wikipedia",
        "url": "https://en.wikipedia.org/wiki/The_Challenge_(2023_film)",
        "published": None,
        "where": "infobox",
    }


def test_ask_json_when_not_answered_still_has_text_and_suggestions():
    reply = json.loads(
        run("ask", "--knowledge", str(FIXTURES), "--json", "when was peresild's cat born").stdout
    )
    assert reply["answered"] is False
    assert reply["entry"] is None
    assert reply["citations"] == []
    assert reply["text"]


def test_jsonl_answers_thousands_of_lines_in_order():
    questions = ["who directed vyzov", "how tall is tom cruise", "", "кто режиссёр вызова"] * 750
    result = run("ask", "--knowledge", str(FIXTURES), "--jsonl", stdin="\n".join(questions) + "\n")
    lines = result.stdout.splitlines()
    assert len(lines) == len(questions)
    replies = [json.loads(line) for line in lines]
    assert [r["question"] for r in replies] == questions
    assert [r["answered"] for r in replies[:4]] == [True, False, False, True]


def test_chat_answers_until_an_empty_line():
    result = run(
        "chat", "--knowledge", str(FIXTURES), stdin="who directed vyzov\nwhen was peresild born\n\n"
    )
    assert result.returncode == 0
    assert "Klim Shipenko" in result.stdout
    assert "Pskov" in result.stdout


def test_chat_answers_follow_up_questions_from_the_last_answer():
    questions = [
        "who directed vyzov",
        "and when did it come out?",
        "who directed vyzov",
        "and the cruise one?",
        "is it still happening?",
    ]
    turns = "\n".join(questions) + "\n\n"
    result = run("chat", "--knowledge", str(FIXTURES), stdin=turns)
    assert result.returncode == 0
    answers = result.stdout.split("you> ")[1:6]
    assert "Klim Shipenko" in answers[0]
    assert "It premiered on 12 April 2023" in answers[1]
    assert "Doug Liman" in answers[3]
    assert "No title, script or start date" in answers[4]


def test_chat_asks_which_film_when_a_follow_up_comes_too_late():
    turns = "who directed vyzov\nwhen did it come out?\n\n"
    result = run("chat", "--knowledge", str(FIXTURES), "--followup-seconds", "0", stdin=turns)
    assert "Which film do you mean" in result.stdout.split("you> ")[2]


def test_chat_answers_a_russian_follow_up_in_russian():
    turns = "кто режиссёр фильма вызов\nа когда он вышел?\n\n"
    result = run("chat", "--knowledge", str(FIXTURES), stdin=turns)
    answers = result.stdout.split("you> ")[1:3]
    assert "Фильм снял Клим Шипенко." in answers[0]
    assert "Источники:" in answers[0]
    assert "12 апреля 2023 г.: Премьера в Москве (Россия)" in answers[1]


@pytest.mark.parametrize(
    ("args", "lang", "start"),
    [
        (["кто режиссёр фильма вызов"], "ru", "Фильм снял"),
        (["kto rezhisser vyzova"], "ru", "Фильм снял"),
        (["who directed vyzov"], "en", "Klim Shipenko"),
        (["--lang", "ru", "who directed vyzov"], "ru", "Фильм снял"),
        (["--lang", "en", "кто режиссёр фильма вызов"], "en", "Klim Shipenko"),
    ],
)
def test_ask_answers_in_the_questions_language_or_the_one_asked_for(args, lang, start):
    result = run("ask", "--knowledge", str(FIXTURES), "--json", *args)
    reply = json.loads(result.stdout)
    assert reply["lang"] == lang
    assert reply["text"].startswith(start)


def test_jsonl_takes_the_language_option_too():
    result = run(
        "ask", "--knowledge", str(FIXTURES), "--jsonl", "--lang", "ru", stdin="who directed vyzov\n"
    )
    assert json.loads(result.stdout)["lang"] == "ru"


def test_kb_validate_reports_a_missing_or_disagreeing_russian_text(tmp_path):
    copy_fixture_knowledge(tmp_path)
    challenge = tmp_path / "challenge.yaml"
    text = challenge.read_text(encoding="utf-8")
    text = text.replace("    answer_ru: Фильм снял Клим Шипенко.\n", "")
    text = text.replace("5 сентября 1984 года", "5 сентября 1985 года")
    challenge.write_text(text, encoding="utf-8")
    result = run("kb", "validate", str(tmp_path))
    assert result.returncode == 1
    assert "challenge.yaml [challenge-director] answer_ru: missing" in result.stderr
    assert "[challenge-birth-peresild] answer_ru: only the English text has 1984" in result.stderr


def test_ask_without_a_question_is_a_clear_error():
    result = run("ask")
    assert result.returncode == 2
    assert "give a question" in result.stderr


def test_kb_validate_accepts_the_fixture_knowledge_base():
    result = run("kb", "validate", str(FIXTURES))
    assert result.returncode == 0, result.stderr
    assert "6 entries" in result.stdout


def test_kb_validate_lists_every_problem_and_fails(tmp_path):
    result = _validate_with(
        tmp_path,
        "broken.yaml",
        "entries:\n"
        "  - id: bad-one\n    asks: [who]\n    phrasings: [a b, c d]\n"
        "    answer: Long enough answer.\n"
        "    citations: [{source: missing, where: x}]\n"
        "  - id: bad-two\n    asks: [when]\n    phrasings: [e f, g h]\n"
        "    answer: Long enough answer.\n"
        "    citations: [{source: wiki, where: x}]\n    as_of: 2023-13\n",
    )
    assert result.returncode == 1
    assert "broken.yaml [bad-one] citations: cites unknown source 'missing'" in result.stderr
    assert "broken.yaml [bad-two] as_of" in result.stderr


def test_kb_validate_reports_confusable_phrasings(tmp_path):
    result = _validate_with(
        tmp_path,
        "twin.yaml",
        "entries:\n  - id: director-twin\n    work: the-challenge\n    asks: [who]\n"
        "    phrasings: [who directed the challenge film, who was the director of vyzov]\n"
        "    answer: The same as another entry.\n    citations: [{source: wiki, where: x}]\n",
    )
    assert result.returncode == 1
    assert "twin.yaml [director-twin] phrasings.1" in result.stderr
    assert "too close to entry 'challenge-director'" in result.stderr


def test_kb_validate_lets_an_entry_on_the_same_fact_come_close_but_not_win(tmp_path):
    # the engine answers with either of two entries drawing on one fact, so a near tie between
    # them is harmless; a phrasing the other entry wins outright is still reported
    twin = (
        "entries:\n  - id: director-and-crew\n    work: the-challenge\n    asks: [{asks}]\n"
        "    phrasings: [who directed the challenge film, {extra}]\n"
        "    answer: Klim Shipenko directed it and shot it himself.\n"
        "    answer_ru: Клим Шипенко снял его и сам был оператором.\n"
        "    citations: [{{source: wiki, where: x}}]\n    fact_refs: [F-011]\n"
    )
    (tmp_path / "close").mkdir()
    (tmp_path / "won").mkdir()
    close = _validate_with(
        tmp_path / "close", "twin.yaml", twin.format(asks="who", extra="who shot vyzov")
    )
    assert close.returncode == 0, close.stderr
    won = _validate_with(
        tmp_path / "won", "twin.yaml", twin.format(asks="when", extra="who directed vyzov")
    )
    assert won.returncode == 1
    assert "would be answered by entry 'challenge-director'" in won.stderr


def test_kb_dump_is_json_with_every_entry_and_its_phrasings():
    result = run("kb", "dump", str(FIXTURES))
    document = json.loads(result.stdout)
    entries = {e["id"]: e for e in document["entries"]}
    assert set(entries) >= {"challenge-director", "cruise-status"}
    assert entries["challenge-director"]["phrasings"][0] == "who directed the challenge"
    assert entries["challenge-director"]["answer"] == "Klim Shipenko directed it."


@pytest.mark.parametrize("command", [["ask", "x"], ["chat"]])
def test_a_broken_knowledge_base_is_reported_not_a_traceback(tmp_path, command):
    (tmp_path / "x.yaml").write_text("entries: [\n", encoding="utf-8")
    result = run(*command[:1], "--knowledge", str(tmp_path), *command[1:])
    assert result.returncode == 2
    assert "cannot load the knowledge base" in result.stderr
    assert "Traceback" not in result.stderr
