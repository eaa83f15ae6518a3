"""Questions: messages (mention, reply, DM, configured channels) and /ask with autocomplete."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.discordbot import answering
from bot.discordbot.suggest import QuestionIndex
from bot.discordbot.triggers import Trigger, question_text, trigger
from bot.discordbot.views import answer_view, send_answer

if TYPE_CHECKING:
    from bot.discordbot.client import VyzovBot

log = logging.getLogger(__name__)


class Answers(commands.Cog):
    """Answers questions about the two films, with numbered sources."""

    def __init__(self, bot: VyzovBot) -> None:
        self.bot = bot
        self._index: QuestionIndex | None = None

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        me = self.bot.user
        why = trigger(message, me, self.bot.settings.answer_channel_ids) if me else None
        if me is None or why is None:
            return
        key = (message.channel.id, message.author.id)
        context = self.bot.conversations.get(key)
        answer = answering.ask(
            self.bot.knowledge.current, question_text(message, me), context=context
        )
        if why is Trigger.CHANNEL and not answer.reply.answered:
            return  # unprompted: speak only when sure it is a question about our films
        if self.bot.answer_cooldown.hit(message.author.id) is not None:
            log.debug("Cooldown: not answering user %s", message.author.id)
            return
        answering.remember(self.bot.conversations, key, answer)
        self.bot.feedback.after_answer(
            answer,
            asker_id=message.author.id,
            guild_id=message.guild.id if message.guild else None,
            channel_id=message.channel.id,
        )
        await self._send(message, answer)

    async def _send(self, message: discord.Message, answer: answering.Answer) -> None:
        reference = message.to_reference(fail_if_not_exists=False)
        view = answer_view(answer)
        try:
            if view is None:
                await message.channel.send(embed=answer.embed(), reference=reference)
            else:
                await message.channel.send(embed=answer.embed(), view=view, reference=reference)
        except discord.Forbidden:
            log.warning(
                "No permission to answer in channel %s (guild %s)",
                message.channel.id,
                message.guild.id if message.guild else None,
            )

    @app_commands.command(name="ask")
    @app_commands.describe(
        question="Your question in English or Russian, e.g. “who directed The Challenge?”"
    )
    async def ask(
        self, interaction: discord.Interaction, question: app_commands.Range[str, 1, 500]
    ) -> None:
        """Ask about «The Challenge» (Вызов) or Tom Cruise's space film; answered with sources."""
        self.bot.answer_cooldown.check(interaction.user.id)
        key = (interaction.channel_id or 0, interaction.user.id)
        context = self.bot.conversations.get(key)
        # the question's own language first; the user's Discord language when it does not tell
        fallback = answering.locale_lang(interaction.locale) or (context.lang if context else None)
        answer = answering.ask(
            self.bot.knowledge.current, question, fallback=fallback, context=context
        )
        answering.remember(self.bot.conversations, key, answer)
        self.bot.feedback.after_answer(
            answer,
            asker_id=interaction.user.id,
            guild_id=interaction.guild_id,
            channel_id=interaction.channel_id,
        )
        await send_answer(interaction, answer)

    @ask.autocomplete("question")
    async def question_autocomplete(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        try:
            return [
                app_commands.Choice(name=q, value=q) for q in self._questions().complete(current)
            ]
        except Exception:  # discord.py would swallow it; an empty list keeps typing usable
            log.exception("Autocomplete failed for %r", current[:100])
            return []

    def _questions(self) -> QuestionIndex:
        kb = self.bot.knowledge.kb
        if self._index is None or self._index.version != kb.version:
            self._index = QuestionIndex(kb)
        return self._index
