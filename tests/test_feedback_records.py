"""Misses and votes as records: what counts as a miss, what is kept of a question, and what
"why this answer?" explains."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.core.engine import Engine
from bot.core.explanation import Explanations, explain
from bot.core.feedback import (
    LOW_CONFIDENCE,
    MAX_QUESTION,
    MISS_CANDIDATES,
    VoteRecord,
    downvoted,
    is_miss,
    miss_record,
    scrub,
)
from bot.core.reply import answer, answer_and_decision
from bot.settings import Settings

NOW = dt.datetime(2026, 11, 20, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("question", "missed"),
    [
        ("who directed the challenge", False),  # confident answer
        ("who made vyzov", True),  # answered, below the confidence bar
        ("what about the budget of vyzov", True),  # no answer
        ("who directed the space movie?", True),  # which film? no answer yet
        ("ok thanks lol", False),  # no question words we read: not a miss to fix
    ],
)
def test_what_counts_as_a_miss(engine: Engine, question: str, missed: bool) -> None:
    assert is_miss(answer(engine, question)) is missed


def test_the_confidence_bar_is_a_setting_defaulting_to_the_named_constant(engine: Engine) -> None:
    assert Settings(_env_file=None).low_confidence == LOW_CONFIDENCE
    reply = answer(engine, "who made vyzov")
    assert is_miss(reply, low_confidence=0.5) is False
    assert is_miss(reply, low_confidence=0.6) is True


def test_a_miss_keeps_the_closest_candidates_with_their_scores(engine: Engine) -> None:
    reply, decision = answer_and_decision(engine, "who made vyzov")
    miss = miss_record(reply, decision, guild_id=5, channel_id=6, at=NOW)
    assert (miss.guild_id, miss.channel_id, miss.at, miss.status) == (5, 6, NOW, "answered")
    assert 1 <= len(miss.candidates) <= MISS_CANDIDATES
    assert miss.candidates[0].entry_id == "challenge-director"
    assert miss.candidates[0].score == pytest.approx(reply.confidence, abs=0.001)
    assert all(c.score > 0 for c in miss.candidates)


def test_stored_questions_keep_no_mentioned_ids() -> None:
    text = "hey <@123456789012345678> <@!222222222222222222> ask <@&333> in <#444>  about it"
    assert scrub(text) == "hey @user @user ask @role in #channel about it"
    assert len(scrub("x" * 10_000)) == MAX_QUESTION


def test_downvoted_answers_count_reasons_and_questions() -> None:
    def vote(user: str, up: bool, reason: str | None = None, entry: str = "a") -> VoteRecord:
        return VoteRecord("id", entry, user, up, reason, "q?", NOW)  # type: ignore[arg-type]

    result = downvoted(
        [
            vote("1", False, "outdated"),
            vote("2", False),
            vote("3", True),
            vote("4", False, entry="b"),
        ]
    )
    assert [(d.entry_id, d.down, d.up) for d in result] == [("a", 2, 1), ("b", 1, 0)]
    assert result[0].reasons == (("outdated", 1), ("unsaid", 1))
    assert result[0].questions == ("q?",)


def test_an_explanation_says_what_matched_and_how_well(engine: Engine) -> None:
    _, decision = answer_and_decision(engine, "who directed vyzov?")
    why = explain(decision, engine.kb, question="who directed vyzov?", asker_hash="h")
    assert why is not None
    assert why.entry_id == "challenge-director"
    assert why.phrasing in engine.kb.entries["challenge-director"].phrasings
    assert why.score == 1.0
    assert why.work == engine.kb.entities["the-challenge"].name
    assert why.work_named is True
    assert engine.kb.entities["the-challenge"].name in why.entities
    assert why.runner_up is not None
    assert why.runner_up.entry_id != "challenge-director"
    assert why.kb_version == engine.kb.version


def test_nothing_is_explained_when_nothing_was_answered(engine: Engine) -> None:
    _, decision = answer_and_decision(engine, "what about the budget of vyzov")
    assert explain(decision, engine.kb, question="x", asker_hash="h") is None


def test_explanations_are_kept_for_a_while_and_a_bounded_number(engine: Engine) -> None:
    _, decision = answer_and_decision(engine, "who directed vyzov?")
    why = explain(decision, engine.kb, question="q", asker_hash="h")
    assert why is not None
    now = [0.0]
    kept = Explanations(seconds=60, max_items=2, clock=lambda: now[0])
    for key in ("a", "b", "c"):
        kept.put(key, why)
    assert (kept.get("a"), kept.get("c")) == (None, why)
    now[0] = 61
    assert kept.get("c") is None
