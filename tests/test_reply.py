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
