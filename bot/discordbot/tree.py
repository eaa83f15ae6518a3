"""The one error policy: a short ephemeral reply to the user, the traceback to the log.

Commands never catch their own errors; buttons hand theirs to `report_error` too. Nothing
else replies to an error, so a user never gets two messages for one failure.
"""

from __future__ import annotations

import logging

import discord
from discord import app_commands

log = logging.getLogger(__name__)

SOMETHING_WRONG = "Sorry, something went wrong on my side. It has been logged."
NOT_ALLOWED = "You can't use that here."


class UserFacingError(app_commands.AppCommandError):
    """An error whose message is safe and useful to show the user as it is."""


class NotAdminError(app_commands.CheckFailure):
    """Raised by the admin check; the message says what would grant access."""


async def reply_ephemeral(interaction: discord.Interaction, content: str) -> None:
    """Answer privately whether or not the interaction was already answered or deferred."""
    try:
        if interaction.response.is_done():
            await interaction.followup.send(content, ephemeral=True)
        else:
            await interaction.response.send_message(content, ephemeral=True)
    except discord.HTTPException:
        log.warning("Could not send the error message for interaction %s", interaction.id)


def user_message(error: BaseException) -> str | None:
    """What to tell the user about `error`, or None if it is a bug (then it is logged)."""
    if isinstance(error, UserFacingError | NotAdminError):
        return str(error)
    if isinstance(error, app_commands.CommandOnCooldown):
        return f"Slow down a little: you can ask again in {error.retry_after:.0f} s."
    if isinstance(error, app_commands.NoPrivateMessage):
        return "That command works in a server, not in direct messages."
    if isinstance(error, app_commands.CheckFailure):
        return NOT_ALLOWED
    return None


async def report_error(interaction: discord.Interaction, error: BaseException) -> None:
    """Tell the user briefly; log the full traceback of anything unexpected."""
    cause = error.original if isinstance(error, app_commands.CommandInvokeError) else error
    message = user_message(cause)
    if message is None:
        name = interaction.command.qualified_name if interaction.command else "component"
        log.error(
            "Error in /%s (interaction=%s user=%s guild=%s)",
            name,
            interaction.id,
            interaction.user.id,
            interaction.guild_id,
            exc_info=cause,
        )
        message = SOMETHING_WRONG
    await reply_ephemeral(interaction, message)


class VyzovTree(app_commands.CommandTree[discord.Client]):
    async def on_error(
        self, interaction: discord.Interaction, error: app_commands.AppCommandError, /
    ) -> None:
        await report_error(interaction, error)
