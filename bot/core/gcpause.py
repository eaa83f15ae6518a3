"""Pausing the cyclic garbage collector while a knowledge base is loaded and indexed."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Loading and indexing make tens of thousands of containers (YAML nodes, models, readings)
    that either stay alive or are freed by reference counting: the collector's passes over them
    find nothing, and at start-up cost ~20 ms of a ~280 ms load and index. Any cycle made
    meanwhile is still collected, at the collector's next pass once it runs again."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:  # another thread may have paused it too: leave it to that one
            gc.enable()
