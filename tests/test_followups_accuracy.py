"""Follow-up turns of the labelled dialogues hold a floor (benchmarks/accuracy.py has detail).

Each turn is judged like a labelled question, asked with the context the earlier turns of its
dialogue left, as `python -m bot chat` and Discord do. The issue's target is 95% of follow-ups
correct; these floors only catch regressions. dialogues.yaml has been tuned on;
dialogues_holdout.yaml was written later from facts.md alone, first measured at 64.3% of
follow-ups correct and 15.7% wrong, and its failures have since been studied too.
dialogues_holdout2.yaml was written the same way later, first measured at 54.2% of follow-ups
correct and 9.7% wrong, then studied. dialogues_holdout3.yaml came next, first measured at
64.0% of follow-ups correct and 14.7% wrong, then studied. dialogues_holdout4.yaml, the next
session's, was first measured at 57.0% of follow-ups correct and 17.7% wrong, then studied;
dialogues_holdout5.yaml, written after that session's changes, at 57.9% and 15.8%, then studied.
dialogues_holdout6.yaml, the session after's, was first measured at 56.0% and 10.7%, then studied.
dialogues_holdout7.yaml, the next session's, was first measured at 67.5% and 6.5%, then studied.
dialogues_holdout8.yaml, the session after's, was first measured at 70.7% and 8.5%; it was left
untuned for two sessions (74.4% and 7.3% then), and studied after. dialogues_holdout9.yaml, the
next session's, was first measured at 66.7% and 12.2% on the engine that session started from;
it was not tuned on for a session (71.1% and 11.1% then), and is studied from 2026-11-22.
dialogues_holdout10.yaml, the session after's, was first measured at 56.7% and 16.7% on
the engine that session started from; it was never tuned on for two sessions (60.0% and 13.3%
then), and is studied from 2026-11-22. dialogues_holdout11.yaml, the next session's, was first
measured at 62.6% and 8.8% on the engine that session started from; it is never tuned on.
dialogues_holdout12.yaml, written on 2026-11-22, was first measured at 53.2% and 11.7% (first
turns 60.0% correct, 15.0% wrong) on the engine that session started from; never tuned on either.
"""

from pathlib import Path

import pytest

from bot.core.dialogues import evaluate_dialogues, load_dialogues

DATA = Path(__file__).parent / "data"
FLOORS = {
    # file: (follow-ups correct at least, follow-ups wrong at most, first turns correct at least)
    "dialogues.yaml": (0.93, 0.025, 0.95),  # measured 96.5%, 0.0%, 100% (85 follow-ups)
    "dialogues_holdout.yaml": (0.70, 0.09, 0.80),  # measured 77.1%, 8.6%, 90.0% (70 follow-ups)
    "dialogues_holdout2.yaml": (0.63, 0.09, 0.70),  # measured 66.7%, 6.9%, 72.5% (72 follow-ups)
    "dialogues_holdout3.yaml": (0.72, 0.11, 0.88),  # measured 74.7%, 9.3%, 95.0% (75 follow-ups)
    "dialogues_holdout4.yaml": (0.72, 0.09, 0.80),  # measured 75.9%, 6.3%, 85.0% (79 follow-ups)
    "dialogues_holdout5.yaml": (0.68, 0.14, 0.92),  # measured 72.4%, 11.8%, 97.5% (76 follow-ups)
    "dialogues_holdout6.yaml": (0.52, 0.14, 0.80),  # measured 56.0%, 10.7%, 85.0% (75 follow-ups)
    "dialogues_holdout7.yaml": (0.63, 0.09, 0.82),  # first look 67.5%, 6.5%, 87.5% (77 follow-ups)
    "dialogues_holdout8.yaml": (0.66, 0.11, 0.90),  # first look 70.7%, 8.5%, 95.0% (82 follow-ups)
    "dialogues_holdout9.yaml": (0.64, 0.15, 0.87),  # first look 66.7%, 12.2%, 92.5% (90 follow-ups)
    "dialogues_holdout10.yaml": (0.53, 0.19, 0.78),  # first look 56.7%, 16.7%, 82.5%; studied
    "dialogues_holdout11.yaml": (0.59, 0.11, 0.87),  # untuned: 62.6%, 8.8%, 90.0% (91 follow-ups)
    "dialogues_holdout12.yaml": (0.50, 0.14, 0.55),  # untuned: 53.2%, 11.7%, 60.0% (94 follow-ups)
}


@pytest.fixture(scope="module", params=sorted(FLOORS))
def dialogue_set(request, real_engine):
    name = request.param
    return name, evaluate_dialogues(real_engine, load_dialogues(DATA / name))


def test_follow_up_turns_hold_their_floor(dialogue_set):
    name, turns = dialogue_set
    floor_correct, ceiling_wrong, _ = FLOORS[name]
    follow_ups = [t for t in turns if t.number > 1]
    assert sum(t.outcome == "correct" for t in follow_ups) / len(follow_ups) >= floor_correct
    assert sum(t.outcome == "wrong" for t in follow_ups) / len(follow_ups) <= ceiling_wrong


def test_first_turns_hold_their_floor(dialogue_set):
    name, turns = dialogue_set
    first = [t for t in turns if t.number == 1]
    assert sum(t.outcome == "correct" for t in first) / len(first) >= FLOORS[name][2]


def test_each_turn_is_answered_in_its_own_language(dialogue_set):
    _, turns = dialogue_set
    wrong_language = [
        t.question.q for t in turns if t.reply_lang != ("en" if t.language == "en" else "ru")
    ]
    assert len(wrong_language) <= len(turns) * 0.03
