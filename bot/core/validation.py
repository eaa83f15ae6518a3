"""Checks that need the engine: an entry's own phrasings must never be answered by another entry."""

from __future__ import annotations

from bot.core.engine import Engine
from bot.core.loader import Problem


def confusion_problems(engine: Engine) -> list[Problem]:
    """Run the engine on every phrasing; a phrasing answered by a different entry is a problem."""
    problems = []
    for entry in engine.kb.entries.values():
        for number, phrasing in enumerate(entry.phrasings, start=1):
            decision = engine.decide(phrasing)
            if (
                decision.status == "answered"
                and decision.best
                and decision.best.entry.id != entry.id
            ):
                other = decision.best.entry.id
                problems.append(
                    Problem(
                        engine.kb.entry_files.get(entry.id, "?"),
                        entry.id,
                        f"phrasings.{number}",
                        f"{phrasing!r} would be answered by entry {other!r}: reword one of them",
                    )
                )
    return problems
