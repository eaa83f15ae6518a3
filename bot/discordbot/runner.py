"""`python -m bot run` and `python -m bot sync`: log in with the token and go.

`run` stops gracefully on SIGTERM or SIGINT (see `shutdown.py`) and then exits 0.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import sys
from typing import TextIO

import discord

from bot.core.reply import answer
from bot.discordbot.client import VyzovBot, make_bot
from bot.discordbot.live import LiveKnowledge
from bot.discordbot.logging_setup import setup_logging
from bot.discordbot.shutdown import serve
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
WARM_UP_QUESTION = "who directed the challenge?"


def _bot(err: TextIO, *, sync_dev_guild: bool = True) -> tuple[VyzovBot, str] | None:
    settings = load_settings(err)
    if settings is None:
        return None
    token = require_token(settings, err)
    if token is None:
        return None
    # set up before loading, so start-up problems are logged the same way as everything else
    setup_logging(settings.log_level, settings.log_format, secrets=[token])
    snapshot = load_knowledge(settings, err)
    if snapshot is None:
        return None
    live = LiveKnowledge(settings.knowledge_dir, snapshot.kb)
    return make_bot(settings, knowledge=live, sync_dev_guild=sync_dev_guild), token


def warm_up(bot: VyzovBot) -> None:
    """Before connecting: answer one question, so that what the engine builds on first use (the
    language detector, ~50 ms) is not built while a user waits; then leave everything loaded so
    far out of the cyclic garbage collector, whose full collections otherwise walk it all and
    stall the event loop ~50 ms under load (benchmarks/load.py). Refcounting still frees it."""
    answer(bot.knowledge.engine, WARM_UP_QUESTION)
    gc.collect()
    gc.freeze()


def run(err: TextIO | None = None) -> int:
    """Connect and answer until stopped. Exit 2: bad configuration; 1: Discord said no."""
    err = err or sys.stderr
    built = _bot(err)
    if built is None:
        return 2
    bot, token = built
    warm_up(bot)

    async def main() -> None:
        async with bot:
            await serve(bot, token)

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
