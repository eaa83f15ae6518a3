"""Why an answer was chosen: the phrasing it matched, the film and names read in the question,
its score and the runner-up. Kept in memory for a while per answer, for "why this answer?"."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from bot.core.engine import Decision
from bot.core.feedback import ScoredEntry, scrub
from bot.core.loader import KnowledgeBase

KEEP_SECONDS = 24 * 3600.0  # after a day nobody asks why any more
MAX_EXPLANATIONS = 10_000  # about 1 KB each: a few MB at most


@dataclass(frozen=True, slots=True)
class Explanation:
    question: str
    entry_id: str
    phrasing: str  # the entry's phrasing closest to the question
    score: float
    work: str | None  # the film's name
    work_named: bool  # the question named the film (else it came from the entry alone)
    entities: tuple[str, ...]  # names read in the question, as the knowledge base spells them
    runner_up: ScoredEntry | None  # the best other entry
    asker_hash: str  # who asked (salted hash): only they see the explanation
    kb_version: str


def explain(
    decision: Decision, kb: KnowledgeBase, *, question: str, asker_hash: str
) -> Explanation | None:
    """What matched, for an answered question; None when nothing was answered."""
    best = decision.best
    if best is None:
        return None
    reading = decision.reading
    named = [kb.entities[e] for e in (*reading.entities, *reading.context_entities)]
    works = [e.id for e in named if e.kind == "work"]
    work_id = best.entry.work or (works[0] if works else None)
    work = kb.entities[work_id].name if work_id in kb.entities else work_id
    runner = next((c for c in decision.ranked if c.entry.id != best.entry.id), None)
    return Explanation(
        question=scrub(question),
        entry_id=best.entry.id,
        phrasing=best.phrasing,
        score=round(best.score, 3),
        work=work,
        work_named=work_id in works,
        entities=tuple(dict.fromkeys(e.name for e in named)),
        runner_up=(
            ScoredEntry(runner.entry.id, round(runner.score, 3), runner.phrasing)
            if runner is not None
            else None
        ),
        asker_hash=asker_hash,
        kb_version=kb.version,
    )


class Explanations:
    """Explanations by answer id, each for `seconds`, at most `max_items` (oldest dropped)."""

    def __init__(
        self,
        *,
        seconds: float = KEEP_SECONDS,
        max_items: int = MAX_EXPLANATIONS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.seconds = seconds
        self.max_items = max_items
        self._clock = clock
        self._items: OrderedDict[str, tuple[float, Explanation]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._items)

    def put(self, answer_id: str, explanation: Explanation) -> None:
        self._items[answer_id] = (self._clock(), explanation)
        self._items.move_to_end(answer_id)
        now = self._clock()
        while self._items:
            key, (at, _) = next(iter(self._items.items()))
            if now - at <= self.seconds and len(self._items) <= self.max_items:
                break
            del self._items[key]

    def get(self, answer_id: str) -> Explanation | None:
        found = self._items.get(answer_id)
        if found is None:
            return None
        at, explanation = found
        if self._clock() - at > self.seconds:
            del self._items[answer_id]
            return None
        return explanation
