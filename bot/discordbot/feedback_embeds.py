"""Embeds for feedback: "why this answer?" and the /kb misses report, within Discord's limits."""

from __future__ import annotations

import discord

from bot.core.engine import ANSWER_THRESHOLD, CLEAR_MARGIN
from bot.core.explanation import Explanation
from bot.core.language import Lang
from bot.core.loader import KnowledgeBase
from bot.core.misses import MissesReport, MissGroup, status_text, votes_text
from bot.discordbot import limits
from bot.discordbot.embeds import escape_user_text, plain

GROUPS_SHOWN = 8  # each group carries a YAML block: eight fill about half the 6000 characters
DOWNVOTED_SHOWN = 10
WHY: dict[Lang, dict[str, str]] = {
    "en": {
        "title": "Why this answer?",
        "question": "Your question",
        "matched": "Closest question in the knowledge base",
        "film": "Film",
        "named": "named in your question",
        "from-entry": "the answer's film; your question named none",
        "none": "none",
        "names": "Names recognised",
        "score": "Score",
        "score-text": "{score:.2f} (an answer needs {threshold:.2f} and a lead of {margin:.2f})",
        "runner-up": "Runner-up",
        "footer": "knowledge base {version} when answered",
    },
    "ru": {
        "title": "Почему такой ответ?",
        "question": "Ваш вопрос",
        "matched": "Ближайший вопрос в базе знаний",
        "film": "Фильм",
        "named": "назван в вопросе",
        "from-entry": "фильм ответа; в вопросе фильм не назван",
        "none": "нет",
        "names": "Распознанные имена",
        "score": "Оценка",
        "score-text": "{score:.2f} (для ответа нужно {threshold:.2f} и отрыв {margin:.2f})",
        "runner-up": "Второй кандидат",
        "footer": "база знаний {version} на момент ответа",
    },
}


def why_embed(explanation: Explanation, kb: KnowledgeBase, lang: Lang = "en") -> discord.Embed:
    """What the answer matched: phrasing, film, names, score and the runner-up."""
    words = WHY[lang]
    embed = discord.Embed(
        title=words["title"],
        description=f"{words['question']}: “{escape_user_text(explanation.question)}”",
        colour=discord.Colour.blurple(),
    )
    embed.add_field(
        name=words["matched"],
        value=f"“{plain(explanation.phrasing)}” (`{explanation.entry_id}`)",
        inline=False,
    )
    if explanation.work:
        how = words["named"] if explanation.work_named else words["from-entry"]
        embed.add_field(name=words["film"], value=f"{plain(explanation.work)} ({how})")
    names = ", ".join(plain(name) for name in explanation.entities) or words["none"]
    embed.add_field(name=words["names"], value=names)
    score = words["score-text"].format(
        score=explanation.score, threshold=ANSWER_THRESHOLD, margin=CLEAR_MARGIN
    )
    embed.add_field(name=words["score"], value=score, inline=False)
    runner = explanation.runner_up
    rival = (
        f"“{plain(runner.phrasing)}” (`{runner.entry_id}`): {runner.score:.2f}"
        if runner is not None
        else words["none"]
    )
    embed.add_field(name=words["runner-up"], value=rival, inline=False)
    version = explanation.kb_version
    footer = words["footer"].format(version=version)
    if version != kb.version:
        footer += f" · now {kb.version}"
    embed.set_footer(text=footer)
    return limits.fit(embed)


def _code(text: str) -> str:
    # a ``` in a question would close the block early
    return "```yaml\n" + text.replace("`", "ˋ") + "\n```"


def group_field(group: MissGroup) -> tuple[str, str]:
    name = limits.truncate(f"{group.count}× “{escape_user_text(group.examples[0])}”", 200)
    lines = []
    if group.examples[1:]:
        others = ", ".join(f"“{escape_user_text(q)}”" for q in group.examples[1:])
        lines.append(limits.truncate(f"also: {others}", 300))
    closest = f"`{group.closest}` ({group.closest_score:.2f})" if group.closest else "none"
    lines.append(f"closest entry: {closest} · {status_text(group)}")
    head = "\n".join(lines)
    room = limits.FIELD_VALUE - len(head) - len("\n```yaml\n\n```")
    return name, f"{head}\n{_code(limits.truncate(group.snippet, room))}"


def misses_embeds(report: MissesReport) -> list[discord.Embed]:
    """The report as two embeds: grouped misses with YAML to paste, then downvoted answers."""
    groups = report.groups[:GROUPS_SHOWN]
    if report.total:
        summary = (
            f"{report.total} question(s) in the last {report.days} day(s); the "
            f"{len(groups)} biggest of {len(report.groups)} group(s) below, each with the "
            "entry it came closest to and YAML to paste. Full report: `python -m bot misses`."
        )
    else:
        summary = f"No missed questions in the last {report.days} day(s)."
    misses = discord.Embed(
        title=f"Missed questions · {report.days} day(s)",
        description=summary,
        colour=discord.Colour.orange(),
    )
    for group in groups:
        name, value = group_field(group)
        misses.add_field(name=name, value=value, inline=False)
    misses.set_footer(text=f"knowledge base {report.kb_version}")
    votes = discord.Embed(
        title="Most-downvoted answers",
        description=None if report.downvoted else "No 👎 in this period.",
        colour=discord.Colour.red(),
    )
    for answer in report.downvoted[:DOWNVOTED_SHOWN]:
        asked = ", ".join(f"“{escape_user_text(q)}”" for q in answer.questions)
        value = votes_text(answer) + (f"\nasked as: {asked}" if asked else "")
        votes.add_field(
            name=f"`{answer.entry_id}`", value=limits.truncate(value, 1024), inline=False
        )
    return limits.fit_all([misses, votes])
