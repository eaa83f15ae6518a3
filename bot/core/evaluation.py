"""Accuracy on the labelled question set, beside a plain fuzzy-matching baseline.

An outcome is `correct`, `wrong` (answered, but not with an acceptable entry) or `abstained`
(no answer: "I don't know" or "which film?"). Abstaining on an out-of-scope question is
correct; answering it is wrong. Questions are also grouped by language (English, Russian in
Cyrillic, Russian in Latin letters). Dialogues are scored in bot.core.dialogues.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field
from rapidfuzz import fuzz, process, utils

from bot.core.engine import Engine
from bot.core.language import detector
from bot.core.models import Entry, FactRef
from bot.core.normalize import has_cyrillic

BASELINE_CUTOFF = 85.0  # a typical FAQ-bot cut-off for WRatio over all phrasings
Outcome = Literal["correct", "wrong", "abstained"]
Expect = Literal["answer", "misconception", "ambiguous", "abstain"]
LANGUAGE_GROUPS = ("en", "ru-cyrillic", "ru-translit")
RUSSIAN_STYLES = frozenset({"russian", "translit"})  # labelled as Russian whatever is detected


class LabelledQuestion(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    q: str
    expect: Expect
    facts: tuple[FactRef, ...] = ()
    style: str
    category: str
    note: str = ""


class QuestionSet(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    questions: tuple[LabelledQuestion, ...] = Field(min_length=1)


@dataclass(frozen=True, slots=True)
class Result:
    question: LabelledQuestion
    outcome: Outcome
    status: str
    entry: str | None
    baseline: Outcome
    baseline_entry: str | None
    language: str = "en"  # en, ru-cyrillic or ru-translit: the question's
    reply_lang: str = "en"  # the language the bot answered in


def load_questions(path: Path) -> tuple[LabelledQuestion, ...]:
    with path.open(encoding="utf-8") as handle:
        return QuestionSet.model_validate(yaml.safe_load(handle)).questions


def language_group(engine: Engine, text: str, style: str = "") -> str:
    """`en`, `ru-cyrillic` or `ru-translit`: by the label's style, else by the detector."""
    russian = style in RUSSIAN_STYLES or detector(engine.kb).detect(text) == "ru"
    if not russian:
        return "en"
    return "ru-cyrillic" if has_cyrillic(text) else "ru-translit"


def judge(question: LabelledQuestion, status: str, entry: Entry | None) -> Outcome:
    """Score one reply against its label."""
    answered = status == "answered" and entry is not None
    if question.expect in ("abstain", "ambiguous"):
        if answered:
            return "wrong"
        if question.expect == "ambiguous":
            return "correct" if status == "ambiguous" else "abstained"
        return "correct"
    if not answered or entry is None:
        return "abstained"
    # any other fact does not address the premise
    if question.expect == "misconception" and not entry.weighs_beliefs:
        return "wrong"
    return "correct" if set(question.facts) & set(entry.fact_refs) else "wrong"


def baseline(engine: Engine) -> Callable[[str], Entry | None]:
    """What many FAQ bots do: fuzzy-match the whole question against every phrasing."""
    choices = {p: e for e in engine.kb.entries.values() for p in e.phrasings}
    texts = list(choices)

    def pick(question: str) -> Entry | None:
        hit = process.extractOne(
            question, texts, scorer=fuzz.WRatio, processor=utils.default_process,
            score_cutoff=BASELINE_CUTOFF,
        )  # fmt: skip
        return choices[hit[0]] if hit else None

    return pick


def evaluate(engine: Engine, questions: Iterable[LabelledQuestion]) -> list[Result]:
    plain = baseline(engine)
    results = []
    for question in questions:
        decision = engine.decide(question.q)
        entry = decision.best.entry if decision.best else None
        base_entry = plain(question.q)
        base_status = "answered" if base_entry else "abstained"
        results.append(
            Result(
                question,
                judge(question, decision.status, entry),
                decision.status,
                entry.id if entry else None,
                judge(question, base_status, base_entry),
                base_entry.id if base_entry else None,
                language=language_group(engine, question.q, question.style),
                reply_lang=detector(engine.kb).detect(question.q) or "en",
            )
        )
    return results


S = TypeVar("S")  # a kind of result: a question's or a dialogue turn's


class Scored(Protocol):
    """A judged question or dialogue turn."""

    @property
    def outcome(self) -> Outcome: ...
    @property
    def language(self) -> str: ...
    @property
    def reply_lang(self) -> str: ...


def rates(results: Iterable[Scored], *, use_baseline: bool = False) -> dict[str, float]:
    counts = Counter(
        r.baseline if use_baseline and isinstance(r, Result) else r.outcome for r in results
    )
    total = sum(counts.values()) or 1
    return {k: counts[k] / total for k in ("correct", "wrong", "abstained")} | {"n": float(total)}


def group(result: Result) -> str:
    return {"answer": "in-scope", "misconception": "in-scope"}.get(
        result.question.expect,
        "out-of-scope" if result.question.expect == "abstain" else "ambiguous",
    )


def report(results: list[Result], engine: Engine, *, show_failures: bool = False) -> str:
    lines = [
        f"Labelled questions: {len(results)}   knowledge base {engine.kb.version}: "
        f"{len(engine.kb.entries)} entries",
        "",
        f"{'slice':32} {'n':>4}  {'engine: correct  wrong  abstain':>32}"
        f"  {'baseline: correct  wrong':>26}",
    ]

    def row(name: str, items: list[Result]) -> str:
        e, b = rates(items), rates(items, use_baseline=True)
        return (
            f"{name:32} {len(items):>4}  {e['correct']:>15.1%} {e['wrong']:>6.1%}"
            f" {e['abstained']:>8.1%}"
            f"  {b['correct']:>18.1%} {b['wrong']:>6.1%}"
        )

    lines.append(row("ALL", results))
    slices: tuple[tuple[str, Callable[[Result], str | None]], ...] = (
        ("by scope", group),
        ("by expectation", lambda r: r.question.expect),
        ("by language", lambda r: r.language),
        ("by style", lambda r: r.question.style),
        ("by category", lambda r: r.question.category),
    )
    lines.extend(sliced(results, slices, row))
    lines.append("")
    lines.append(reply_language_line(results))
    if show_failures:
        lines.append("")
        lines.append("Failures (outcome, status, entry, expected facts, question):")
        for r in results:
            if r.outcome != "correct":
                facts = ",".join(r.question.facts) or r.question.expect
                lines.append(
                    f"  {r.outcome:9} {r.status:9} {r.entry or '-':40} {facts:18} {r.question.q}"
                )
    return "\n".join(lines)


def sliced(
    results: Iterable[S],
    slices: Iterable[tuple[str, Callable[[S], str | None]]],
    row: Callable[[str, list[S]], str],
) -> list[str]:
    """Report lines: for each slice a title, then one row per value of its key, in order.

    A key of None leaves the result out of that slice."""
    lines: list[str] = []
    results = list(results)
    for title, key in slices:
        buckets: dict[str, list[S]] = defaultdict(list)
        for result in results:
            if (name := key(result)) is not None:
                buckets[name].append(result)
        lines.append(f"-- {title}")
        lines.extend(row(f"  {name}", items) for name, items in sorted(buckets.items()))
    return lines


def reply_language_line(results: Iterable[Scored]) -> str:
    """How often the reply is in the asker's language (Russian for both Russian groups)."""
    by_group: dict[str, list[bool]] = defaultdict(list)
    for r in results:
        by_group[r.language].append(r.reply_lang == ("en" if r.language == "en" else "ru"))
    parts = [
        f"{group} {sum(ok) / len(ok):.1%}"
        for group in LANGUAGE_GROUPS
        if (ok := by_group.get(group))
    ]
    return "Reply in the asker's language: " + ", ".join(parts)
