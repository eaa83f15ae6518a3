"""`python -m bot run` and `python -m bot sync`: log in with the token and go."""

from __future__ import annotations

import asyncio
import logging
import sys
from typing import TextIO

import discord

from bot.discordbot.client import VyzovBot, make_bot
from bot.discordbot.live import LiveKnowledge
from bot.discordbot.startup import load_knowledge, load_settings, require_token

log = logging.getLogger(__name__)

INTENT_HELP = (
    "error: Discord refused the Message Content intent. In the developer portal open your "
    "application > Bot > Privileged Gateway Intents and turn on MESSAGE CONTENT INTENT."
)
BAD_TOKEN = (
    "error: Discord rejected DISCORD_TOKEN. Copy the bot token again from the developer "
    "portal (Bot > Reset Token) into .env."
)


def _bot(err: TextIO, *, sync_dev_guild: bool = True) -> tuple[VyzovBot, str] | None:
    settings = load_settings(err)
    if settings is None:
        return None
    token = require_token(settings, err)
    if token is None:
        return None
    # set up before loading, so start-up problems are logged the same way as everything else
    discord.utils.setup_logging(level=logging.getLevelNamesMapping()[settings.log_level])
    snapshot = load_knowledge(settings, err)
    if snapshot is None:
        return None
    live = LiveKnowledge(settings.knowledge_dir, snapshot.kb)
    return make_bot(settings, knowledge=live, sync_dev_guild=sync_dev_guild), token


def run(err: TextIO | None = None) -> int:
    """Connect and answer until stopped. Exit 2: bad configuration; 1: Discord said no."""
    err = err or sys.stderr
    built = _bot(err)
    if built is None:
        return 2
    bot, token = built

    async def main() -> None:
        async with bot:
            await bot.start(token)

    try:
        asyncio.run(main())
    except discord.LoginFailure:
        print(BAD_TOKEN, file=err)
        return 1
    except discord.PrivilegedIntentsRequired:
        print(INTENT_HELP, file=err)
        return 1
    except KeyboardInterrupt:
        log.info("Stopped")
    return 0


def sync(out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Register the slash commands globally, once per release that changes them."""
    err = err or sys.stderr
    out = out or sys.stdout
    built = _bot(err, sync_dev_guild=False)
    if built is None:
        return 2
    bot, token = built

    async def main() -> int:
        async with bot:
            await bot.login(token)  # runs setup_hook, which adds the commands to the tree
            return len(await bot.tree.sync())

    try:
        count = asyncio.run(main())
    except discord.LoginFailure:
        print(BAD_TOKEN, file=err)
        return 1
    out.write(f"Synced {count} commands globally; Discord may take a few minutes to show them.\n")
    return 0
