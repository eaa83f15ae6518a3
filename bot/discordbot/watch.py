"""Reloading knowledge/ by itself when its files change (VYZOV_WATCH_KNOWLEDGE_SECONDS).

Polls the files' sizes and modification times, so no extra dependency and no inotify limits;
a change is reloaded once the files have stopped changing, through `LiveKnowledge.reload`
(the same validation and rollback as /kb reload). Never imports discord.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path

from bot.discordbot.live import LiveKnowledge, ReloadResult

log = logging.getLogger(__name__)

SETTLE_SECONDS = 0.5  # an editor saving several files: reload once they stop changing
KNOWLEDGE_SUFFIXES = frozenset({".yaml", ".yml"})

Fingerprint = tuple[tuple[str, int, int], ...]
OnReload = Callable[[ReloadResult], Awaitable[None]]


def fingerprint(directory: Path) -> Fingerprint:
    """(path, mtime, size) of every knowledge file; empty when the directory is missing."""
    found = []
    try:
        paths = sorted(directory.rglob("*"))
    except OSError:
        return ()
    for path in paths:
        relative = path.relative_to(directory)
        if path.suffix not in KNOWLEDGE_SUFFIXES or any(p.startswith(".") for p in relative.parts):
            continue
        try:
            stat = path.stat()
        except OSError:  # deleted between listing and looking
            continue
        found.append((relative.as_posix(), stat.st_mtime_ns, stat.st_size))
    return tuple(found)


class KnowledgeWatcher:
    """Checks `knowledge.directory` every `every` seconds; reloads and reports each change."""

    def __init__(
        self,
        knowledge: LiveKnowledge,
        every: float,
        on_reload: OnReload,
        *,
        settle: float = SETTLE_SECONDS,
    ) -> None:
        self.knowledge = knowledge
        self.every = every
        self.settle = min(settle, every)
        self._on_reload = on_reload
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._watch(), name="vyzov-knowledge-watcher")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _look(self) -> Fingerprint:
        return await asyncio.to_thread(fingerprint, self.knowledge.directory)

    async def _watch(self) -> None:
        seen = await self._look()
        log.info("Watching %s for changes every %g s", self.knowledge.directory, self.every)
        while True:
            await asyncio.sleep(self.every)
            try:
                now = await self._look()
                if now == seen:
                    continue
                await asyncio.sleep(self.settle)
                if await self._look() != now:
                    continue  # still being written: look again next time
                seen = now
                result = await self.knowledge.reload()
                await self._on_reload(result)
            except Exception:
                log.exception("Watching %s failed; still watching", self.knowledge.directory)
