"""The engine holds a floor on the labelled questions (benchmarks/accuracy.py prints the detail).

These floors catch regressions; the targets in the issue are higher and are reported, not
asserted here. questions.yaml, questions_holdout.yaml and questions_holdout2.yaml have been
used while tuning (each was held out until the next was written); questions_holdout3.yaml was
written separately from facts.md alone and never tuned on. questions_holdout4.yaml was written
the same way later; its wrong answers have been studied, so it now counts as tuned on.
questions_holdout5.yaml was written the same way later still and, like holdout3, is never
tuned on: only its totals are looked at. questions_holdout6.yaml was written the same way on
2026-11-21, measured once (72.0% in-scope correct, 90.0% out-of-scope abstained), then studied.
questions_holdout7.yaml followed the same day: first measured at 64.4% in-scope correct, 9.6%
in-scope wrong and 91.3% out-of-scope abstained, then studied. questions_holdout8.yaml came in
the next session: first measured at 72.7% in-scope correct, 4.0% wrong and 88.6% out-of-scope
abstained, then studied. questions_holdout9.yaml followed it: first measured at 72.2% in-scope
correct, 3.4% wrong and 90.0% out-of-scope abstained; left untuned for four sessions (77.3%, 3.4%
and 94.3% then), and studied from 2026-11-22.
questions_holdout10.yaml came in the session after, also never tuned on: first measured at 75.6%
in-scope correct, 2.8% wrong and 91.4% out-of-scope abstained. questions_holdout11.yaml, the
next session's, was first measured at 74.0% in-scope correct, 5.6% wrong and 90.0% out-of-scope
abstained, then studied. questions_holdout12.yaml, written the session after, was first measured at
72.3% in-scope correct, 4.0% wrong and 90.0% out-of-scope abstained, then studied.
questions_holdout13.yaml, the session after's, was first measured on the engine that session
started from at 78.0% in-scope correct, 2.8% wrong and 88.6% out-of-scope abstained (5.0% wrong
overall); like holdouts 3 and 5 it is never tuned on. questions_holdout10.yaml is studied from
2026-11-22 (80.1%, 2.3% and 91.4% then). questions_holdout14.yaml, written that session by a helper
from facts.md alone (its labels checked against facts.md by another), was first measured on the
engine that session started from at 57.1% in-scope correct, 7.9% wrong and 88.6% out-of-scope
abstained (8.9% wrong overall): the hardest first look yet. It is never tuned on.
"""

from collections import Counter
from pathlib import Path

import pytest

from bot.core.evaluation import LabelledQuestion, evaluate, group, judge, load_questions

DATA = Path(__file__).parent / "data"
FLOORS = {
    # set: (in-scope correct at least, out-of-scope abstained at least, wrong overall at most)
    "questions.yaml": (0.85, 0.95, 0.03),
    "questions_holdout.yaml": (0.84, 0.96, 0.03),
    "questions_holdout2.yaml": (0.68, 0.98, 0.025),
    "questions_holdout3.yaml": (0.56, 0.96, 0.05),  # untuned: only its totals are ever looked at
    "questions_holdout4.yaml": (0.70, 0.90, 0.06),
    "questions_holdout5.yaml": (0.74, 0.88, 0.07),  # untuned, like holdout3: totals only
    "questions_holdout6.yaml": (0.74, 0.91, 0.05),  # measured 77.5%, 94.3%, 3.8%
    "questions_holdout7.yaml": (0.72, 0.89, 0.08),  # measured 75.3%, 92.6%, 6.2%
    "questions_holdout8.yaml": (0.75, 0.88, 0.06),  # measured 79.0%, 91.4%, 4.6%
    "questions_holdout9.yaml": (0.69, 0.87, 0.07),  # measured 73.3%, 90.0%, 5.0% (then untuned)
    "questions_holdout10.yaml": (0.72, 0.88, 0.06),  # first look 75.6%, 91.4%, 4.6%; studied
    "questions_holdout11.yaml": (0.70, 0.87, 0.08),  # first look: 74.0%, 90.0%, 6.5%
    "questions_holdout12.yaml": (0.69, 0.87, 0.08),  # first look: 72.3%, 90.0%, 5.8%
    "questions_holdout13.yaml": (0.75, 0.85, 0.07),  # untuned: first look 78.0%, 88.6%, 5.0%
    "questions_holdout14.yaml": (0.54, 0.85, 0.11),  # untuned: first look 57.1%, 88.6%, 8.9%
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_engine_holds_its_floor(real_engine, name):
    results = evaluate(real_engine, load_questions(DATA / name))
    in_scope = [r for r in results if group(r) == "in-scope"]
    out_of_scope = [r for r in results if group(r) == "out-of-scope"]
    correct = sum(r.outcome == "correct" for r in in_scope) / len(in_scope)
    abstained = sum(r.outcome == "correct" for r in out_of_scope) / len(out_of_scope)
    wrong = sum(r.outcome == "wrong" for r in results) / len(results)
    floor_correct, floor_abstain, ceiling_wrong = FLOORS[name]
    assert correct >= floor_correct
    assert abstained >= floor_abstain
    assert wrong <= ceiling_wrong


def test_engine_beats_the_plain_fuzzy_baseline(real_engine):
    results = evaluate(real_engine, load_questions(DATA / "questions.yaml"))
    engine_wrong = sum(r.outcome == "wrong" for r in results)
    baseline_wrong = sum(r.baseline == "wrong" for r in results)
    assert engine_wrong * 5 < baseline_wrong


def test_labelled_set_covers_every_style_a_fan_uses():
    questions = load_questions(DATA / "questions.yaml")
    assert len(questions) >= 300
    styles = Counter(q.style for q in questions)
    for style in ("typo", "slang", "long", "multi", "russian", "translit", "misspelled-name",
                  "nickname", "near-miss", "injection"):  # fmt: skip
        assert styles[style] >= 10, style
    expects = Counter(q.expect for q in questions)
    assert expects["abstain"] >= 100
    assert expects["misconception"] >= 10


def test_a_false_premise_is_corrected_only_by_an_entry_that_names_a_premise(real_engine):
    question = LabelledQuestion(
        q="cruise flew on ax-1, right?", expect="misconception", facts=("F-178",), style="plain",
        category="cruise",
    )  # fmt: skip
    refuting = real_engine.kb.entries["cruise-ax-1-crew"]
    assert refuting.kind == "fact"
    assert refuting.premise
    assert judge(question, "answered", refuting) == "correct"
    assert judge(question, "answered", refuting.model_copy(update={"premise": None})) == "wrong"
