"""Whatever text arrives, `answer()` returns a reply, never echoes the asker, never mentions.

Property-based (hypothesis): any Unicode, control and format characters, zalgo, right-to-left
text, emoji, Discord mentions and markdown, mixed with the knowledge base's own words so that
some questions do get answered, and inputs of 100 KB and more.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.analysis import MAX_QUESTION_CHARS
from bot.core.engine import Engine
from bot.core.loader import KnowledgeBase, load
from bot.core.reply import Reply, answer, as_question
from tests.conftest import FIXTURES, TODAY

ECHO_WINDOW = 8  # a run of this many of the asker's characters in a reply counts as an echo
MENTION_MARKS = ("@everyone", "@here", "<@")
STATUSES = {"answered", "ambiguous", "abstained", "empty"}
HUGE = 100_000
CODE = Path(__file__).resolve().parents[2] / "bot" / "core"

FIXTURE_KB = load(FIXTURES)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def _own_texts(kb: KnowledgeBase) -> str:
    """Everything a reply may legitimately say: the knowledge base and the bot's own code."""
    tables = (kb.sources, kb.entities, kb.entries, kb.releases)
    texts = [s for table in tables for item in table.values() for s in _strings(item.model_dump())]
    texts += [path.read_text(encoding="utf-8") for path in sorted(CODE.glob("*.py"))]
    return "\n".join(texts)


def _vocabulary(kb: KnowledgeBase) -> list[str]:
    entries = kb.entries.values()
    texts = [t for e in entries for t in (*e.phrasings, *e.keywords)]
    texts += [a for e in kb.entities.values() for a in (e.name, *e.aliases)]
    return sorted({w for t in texts for w in (t, *t.split())})


def assert_safe(engine: Engine, own: str, question: str, reply: Reply) -> None:
    kb = engine.kb
    assert isinstance(reply, Reply)
    assert reply.status in STATUSES
    assert 0.0 <= reply.confidence <= 1.0
    assert reply.answered == (reply.entry is not None) == (reply.status == "answered")
    assert reply.text.strip()
    said = (reply.text, *reply.suggestions, *reply.notes, *(c.where for c in reply.citations))
    for text in said:
        assert not any(mark in text for mark in MENTION_MARKS), text
    offered = {as_question(p) for e in kb.entries.values() for p in e.phrasings}
    assert set(reply.suggestions) <= offered
    echoed = [
        window
        for start in range(len(reply.text) - ECHO_WINDOW + 1)
        if (window := reply.text[start : start + ECHO_WINDOW]) in question and window not in own
    ]
    if echoed and reply.entry is not None:
        # the answer's own lines join its texts ("Moscow premiere" + " (Russia)"): the same
        # entry asked by its own phrasing says all of that without any of the asker's text
        plain = answer(engine, reply.entry.phrasings[0], today=TODAY, lang=reply.lang).text
        echoed = [window for window in echoed if window not in plain]
    assert not echoed, f"echoed {echoed[:3]}"


MENTIONS = st.sampled_from(
    [
        "<@123>", "<@!80351110224678912>", "<@&456>", "<#789>", "@everyone", "@here",
        "@@everyone", "<@123", "@\u200beveryone", "<:rocket:123>", "<a:dance:456>",
        "<t:1700000000:R>", "</ask:123>", "@Klim Shipenko",
    ]
)  # fmt: skip
MARKDOWN = st.sampled_from(
    [
        "**", "__", "*", "_", "~~", "||", "`", "```py\n", "```", "> ", ">>> ", "# ", "-# ",
        "- ", "1. ", "[link](https://example.com)", "<https://example.com>", "\\", "\n",
    ]
)  # fmt: skip
CONTROL = st.text(st.characters(categories=["Cc", "Cf", "Zl", "Zp", "Zs"]), min_size=1)
MARKS = st.characters(categories=["Mn", "Me"])
RTL = st.text(
    st.one_of(
        st.characters(min_codepoint=0x0590, max_codepoint=0x08FF),  # Hebrew, Arabic, Syriac ...
        st.sampled_from(["\u200f", "\u202b", "\u202e", "\u2067", "\u2069"]),  # RLM, RLE, RLO ...
    ),
    min_size=1,
)
EMOJI = st.one_of(
    st.sampled_from(["😀", "👍🏽", "👨‍👩‍👧", "🇷🇺", "🚀", "1️⃣", "🏳️‍🌈", "🧑🏿‍🚀"]),
    st.characters(min_codepoint=0x1F300, max_codepoint=0x1FAFF),
)


@st.composite
def zalgo(draw: st.DrawFn, words: st.SearchStrategy[str]) -> str:
    word = draw(words)
    return "".join(c + draw(st.text(MARKS, max_size=8)) for c in word)


def hostile(kb: KnowledgeBase) -> st.SearchStrategy[str]:
    """Questions built from the knowledge base's own words and everything a channel holds;
    a third are a real question wrapped in noise, so the no-echo check meets real answers."""
    words = st.sampled_from(_vocabulary(kb))
    piece = st.one_of(
        words, words, words, st.text(), MENTIONS, MARKDOWN, CONTROL, zalgo(words), RTL, EMOJI
    )
    joiner = st.sampled_from([" ", "", "\n", ", ", "? ", "\u00a0", "\u200b"])
    noise = st.builds(lambda parts, glue: glue.join(parts), st.lists(piece, max_size=12), joiner)
    short = st.builds(lambda parts: " ".join(parts), st.lists(piece, max_size=3))
    asked = st.sampled_from(sorted({p for e in kb.entries.values() for p in e.phrasings}))
    wrapped = st.builds(lambda a, q, b: f"{a} {q} {b}", short, asked, short)
    return st.one_of(noise, noise, wrapped)


def huge(kb: KnowledgeBase) -> st.SearchStrategy[str]:
    """Inputs of 100 KB and more: a hostile fragment repeated (hypothesis draws at most ~8 KB)."""
    fragment = hostile(kb).filter(bool)
    return st.builds(lambda text: text * (HUGE // len(text) + 1), fragment)


FIXTURE_OWN = _own_texts(FIXTURE_KB)


@FAST
@given(question=st.text())
def test_any_unicode_text_gets_a_safe_reply(engine, question):
    assert_safe(engine, FIXTURE_OWN, question, answer(engine, question, today=TODAY))


@FAST
@given(question=hostile(FIXTURE_KB))
def test_hostile_channel_text_gets_a_safe_reply(engine, question):
    assert_safe(engine, FIXTURE_OWN, question, answer(engine, question, today=TODAY))


@SLOW
@given(question=huge(FIXTURE_KB))
def test_inputs_of_100_kb_get_a_safe_reply(engine, question):
    assert len(question) >= HUGE
    assert_safe(engine, FIXTURE_OWN, question, answer(engine, question, today=TODAY))


@SLOW
@given(head=huge(FIXTURE_KB), tail=st.text(), other=hostile(FIXTURE_KB))
def test_nothing_after_the_maximum_length_changes_the_reply(engine, head, tail, other):
    head = head[: MAX_QUESTION_CHARS + 1]
    first = answer(engine, head + tail, today=TODAY)
    second = answer(engine, head + other, today=TODAY)
    assert (first.status, first.text, first.suggestions) == (
        second.status,
        second.text,
        second.suggestions,
    )


def test_the_reply_language_ignores_text_past_the_maximum_length(engine):
    head = ("who directed the challenge " * 100)[: MAX_QUESTION_CHARS + 1]
    english = answer(engine, head, today=TODAY)
    padded = answer(engine, head + "кто режиссёр " * 400, today=TODAY)
    assert (padded.lang, padded.text) == (english.lang, english.text)


@pytest.mark.parametrize(
    "question",
    [
        "who directed the challenge " * 4_000,
        "кто режиссёр фильма вызов? " * 4_000,
        "a" * 200_000,
        "\u0301" * 200_000,
        "<@123> @everyone " * 10_000,
        "(" * 100_000 + "who directed the challenge",
        "who directed the challenge" + "\u200b" * 200_000,
        " " * 100_000,
        "\u3000" * MAX_QUESTION_CHARS + "who directed the challenge",
    ],
    ids=["repeated-question", "repeated-russian", "one-long-word", "only-accents", "mentions",
         "brackets", "zero-width-tail", "only-spaces", "ideographic-spaces-then-a-question"],
)  # fmt: skip
def test_a_huge_input_costs_no_more_than_a_capped_one(engine, question):
    started = time.perf_counter()
    reply = answer(engine, question, today=TODAY)
    assert time.perf_counter() - started < 1.0
    assert_safe(engine, FIXTURE_OWN, question, reply)


def test_mentions_around_a_real_question_are_not_repeated(engine):
    reply = answer(engine, "@everyone <@123> who directed the challenge? <@&456> @here")
    assert reply.answered
    assert_safe(engine, FIXTURE_OWN, reply.question, reply)


@pytest.fixture(scope="module")
def real_own(real_engine: Engine) -> str:
    return _own_texts(real_engine.kb)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_the_real_knowledge_base_is_as_safe(real_engine, real_own, data):
    question = data.draw(hostile(real_engine.kb))
    reply = answer(real_engine, question, today=dt.date(2026, 11, 21))
    assert_safe(real_engine, real_own, question, reply)
