"""Broken knowledge bases are rejected with every problem named: file, entry, field, message."""

from pathlib import Path

import pytest

from bot.core.loader import KnowledgeBaseError, load
from tests.conftest import copy_fixture_knowledge


def _broken(tmp_path: Path, name: str, text: str) -> list[str]:
    copy_fixture_knowledge(tmp_path)
    (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeBaseError) as caught:
        load(tmp_path)
    return [str(p) for p in caught.value.problems]


ENTRY = """
entries:
  - id: extra-entry
    work: the-challenge
    asks: [who]
    phrasings: [who wrote the music, who composed the score]
    answer: Two composers wrote the score.
    citations: [{source: wiki, where: infobox}]
"""


def test_the_fixture_knowledge_base_loads(kb):
    assert {"challenge-director", "cruise-status"} <= set(kb.entries)
    assert kb.version


def test_malformed_yaml_names_the_file_and_line(tmp_path):
    problems = _broken(tmp_path, "bad.yaml", "entries:\n  - id: x\n    asks: [who\n")
    assert any(p.startswith("bad.yaml") and "line" in p for p in problems)


def test_unknown_field_names_entry_and_field(tmp_path):
    problems = _broken(tmp_path, "extra.yaml", ENTRY.replace("asks:", "soruces: []\n    asks:"))
    assert any("extra.yaml [extra-entry] soruces: unknown field" in p for p in problems)


def test_missing_field_is_named(tmp_path):
    problems = _broken(
        tmp_path, "extra.yaml", ENTRY.replace("    answer: Two composers wrote the score.\n", "")
    )
    assert any("[extra-entry] answer: required field is missing" in p for p in problems)


def test_citation_to_unknown_source(tmp_path):
    problems = _broken(tmp_path, "extra.yaml", ENTRY.replace("source: wiki", "source: nowhere"))
    assert any("[extra-entry] citations: cites unknown source 'nowhere'" in p for p in problems)


def test_duplicate_entry_ids_across_files(tmp_path):
    problems = _broken(tmp_path, "extra.yaml", ENTRY.replace("extra-entry", "challenge-director"))
    assert any("[challenge-director] id: duplicate entry id" in p for p in problems)


def test_same_alias_on_two_entities(tmp_path):
    text = "entities:\n  - {id: other-person, kind: person, name: Somebody, aliases: [SHIPENKO]}\n"
    problems = _broken(tmp_path, "people.yaml", text)
    assert any(
        "[other-person] aliases: 'SHIPENKO' is also an alias of 'klim-shipenko'" in p
        for p in problems
    )


def test_an_actor_plays_only_a_known_person(tmp_path):
    text = (
        "entities:\n  - {id: an-actor, kind: person, name: An Actor, plays: [the-challenge]}\n"
        "  - {id: other-actor, kind: person, name: Other Actor, plays: [nobody-at-all]}\n"
    )
    problems = _broken(tmp_path, "people.yaml", text)
    assert any("[an-actor] plays: 'the-challenge' is not a person entity" in p for p in problems)
    assert any("[other-actor] plays: 'nobody-at-all' is not a person" in p for p in problems)


def test_only_a_person_has_a_pronoun(tmp_path):
    text = "entities:\n  - {id: a-studio, kind: organisation, name: A Studio, pronoun: she}\n"
    problems = _broken(tmp_path, "things.yaml", text)
    assert any("[a-studio]" in p and "pronoun" in p for p in problems)


def test_date_that_does_not_parse(tmp_path):
    text = ENTRY.replace("asks: [who]", "asks: [who]\n    as_of: 2023-02-30")
    problems = _broken(tmp_path, "extra.yaml", text)
    assert any("[extra-entry] as_of" in p and "2023-02-30" in p for p in problems)


def test_slug_ids_only(tmp_path):
    problems = _broken(tmp_path, "extra.yaml", ENTRY.replace("extra-entry", "Extra Entry"))
    assert any("[Extra Entry] id" in p for p in problems)


def test_weak_claim_must_say_so(tmp_path):
    problems = _broken(
        tmp_path, "extra.yaml", ENTRY.replace("asks: [who]", "asks: [who]\n    strength: weak")
    )
    assert any("[extra-entry]" in p and "weak" in p for p in problems)


def test_every_problem_is_listed_not_just_the_first(tmp_path):
    second = ENTRY.replace("extra-entry", "second").replace("asks: [who]", "asks: [sometimes]")
    text = ENTRY.replace("source: wiki", "source: nowhere") + second.replace("entries:\n", "")
    problems = _broken(tmp_path, "extra.yaml", text)
    assert any("[extra-entry]" in p for p in problems)
    assert any("[second] asks.1" in p for p in problems)


def test_not_utf8_is_rejected(tmp_path):
    (tmp_path / "sources.yaml").write_bytes("sources: []\n# caf\xe9\n".encode("latin-1"))
    with pytest.raises(KnowledgeBaseError, match="not UTF-8"):
        load(tmp_path)


def test_missing_directory(tmp_path):
    with pytest.raises(KnowledgeBaseError, match="not a directory"):
        load(tmp_path / "nope")
