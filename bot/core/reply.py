"""Turn an engine decision into a reply: the words a person reads and the sources behind them.

The same `Reply` feeds the command line, the JSON output and Discord embeds, so all of them
say the same thing. Nothing from the user's own text is ever copied into a reply. A reply is
in the asker's language: the Russian texts of the knowledge base and `phrases.RUSSIAN`, with
the English text of an entry where its Russian one is missing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from bot.core.analysis import Reading
from bot.core.conversation import Context, changes_topic, context_after, unanswered_context
from bot.core.dates import PartialDate, months_between
from bot.core.engine import Decision, Engine
from bot.core.language import Lang, LangChoice, choose
from bot.core.models import Citation, Entry, ReleaseEvent, Source
from bot.core.normalize import has_cyrillic
from bot.core.phrases import ENGLISH, PHRASES

STALE_AFTER_MONTHS = 3  # older "as of" information gets a visible note about its age
NO_QUESTION = ENGLISH.no_question
DONT_KNOW = ENGLISH.dont_know
WHICH_WORK = ENGLISH.which_work
MORE_QUESTIONS = ENGLISH.more_questions


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
    lang: Lang = "en"
    options: tuple[Entry, ...] = ()  # the entries `suggestions` ask, in the same order
    context: Context | None = None  # what a follow-up question may lean on; None: keep the last


def as_question(phrasing: str) -> str:
    """`who directed vyzov` -> `Who directed vyzov?` (suggestions read as questions)."""
    text = phrasing.strip().rstrip("?. ")
    return (text[:1].upper() + text[1:] + "?") if text else text


def suggestion(entry: Entry, lang: Lang = "en") -> str:
    """The entry's own question to offer: its first phrasing, or its first Russian one."""
    if lang == "ru":
        russian = next((p for p in entry.phrasings if has_cyrillic(p)), None)
        if russian:
            return as_question(russian)
    return as_question(entry.phrasings[0])


def answer(
    engine: Engine,
    question: str,
    *,
    today: dt.date | None = None,
    lang: LangChoice = "auto",
    fallback: Lang | None = None,
    context: Context | None = None,
) -> Reply:
    """Answer one question with citations, or say honestly that it is not known.

    `lang` "auto" answers in the question's language; when its words do not tell (only names),
    in `fallback`, else the conversation's language, else English. `context` is what this
    asker was last answered (see bot.core.conversation).
    """
    reply, _ = answer_and_decision(
        engine, question, today=today, lang=lang, fallback=fallback, context=context
    )
    return reply


def answer_and_decision(
    engine: Engine,
    question: str,
    *,
    today: dt.date | None = None,
    lang: LangChoice = "auto",
    fallback: Lang | None = None,
    context: Context | None = None,
) -> tuple[Reply, Decision]:
    """`answer`, plus the engine's decision behind it (what matched, and how well)."""
    fallback = fallback or (context.lang if context is not None else "en")
    chosen = choose(engine.kb, question, lang, fallback)
    decision = engine.decide(question, context)
    today = today or dt.datetime.now(dt.UTC).date()
    reply = compose(engine, question, decision, today=today, lang=chosen, before=context)
    return reply, decision


def compose(
    engine: Engine,
    question: str,
    decision: Decision,
    *,
    today: dt.date,
    lang: Lang = "en",
    before: Context | None = None,
) -> Reply:
    """The reply to `decision`; `before` is the context the question was asked in."""
    words = PHRASES[lang]
    options = decision.suggestions
    suggestions = tuple(suggestion(e, lang) for e in options)
    top = decision.ranked[0].score if decision.ranked else 0.0
    if decision.status == "empty":
        return Reply(
            question, "empty", False, words.no_question, 0.0, None,
            suggestions=suggestions, lang=lang, options=options,
        )  # fmt: skip
    if decision.status == "ambiguous":
        return Reply(
            question, "ambiguous", False, words.which_work, round(top, 3), None,
            suggestions=suggestions, lang=lang, options=options,
            context=context_after(decision.reading, None, engine.kb, lang),
        )  # fmt: skip
    if decision.status == "abstained" or decision.best is None:
        text = words.dont_know + (words.maybe_these if suggestions else "")
        return Reply(
            question, "abstained", False, text, round(top, 3), None,
            suggestions=suggestions, lang=lang, options=options,
            # what the question itself named, not what it was read with from the last answer
            context=unanswered_context(
                _as_named(engine, question),
                engine.kb,
                lang,
                before,
                new_topic=changes_topic(question),
            ),
        )  # fmt: skip
    entry = decision.best.entry
    citations = _Numbering(engine)
    markers = citations.add(entry.citations)
    russian = lang == "ru"
    lines = [f"{(entry.answer_ru if russian else None) or entry.answer} {markers}".strip()]
    for version in entry.versions:
        tag = words.better_supported if version.preferred else ""
        claim = (version.claim_ru if russian else None) or version.claim
        lines.append(f"• {claim}{tag} {citations.add(version.citations)}")
    for event_id in entry.events:
        event = engine.kb.releases[event_id]
        lines.append(f"• {event_line(event, today, lang)} {citations.add(event.citations)}")
    notes = []
    if entry.as_of:
        notes.append(as_of_note(PartialDate.parse(entry.as_of), today, lang))
    if decision.reading.more_questions:
        notes.append(words.more_questions)
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
        lang=lang,
        context=context_after(decision.reading, entry, engine.kb, lang),
    )


def _as_named(engine: Engine, question: str) -> Reading:
    """The question's reading, with the names of every question in it ("who commanded it, is
    it Novitsky or Novitskiy?": the second names him)."""
    reading = engine.lexicon.read(question)
    whole = engine.lexicon.read_entry_text(question).entities
    return replace(reading, entities=tuple(dict.fromkeys((*reading.entities, *whole))))


def event_line(event: ReleaseEvent, today: dt.date, lang: Lang = "en") -> str:
    """One dated line, its tense taken from today's date so it never goes stale."""
    words = PHRASES[lang]
    russian = lang == "ru"
    label = (event.label_ru if russian else None) or event.label
    region_name = (event.region_ru if russian else None) or event.region
    when = event.when
    region = f" ({region_name})" if event.region and event.region != "worldwide" else ""
    if when is None:
        return f"{label}{region}: {words.no_date} ({words.status(event.status)})"
    date = when.human(lang)
    if event.status == "planned":
        verb = words.planned_for if not when.is_past(today) else words.was_planned_for
        return f"{label}{region}: {verb} {date}"
    status = "" if event.status == "confirmed" else f" ({words.status(event.status)})"
    return f"{date}: {label}{region}{status}"


def as_of_note(as_of: PartialDate, today: dt.date, lang: Lang = "en") -> str:
    words = PHRASES[lang]
    age = months_between(as_of.earliest(), today)
    date = as_of.human(lang)
    if age < STALE_AFTER_MONTHS:
        return words.as_of.format(date=date)
    return words.stale.format(date=date, age=words.months(age))


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
