"""Turn an engine decision into a reply: the words a person reads and the sources behind them.

The same `Reply` feeds the command line, the JSON output and (later) Discord embeds, so all
of them say the same thing. Nothing from the user's own text is ever copied into a reply.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from bot.core.dates import PartialDate, months_between
from bot.core.engine import Decision, Engine
from bot.core.models import Citation, Entry, ReleaseEvent, Source

STALE_AFTER_MONTHS = 3  # older "as of" information gets a visible note about its age
NO_QUESTION = "Ask me anything about «The Challenge» (Вызов, 2023) or Tom Cruise's space film."
DONT_KNOW = "Sorry, I don't know that one, and I'd rather say so than guess."
WHICH_WORK = (
    "Which film do you mean: «The Challenge» (Вызов, 2023), the Russian film shot on the ISS, "
    "or Tom Cruise's planned space film?"
)
MORE_QUESTIONS = "You asked more than one thing: I answered the first. Ask the others separately."


@dataclass(frozen=True, slots=True)
class CitedSource:
    number: int
    source: Source
    where: str


@dataclass(frozen=True, slots=True)
class Reply:
    """A finished reply. `text` is exactly what the command line shows (citations aside)."""

    question: str
    status: str
    answered: bool
    text: str
    confidence: float
    entry: Entry | None
    citations: tuple[CitedSource, ...] = ()
    suggestions: tuple[str, ...] = ()
    spoiler: bool = False
    more_questions: bool = False
    notes: tuple[str, ...] = field(default=())


def as_question(phrasing: str) -> str:
    """`who directed vyzov` -> `Who directed vyzov?` (suggestions read as questions)."""
    text = phrasing.strip().rstrip("?. ")
    return (text[:1].upper() + text[1:] + "?") if text else text


def answer(engine: Engine, question: str, *, today: dt.date | None = None) -> Reply:
    """Answer one question with citations, or say honestly that it is not known."""
    decision = engine.decide(question)
    return compose(engine, question, decision, today=today or dt.datetime.now(dt.UTC).date())


def compose(engine: Engine, question: str, decision: Decision, *, today: dt.date) -> Reply:
    suggestions = tuple(as_question(e.phrasings[0]) for e in decision.suggestions)
    top = decision.ranked[0].score if decision.ranked else 0.0
    if decision.status == "empty":
        return Reply(question, "empty", False, NO_QUESTION, 0.0, None, suggestions=suggestions)
    if decision.status == "ambiguous":
        return Reply(
            question, "ambiguous", False, WHICH_WORK, round(top, 3), None, suggestions=suggestions
        )
    if decision.status == "abstained" or decision.best is None:
        text = DONT_KNOW + (" Maybe one of these?" if suggestions else "")
        return Reply(
            question, "abstained", False, text, round(top, 3), None, suggestions=suggestions
        )
    entry = decision.best.entry
    citations = _Numbering(engine)
    markers = citations.add(entry.citations)
    lines = [f"{entry.answer} {markers}".strip()]
    for version in entry.versions:
        tag = " (better supported)" if version.preferred else ""
        lines.append(f"• {version.claim}{tag} {citations.add(version.citations)}")
    for event_id in entry.events:
        event = engine.kb.releases[event_id]
        lines.append(f"• {event_line(event, today)} {citations.add(event.citations)}")
    notes = []
    if entry.as_of:
        notes.append(as_of_note(PartialDate.parse(entry.as_of), today))
    if decision.reading.more_questions:
        notes.append(MORE_QUESTIONS)
    text = "\n".join([*lines, *(n for n in notes if n)])
    return Reply(
        question,
        "answered",
        True,
        text,
        round(min(decision.best.score, 1.0), 3),
        entry,
        citations.cited(),
        spoiler=entry.spoiler,
        more_questions=decision.reading.more_questions,
        notes=tuple(n for n in notes if n),
    )


def event_line(event: ReleaseEvent, today: dt.date) -> str:
    """One dated line, its tense taken from today's date so it never goes stale."""
    when = event.when
    region = f" ({event.region})" if event.region and event.region != "worldwide" else ""
    if when is None:
        return f"{event.label}{region}: no date announced ({event.status})"
    date = when.human()
    if event.status == "planned":
        verb = "planned for" if not when.is_past(today) else "was planned for"
        return f"{event.label}{region}: {verb} {date}"
    status = "" if event.status == "confirmed" else f" ({event.status})"
    return f"{date}: {event.label}{region}{status}"


def as_of_note(as_of: PartialDate, today: dt.date) -> str:
    age = months_between(as_of.earliest(), today)
    if age < STALE_AFTER_MONTHS:
        return f"(As of {as_of.human()}.)"
    return (
        f"(Our latest information is from {as_of.human()}, {age} months ago; it may have changed.)"
    )


class _Numbering:
    """Numbers sources in order of first use, so `[1]` means the same source throughout."""

    def __init__(self, engine: Engine) -> None:
        self._sources = engine.kb.sources
        self._numbers: dict[str, int] = {}
        self._cited: list[CitedSource] = []

    def add(self, citations: tuple[Citation, ...]) -> str:
        marks = []
        for citation in citations:
            if citation.source not in self._numbers:
                number = len(self._numbers) + 1
                self._numbers[citation.source] = number
                source = self._sources[citation.source]
                self._cited.append(CitedSource(number, source, citation.where))
            marks.append(f"[{self._numbers[citation.source]}]")
        return "".join(dict.fromkeys(marks))

    def cited(self) -> tuple[CitedSource, ...]:
        return tuple(self._cited)
