"""Accuracy of the engine on the labelled question sets and dialogues, beside the plain fuzzy
baseline, by language (English, Russian in Cyrillic, Russian in Latin letters) and, for
dialogues, by turn (the opening question, then the follow-ups).

Usage: python benchmarks/accuracy.py [--failures] [QUESTIONS.yaml | DIALOGUES.yaml ...]
A file whose top-level key is `dialogues:` is scored as dialogues.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.core.dialogues import dialogue_report, evaluate_dialogues, load_dialogues  # noqa: E402
from bot.core.engine import Engine  # noqa: E402
from bot.core.evaluation import evaluate, load_questions, report  # noqa: E402
from bot.core.loader import load  # noqa: E402


def is_dialogues(path: Path) -> bool:
    with path.open(encoding="utf-8") as handle:
        document = yaml.safe_load(handle)
    return isinstance(document, dict) and "dialogues" in document


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    data = ROOT / "tests" / "data"
    default = [*sorted(data.glob("questions*.yaml")), *sorted(data.glob("dialogues*.yaml"))]
    paths = [Path(a) for a in args] or default
    failures = "--failures" in sys.argv
    engine = Engine(load(ROOT / "knowledge"))
    for path in paths:
        print(f"=== {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
        if is_dialogues(path):
            turns = evaluate_dialogues(engine, load_dialogues(path))
            print(dialogue_report(turns, show_failures=failures))
        else:
            results = evaluate(engine, load_questions(path))
            print(report(results, engine, show_failures=failures))
        print()


if __name__ == "__main__":
    main()
