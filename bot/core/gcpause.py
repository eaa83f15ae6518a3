"""Pausing the cyclic garbage collector while a knowledge base is loaded and indexed."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Loading and indexing make tens of thousands of containers (YAML nodes, models, readings)
    that either stay alive or are freed by reference counting: the collector's passes over them
    find nothing, and at start-up cost ~20 ms of a ~280 ms load and index. When it runs again,
    what was made meanwhile and lives on goes straight to the oldest generation (frozen, then
    unfrozen: a constant-time move), rather than being walked by the youngest generation's
    next pass (~5 ms after indexing) and the middle one's, which would find nothing in it
    either. Any cycle made meanwhile is still collected, by the next full collection."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:  # another thread may have paused it too: leave it to that one
            # unless something is frozen already (the Discord bot freezes all it loaded at
            # start): unfreezing would hand that back to the collector too
            if gc.get_freeze_count() == 0:
                gc.freeze()
                gc.unfreeze()
            gc.enable()
