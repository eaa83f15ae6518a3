"""Buttons. All are stateless `DynamicItem`s: the custom_id carries everything they need, so
they keep working after a restart or a reload, and no view is kept in memory.

custom_id formats (at most 100 characters):
- `vyzov:ask:<entry-id>[:ru]`   ask a suggested question (posts the answer, in Russian with `:ru`)
- `vyzov:work:<entry-id>[:ru]`  pick a work after an ambiguous question (posts the answer)
- `vyzov:sources:<page>:prev|next`  turn a page of /sources (edits the message)
- 👍 / 👎 / "why this answer?" under every answer: see feedback_views.py
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, cast

import discord

from bot.core.language import Lang
from bot.core.loader import KnowledgeBase
from bot.core.models import Entity, Entry
from bot.core.normalize import has_cyrillic
from bot.core.reply import suggestion
from bot.discordbot import info_embeds, limits
from bot.discordbot.answering import Answer, ask_entry, remember
from bot.discordbot.feedback_views import FEEDBACK_ITEMS, feedback_items
from bot.discordbot.tree import UserFacingError, report_error

if TYPE_CHECKING:
    from bot.discordbot.client import VyzovBot

ASK_TEMPLATE = r"vyzov:(?P<kind>ask|work):(?P<entry>[a-z0-9]+(?:-[a-z0-9]+)*)(?::(?P<lang>ru))?"
SOURCES_TEMPLATE = r"vyzov:sources:(?P<page>\d{1,4}):(?P<dir>prev|next)"
PER_ROW = 5
GONE = "That question is no longer in the knowledge base (it was just updated). Please ask again."

Button = discord.ui.Button[discord.ui.View]


def bot_of(interaction: discord.Interaction) -> VyzovBot:
    return cast("VyzovBot", interaction.client)


class AskButton(discord.ui.DynamicItem[Button], template=ASK_TEMPLATE):
    """A suggested question or a choice of work; pressing it posts that question's answer."""

    def __init__(
        self, kind: str, entry_id: str, label: str, *, lang: Lang = "en", row: int | None = None
    ) -> None:
        style = discord.ButtonStyle.primary if kind == "work" else discord.ButtonStyle.secondary
        suffix = ":ru" if lang == "ru" else ""
        super().__init__(
            discord.ui.Button(
                label=limits.truncate(label, limits.BUTTON_LABEL) or "Ask",
                style=style,
                custom_id=f"vyzov:{kind}:{entry_id}{suffix}",
            ),
            row=row,
        )
        self.kind = kind
        self.entry_id = entry_id
        self.lang: Lang = lang

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> AskButton:
        label = getattr(item, "label", None) or "Ask"
        return cls(match["kind"], match["entry"], label, lang="ru" if match["lang"] else "en")

    async def callback(self, interaction: discord.Interaction) -> None:
        try:
            bot = bot_of(interaction)
            bot.answer_cooldown.check(interaction.user.id)
            answer = ask_entry(bot.knowledge.current, self.entry_id, lang=self.lang)
            if answer is None:
                raise UserFacingError(GONE)
            # the answer a button posts is one a follow-up question may lean on, as any other
            remember(bot.conversations, (interaction.channel_id or 0, interaction.user.id), answer)
            bot.feedback.after_answer(
                answer,
                asker_id=interaction.user.id,
                guild_id=interaction.guild_id,
                channel_id=interaction.channel_id,
                record_miss=False,  # the entry's own question: a miss says nothing new
            )
            await send_answer(interaction, answer)
        except Exception as exc:  # the one error policy, as for commands
            await report_error(interaction, exc)


class SourcesPageButton(discord.ui.DynamicItem[Button], template=SOURCES_TEMPLATE):
    """Turns /sources to another page by editing the message in place."""

    def __init__(self, page: int, direction: str, *, disabled: bool = False) -> None:
        super().__init__(
            discord.ui.Button(
                label="◀ Previous" if direction == "prev" else "Next ▶",
                style=discord.ButtonStyle.secondary,
                custom_id=f"vyzov:sources:{page}:{direction}",
                disabled=disabled,
            )
        )
        self.page = page

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> SourcesPageButton:
        return cls(int(match["page"]), match["dir"])

    async def callback(self, interaction: discord.Interaction) -> None:
        try:
            kb = bot_of(interaction).knowledge.kb
            page = info_embeds.clamp_page(kb, self.page)
            await interaction.response.edit_message(
                embed=info_embeds.sources_page(kb, page), view=sources_view(kb, page)
            )
        except Exception as exc:
            await report_error(interaction, exc)


DYNAMIC_ITEMS = (AskButton, SourcesPageButton, *FEEDBACK_ITEMS)


def suggestions(entries: Sequence[Entry], lang: Lang = "en") -> discord.ui.View:
    """One button per suggested question, labelled with the question it asks."""
    view = discord.ui.View(timeout=None)
    for number, entry in enumerate(entries[: limits.FIELDS]):
        label = suggestion(entry, lang)
        view.add_item(AskButton("ask", entry.id, label, lang=lang, row=number // PER_ROW))
    return view


def work_choices(
    entries: Sequence[Entry], work_names: Mapping[str, str], lang: Lang = "en"
) -> discord.ui.View:
    """One button per work: the same question, asked of the work the user picks."""
    view = discord.ui.View(timeout=None)
    for entry in entries[:PER_ROW]:
        label = work_names.get(entry.work or "", entry.work or suggestion(entry, lang))
        view.add_item(AskButton("work", entry.id, label, lang=lang))
    return view


def work_name(entity: Entity, lang: Lang) -> str:
    """A work's name for a button: its first Russian alias in a Russian reply («Вызов»)."""
    if lang == "ru":
        russian = next((a for a in entity.aliases if has_cyrillic(a)), None)
        if russian:
            return russian
    return entity.name


def answer_view(answer: Answer) -> discord.ui.View | None:
    """The buttons an answer offers: 👍 / 👎 / why when answered; else works when ambiguous,
    else suggestions (or none)."""
    lang = answer.reply.lang
    if answer.reply.answered:
        view = discord.ui.View(timeout=None)
        for item in feedback_items(answer):
            view.add_item(item)
        return view if view.children else None
    if not answer.options:
        return None
    if answer.reply.status == "ambiguous":
        names = {e.id: work_name(e, lang) for e in answer.snapshot.kb.entities.values()}
        return work_choices(answer.options, names, lang)
    return suggestions(answer.options, lang)


def sources_view(kb: KnowledgeBase, page: int) -> discord.ui.View | None:
    pages = info_embeds.page_count(kb)
    if pages <= 1:
        return None
    view = discord.ui.View(timeout=None)
    view.add_item(SourcesPageButton(max(page - 1, 0), "prev", disabled=page == 0))
    view.add_item(SourcesPageButton(min(page + 1, pages - 1), "next", disabled=page >= pages - 1))
    return view


async def send_answer(interaction: discord.Interaction, answer: Answer) -> None:
    """Post an answer as the interaction's (public) response, with its buttons if any."""
    view = answer_view(answer)
    if view is None:
        await interaction.response.send_message(embed=answer.embed())
    else:
        await interaction.response.send_message(embed=answer.embed(), view=view)
