"""A `Reply` as a Discord embed: the CLI's answer text, numbered sources as links, a footer.

Owns citation formatting and the escaping of anything a user typed; sizes go through
`limits.fit`, so an embed never breaks Discord's limits.
"""

from __future__ import annotations

import discord

from bot.core.language import Lang
from bot.core.models import Source
from bot.core.phrases import PHRASES
from bot.core.reply import CitedSource, Reply
from bot.discordbot import limits

SPOILER_WARNING = f"⚠️ {PHRASES['en'].spoiler}"
# the footer's words, by reply language
FOOTER: dict[Lang, dict[str, str]] = {
    "en": {
        "answered": "Confidence {confidence}",
        "ambiguous": "Both films match: pick one",
        "abstained": "Not sure enough to answer (best match {confidence})",
        "empty": "No question found",
        "kb": "knowledge base {version}",
    },
    "ru": {
        "answered": "Уверенность {confidence}",
        "ambiguous": "Подходят оба фильма: выберите один",
        "abstained": "Не уверен в ответе (лучшее совпадение {confidence})",
        "empty": "Вопрос не найден",
        "kb": "база знаний {version}",
    },
}
DEFAULT_TITLE = "«The Challenge» (Вызов) and Tom Cruise's space film"
COLOURS = {
    "answered": discord.Colour.blurple(),
    "ambiguous": discord.Colour.gold(),
}
UNSURE_COLOUR = discord.Colour.light_grey()


def escape_user_text(text: str) -> str:
    """User text shown back: no markdown tricks, no pings (even where pings are off)."""
    return discord.utils.escape_markdown(discord.utils.escape_mentions(text))


def plain(text: str) -> str:
    """Knowledge-base text shown literally, exactly as the command line prints it."""
    return discord.utils.escape_markdown(text)


def link(text: str, url: str | None) -> str:
    """A masked link whose text and URL cannot break out of the markdown."""
    label = plain(text).replace("[", "\\[").replace("]", "\\]")
    if not url:
        return label
    # Wikipedia-style URLs end in ")" which would close the link early
    safe_url = url.replace("(", "%28").replace(")", "%29").replace(" ", "%20")
    return f"[{label}]({safe_url})"


def source_label(source: Source) -> str:
    """`Publisher, date` as the command line shows it (`undated` when there is no date)."""
    return f"{plain(source.publisher)}, {source.published or 'undated'}"


def source_line(number: int, source: Source) -> str:
    """`[1] [Title](url) · Publisher, 2023-04-12`."""
    title = link(limits.truncate(source.title, 150), str(source.url) if source.url else None)
    return f"[{number}] {title} · {source_label(source)}"


def citation_lines(citations: tuple[CitedSource, ...]) -> list[str]:
    return [source_line(c.number, c.source) for c in citations]


def answer_text(reply: Reply) -> str:
    """The words of the reply, identical to `python -m bot ask` (sources are a field)."""
    lines = [plain(reply.text)]
    if not reply.answered and reply.suggestions:
        lines.extend(f"• {plain(s)}" for s in reply.suggestions)
    return "\n".join(lines)


def description(reply: Reply) -> str:
    text = answer_text(reply)
    if not reply.spoiler:
        return limits.truncate(text, limits.DESCRIPTION)
    warning = f"⚠️ {PHRASES[reply.lang].spoiler}"
    room = limits.DESCRIPTION - len(warning) - len("\n||||")
    # trimmed inside the tags, so a cut answer still stays hidden
    return f"{warning}\n||{limits.truncate(text, room)}||"


def footer(reply: Reply, kb_version: str) -> str:
    words = FOOTER[reply.lang]
    status = "answered" if reply.answered else reply.status
    state = words.get(status, words["empty"]).format(confidence=f"{reply.confidence:.0%}")
    return f"{state} · {words['kb'].format(version=kb_version)}"


def reply_embed(reply: Reply, *, kb_version: str) -> discord.Embed:
    """The embed for one answer (or honest non-answer), within all of Discord's limits."""
    question = " ".join(reply.question.split())
    embed = discord.Embed(
        title=limits.truncate(escape_user_text(question), limits.TITLE) or DEFAULT_TITLE,
        description=description(reply),
        colour=COLOURS.get(reply.status, UNSURE_COLOUR),
    )
    if reply.citations:
        limits.add_lines(embed, PHRASES[reply.lang].sources, citation_lines(reply.citations))
    embed.set_footer(text=footer(reply, kb_version))
    # the description is at most 4096 and comes first, so only source fields can be dropped
    return limits.fit(embed)
