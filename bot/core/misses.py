"""The misses report: unanswered questions grouped by likeness, each group with the entry it
came closest to and YAML to paste into the knowledge base; and the most-downvoted answers.

Questions are compared by what the engine reads in them (topic words and names, so "budget
of vyzov" and "сколько стоил Вызов" meet), with rapidfuzz over that normalised text. Shared by
`/kb misses` and `python -m bot misses`.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import yaml
from rapidfuzz import fuzz, process

from bot.core.engine import Engine
from bot.core.feedback import DownvotedAnswer, MissRecord
from bot.core.normalize import normalize, words

GROUP_SIMILARITY = 80.0  # token_set_ratio of two questions' readings to share a group
# token_set_ratio is 100 whenever one question's words are a subset of the other's; a floor on
# token_sort_ratio keeps a one-word question out of a group of long ones
SIZE_SIMILARITY = 50.0
MAX_MISSES = 5_000  # the newest looked at: 5,000 different questions group in about 1.5 s
MAX_GROUPS = 25
EXAMPLES = 3
PHRASINGS_OFFERED = 2
ALIAS_WORDS = 3  # a group of questions this short and without a question word: a name
TEXT_FLOOR = 60.0  # without candidates, a phrasing less alike than this is not "closest"
ARTICLES = frozenset({"a", "an", "the"})
QUESTION_WORDS = frozenset(
    normalize(
        "who what when where which why how whose is are did does was were will can "
        "кто что когда где какой какая какие почему зачем как сколько чей ли"
    ).split()
)


@dataclass(frozen=True, slots=True)
class MissGroup:
    count: int
    examples: tuple[str, ...]  # different questions, most asked first
    statuses: tuple[tuple[str, int], ...]
    closest: str | None  # the entry it came closest to, if any still exists
    closest_score: float  # the engine's best score for that entry (0..1)
    snippet: str  # YAML to paste, with a comment saying where
    last_at: dt.datetime


@dataclass(frozen=True, slots=True)
class MissesReport:
    days: int
    total: int  # misses in the period (all of them, even past MAX_MISSES)
    groups: tuple[MissGroup, ...]
    downvoted: tuple[DownvotedAnswer, ...]
    kb_version: str


def entity_codes(engine: Engine) -> dict[str, str]:
    """A short token per entity: a long id would make any two questions naming it look alike."""
    return {entity: f"@{number}" for number, entity in enumerate(sorted(engine.kb.entities))}


def reading_key(engine: Engine, question: str, codes: dict[str, str] | None = None) -> str:
    """What a question is about, as text to compare: its topic words and names, sorted. A
    question with no topic word the engine knows ("who made vyzov") keeps the kind of question
    and its own words instead, less the names' words, so "made" still tells it apart."""
    codes = codes if codes is not None else entity_codes(engine)
    reading = engine.lexicon.read(question)
    tokens = {*reading.concepts, *(codes.get(e, f"@{e}") for e in reading.entities)}
    if not reading.concepts:
        entities = [engine.kb.entities[e] for e in reading.entities]
        named = {w for e in entities for a in (e.name, *e.aliases) for w in normalize(a).split()}
        tokens |= set(normalize(question).split()) - named - ARTICLES
        if reading.qtype:
            tokens.add(reading.qtype)
    return " ".join(sorted(tokens)) or normalize(question)


def _alike(key: str, other: str) -> bool:
    return (
        fuzz.token_set_ratio(key, other) >= GROUP_SIMILARITY
        and fuzz.token_sort_ratio(key, other) >= SIZE_SIMILARITY
    )


def cluster(keys: Sequence[str]) -> list[list[int]]:
    """Indexes of `keys` in groups: each key joins the first earlier group whose leader is alike."""
    leaders: list[str] = []
    groups: list[list[int]] = []
    for index, key in enumerate(keys):
        hits = process.extract(
            key, leaders, scorer=fuzz.token_set_ratio, score_cutoff=GROUP_SIMILARITY, limit=None
        )
        # earliest group first: the leaders are in order of how often they were asked
        for _, _, position in sorted(hits, key=lambda hit: hit[2]):
            if _alike(key, leaders[position]):
                groups[position].append(index)
                break
        else:
            leaders.append(key)
            groups.append([index])
    return groups


def group_misses(misses: Sequence[MissRecord], engine: Engine) -> list[MissGroup]:
    """Misses grouped by likeness, biggest group first."""
    recent = sorted(misses, key=lambda m: m.at, reverse=True)[:MAX_MISSES]
    by_key: dict[str, list[MissRecord]] = defaultdict(list)
    codes = entity_codes(engine)
    for miss in recent:
        by_key[reading_key(engine, miss.question, codes)].append(miss)
    keys = sorted(by_key, key=lambda k: (-len(by_key[k]), k))
    groups = [
        [miss for index in indexes for miss in by_key[keys[index]]] for indexes in cluster(keys)
    ]
    groups.sort(key=lambda ms: (-len(ms), -max(m.at for m in ms).timestamp()))
    phrasings = {
        (entry.id, n): normalize(p)
        for entry in engine.kb.entries.values()
        for n, p in enumerate(entry.phrasings)
    }
    return [_group(members, engine, phrasings) for members in groups[:MAX_GROUPS]]


def _group(
    members: list[MissRecord], engine: Engine, phrasings: dict[tuple[str, int], str]
) -> MissGroup:
    asked = Counter(as_phrasing(m.question) or m.question for m in members)
    examples = tuple(q for q, _ in asked.most_common(EXAMPLES))
    closest, score = _closest(members, engine, phrasings)
    return MissGroup(
        count=len(members),
        examples=examples,
        statuses=tuple(Counter(m.status for m in members).most_common()),
        closest=closest,
        closest_score=score,
        snippet=snippet(engine, closest, [q for q, _ in asked.most_common(PHRASINGS_OFFERED)]),
        last_at=max(m.at for m in members),
    )


def _closest(
    members: list[MissRecord], engine: Engine, phrasings: dict[tuple[str, int], str]
) -> tuple[str | None, float]:
    """The entry with the highest total score across the group's candidates, if it exists."""
    total: dict[str, float] = defaultdict(float)
    best: dict[str, float] = {}
    for miss in members:
        for candidate in miss.candidates:
            if candidate.entry_id in engine.kb.entries:
                total[candidate.entry_id] += candidate.score
                best[candidate.entry_id] = max(best.get(candidate.entry_id, 0.0), candidate.score)
    if total:
        entry_id = max(total, key=lambda e: (total[e], e))
        return entry_id, best[entry_id]
    # no candidate survives (or none was recorded): the closest phrasing, by text
    found = process.extractOne(
        normalize(members[0].question), phrasings, scorer=fuzz.token_set_ratio
    )
    if found is None or found[1] < TEXT_FLOOR:
        return None, 0.0
    return found[2][0], round(found[1] / 100, 3)


def _yaml_item(text: str, indent: int) -> str:
    dumped = yaml.safe_dump([text], allow_unicode=True, width=10_000).strip()
    return " " * indent + dumped


def as_phrasing(question: str) -> str:
    """A question as the knowledge base writes phrasings: lower case, no final punctuation."""
    return " ".join(question.split()).rstrip("?!.… ").lower()


def snippet(engine: Engine, entry_id: str | None, questions: Sequence[str]) -> str:
    """Ready-to-paste YAML: phrasings for the entry, an alias for what it is about, or a new
    entry when nothing came close. A comment line says where it goes."""
    kb = engine.kb
    phrasings = list(dict.fromkeys(p for p in map(as_phrasing, questions) if p))
    if entry_id is None or entry_id not in kb.entries:
        lines = [
            "# no entry came close: a new entry, in the entries file of its topic",
            "  - id: new-entry-id",
            "    work: the-challenge",
            "    asks: [what]",
            "    phrasings:",
            *(_yaml_item(p, 6) for p in phrasings),
            "    answer: ...",
            "    citations: [{source: source-id, where: ...}]",
        ]
        return "\n".join(lines)
    entry = kb.entries[entry_id]
    where = kb.entry_files.get(entry_id, "the entries file")
    named = [e for e in (*entry.about, entry.work) if e and e in kb.entities]
    short = all(
        len(words(q)) <= ALIAS_WORDS and not set(normalize(q).split()) & QUESTION_WORDS
        for q in questions
    )
    known = {normalize(a) for e in named for a in (kb.entities[e].name, *kb.entities[e].aliases)}
    if short and named and not {normalize(q) for q in questions} & known:
        entity = kb.entities[named[0]]
        return "\n".join(
            [
                f"# another name for {entity.id}? add to its aliases (the file defining it):",
                *(_yaml_item(" ".join(q.split()), 6) for q in questions),
            ]
        )
    return "\n".join(
        [
            f"# {where}, entry {entry_id}: add under phrasings (then: python -m bot kb validate)",
            *(_yaml_item(p, 6) for p in phrasings),
        ]
    )


def build_report(
    misses: Sequence[MissRecord],
    downvoted: Sequence[DownvotedAnswer],
    engine: Engine,
    *,
    days: int,
) -> MissesReport:
    return MissesReport(
        days=days,
        total=len(misses),
        groups=tuple(group_misses(misses, engine)),
        downvoted=tuple(downvoted),
        kb_version=engine.kb.version,
    )


def report_text(report: MissesReport) -> str:
    """The report for a terminal (`python -m bot misses`)."""
    lines = [
        f"Misses in the last {report.days} day(s): {report.total} question(s) in "
        f"{len(report.groups)} group(s) shown (knowledge base {report.kb_version}).",
    ]
    for number, group in enumerate(report.groups, start=1):
        lines += ["", f"{number}. {group.count}x {group.examples[0]!r}  ({status_text(group)})"]
        if group.examples[1:]:
            lines.append("   also: " + ", ".join(repr(q) for q in group.examples[1:]))
        if group.closest:
            lines.append(f"   closest entry: {group.closest} (score {group.closest_score:.2f})")
        lines += ["   " + line for line in group.snippet.splitlines()]
    lines += ["", "Most-downvoted answers:" if report.downvoted else "No downvoted answers."]
    for number, answer in enumerate(report.downvoted, start=1):
        lines.append(f"{number}. {answer.entry_id}: {votes_text(answer)}")
        if answer.questions:
            lines.append("   asked as: " + ", ".join(repr(q) for q in answer.questions))
    return "\n".join(lines)


def status_text(group: MissGroup) -> str:
    names = {"abstained": "unanswered", "ambiguous": "asked which film", "answered": "unsure"}
    return ", ".join(f"{count} {names.get(status, status)}" for status, count in group.statuses)


def votes_text(answer: DownvotedAnswer) -> str:
    reasons = ", ".join(f"{reason} {count}" for reason, count in answer.reasons)
    return f"{answer.down} down, {answer.up} up; reasons: {reasons}"
