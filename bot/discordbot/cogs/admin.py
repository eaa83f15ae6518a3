"""/kb reload and /kb status, for server admins: hidden by default permissions, checked again."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.discordbot.info_embeds import reload_embed, status_embed
from bot.discordbot.tree import NotAdminError

if TYPE_CHECKING:
    from bot.discordbot.client import VyzovBot

NOT_ADMIN = "Only members with the Manage Server permission or a bot-admin role can do that."


@app_commands.guild_only()
@app_commands.default_permissions(manage_guild=True)
class KnowledgeAdmin(
    commands.GroupCog, group_name="kb", group_description="Knowledge base tools for server admins"
):
    """Reload the knowledge base after editing it, and see which version is live."""

    def __init__(self, bot: VyzovBot) -> None:
        self.bot = bot
        super().__init__()

    async def interaction_check(self, interaction: discord.Interaction, /) -> bool:
        # default_permissions only hides the commands; server owners can override it
        member = interaction.user
        if not isinstance(member, discord.Member):
            raise NotAdminError(NOT_ADMIN)
        granted = interaction.permissions
        if granted.manage_guild or granted.administrator:
            return True
        if any(role.id in self.bot.settings.admin_role_ids for role in member.roles):
            return True
        raise NotAdminError(NOT_ADMIN)

    @app_commands.command(name="reload")
    async def reload(self, interaction: discord.Interaction) -> None:
        """Reload knowledge/ from disk: validated first; on errors the old version stays live."""
        await interaction.response.defer(ephemeral=True, thinking=True)
        result = await self.bot.knowledge.reload()
        await interaction.followup.send(embed=reload_embed(result), ephemeral=True)

    @app_commands.command(name="status")
    async def status(self, interaction: discord.Interaction) -> None:
        """The live knowledge base: version, load time, counts and the last reload error."""
        await interaction.response.send_message(
            embed=status_embed(self.bot.knowledge), ephemeral=True
        )
