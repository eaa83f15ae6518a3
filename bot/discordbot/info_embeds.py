"""Embeds about the knowledge base itself: /sources pages, /about, /kb status and reloads."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable

import discord

from bot.core.loader import KnowledgeBase, Problem
from bot.discordbot import limits
from bot.discordbot.embeds import link, plain
from bot.discordbot.live import LiveKnowledge, ReloadResult, Snapshot

SOURCES_PER_PAGE = 12  # about 200 characters a line: a page stays far below 4096
PROBLEMS_SHOWN = 15  # each problem is a field; the rest are counted
IDS_SHOWN = 40
OK_COLOUR = discord.Colour.green()
FAILED_COLOUR = discord.Colour.red()
HOW_TO_ASK = (
    "Mention me with your question, reply to one of my answers, write to me in a direct "
    "message, or use `/ask`. `/release` lists release dates, `/sources` what I rely on."
)


def page_count(kb: KnowledgeBase) -> int:
    return max(1, -(-len(kb.sources) // SOURCES_PER_PAGE))


def clamp_page(kb: KnowledgeBase, page: int) -> int:
    return min(max(page, 0), page_count(kb) - 1)


def sources_page(kb: KnowledgeBase, page: int) -> discord.Embed:
    """One page of every source the answers cite: link, publisher, date, reliability."""
    page = clamp_page(kb, page)
    sources = sorted(kb.sources.values(), key=lambda s: s.id)
    start = page * SOURCES_PER_PAGE
    lines = []
    for source in sources[start : start + SOURCES_PER_PAGE]:
        date = source.published or plain(limits.truncate(source.estimate or "undated", 60))
        seed = " · one of the two seed articles" if source.seed else ""
        title = link(limits.truncate(source.title, 120), str(source.url) if source.url else None)
        publisher = plain(limits.truncate(source.publisher, 80))
        lines.append(
            f"`{source.id}` {title}\n{publisher}, {date} · reliability {source.reliability}{seed}"
        )
    embed = discord.Embed(
        title=f"Sources ({len(sources)})",
        description="\n".join(lines) or "No sources.",
        colour=discord.Colour.blurple(),
    )
    embed.set_footer(text=f"Page {page + 1} of {page_count(kb)} · knowledge base {kb.version}")
    return limits.fit(embed)


def _works(kb: KnowledgeBase) -> list[str]:
    entries = Counter(e.work for e in kb.entries.values())
    releases = Counter(r.work for r in kb.releases.values())
    lines = [
        f"**{plain(entity.name)}**: {entries[entity.id]} answers, "
        f"{releases[entity.id]} dated events"
        for entity in kb.entities.values()
        if entity.kind == "work"
    ]
    if entries[None]:
        lines.append(f"**Both / general**: {entries[None]} answers")
    return lines


def _topics(kb: KnowledgeBase) -> str:
    files = Counter(kb.entry_files.values())
    return ", ".join(
        f"{plain(name.rsplit('/', 1)[-1].removesuffix('.yaml').replace('-', ' '))} ({count})"
        for name, count in sorted(files.items())
    )


def about_embed(snapshot: Snapshot) -> discord.Embed:
    kb = snapshot.kb
    embed = discord.Embed(
        title="About this bot",
        description=(
            "I answer questions about «The Challenge» (Вызов, 2023), the Russian film partly "
            "shot on the ISS, and Tom Cruise's planned space film: in English, Russian or "
            "transliterated Russian, always with numbered sources. When I don't know, I say so."
        ),
        colour=discord.Colour.blurple(),
    )
    limits.add_lines(embed, "What I know", _works(kb))
    embed.add_field(name="Topics (answers)", value=_topics(kb) or "none", inline=False)
    embed.add_field(
        name="Knowledge base",
        value=(
            f"Version `{kb.version}`, loaded {_when(snapshot.loaded_at)}\n"
            f"{len(kb.entries)} answers, {len(kb.sources)} sources, "
            f"{len(kb.entities)} names, {len(kb.releases)} dated events"
        ),
        inline=False,
    )
    embed.add_field(name="How to ask", value=HOW_TO_ASK, inline=False)
    return limits.fit(embed)


def _when(moment: dt.datetime) -> str:
    return f"{discord.utils.format_dt(moment, 'f')} ({discord.utils.format_dt(moment, 'R')})"


def problem_field(problem: Problem) -> tuple[str, str]:
    """A problem as a field: `file [entry] field` as the name, the message as the value."""
    where = problem.file
    if problem.entry:
        where += f" [{problem.entry}]"
    if problem.field:
        where += f" {problem.field}"
    return limits.truncate(plain(where), limits.FIELD_NAME), limits.truncate(
        plain(problem.message), limits.FIELD_VALUE
    )


def add_problems(embed: discord.Embed, problems: Iterable[Problem]) -> None:
    listed = list(problems)
    for problem in listed[:PROBLEMS_SHOWN]:
        name, value = problem_field(problem)
        embed.add_field(name=name, value=value, inline=False)
    if len(listed) > PROBLEMS_SHOWN:
        embed.add_field(
            name="…",
            value=f"and {len(listed) - PROBLEMS_SHOWN} more: run `python -m bot kb validate`",
            inline=False,
        )


def _ids(ids: tuple[str, ...]) -> str:
    shown = ", ".join(f"`{i}`" for i in ids[:IDS_SHOWN])
    more = f" and {len(ids) - IDS_SHOWN} more" if len(ids) > IDS_SHOWN else ""
    return limits.truncate(shown + more, limits.FIELD_VALUE)


def reload_embed(result: ReloadResult) -> discord.Embed:
    """What a reload changed, or why it failed (with the old knowledge base still live)."""
    if not result.ok:
        embed = discord.Embed(
            title="Reload failed: nothing changed",
            description=(
                f"{len(result.problems)} problem(s) in the knowledge base. Still serving "
                f"version `{result.old_version}`. Fix the files and run `/kb reload` again."
            ),
            colour=FAILED_COLOUR,
        )
        add_problems(embed, result.problems)
        return limits.fit(embed)
    summary = (
        "Same entries as before."
        if result.unchanged
        else f"{len(result.added)} added, {len(result.removed)} removed, "
        f"{len(result.changed)} changed."
    )
    embed = discord.Embed(
        title="Knowledge base reloaded",
        description=(
            f"Version `{result.old_version}` → `{result.new_version}` in {result.seconds:.1f} s. "
            f"{summary}"
        ),
        colour=OK_COLOUR,
    )
    for name, ids in (
        ("Added", result.added),
        ("Removed", result.removed),
        ("Changed", result.changed),
    ):
        if ids:
            embed.add_field(name=f"{name} ({len(ids)})", value=_ids(ids), inline=False)
    return limits.fit(embed)


def status_embed(live: LiveKnowledge) -> discord.Embed:
    kb = live.kb
    embed = discord.Embed(title="Knowledge base status", colour=discord.Colour.blurple())
    embed.add_field(name="Version", value=f"`{kb.version}`", inline=True)
    embed.add_field(name="Loaded", value=_when(live.loaded_at), inline=True)
    embed.add_field(
        name="Counts",
        value=(
            f"{len(kb.entries)} entries, {len(kb.sources)} sources, {len(kb.entities)} entities, "
            f"{len(kb.releases)} release events, {len(kb.files)} files"
        ),
        inline=False,
    )
    embed.add_field(
        name="Directory", value=limits.truncate(f"`{live.directory}`", 1000), inline=False
    )
    error = live.last_error
    if error is None:
        embed.add_field(name="Last reload error", value="None since the last load.", inline=False)
    else:
        when = _when(error.finished_at) if error.finished_at else "earlier"
        embed.add_field(
            name="Last reload error",
            value=f"{when}: {len(error.problems)} problem(s); the version above is still live.",
            inline=False,
        )
        add_problems(embed, error.problems)
    return limits.fit(embed)
