"""Rendering for Discord, with no network: citations, escaping, spoilers and size limits."""

import dataclasses
import datetime as dt
import re

import discord
import pytest

from bot.cli import render_text
from bot.core.dates import PartialDate
from bot.core.loader import Problem, load
from bot.core.models import Source
from bot.core.reply import CitedSource, Reply, answer, as_question
from bot.discordbot import answering, limits
from bot.discordbot.embeds import link, reply_embed
from bot.discordbot.info_embeds import page_count, reload_embed, sources_page
from bot.discordbot.live import LiveKnowledge, ReloadResult
from bot.discordbot.release_embeds import release_embed, timestamp
from bot.discordbot.suggest import QuestionIndex
from tests.conftest import FIXTURES, REAL_KNOWLEDGE


def within_limits(embed: discord.Embed, budget: int = limits.TOTAL) -> None:
    assert len(embed) <= budget
    assert len(embed.title or "") <= limits.TITLE
    assert len(embed.description or "") <= limits.DESCRIPTION
    assert len(embed.fields) <= limits.FIELDS
    for field in embed.fields:
        assert 0 < len(field.name or "") <= limits.FIELD_NAME
        assert 0 < len(field.value or "") <= limits.FIELD_VALUE
    assert len(embed.footer.text or "") <= limits.FOOTER


def source(number: int, *, title: str = "Report", url: str | None = None) -> Source:
    return Source(
        id=f"s{number:03d}",
        title=title,
        publisher="TASS",
        url=url or f"https://tass.com/society/{number}",
        published="2023-04-12",
        reliability="high",
    )


def make_reply(text: str, *, citations: int = 1, spoiler: bool = False, **changes) -> Reply:
    cited = tuple(CitedSource(n, source(n), "opening") for n in range(1, citations + 1))
    fields = {
        "question": "when did it come out?",
        "status": "answered",
        "answered": True,
        "text": text,
        "confidence": 0.873,
        "entry": None,
        "citations": cited,
        "spoiler": spoiler,
    }
    return Reply(**{**fields, **changes})


# --- answers -------------------------------------------------------------------------------
def test_the_description_is_the_command_lines_answer_text(engine):
    reply = answer(engine, "who directed the challenge?")
    embed = reply_embed(reply, kb_version="abc123")
    assert embed.description == reply.text
    assert reply.text in render_text(reply)


def test_sources_are_numbered_markdown_links_in_citation_order(engine):
    reply = answer(engine, "who directed the challenge?")
    embed = reply_embed(reply, kb_version="abc123")
    assert embed.fields[0].name == "Sources"
    assert embed.fields[0].value == (
        "[1] [The Challenge (2023 film)]"
        "(https://en.wikipedia.org/wiki/The_Challenge_%282023_film%29) · Wikipedia, undated"
    )


def test_many_citations_keep_their_numbers_across_continued_fields():
    reply = make_reply("Answer [1][2]", citations=40)
    embed = reply_embed(reply, kb_version="v")
    numbers = [int(n) for f in embed.fields for n in re.findall(r"^\[(\d+)\]", f.value or "", re.M)]
    assert numbers == list(range(1, len(numbers) + 1))
    assert embed.fields[1].name == "Sources (continued)"
    within_limits(embed)


def test_footer_shows_confidence_and_knowledge_base_version():
    embed = reply_embed(make_reply("An answer. [1]"), kb_version="0123456789ab")
    assert embed.footer.text == "Confidence 87% · knowledge base 0123456789ab"


def test_a_non_answer_says_so_in_the_footer_and_lists_suggestions(engine):
    reply = answer(engine, "who directed")
    assert reply.status == "ambiguous"
    embed = reply_embed(reply, kb_version="v")
    assert "pick one" in (embed.footer.text or "")
    for suggestion in reply.suggestions:
        assert f"• {suggestion}" in (embed.description or "")


def test_spoiler_answers_are_wrapped_in_spoiler_tags(engine):
    reply = answer(engine, "how does the challenge end")
    assert reply.spoiler
    description = reply_embed(reply, kb_version="v").description or ""
    warning, hidden = description.split("\n", 1)
    assert "Spoiler" in warning
    assert hidden == f"||{reply.text}||"


def test_a_trimmed_spoiler_stays_hidden():
    description = reply_embed(make_reply("x" * 9000, spoiler=True), kb_version="v").description
    assert description is not None
    assert len(description) <= limits.DESCRIPTION
    assert description.endswith("…||")
    assert description.count("||") == 2


def test_user_text_echoed_in_the_title_is_escaped():
    question = "**who** @everyone <@123456789012345678> directed _it_?"
    title = reply_embed(make_reply("A. [1]", question=question), kb_version="v").title or ""
    assert "@everyone" not in title
    assert "<@123456789012345678>" not in title
    assert "\\*\\*who\\*\\*" in title
    assert "\\_it\\_" in title


def test_knowledge_text_is_shown_literally_not_as_markdown():
    embed = reply_embed(make_reply("Mr. *Smith* and __team__ [1]"), kb_version="v")
    assert embed.description == "Mr. \\*Smith\\* and \\_\\_team\\_\\_ [1]"


def test_link_text_and_url_cannot_break_the_markdown():
    assert link("A [b] c", "https://x.org/A_(b)") == "[A \\[b\\] c](https://x.org/A_%28b%29)"
    assert link("No url", None) == "No url"


@pytest.mark.parametrize(
    "question", ["who directed the challenge?", "who directed", "how tall is the moon", ""]
)
def test_the_bot_replies_exactly_as_the_command_line(kb, question):
    snapshot = LiveKnowledge(FIXTURES, kb).current
    asked = answering.ask(snapshot, question)
    assert asked.reply == answer(snapshot.engine, question)
    assert [as_question(e.phrasings[0]) for e in asked.options] == list(asked.reply.suggestions)


def test_an_ambiguous_question_offers_one_entry_per_work(kb):
    asked = answering.ask(LiveKnowledge(FIXTURES, kb).current, "who directed")
    assert {e.work for e in asked.options} == {"the-challenge", "cruise-space-film"}


# --- limits --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [("short", 10, "short"), ("exactly10!", 10, "exactly10!"), ("a" * 11, 10, "a" * 9 + "…")],
)
def test_truncate_marks_a_cut_with_an_ellipsis(text, limit, expected):
    assert limits.truncate(text, limit) == expected


def test_pack_lines_breaks_between_lines_and_never_exceeds_the_limit():
    lines = [f"line {n} " + "x" * 90 for n in range(50)] + ["y" * 3000]
    chunks = limits.pack_lines(lines, 1024)
    assert all(len(chunk) <= 1024 for chunk in chunks)
    assert chunks[0].startswith("line 0 ")
    assert all(not chunk.startswith("x") for chunk in chunks)


def test_huge_text_and_many_long_sources_fit_every_limit():
    cited = tuple(
        CitedSource(n, source(n, title="T" * 400, url="https://example.org/" + "p" * 300), "w")
        for n in range(1, 80)
    )
    reply = make_reply("word " * 3000, question="q" * 1000, citations=0)
    embed = reply_embed(dataclasses.replace(reply, citations=cited), kb_version="v" * 3000)
    within_limits(embed)
    assert (embed.description or "").endswith("…")


def test_fit_trims_every_part_and_drops_fields_before_the_description():
    embed = discord.Embed(title="t" * 300, description="d" * 5000)
    for _ in range(30):
        embed.add_field(name="n" * 300, value="v" * 2000)
    embed.set_footer(text="f" * 100)
    within_limits(limits.fit(embed))
    assert len(embed.description or "") == limits.DESCRIPTION
    assert embed.fields[-1].value == "29 more section(s) left out to fit"


def test_fit_shortens_the_description_when_title_and_footer_are_huge():
    embed = discord.Embed(title="t" * 300, description="d" * 5000)
    embed.set_footer(text="f" * 3000)
    within_limits(limits.fit(embed))


@pytest.mark.parametrize("count", [1, 2, 3, 10])
def test_embeds_sent_together_share_the_6000_characters(count):
    embeds = [discord.Embed(description="d" * 4096) for _ in range(count)]
    fitted = limits.fit_all(embeds)
    assert sum(len(e) for e in fitted) <= limits.TOTAL


# --- /release ------------------------------------------------------------------------------
def test_exact_dates_use_discord_timestamps_at_noon_utc():
    assert timestamp(PartialDate(2023, 4, 20)) == "<t:1681992000:D>"
    assert dt.datetime.fromtimestamp(1681992000, dt.UTC).hour == 12
    assert timestamp(PartialDate(2023, 4)) == "April 2023"
    assert timestamp(PartialDate(2024)) == "2024"


def test_release_lines_are_cited_and_every_cited_number_is_listed(kb):
    embed = release_embed(kb, "the-challenge")
    text = "\n".join(f"{f.name}\n{f.value}" for f in embed.fields)
    assert "<t:1681300800:D>: Moscow premiere (Russia) [1]" in text
    assert "January 2030: an imaginary re-release *planned* [1]" in text
    sources = next(f.value or "" for f in embed.fields if f.name == "Sources")
    listed = set(re.findall(r"^\[(\d+)\]", sources, re.M))
    body = text.split("\nSources\n")[0]
    assert set(re.findall(r"\[(\d+)\]", body)) == listed
    within_limits(embed)


def test_release_explains_the_seed_articles_conflicting_date(kb):
    embed = release_embed(kb, "the-challenge")
    conflict = next(f for f in embed.fields if (f.name or "").startswith("Sources disagree"))
    assert "April 12. (as a seed article says)" in (conflict.value or "")
    assert "**(better supported)**" in (conflict.value or "")


@pytest.mark.parametrize("work", ["the-challenge", "cruise-space-film"])
def test_release_of_the_real_knowledge_base_fits_and_keeps_its_sources(work):
    embed = release_embed(load(REAL_KNOWLEDGE), work)
    within_limits(embed)
    assert any(f.name == "Sources" for f in embed.fields)
    assert "<t:" in "".join(f.value or "" for f in embed.fields)


# --- /sources, /kb ------------------------------------------------------------------------------
def test_every_sources_page_of_the_real_knowledge_base_fits():
    kb = load(REAL_KNOWLEDGE)
    for page in range(page_count(kb)):
        within_limits(sources_page(kb, page))
    assert "Page 1 of" in (sources_page(kb, -5).footer.text or "")


def test_a_failed_reload_lists_problems_by_file_entry_and_field_within_limits():
    problems = tuple(
        Problem(f"entries/file-{n}.yaml", f"entry-{n}", "answer", "m" * 3000) for n in range(200)
    )
    embed = reload_embed(ReloadResult(False, "old", "old", problems=problems))
    within_limits(embed)
    assert embed.fields[0].name == "entries/file-0.yaml [entry-0] answer"
    assert "`old`" in (embed.description or "")


def test_a_successful_reload_lists_what_changed():
    result = ReloadResult(True, "a", "b", added=("new-1",), removed=(), changed=("x", "y"))
    embed = reload_embed(result)
    assert [f.name for f in embed.fields] == ["Added (1)", "Changed (2)"]
    assert "1 added, 0 removed, 2 changed" in (embed.description or "")


# --- /ask autocomplete ------------------------------------------------------------------------
@pytest.mark.parametrize("typed", ["", "direct", "vyzov releas", "режиссёр", "💥" * 500, "\x00?"])
def test_autocomplete_offers_at_most_25_short_choices(typed):
    choices = QuestionIndex(load(REAL_KNOWLEDGE)).complete(typed)
    assert len(choices) <= limits.CHOICES
    assert all(0 < len(c) <= limits.CHOICE_TEXT for c in choices)


def test_autocomplete_ranks_the_closest_question_first(kb):
    assert QuestionIndex(kb).complete("who direc")[0] == "Who directed the challenge?"
