"""Checks that need the engine: an entry's own phrasings must lead back to that entry."""

from __future__ import annotations

from bot.core.engine import ANSWER_THRESHOLD, CLEAR_MARGIN, Engine
from bot.core.loader import Problem


def confusion_problems(engine: Engine) -> list[Problem]:
    """Run the engine on every phrasing; one that another entry wins, or ties, is a problem."""
    problems = []
    for entry in engine.kb.entries.values():
        for number, phrasing in enumerate(entry.phrasings, start=1):
            ranked = engine.decide(phrasing).ranked
            own = next((c.score for c in ranked if c.entry.id == entry.id), 0.0)
            rival = next((c for c in ranked if c.entry.id != entry.id), None)
            if rival and rival.score >= ANSWER_THRESHOLD and rival.score > own - CLEAR_MARGIN:
                verb = "would be answered by" if rival.score > own else "is too close to"
                problems.append(
                    Problem(
                        engine.kb.entry_files.get(entry.id, "?"),
                        entry.id,
                        f"phrasings.{number}",
                        f"{phrasing!r} {verb} entry {rival.entry.id!r}: reword or merge them",
                    )
                )
    return problems
