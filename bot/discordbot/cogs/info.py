"""/release, /sources and /about: what the knowledge base holds, rendered with citations."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.discordbot.info_embeds import about_embed, sources_page
from bot.discordbot.release_embeds import release_embed
from bot.discordbot.views import sources_view

if TYPE_CHECKING:
    from bot.discordbot.client import VyzovBot

WORKS = [
    app_commands.Choice(name="The Challenge (Вызов, 2023)", value="the-challenge"),
    app_commands.Choice(name="Tom Cruise's space film", value="cruise-space-film"),
]


class Info(commands.Cog):
    """Release dates, sources and what the bot knows."""

    def __init__(self, bot: VyzovBot) -> None:
        self.bot = bot

    @app_commands.command(name="release")
    @app_commands.describe(work="Which film (leave empty for both)")
    @app_commands.choices(work=WORKS)
    async def release(
        self, interaction: discord.Interaction, work: app_commands.Choice[str] | None = None
    ) -> None:
        """Release dates and status, each line cited; dates shown in your own locale."""
        kb = self.bot.knowledge.kb
        first, *rest = [release_embed(kb, w.value) for w in ([work] if work else WORKS)]
        await interaction.response.send_message(embed=first)
        for embed in rest:  # one message each: Discord's 6000-character limit is per message
            await interaction.followup.send(embed=embed)

    @app_commands.command(name="sources")
    async def sources(self, interaction: discord.Interaction) -> None:
        """The sources my answers rely on, with links, dates and how reliable each is."""
        kb = self.bot.knowledge.kb
        view = sources_view(kb, 0)
        if view is None:
            await interaction.response.send_message(embed=sources_page(kb, 0))
        else:
            await interaction.response.send_message(embed=sources_page(kb, 0), view=view)

    @app_commands.command(name="about")
    async def about(self, interaction: discord.Interaction) -> None:
        """What I know about, the knowledge base version and how to ask me."""
        await interaction.response.send_message(embed=about_embed(self.bot.knowledge.current))
