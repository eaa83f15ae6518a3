"""Every broken knowledge base in the corpus is rejected with a precise, human message, and a
live bot serving the good one keeps answering exactly as before when a reload meets it."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.core.engine import Engine
from bot.core.loader import KnowledgeBaseError, Problem, load
from bot.core.reply import answer
from bot.discordbot.live import LiveKnowledge
from tests.conftest import TODAY, copy_fixture_knowledge
from tests.robustness.broken_cases import (
    CASES,
    CONFLICT,
    ENTITY,
    ENTRY,
    RELEASE,
    ROOT,
    SOURCE,
    Case,
    add,
)

QUESTIONS = (
    "who directed the challenge",
    "when was vyzov released in cinemas",
    "what is the status of the tom cruise space movie",
    "who played the cook",  # abstains, before and after
)
NOT_HUMAN = ("Traceback", "object at 0x", "<class ", "NoneType", "\\x")
REPO = Path(__file__).resolve().parents[2]


def _good_copy(tmp_path: Path) -> Path:
    directory = tmp_path / "knowledge"
    directory.mkdir()
    copy_fixture_knowledge(directory)
    return directory


def _problems(directory: Path) -> list[Problem]:
    with pytest.raises(KnowledgeBaseError) as caught:
        load(directory)
    return caught.value.problems


def _matches(problem: Problem, case: Case, directory: Path) -> bool:
    file = str(directory) if case.file == ROOT else case.file
    return (
        problem.file == file
        and (case.entry is None or problem.entry == case.entry)
        and (case.field is None or problem.field == case.field)
        and case.says.casefold() in problem.message.casefold()
    )


def _replies(engine: Engine) -> list[str]:
    return [answer(engine, q, today=TODAY).text for q in QUESTIONS]


def test_the_corpus_holds_at_least_40_distinct_mistakes():
    names = [case.name for case in CASES]
    assert len(names) >= 40
    assert len(set(names)) == len(names)


def test_the_unbroken_templates_load_so_each_case_holds_one_mistake(tmp_path):
    directory = _good_copy(tmp_path)
    for number, template in enumerate((ENTRY, CONFLICT, RELEASE, ENTITY, SOURCE)):
        add(template, f"extra-{number}.yaml")(directory)
    kb = load(directory)
    assert {"extra-entry", "extra-conflict"} <= kb.entries.keys()
    assert "extra-release" in kb.releases
    assert "extra-person" in kb.entities
    assert "extra-source" in kb.sources


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_load_rejects_the_mistake_naming_file_entry_and_field(tmp_path, case):
    directory = _good_copy(tmp_path)
    case.apply(directory)
    problems = _problems(directory)
    assert any(_matches(p, case, directory) for p in problems), "\n".join(map(str, problems))
    for problem in problems:
        assert problem.file
        assert problem.message
        assert not any(bad in str(problem) for bad in NOT_HUMAN), str(problem)
        assert len(str(problem)) < 400, str(problem)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_a_failed_reload_keeps_the_live_knowledge_base_answering(tmp_path, case):
    directory = _good_copy(tmp_path)
    live = LiveKnowledge(directory, kb=load(directory))
    version, before = live.kb.version, _replies(live.engine)
    assert answer(live.engine, QUESTIONS[0], today=TODAY).answered
    case.apply(directory)
    result = asyncio.run(live.reload())
    assert not result.ok
    assert any(_matches(p, case, directory) for p in result.problems)
    assert result.new_version == result.old_version == version == live.kb.version
    assert live.last_error is result
    assert _replies(live.engine) == before


def test_files_that_are_not_knowledge_are_ignored(tmp_path, kb):
    directory = _good_copy(tmp_path)
    (directory / "notes.txt").write_bytes(b"\xff\xfe not yaml at all")
    (directory / "README.md").write_text("# Editors' notes\n", encoding="utf-8")
    (directory / "entries.yaml~").write_text("entries: [broken\n", encoding="utf-8")
    (directory / "._entries.yaml").write_bytes(b"\x00\x05\x16\x07 macOS resource fork")
    os.symlink("nobody@host.1234", directory / ".#entries.yaml")  # an editor's lock file
    (directory / ".git").mkdir()
    (directory / ".git" / "config.yaml").write_text("[core]\n", encoding="utf-8")
    os.symlink(".", directory / "again")  # a directory loop: never followed
    assert load(directory).entries == kb.entries


def test_a_utf8_byte_order_mark_is_accepted(tmp_path):
    directory = _good_copy(tmp_path)
    add(b"\xef\xbb\xbf" + ENTRY.encode("utf-8"))(directory)
    assert "extra-entry" in load(directory).entries


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_an_unreadable_file_is_named(tmp_path):
    directory = _good_copy(tmp_path)
    add(ENTRY)(directory)
    (directory / "extra.yaml").chmod(0)
    problems = _problems(directory)
    assert any(p.file == "extra.yaml" and "cannot be read" in p.message for p in problems)


@pytest.mark.parametrize(
    "name",
    ["unclosed-quote", "entry-cites-unknown-source", "huge-file", "utf-16-file", "deep-nesting"],
)
def test_kb_validate_exits_non_zero_and_prints_the_problems(tmp_path, name):
    case = next(c for c in CASES if c.name == name)
    directory = _good_copy(tmp_path)
    case.apply(directory)
    done = subprocess.run(
        [sys.executable, "-m", "bot", "kb", "validate", str(directory)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode != 0
    output = done.stdout + done.stderr
    assert case.file in output
    assert case.says.casefold() in output.casefold()
    assert "NOT valid" in output
