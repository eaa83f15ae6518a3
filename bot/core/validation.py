"""Checks beyond the models: an entry's own phrasings must lead back to that entry, and the
Russian texts must be there and agree with the English ones (`kb validate`, reloads)."""

from __future__ import annotations

from bot.core.engine import ANSWER_THRESHOLD, CLEAR_MARGIN, Engine, says_the_same
from bot.core.loader import Problem
from bot.core.translation import translation_problems


def problems(engine: Engine) -> list[Problem]:
    """Everything `kb validate` reports once the files load: Russian texts, then confusions."""
    return [*translation_problems(engine.kb), *confusion_problems(engine)]


def confusion_problems(engine: Engine) -> list[Problem]:
    """Run the engine on every phrasing; one that another entry wins, or ties, is a problem."""
    problems = []
    for entry in engine.kb.entries.values():
        for number, phrasing in enumerate(entry.phrasings, start=1):
            ranked = engine.decide(phrasing).ranked
            own = next((c.score for c in ranked if c.entry.id == entry.id), 0.0)
            rival = next((c for c in ranked if c.entry.id != entry.id), None)
            # an entry that says the same is no rival to the engine: only its winning outright
            # is a problem
            alike = rival is not None and says_the_same(entry, rival.entry)
            margin = 0.0 if alike else CLEAR_MARGIN
            if rival and rival.score >= ANSWER_THRESHOLD and rival.score > own - margin:
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
