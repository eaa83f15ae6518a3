"""One way to answer, for messages, /ask and buttons: the CLI's reply, plus what to offer next."""

from __future__ import annotations

from dataclasses import dataclass

import discord

from bot.core.models import Entry
from bot.core.reply import Reply, answer, as_question
from bot.discordbot.embeds import reply_embed
from bot.discordbot.live import Snapshot


@dataclass(frozen=True, slots=True)
class Answer:
    """A reply, the entries behind its suggestions (they become buttons) and its KB."""

    reply: Reply
    options: tuple[Entry, ...]
    snapshot: Snapshot

    def embed(self) -> discord.Embed:
        return reply_embed(self.reply, kb_version=self.snapshot.kb.version)


def ask(snapshot: Snapshot, question: str) -> Answer:
    """`bot.core.reply.answer`, the very function behind `python -m bot ask`, plus the entries
    its suggestions came from (a suggestion is an entry's first phrasing, as a question)."""
    reply = answer(snapshot.engine, question)
    if not reply.suggestions:
        return Answer(reply, (), snapshot)
    by_question: dict[str, Entry] = {}
    for entry in snapshot.kb.entries.values():
        by_question.setdefault(as_question(entry.phrasings[0]), entry)
    options = tuple(by_question[s] for s in reply.suggestions if s in by_question)
    return Answer(reply, options, snapshot)


def ask_entry(snapshot: Snapshot, entry_id: str) -> Answer | None:
    """Ask one entry's own question (a button press); None if the entry no longer exists.

    Its phrasings are tried in order and the first the engine answers with this entry wins,
    so the reply is what `python -m bot ask` says for that very question.
    """
    entry = snapshot.kb.entries.get(entry_id)
    if entry is None:
        return None
    first: Answer | None = None
    for phrasing in entry.phrasings:
        result = ask(snapshot, as_question(phrasing))
        if result.reply.entry is not None and result.reply.entry.id == entry_id:
            return result
        first = first or result
    return first
