"""Discord's size limits, and trimming that always fits them instead of failing a send."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import discord

TITLE = 256
DESCRIPTION = 4096
FIELDS = 25
FIELD_NAME = 256
FIELD_VALUE = 1024
FOOTER = 2048
AUTHOR = 256
TOTAL = 6000  # all text of all embeds in one message, together
BUTTON_LABEL = 80
CUSTOM_ID = 100
CHOICES = 25
CHOICE_TEXT = 100
ELLIPSIS = "…"


def truncate(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, marked with an ellipsis when cut."""
    if limit <= 0:
        return ""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + ELLIPSIS


def pack_lines(lines: Iterable[str], limit: int = FIELD_VALUE) -> list[str]:
    """Join lines into chunks of at most `limit` characters, breaking only between lines."""
    chunks: list[str] = []
    current = ""
    for raw in lines:
        line = truncate(raw, limit)
        if current and len(current) + 1 + len(line) > limit:
            chunks.append(current)
            current = line
        else:
            current = f"{current}\n{line}" if current else line
    if current:
        chunks.append(current)
    return chunks


def add_lines(embed: discord.Embed, name: str, lines: Sequence[str]) -> None:
    """Add `lines` as one field, continued in further fields when they exceed a field's limit."""
    for number, chunk in enumerate(pack_lines(lines)):
        label = name if number == 0 else f"{name} (continued)"
        embed.add_field(name=truncate(label, FIELD_NAME), value=chunk, inline=False)


def fit(embed: discord.Embed, budget: int = TOTAL) -> discord.Embed:
    """Trim every part of `embed` to Discord's limits and its whole text to `budget`.

    Fields go first (from the last), then the description is shortened: the answer matters
    more than the tail of a source list.
    """
    if embed.title:
        embed.title = truncate(embed.title, TITLE)
    if embed.description:
        embed.description = truncate(embed.description, DESCRIPTION)
    if embed.footer.text:
        embed.set_footer(text=truncate(embed.footer.text, FOOTER), icon_url=embed.footer.icon_url)
    if embed.author.name:
        embed.set_author(
            name=truncate(embed.author.name, AUTHOR),
            url=embed.author.url,
            icon_url=embed.author.icon_url,
        )
    fields = [
        (truncate(f.name or "\u200b", FIELD_NAME), truncate(f.value or "\u200b", FIELD_VALUE), f)
        for f in embed.fields
    ]
    embed.clear_fields()
    for name, value, original in fields[: FIELDS - 1 if len(fields) > FIELDS else FIELDS]:
        embed.add_field(name=name, value=value, inline=bool(original.inline))
    budget = max(budget, 0)
    while len(embed) > budget and embed.fields:
        embed.remove_field(len(embed.fields) - 1)
    dropped = len(fields) - len(embed.fields)
    note = f"{dropped} more section(s) left out to fit"
    if dropped and len(embed) + len(note) + 1 <= budget:
        embed.add_field(name="…", value=note, inline=False)
    excess = len(embed) - budget
    if excess > 0 and embed.description:
        embed.description = truncate(embed.description, max(len(embed.description) - excess, 0))
        excess = len(embed) - budget
    if excess > 0 and embed.title:
        embed.title = truncate(embed.title, max(len(embed.title) - excess, 1))
        excess = len(embed) - budget
    if excess > 0 and embed.footer.text:
        embed.set_footer(text=truncate(embed.footer.text, max(len(embed.footer.text) - excess, 1)))
    return embed


def fit_all(embeds: Sequence[discord.Embed], budget: int = TOTAL) -> list[discord.Embed]:
    """Fit several embeds that go out in one message: they share the total budget."""
    share = budget // max(len(embeds), 1)
    return [fit(embed, share) for embed in embeds]
