"""The bot: intents, allowed mentions, cogs, buttons and command sync, built from Settings.

Unsharded (the default) it is a `commands.Bot` with one gateway connection; with
`VYZOV_SHARD_COUNT` set it is the same bot on discord.py's `AutoShardedBot`, running the shards
in `VYZOV_SHARD_IDS` (all of them when empty) over one HTTP session.
"""

from __future__ import annotations

import logging
from typing import Any

import discord
from discord.ext import commands

from bot.core.conversation import ContextStore
from bot.discordbot.answering import Conversations
from bot.discordbot.cogs.admin import KnowledgeAdmin
from bot.discordbot.cogs.answers import Answers
from bot.discordbot.cogs.info import Info
from bot.discordbot.cooldown import AnswerCooldown
from bot.discordbot.feedback import Feedback
from bot.discordbot.live import LiveKnowledge
from bot.discordbot.translator import VyzovTranslator
from bot.discordbot.tree import VyzovTree
from bot.discordbot.views import DYNAMIC_ITEMS
from bot.settings import Settings
from bot.storage.base import Store

log = logging.getLogger(__name__)

# Set on the client, so no message the bot ever sends can ping @everyone, @here or a role.
ALLOWED_MENTIONS = discord.AllowedMentions(
    everyone=False, roles=False, users=False, replied_user=True
)


def intents() -> discord.Intents:
    """Default intents plus message content (privileged: enable it in the developer portal)."""
    chosen = discord.Intents.default()
    chosen.message_content = True
    return chosen


class VyzovBot(commands.Bot):
    """Answers from `knowledge`; everything deployment-specific comes from `settings`."""

    def __init__(
        self,
        settings: Settings,
        knowledge: LiveKnowledge,
        *,
        sync_dev_guild: bool = True,
        store: Store | None = None,
        **options: Any,
    ) -> None:
        options.setdefault("intents", intents())
        options.setdefault("allowed_mentions", ALLOWED_MENTIONS)
        super().__init__(
            command_prefix=commands.when_mentioned,
            help_command=None,
            tree_cls=VyzovTree,
            **options,
        )
        self.settings = settings
        self.knowledge = knowledge
        self.answer_cooldown = AnswerCooldown(
            settings.answer_cooldown_rate, settings.answer_cooldown_seconds
        )
        self.sync_dev_guild = sync_dev_guild
        # per (channel, user): what a follow-up question ("and when did it come out?") means
        self.conversations: Conversations = ContextStore(
            seconds=settings.followup_seconds, max_keys=settings.followup_max_contexts
        )
        # misses and votes (SQLite in the data directory, or DATABASE_URL): `store` for tests
        self.feedback = Feedback(settings, store)

    async def setup_hook(self) -> None:
        await self.feedback.start()
        await self.tree.set_translator(VyzovTranslator())  # Russian command descriptions
        await self.add_cog(Answers(self))
        await self.add_cog(Info(self))
        await self.add_cog(KnowledgeAdmin(self))
        self.add_dynamic_items(*DYNAMIC_ITEMS)
        guild_id = self.settings.dev_guild_id
        if guild_id is not None and self.sync_dev_guild:
            guild = discord.Object(id=guild_id)
            self.tree.copy_global_to(guild=guild)
            synced = await self.tree.sync(guild=guild)
            log.info("Synced %d commands to development guild %s", len(synced), guild_id)

    async def close(self) -> None:
        await super().close()
        await self.feedback.close()  # after the cogs: queued misses and votes are written

    async def on_message(self, message: discord.Message, /) -> None:
        # No text commands: a mention is a question, which the Answers cog handles.
        return

    async def on_ready(self) -> None:
        user = self.user
        log.info(
            "Logged in as %s (%s); knowledge base %s",
            user,
            user.id if user else "?",
            self.knowledge.kb.version,
        )


class ShardedVyzovBot(VyzovBot, commands.AutoShardedBot):
    """The same bot on several gateway connections (shards) in this process."""

    async def on_shard_ready(self, shard_id: int) -> None:
        log.info("Shard %d of %s is ready", shard_id, self.shard_count)


def make_bot(
    settings: Settings, *, knowledge: LiveKnowledge | None = None, **options: Any
) -> VyzovBot:
    """Build the bot; `options` go to discord.Client (e.g. `guild_ready_timeout` in tests).

    Without `knowledge`, the knowledge base is loaded from `settings.knowledge_dir` now and a
    problem raises KnowledgeBaseError before anything connects.
    """
    live = knowledge if knowledge is not None else LiveKnowledge(settings.knowledge_dir)
    if not settings.sharded:
        return VyzovBot(settings, live, **options)
    # "auto": None, and discord.py asks Discord how many shards to run
    options.setdefault(
        "shard_count", settings.shard_count if settings.shard_count != "auto" else None
    )
    if settings.shard_ids:
        options.setdefault("shard_ids", list(settings.shard_ids))
    return ShardedVyzovBot(settings, live, **options)
