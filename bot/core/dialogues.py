"""Accuracy on multi-turn dialogues: each turn judged like a labelled question, asked with the
context the earlier turns of its dialogue left, exactly as `python -m bot chat` asks it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field

from bot.core.conversation import Context
from bot.core.engine import Engine
from bot.core.evaluation import (
    Expect,
    LabelledQuestion,
    Outcome,
    judge,
    language_group,
    rates,
    reply_language_line,
    sliced,
)
from bot.core.language import detector
from bot.core.models import FactRef
from bot.core.reply import answer


class DialogueTurn(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    q: str
    expect: Expect
    facts: tuple[FactRef, ...] = ()
    note: str = ""


class Dialogue(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    turns: tuple[DialogueTurn, ...] = Field(min_length=1)


class DialogueSet(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    dialogues: tuple[Dialogue, ...] = Field(min_length=1)


@dataclass(frozen=True, slots=True)
class TurnResult:
    """One turn of a dialogue: its label (`style` first / follow-up), outcome and language."""

    dialogue: str
    number: int  # 1 for the opening question
    question: LabelledQuestion
    outcome: Outcome
    status: str
    entry: str | None
    language: str
    reply_lang: str


def load_dialogues(path: Path) -> tuple[Dialogue, ...]:
    with path.open(encoding="utf-8") as handle:
        return DialogueSet.model_validate(yaml.safe_load(handle)).dialogues


def evaluate_dialogues(engine: Engine, dialogues: Iterable[Dialogue]) -> list[TurnResult]:
    """Ask every dialogue's turns in order, each with the context the previous ones left."""
    results = []
    for dialogue in dialogues:
        context: Context | None = None
        language = "en"
        for number, turn in enumerate(dialogue.turns, start=1):
            # a turn whose words do not tell ("a u kruza?") is in the dialogue's language
            if detector(engine.kb).detect(turn.q) is not None:
                language = language_group(engine, turn.q)
            reply = answer(engine, turn.q, context=context)
            context = reply.context or context  # a non-answer leaves the last context as it was
            label = LabelledQuestion(
                q=turn.q,
                expect=turn.expect,
                facts=turn.facts,
                style="first" if number == 1 else "follow-up",
                category=dialogue.id,
            )
            results.append(
                TurnResult(
                    dialogue.id,
                    number,
                    label,
                    judge(label, reply.status, reply.entry),
                    reply.status,
                    reply.entry.id if reply.entry else None,
                    language,
                    reply.lang,
                )
            )
    return results


def dialogue_report(results: list[TurnResult], *, show_failures: bool = False) -> str:
    """Dialogue turns: the opening questions, the follow-ups, and both by language."""
    dialogues = len({r.dialogue for r in results})
    lines = [
        f"Dialogues: {dialogues}, turns: {len(results)}",
        "",
        f"{'slice':32} {'n':>4}  {'correct':>8} {'wrong':>6} {'abstain':>8}",
    ]

    def row(name: str, items: list[TurnResult]) -> str:
        e = rates(items)
        return (
            f"{name:32} {len(items):>4}  {e['correct']:>8.1%} {e['wrong']:>6.1%}"
            f" {e['abstained']:>8.1%}"
        )

    lines.append(row("ALL turns", results))
    slices: tuple[tuple[str, Callable[[TurnResult], str | None]], ...] = (
        ("by turn", lambda r: r.question.style or None),
        ("follow-ups by language", lambda r: r.language if r.number > 1 else None),
        ("by expectation", lambda r: r.question.expect or None),
    )
    lines.extend(sliced(results, slices, row))
    lines.append("")
    lines.append(reply_language_line(results))
    if show_failures:
        lines.append("")
        lines.append("Failures (outcome, status, entry, expected facts, dialogue#turn, question):")
        for r in results:
            if r.outcome != "correct":
                facts = ",".join(r.question.facts) or r.question.expect
                lines.append(
                    f"  {r.outcome:9} {r.status:9} {r.entry or '-':36} {facts:18}"
                    f" {r.dialogue}#{r.number} {r.question.q}"
                )
    return "\n".join(lines)
