"""A per-user limit on answers, shared by messages, /ask and suggestion buttons."""

from __future__ import annotations

import time

from discord import app_commands

PRUNE_EVERY = 1000  # forget idle users now and then, so the table stays small


class AnswerCooldown:
    """`rate` answers per `per` seconds for each user; `per == 0` turns the limit off."""

    def __init__(self, rate: int, per: float) -> None:
        self.rate = rate
        self.per = per
        self._buckets: dict[int, app_commands.Cooldown] = {}
        self._calls = 0

    @property
    def enabled(self) -> bool:
        return self.per > 0

    def template(self) -> app_commands.Cooldown:
        return app_commands.Cooldown(self.rate, self.per)

    def hit(self, user_id: int) -> float | None:
        """Count one answer for `user_id`: None if allowed, else seconds until the next one."""
        if not self.enabled:
            return None
        now = time.time()
        self._calls += 1
        if self._calls % PRUNE_EVERY == 0:
            self._buckets = {
                uid: b for uid, b in self._buckets.items() if b.get_tokens(now) < b.rate
            }
        bucket = self._buckets.setdefault(user_id, self.template())
        return bucket.update_rate_limit(now)

    def check(self, user_id: int) -> None:
        """Like `hit`, raising CommandOnCooldown (the tree's error policy answers it)."""
        retry_after = self.hit(user_id)
        if retry_after is not None:
            raise app_commands.CommandOnCooldown(self.template(), retry_after)
