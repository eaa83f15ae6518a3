"""Latency and memory of the answer engine, on the shipped knowledge base and on 10x / 100x copies.

The larger knowledge bases are synthetic: every entry is cloned with a new id, its phrasings
and keywords given invented words, so the vocabulary and the index grow as a real one would.
Prints per-question p50 / p99, questions per second on one core, load + index time (cold, and
from the engine cache the command line uses), and peak memory (tracemalloc) while building
and answering.
"""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from bot.core.cache import load_engine  # noqa: E402
from bot.core.engine import Engine  # noqa: E402
from bot.core.loader import KnowledgeBase, load  # noqa: E402
from bot.core.models import Entry  # noqa: E402
from bot.core.reply import answer  # noqa: E402


def questions() -> list[str]:
    texts = []
    for path in sorted((ROOT / "tests" / "data").glob("questions*.yaml")):
        texts += [q["q"] for q in yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]]
    return texts


def scaled(kb: KnowledgeBase, factor: int) -> KnowledgeBase:
    rng = random.Random(factor)
    syllables = ["ka", "lo", "mi", "ze", "ru", "po", "ti", "va", "ne", "so", "du", "fe"]
    entries = dict(kb.entries)
    for copy in range(1, factor):
        for entry in kb.entries.values():
            made_up = ["".join(rng.choices(syllables, k=3)) for _ in range(3)]
            phrasings = tuple(f"{p} {rng.choice(made_up)}" for p in entry.phrasings)
            clone = Entry.model_validate(
                entry.model_dump() | {"id": f"{entry.id}-x{copy}", "phrasings": phrasings,
                                      "keywords": (*entry.keywords, *made_up)}
            )  # fmt: skip
            entries[clone.id] = clone
    return KnowledgeBase(kb.sources, kb.entities, entries, kb.releases, f"{kb.version}x{factor}")


def measure(label: str, kb: KnowledgeBase, texts: list[str], load_seconds: float) -> None:
    started = time.perf_counter()
    engine = Engine(kb)
    index_seconds = time.perf_counter() - started
    for text in texts[:50]:
        answer(engine, text)  # warm the caches as a running bot would be
    timings = []
    for text in texts:
        t0 = time.perf_counter()
        answer(engine, text)
        timings.append(time.perf_counter() - t0)
    timings.sort()
    p50 = statistics.median(timings) * 1000
    p99 = timings[int(len(timings) * 0.99) - 1] * 1000
    qps = len(timings) / sum(timings)
    # memory is traced in a second pass: tracing slows everything down about threefold
    del engine
    tracemalloc.start()
    traced = Engine(kb)
    for text in texts[:200]:
        answer(traced, text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"{label:4} entries={len(kb.entries):6}  load={load_seconds * 1000:6.1f} ms  "
        f"index={index_seconds * 1000:8.1f} ms  p50={p50:6.3f} ms  p99={p99:6.3f} ms  "
        f"qps={qps:6.0f}  peak={peak / 2**20:6.1f} MiB"
    )


def cli_wall_time() -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "bot", "ask", "who directed the challenge?"],
        cwd=ROOT, capture_output=True, check=True,
    )  # fmt: skip
    return time.perf_counter() - started


def main() -> None:
    texts = questions()
    started = time.perf_counter()
    kb = load(ROOT / "knowledge")
    load_seconds = time.perf_counter() - started
    print(f"{len(texts)} questions from tests/data; one process, one core")
    for factor in (1, 10, 100):
        measure(f"{factor}x", kb if factor == 1 else scaled(kb, factor), texts, load_seconds)
    load_engine(ROOT / "knowledge")  # builds the cache if it is not there yet
    started = time.perf_counter()
    load_engine(ROOT / "knowledge")
    cached = time.perf_counter() - started
    print(f"load + index from the engine cache (what the CLI does): {cached * 1000:.1f} ms")
    walls = sorted(cli_wall_time() for _ in range(5))
    print(f"`python -m bot ask` wall time: median {walls[2] * 1000:.0f} ms (5 runs)")


if __name__ == "__main__":
    main()
