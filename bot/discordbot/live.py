"""The knowledge base the bot is serving now, and reloading it without ever breaking it.

A reload loads and validates off the event loop (the same rules as `python -m bot kb
validate`), then swaps one immutable snapshot for another; readers take the snapshot once per
question, so no answer ever mixes two versions. Never imports discord.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
from dataclasses import dataclass
from pathlib import Path

from bot.core.engine import Engine
from bot.core.language import detector
from bot.core.loader import KnowledgeBase, KnowledgeBaseError, Problem, load
from bot.core.validation import problems as kb_problems

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Snapshot:
    """One validated knowledge base with its engine; replaced whole, never changed."""

    kb: KnowledgeBase
    engine: Engine
    loaded_at: dt.datetime


@dataclass(frozen=True, slots=True)
class ReloadResult:
    """What a reload did: the entry ids that changed, or the problems that stopped it."""

    ok: bool
    old_version: str
    new_version: str
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = ()
    seconds: float = 0.0
    finished_at: dt.datetime | None = None

    @property
    def unchanged(self) -> bool:
        return self.ok and not (self.added or self.removed or self.changed)


def validated(directory: Path) -> Snapshot:
    """Load, validate and index `directory`; raise KnowledgeBaseError listing every problem."""
    kb = load(directory)
    engine = Engine(kb)
    problems = kb_problems(engine)
    if problems:
        raise KnowledgeBaseError(problems)
    detector(kb)  # built here, off the event loop, not on the first question after a reload
    return Snapshot(kb, engine, dt.datetime.now(dt.UTC))


def diff(old: KnowledgeBase, new: KnowledgeBase) -> tuple[tuple[str, ...], ...]:
    """Entry ids added, removed and changed (any field, including answer and citations)."""
    added = tuple(sorted(new.entries.keys() - old.entries.keys()))
    removed = tuple(sorted(old.entries.keys() - new.entries.keys()))
    changed = tuple(
        sorted(
            k for k in old.entries.keys() & new.entries.keys() if old.entries[k] != new.entries[k]
        )
    )
    return added, removed, changed


class LiveKnowledge:
    """Holds the current snapshot; `reload()` replaces it only when the new one is valid."""

    def __init__(self, directory: Path, kb: KnowledgeBase | None = None) -> None:
        """Load `directory` now (raises KnowledgeBaseError), or serve `kb` as given."""
        self.directory = Path(directory)
        if kb is None:
            self._current = validated(self.directory)
        else:
            self._current = Snapshot(kb, Engine(kb), dt.datetime.now(dt.UTC))
        self.last_error: ReloadResult | None = None
        self._lock = asyncio.Lock()

    @property
    def current(self) -> Snapshot:
        """Take this once per question: kb and engine always belong together."""
        return self._current

    @property
    def kb(self) -> KnowledgeBase:
        return self._current.kb

    @property
    def engine(self) -> Engine:
        return self._current.engine

    @property
    def loaded_at(self) -> dt.datetime:
        return self._current.loaded_at

    async def reload(self) -> ReloadResult:
        """Re-read the directory; swap on success, keep the old knowledge base on failure."""
        async with self._lock:  # two admins at once: the second waits, then reloads again
            old = self._current
            started = time.perf_counter()
            try:
                new = await asyncio.to_thread(validated, self.directory)
            except KnowledgeBaseError as exc:
                result = ReloadResult(
                    ok=False,
                    old_version=old.kb.version,
                    new_version=old.kb.version,
                    problems=tuple(exc.problems),
                    seconds=time.perf_counter() - started,
                    finished_at=dt.datetime.now(dt.UTC),
                )
                self.last_error = result
                log.warning(
                    "Reload of %s failed with %d problem(s); still serving %s",
                    self.directory,
                    len(exc.problems),
                    old.kb.version,
                )
                return result
            self._current = new
            self.last_error = None
            added, removed, changed = diff(old.kb, new.kb)
            log.info(
                "Reloaded %s: %s -> %s (+%d -%d ~%d entries)",
                self.directory,
                old.kb.version,
                new.kb.version,
                len(added),
                len(removed),
                len(changed),
            )
            return ReloadResult(
                ok=True,
                old_version=old.kb.version,
                new_version=new.kb.version,
                added=added,
                removed=removed,
                changed=changed,
                seconds=time.perf_counter() - started,
                finished_at=new.loaded_at,
            )
