"""The answer engine: pick the one entry that answers a question, or abstain.

A wrong answer is far worse than none, so an entry is chosen only when
- every topic word of the question is one the entry is about (coverage),
- every entity the question names belongs to the entry (a question about Tom Cruise's
  birthday never lands on Peresild's),
- the kind of question (who / when / how many ...) is one the entry answers,
- it belongs to the work the question is about (decided before scoring), and
- it beats the runner-up by a clear margin.
Thresholds are named here and measured by benchmarks/accuracy.py.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Literal

from bot.core.analysis import Lexicon, Reading
from bot.core.lexicon import COMPATIBLE_ASKS
from bot.core.loader import KnowledgeBase
from bot.core.models import Entry

ANSWER_THRESHOLD = 0.62  # below this confidence the engine abstains
CLEAR_MARGIN = 0.06  # the best entry must beat the runner-up (another entry) by this much
AMBIGUITY_GAP = 0.08  # best entries of both works this close, with no work named: ask which
SUGGESTION_FLOOR = 0.1  # weaker candidates share nothing useful with the question
OTHER_WORK_FLOOR = 0.3  # "the space movie": offer the other work only if it has a fair match
MAX_SUGGESTIONS = 3
ENTITY_WEIGHT = 2.0  # a named entity counts like a rare topic word
PARTIAL_ENTITY = 0.6  # a person of the right work, where the entry names nobody of that kind
UNKNOWN_WORD_SHARE = 0.8  # words the knowledge base never uses weigh this share of the rarest
QTYPE_MISMATCH = 0.5  # "when" asked of an entry that answers only "who"
OUT_OF_SCOPE = 0.2  # a name that is not ours (MTV's The Challenge) and the entry does not know
DICE_SHARE = 0.4  # how much the closest phrasing counts against topic coverage
CANDIDATE_LIMIT = 60  # entries fully scored after the cheap inverted-index pass

Status = Literal["answered", "ambiguous", "abstained", "empty"]


@dataclass(frozen=True, slots=True)
class Candidate:
    entry: Entry
    score: float
    phrasing: str


@dataclass(frozen=True, slots=True)
class Decision:
    """What the engine decided for one question, before it is put into words."""

    status: Status
    reading: Reading
    best: Candidate | None
    ranked: tuple[Candidate, ...]
    suggestions: tuple[Entry, ...]


@dataclass(frozen=True, slots=True)
class _Indexed:
    entry: Entry
    vocabulary: frozenset[str]
    entities: frozenset[str]
    phrasings: tuple[tuple[str, frozenset[str]], ...]
    person_kinds: frozenset[str]


class Engine:
    """Answers questions from one validated knowledge base (immutable: reload = build anew)."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        aliases = {a: e.id for e in kb.entities.values() for a in (e.name, *e.aliases)}
        texts = [t for entry in kb.entries.values() for t in (*entry.phrasings, *entry.keywords)]
        self.lexicon = Lexicon(aliases, (w for t in texts for w in t.split()))
        readings = {
            entry.id: [self.lexicon.read(p, correct_typos=False) for p in entry.phrasings]
            for entry in kb.entries.values()
        }
        self.lexicon.set_concept_vocabulary(
            c for rs in readings.values() for r in rs for c in r.concepts
        )
        self._indexed: list[_Indexed] = []
        for entry in kb.entries.values():
            keyword_readings = [self.lexicon.read(k, correct_typos=False) for k in entry.keywords]
            phrasings = tuple(
                (text, frozenset(r.concepts) | {_entity_token(e) for e in r.entities})
                for text, r in zip(entry.phrasings, readings[entry.id], strict=True)
            )
            everything = [*readings[entry.id], *keyword_readings]
            entities = {e for r in everything for e in r.entities} | set(entry.about)
            if entry.work:
                entities.add(entry.work)
            self._indexed.append(
                _Indexed(
                    entry=entry,
                    vocabulary=frozenset(c for r in everything for c in r.concepts),
                    entities=frozenset(entities),
                    phrasings=phrasings,
                    person_kinds=frozenset(
                        kb.entities[e].kind for e in entry.about if e in kb.entities
                    ),
                )
            )
        df: dict[str, int] = defaultdict(int)
        self._postings: dict[str, list[int]] = defaultdict(list)
        for position, item in enumerate(self._indexed):
            keys = item.vocabulary | {_entity_token(e) for e in item.entities}
            for key in keys:
                df[key] += 1
                self._postings[key].append(position)
        total = max(len(self._indexed), 1)
        self._idf = {key: 1.0 + math.log(total / count) for key, count in df.items()}
        self._unknown_weight = UNKNOWN_WORD_SHARE * (1.0 + math.log(total))

    # --- public -------------------------------------------------------------------------
    def decide(self, question: str) -> Decision:
        """Read the question, score the entries, and decide: answer, ask which work, or abstain."""
        reading = self.lexicon.read(question)
        if not reading.concepts and not reading.entities:
            return Decision("empty", reading, None, (), ())
        works, ambiguous_name = self._works(reading)
        ranked = self._rank(reading, works)
        suggestions = tuple(
            c.entry for c in ranked[:MAX_SUGGESTIONS] if c.score >= SUGGESTION_FLOOR
        )
        if not ranked or ranked[0].score < ANSWER_THRESHOLD:
            return Decision("abstained", reading, None, tuple(ranked), suggestions)
        best = ranked[0]
        runner_up = ranked[1].score if len(ranked) > 1 else 0.0
        if best.entry.work and not works:
            other = next((c for c in ranked if c.entry.work not in (best.entry.work, None)), None)
            close = other is not None and best.score - other.score < AMBIGUITY_GAP
            if other is not None and (
                close or (ambiguous_name and other.score >= OTHER_WORK_FLOOR)
            ):
                return Decision(
                    "ambiguous", reading, None, tuple(ranked), (best.entry, other.entry)
                )
        if best.score - runner_up < CLEAR_MARGIN:
            return Decision("abstained", reading, None, tuple(ranked), suggestions)
        return Decision("answered", reading, best, tuple(ranked), ())

    # --- scoring ------------------------------------------------------------------------
    def _works(self, reading: Reading) -> tuple[set[str], bool]:
        works: set[str] = set()
        ambiguous = False
        for entity_id in (*reading.entities, *reading.context_entities):
            entity = self.kb.entities[entity_id]
            if entity.kind == "work":
                works.add(entity.id)
            elif entity.kind == "ambiguous":
                ambiguous = True
            elif len(entity.works) == 1:
                works.add(entity.works[0])
        return works, ambiguous

    def _rank(self, reading: Reading, works: set[str]) -> list[Candidate]:
        keys = [*reading.concepts, *(_entity_token(e) for e in reading.entities)]
        shortlist: dict[int, float] = defaultdict(float)
        for key in keys:
            weight = self._idf.get(key, 0.0)
            for position in self._postings.get(key, ()):
                shortlist[position] += weight
        best_first = sorted(shortlist, key=lambda p: -shortlist[p])[:CANDIDATE_LIMIT]
        candidates = []
        for position in best_first:
            item = self._indexed[position]
            if works and len(works) == 1 and item.entry.work not in (*works, None):
                continue
            score, phrasing = self._score(reading, item)
            candidates.append(Candidate(item.entry, score, phrasing))
        candidates.sort(key=lambda c: (-c.score, c.entry.id))
        return candidates

    def _weight(self, key: str) -> float:
        if key.startswith("@"):
            return ENTITY_WEIGHT
        return self._idf.get(key, self._unknown_weight)

    def _score(self, reading: Reading, item: _Indexed) -> tuple[float, str]:
        concepts = reading.concepts
        total = sum(self._weight(c) for c in concepts)
        covered = sum(self._weight(c) for c in concepts if c in item.vocabulary)
        coverage = covered / total if total else None

        question_keys = set(concepts) | {_entity_token(e) for e in reading.entities}
        question_weight = sum(self._weight(k) for k in question_keys)
        dice, phrasing = 0.0, item.phrasings[0][0]
        for text, keys in item.phrasings:
            shared = sum(self._weight(k) for k in question_keys & keys)
            value = 2 * shared / (question_weight + sum(self._weight(k) for k in keys) or 1.0)
            if value > dice:
                dice, phrasing = value, text

        score = (DICE_SHARE * dice + (1 - DICE_SHARE) * coverage) if coverage is not None else dice
        score *= self._entity_fit(reading, item)
        asked = COMPATIBLE_ASKS.get(reading.qtype or "")
        if asked and not asked & set(item.entry.asks):
            score *= QTYPE_MISMATCH
        return score, phrasing

    def _entity_fit(self, reading: Reading, item: _Indexed) -> float:
        if not reading.entities:
            return 1.0
        fit = 0.0
        for entity_id in reading.entities:
            entity = self.kb.entities[entity_id]
            if entity_id in item.entities or entity.kind == "ambiguous":
                fit += 1.0
            elif entity.kind == "out-of-scope":
                return OUT_OF_SCOPE
            elif entity.kind == "work":
                fit += 1.0 if item.entry.work is None else 0.0
            elif (item.entry.work is None or item.entry.work in entity.works) and (
                entity.kind not in item.person_kinds
            ):
                fit += PARTIAL_ENTITY
        return fit / len(reading.entities)


def _entity_token(entity_id: str) -> str:
    return "@" + entity_id
