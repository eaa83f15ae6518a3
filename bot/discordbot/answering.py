"""One way to answer, for messages, /ask and buttons: the CLI's reply, plus what to offer next.

Follow-up questions lean on what the bot last answered the same user in the same channel
(`Conversations`, bounded in number and time by the settings).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field

import discord

from bot.core.conversation import Context, ContextStore
from bot.core.engine import Decision
from bot.core.language import Lang, LangChoice
from bot.core.models import Entry
from bot.core.normalize import has_cyrillic
from bot.core.reply import Reply, answer_and_decision, as_question
from bot.discordbot.embeds import reply_embed
from bot.discordbot.live import Snapshot

ConversationKey = tuple[int, int]  # (channel id, user id)
Conversations = ContextStore[ConversationKey]
ANSWER_ID_BYTES = 6  # 8 URL-safe characters: names one answer in its buttons' custom ids


def new_answer_id() -> str:
    return secrets.token_urlsafe(ANSWER_ID_BYTES)


@dataclass(frozen=True, slots=True)
class Answer:
    """A reply, the entries behind its suggestions (they become buttons), its KB, the engine's
    decision behind it and a short id its feedback buttons carry."""

    reply: Reply
    options: tuple[Entry, ...]
    snapshot: Snapshot
    decision: Decision
    answer_id: str = field(default_factory=new_answer_id)

    def embed(self) -> discord.Embed:
        return reply_embed(self.reply, kb_version=self.snapshot.kb.version)


def locale_lang(locale: discord.Locale | None) -> Lang | None:
    """Russian for a Russian Discord client; None (no opinion) for any other."""
    return "ru" if locale is discord.Locale.russian else None


def ask(
    snapshot: Snapshot,
    question: str,
    *,
    lang: LangChoice = "auto",
    fallback: Lang | None = None,
    context: Context | None = None,
) -> Answer:
    """`bot.core.reply.answer`, the very function behind `python -m bot ask`, plus the entries
    its suggestions came from; `context` is the asker's last answer, for follow-ups."""
    reply, decision = answer_and_decision(
        snapshot.engine, question, lang=lang, fallback=fallback, context=context
    )
    return Answer(reply, reply.options, snapshot, decision)


def remember(conversations: Conversations, key: ConversationKey, answer: Answer) -> None:
    """Make `answer` the one the asker's next follow-up leans on (a non-answer changes nothing)."""
    if answer.reply.context is not None:
        conversations.put(key, answer.reply.context)


def ask_entry(snapshot: Snapshot, entry_id: str, *, lang: Lang = "en") -> Answer | None:
    """Ask one entry's own question (a button press); None if the entry no longer exists.

    Its phrasings are tried in order and the first the engine answers with this entry wins,
    so the reply is what `python -m bot ask` says for that very question.
    """
    entry = snapshot.kb.entries.get(entry_id)
    if entry is None:
        return None
    first: Answer | None = None
    # in a Russian reply the title (the question) is Russian too, where the entry has one
    ordered = sorted(entry.phrasings, key=lambda p: lang == "ru" and not has_cyrillic(p))
    for phrasing in ordered:
        result = ask(snapshot, as_question(phrasing), lang=lang)
        if result.reply.entry is not None and result.reply.entry.id == entry_id:
            return result
        first = first or result
    return first
