"""When a message is for the bot, and the question inside it. Decides; never sends."""

from __future__ import annotations

import enum
import re

import discord


class Trigger(enum.Enum):
    DIRECT_MESSAGE = "dm"
    MENTION = "mention"
    REPLY = "reply"
    CHANNEL = "channel"  # a configured channel: answer only when the engine is confident

    @property
    def explicit(self) -> bool:
        """Asked of the bot on purpose: then even "I don't know" deserves a reply."""
        return self is not Trigger.CHANNEL


def _own_role_ids(message: discord.Message, me: discord.abc.User) -> set[int]:
    # people often pick the bot's managed role from the @ menu instead of the bot itself
    return {
        role.id
        for role in message.role_mentions
        if role.tags is not None and role.tags.bot_id == me.id
    }


def trigger(
    message: discord.Message, me: discord.abc.User, channels: frozenset[int]
) -> Trigger | None:
    """Why the bot should answer `message`, or None to stay silent (always for bots)."""
    if message.author.bot or message.author.id == me.id:
        return None
    if message.guild is None:
        return Trigger.DIRECT_MESSAGE
    reference = message.reference
    replied = reference.resolved if reference is not None else None
    if isinstance(replied, discord.Message) and replied.author.id == me.id:
        return Trigger.REPLY
    if any(user.id == me.id for user in message.mentions) or _own_role_ids(message, me):
        return Trigger.MENTION
    parent_id = getattr(message.channel, "parent_id", None)  # threads inherit their channel
    if message.channel.id in channels or parent_id in channels:
        return Trigger.CHANNEL
    return None


def question_text(message: discord.Message, me: discord.abc.User) -> str:
    """The message without the bot's own mention (user or role), whitespace tidied."""
    ids = {me.id, *_own_role_ids(message, me)}
    pattern = "|".join(str(i) for i in sorted(ids))
    text = re.sub(rf"<@[!&]?(?:{pattern})>", " ", message.content)
    return " ".join(text.split())
