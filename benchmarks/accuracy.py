"""Accuracy of the engine on the labelled question sets, beside the plain fuzzy baseline.

Usage: python benchmarks/accuracy.py [--failures] [QUESTIONS.yaml ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.core.engine import Engine  # noqa: E402
from bot.core.evaluation import evaluate, load_questions, report  # noqa: E402
from bot.core.loader import load  # noqa: E402


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    paths = [Path(a) for a in args] or sorted((ROOT / "tests" / "data").glob("questions*.yaml"))
    engine = Engine(load(ROOT / "knowledge"))
    for path in paths:
        print(f"=== {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
        results = evaluate(engine, load_questions(path))
        print(report(results, engine, show_failures="--failures" in sys.argv))
        print()


if __name__ == "__main__":
    main()
