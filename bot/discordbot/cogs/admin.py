"""/kb reload, /kb status and /kb misses, for server admins: hidden by default permissions,
checked again. Also the optional watcher that reloads knowledge/ by itself."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.discordbot.feedback_embeds import misses_embeds
from bot.discordbot.info_embeds import reload_embed, status_embed
from bot.discordbot.live import ReloadResult
from bot.discordbot.tree import NotAdminError
from bot.discordbot.watch import KnowledgeWatcher

if TYPE_CHECKING:
    from bot.discordbot.client import VyzovBot

log = logging.getLogger(__name__)

NOT_ADMIN = "Only members with the Manage Server permission or a bot-admin role can do that."
DEFAULT_DAYS = 7


@app_commands.guild_only()
@app_commands.default_permissions(manage_guild=True)
class KnowledgeAdmin(
    commands.GroupCog, group_name="kb", group_description="Knowledge base tools for server admins"
):
    """Reload the knowledge base after editing it, and see which version is live."""

    def __init__(self, bot: VyzovBot) -> None:
        self.bot = bot
        self.watcher: KnowledgeWatcher | None = None
        super().__init__()

    async def cog_load(self) -> None:
        every = self.bot.settings.watch_knowledge_seconds
        if every > 0:
            self.watcher = KnowledgeWatcher(self.bot.knowledge, every, self._tell_admins)
            self.watcher.start()

    async def cog_unload(self) -> None:
        if self.watcher is not None:
            await self.watcher.stop()

    async def _tell_admins(self, result: ReloadResult) -> None:
        """Post an automatic reload's result to the admin channel, if one is configured."""
        channel_id = self.bot.settings.admin_channel_id
        if channel_id is None:
            return
        await self.bot.wait_until_ready()
        channel = self.bot.get_channel(channel_id)
        if not isinstance(channel, discord.abc.Messageable):
            log.warning("Admin channel %s not found: reload result not posted", channel_id)
            return
        try:
            await channel.send(
                content="Automatic reload (knowledge/ changed):", embed=reload_embed(result)
            )
        except discord.HTTPException as exc:
            log.warning("Could not post the reload result to channel %s: %s", channel_id, exc)

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

    @app_commands.command(name="misses")
    @app_commands.describe(days="How many days back to look (default 7)")
    async def misses(
        self,
        interaction: discord.Interaction,
        days: app_commands.Range[int, 1, 3650] = DEFAULT_DAYS,
    ) -> None:
        """Unanswered questions grouped, with YAML to paste, and the most-downvoted answers."""
        await interaction.response.defer(ephemeral=True, thinking=True)
        report = await self.bot.feedback.report(days, self.bot.knowledge.engine)
        await interaction.followup.send(embeds=misses_embeds(report), ephemeral=True)
