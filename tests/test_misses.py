"""The misses report: grouping by likeness, the closest entry, ready-to-paste YAML that works
when pasted, and the text `python -m bot misses` prints."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest
import yaml

from bot.core.engine import Engine
from bot.core.feedback import DownvotedAnswer, MissRecord, miss_record
from bot.core.loader import load
from bot.core.misses import (
    as_phrasing,
    build_report,
    cluster,
    group_misses,
    reading_key,
    report_text,
    snippet,
)
from bot.core.reply import answer, answer_and_decision
from tests.conftest import copy_fixture_knowledge

NOW = dt.datetime(2026, 11, 20, 12, tzinfo=dt.UTC)
MADE = ["who made vyzov", "Who made Vyzov?", "who made the challenge"]
CINEMAS = ["when did vyzov hit cinemas", "When did the challenge hit cinemas?"]


def missed(engine: Engine, question: str, minutes_ago: int = 0) -> MissRecord:
    reply, decision = answer_and_decision(engine, question)
    at = NOW - dt.timedelta(minutes=minutes_ago)
    return miss_record(reply, decision, guild_id=1, channel_id=2, at=at)


def snippet_items(text: str) -> list[str]:
    """The YAML list a snippet holds, without its comment line."""
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    items = yaml.safe_load(textwrap.dedent(body))
    assert isinstance(items, list)
    return items


def test_questions_about_the_same_thing_share_a_group_whatever_their_wording(
    engine: Engine,
) -> None:
    misses = [missed(engine, q, n) for n, q in enumerate([*MADE, *CINEMAS, "who made vyzov"])]
    made, cinemas = group_misses(misses, engine)
    assert made.count == 4
    assert made.examples[0] == "who made vyzov"
    assert set(made.examples) <= {" ".join(q.split()) for q in MADE}
    assert made.closest == "challenge-director"
    assert cinemas.count == 2
    assert cinemas.closest == "challenge-release"
    assert made.statuses == (("answered", 4),)  # answered, but below the confidence bar


def test_russian_and_english_questions_on_one_topic_meet(real_engine: Engine) -> None:
    keys = [
        reading_key(real_engine, q) for q in ("what was the budget of vyzov", "сколько стоил вызов")
    ]
    assert cluster(keys) == [[0, 1]]


def test_a_short_question_does_not_swallow_longer_different_ones(engine: Engine) -> None:
    keys = ["@the-challenge", "budget director premiere releas @the-challenge", "@the-challenge"]
    assert cluster(keys) == [[0, 2], [1]]


def test_groups_come_biggest_first_and_at_most_the_limit(engine: Engine) -> None:
    misses = [missed(engine, CINEMAS[0])] + [missed(engine, q) for q in MADE]
    assert [g.count for g in group_misses(misses, engine)] == [3, 1]


def test_the_phrasing_snippet_names_the_file_and_entry_and_parses(engine: Engine) -> None:
    text = snippet(engine, "challenge-director", ["Who made Vyzov?", "who made the challenge"])
    first = text.splitlines()[0]
    assert first.startswith("# challenge.yaml, entry challenge-director: add under phrasings")
    assert snippet_items(text) == ["who made vyzov", "who made the challenge"]
    assert all(line.startswith("      - ") for line in text.splitlines()[1:])


def test_pasting_the_snippet_makes_the_engine_answer_the_question(
    engine: Engine, tmp_path: Path
) -> None:
    question = "when did vyzov reach cinemas"
    before = answer(engine, question)
    assert before.confidence < 0.7
    [group] = group_misses([missed(engine, question)], engine)
    assert group.closest is not None
    path = tmp_path / engine.kb.entry_files[group.closest]
    copy_fixture_knowledge(tmp_path)
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    entry = next(e for e in document["entries"] if e["id"] == group.closest)
    entry["phrasings"] += snippet_items(group.snippet)
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    after = answer(Engine(load(tmp_path)), question)
    assert after.entry is not None
    assert after.entry.id == group.closest
    assert after.confidence > before.confidence
    assert after.confidence >= 0.7


def test_a_bare_unknown_name_is_offered_as_an_alias(engine: Engine) -> None:
    text = snippet(engine, "challenge-birth-peresild", ["Yulka"])
    assert "add to its aliases" in text.splitlines()[0]
    assert "yulia-peresild" in text.splitlines()[0]
    assert snippet_items(text) == ["Yulka"]


def test_a_name_that_is_already_an_alias_is_offered_as_a_phrasing(engine: Engine) -> None:
    assert "phrasings" in snippet(engine, "challenge-birth-peresild", ["Peresild"])


def test_nothing_close_gives_a_new_entry_to_fill_in(engine: Engine) -> None:
    text = snippet(engine, None, ["What did the crew eat on the ISS?"])
    assert "new entry" in text.splitlines()[0]
    document = yaml.safe_load(textwrap.dedent("\n".join(text.splitlines()[1:])))
    assert document[0]["phrasings"] == ["what did the crew eat on the iss"]


@pytest.mark.parametrize(
    ("question", "phrasing"),
    [
        ("Who made Vyzov?!", "who made vyzov"),
        ("  when   did it\tcome out…", "when did it come out"),
        ("Кто снял «Вызов»?", "кто снял «вызов»"),
        ("key: value # not a comment", "key: value # not a comment"),
    ],
)
def test_questions_become_phrasings_that_yaml_reads_back(question: str, phrasing: str) -> None:
    assert as_phrasing(question) == phrasing
    [read] = yaml.safe_load(snippet_from(phrasing))
    assert read == phrasing


def snippet_from(phrasing: str) -> str:
    return yaml.safe_dump([phrasing], allow_unicode=True)


def test_a_miss_without_candidates_finds_the_closest_phrasing_by_text(engine: Engine) -> None:
    miss = MissRecord("who is the director of vyzov please", "en", "abstained", 0.0, (), 1, 2, NOW)
    [group] = group_misses([miss], engine)
    assert group.closest == "challenge-director"


def test_the_report_text_lists_groups_snippets_and_downvoted_answers(engine: Engine) -> None:
    misses = [missed(engine, q) for q in MADE]
    downvoted = [
        DownvotedAnswer("challenge-director", 3, 1, (("wrong-fact", 2), ("unsaid", 1)), ("who?",))
    ]
    text = report_text(build_report(misses, downvoted, engine, days=7))
    assert text.startswith("Misses in the last 7 day(s): 3 question(s) in 1 group(s)")
    assert "1. 3x 'who made vyzov'" in text
    assert "closest entry: challenge-director" in text
    assert "      - who made vyzov" in text
    assert "1. challenge-director: 3 down, 1 up; reasons: wrong-fact 2, unsaid 1" in text
    assert "asked as: 'who?'" in text


def test_an_empty_report_says_so(engine: Engine) -> None:
    text = report_text(build_report([], [], engine, days=3))
    assert "0 question(s)" in text
    assert "No downvoted answers." in text
