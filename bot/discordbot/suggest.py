"""Autocomplete for /ask: the knowledge base's own questions, fuzzy-matched. Never imports discord.

Pure and in memory (a few milliseconds for a thousand phrasings), so every reply lands well
inside Discord's 3-second autocomplete window.
"""

from __future__ import annotations

from rapidfuzz import fuzz, process, utils

from bot.core.loader import KnowledgeBase
from bot.core.reply import as_question

MAX_CHOICES = 25  # Discord shows at most 25 choices
MAX_LENGTH = 100  # ... of at most 100 characters each
MIN_SCORE = 40.0  # below this a phrasing shares little more than a letter or two with the input


class QuestionIndex:
    """Every phrasing of every entry, as a question, once; built per knowledge-base version."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.version = kb.version
        seen: dict[str, None] = {}
        for entry in kb.entries.values():
            for phrasing in entry.phrasings:
                question = as_question(phrasing)
                if 0 < len(question) <= MAX_LENGTH:
                    seen.setdefault(question, None)
        self.questions: tuple[str, ...] = tuple(seen)
        # the first phrasing of each entry is its clearest; offered when nothing is typed yet
        self.starters: tuple[str, ...] = tuple(
            dict.fromkeys(
                q
                for q in (as_question(e.phrasings[0]) for e in kb.entries.values())
                if 0 < len(q) <= MAX_LENGTH
            )
        )

    def complete(self, current: str, limit: int = MAX_CHOICES) -> list[str]:
        """Up to `limit` questions closest to what the user has typed so far, best first."""
        text = current.strip()[:200]
        if not text:
            return list(self.starters[:limit])
        hits = process.extract(
            text,
            self.questions,
            scorer=fuzz.WRatio,
            processor=utils.default_process,  # rapidfuzz>=3 does not fold case by default
            score_cutoff=MIN_SCORE,
            limit=limit,
        )
        return [question for question, _score, _index in hits]
