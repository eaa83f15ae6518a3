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
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from itertools import chain
from typing import Literal, NamedTuple

from bot.core.analysis import EntryTerms, Lexicon, Reading
from bot.core.conversation import Context, resolve
from bot.core.gcpause import collector_paused
from bot.core.lexicon import COMPATIBLE_ASKS
from bot.core.loader import KnowledgeBase
from bot.core.models import Entity, Entry
from bot.core.normalize import has_cyrillic, normalize, stems, words

ANSWER_THRESHOLD = 0.55  # below this confidence the engine abstains
# a correction of a popular false belief is answered from a lower confidence: a question that
# rests on the belief says it in its own words ("Netflix is making it, right?"), which the
# correction's phrasings cannot all foresee, and the correction states the facts either way
CORRECTION_THRESHOLD = 0.45
CLEAR_MARGIN = 0.06  # the best entry must beat the runner-up (another entry) by this much
BELIEF_MARGIN = 0.03  # ... or by this much: a correction, over a fact, of a belief stated
AMBIGUITY_GAP = 0.08  # best entries of both works this close, with no work named: ask which
SUGGESTION_FLOOR = 0.1  # weaker candidates share nothing useful with the question
OTHER_WORK_FLOOR = 0.3  # "the space movie": suggest the other work's entry only if it fits
MAX_SUGGESTIONS = 3
ENTITY_WEIGHT = 2.0  # a named entity counts like a rare topic word
MENTIONED_ONLY = 0.85  # a name the entry mentions in passing, where it is about others
CENTRAL_SHARE = 0.15  # named in this share of an entry's phrasings, it is what the entry is about
PARTIAL_ENTITY = 0.6  # a person of the right work, where the entry names nobody of that kind
UNKNOWN_WORD_SHARE = 0.5  # words the knowledge base never uses weigh this share of the rarest
QTYPE_MISMATCH = 0.5  # "when" asked of an entry that answers only "who"
BELIEF_CHECKED = 1.1  # "I thought ...", "..., right?": the lift a correcting entry gets
OWNED_MISSING = 0.5  # "Peresild's cat": the thing owned is what is asked, and the entry lacks it
NAME_MISSING = 0.5  # "what are her daughters called?" of an entry that never names them
NOTHING_TO_CORRECT = 0.5  # a misconception, asked of one name and nothing said about it
OTHER_FILMS_THING = 0.3  # a thing of the other film, which the entry does not name
OUT_OF_SCOPE = 0.2  # a name that is not ours (MTV's The Challenge) and the entry does not know
OPPOSITE_WAY = 0.8  # "ride up" met by a phrasing about coming back down (one way only)
# a long question shares only some of its words with any entry: below the threshold, an entry
# still answers it if it scores this much and this many times its nearest rival
LONG_QUESTION = 6  # topic words and names, at least
LONG_FLOOR = 0.3
LONG_LEAD = 2.0
DICE_SHARE = 0.5  # how much the closest phrasing's likeness scales topic coverage
MIN_CONCEPTS_UNNAMED = 2  # topic words and names needed when nothing in the question names a work
THIN_QUESTION = 1  # topic words at most, for the sentences before a question to count
CANDIDATE_LIMIT = 30  # entries fully scored after the cheap inverted-index pass
COMMON_KEY_SHARE = 0.1  # words in more entries than this share do not pick candidates alone

_NAMING_ASKS = frozenset({"who", "role"})
_NAMING_KINDS = frozenset({"who", "which"})  # "which cosmonaut ...?" asks for one, too
PERSON_KIND_WORDS = (
    "actress", "actor", "director", "cosmonaut", "astronaut", "cameraman", "producer",
    "composer", "screenwriter", "commander", "pilot", "doctor", "surgeon",
)  # fmt: skip
_ANY_NAME = ""  # among an entry's naming words: some phrasing of it asks a name outright
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")

Status = Literal["answered", "ambiguous", "abstained", "empty"]


@dataclass(frozen=True, slots=True)
class Candidate:
    entry: Entry
    score: float
    phrasing: str
    likeness: float  # the closest phrasing's weighted overlap with the question, for suggestions


@dataclass(frozen=True, slots=True)
class Decision:
    """What the engine decided for one question, before it is put into words."""

    status: Status
    reading: Reading
    best: Candidate | None
    ranked: tuple[Candidate, ...]
    suggestions: tuple[Entry, ...]


@dataclass(frozen=True, slots=True)
class _Question:
    """What scoring needs of a question, worked out once rather than per candidate."""

    reading: Reading
    weights: dict[str, float]
    total: float  # weight of its topic words
    weight: float  # weight of its topic words and names
    kinds: frozenset[str] | None  # the kinds of question an entry must answer, if any
    goes_up: bool  # asks about the way up, not the way back ("what did they ride up on?")
    to_name: tuple[str, ...] | None  # what a question asking for a name wants named, if it does
    states_nothing: bool  # "who is Doug Liman?": nothing for a correction to correct
    # "who won best actress?", «какая зарплата у космонавта?»: the kind of person asked about
    wanted_kinds: frozenset[str]
    concept_weights: tuple[tuple[str, float], ...]  # each topic word with its weight, in order
    named: tuple[_Named, ...]  # each entity named, with what fitting an entry to it needs
    playing: bool  # an actor named as their character ("Peresild's heroine")


class _Named(NamedTuple):
    """An entity a question names, and what `_entity_fit` asks of it for every candidate."""

    id: str
    entity: Entity
    roles: frozenset[str]  # the characters a person plays
    members: frozenset[str]  # a family's members ("the Soyuz": Soyuz MS-19, MS-18)


@dataclass(frozen=True, slots=True)
class _Indexed:
    entry: Entry
    vocabulary: frozenset[str]
    entities: frozenset[str]
    phrasings: tuple[tuple[str, frozenset[str]], ...]
    person_kinds: frozenset[str]
    phrasing_weights: tuple[float, ...]
    keys: frozenset[str]  # topic words and entity tokens, as in the postings
    phrasings_with: dict[str, tuple[int, ...]]  # key -> the phrasings that have it
    central: frozenset[str]  # what the entry is about: `about`, or named often
    # the topic words and names of its phrasings asking "who" or for a name: "who is the
    # heroine?" names her; and _ANY_NAME when a phrasing asks for a name ("what is it called?")
    names: frozenset[str]
    # a fact naming the premise it refutes: that premise's topic words and names. A belief
    # checked of the entry must share one ("Mashkov flew up too?", not "it's a 2022 film?")
    premise_keys: frozenset[str] | None = None

    @property
    def shortest(self) -> float:
        """Weight of the lightest phrasing."""
        return min(self.phrasing_weights)


class Engine:
    """Answers questions from one validated knowledge base (immutable: reload = build anew)."""

    @collector_paused()
    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        aliases = {a: e.id for e in kb.entities.values() for a in (e.name, *e.aliases)}
        # each text once: keywords repeat across entries, and only their words count here
        texts = dict.fromkeys(t for e in kb.entries.values() for t in (*e.phrasings, *e.keywords))
        people = [
            a for e in kb.entities.values() if e.kind == "person" for a in (e.name, *e.aliases)
        ]
        split = {t: words(t) for t in texts}
        vocabulary = list(dict.fromkeys(chain.from_iterable(split.values())))
        # a reading splits the casefolded text: the same words for an ASCII text, or one that
        # casefolds to itself (most), which are kept for it rather than found again
        split = {t: found for t, found in split.items() if t.isascii() or t.casefold() == t}
        films_of = {
            e.id: e.works[0]
            for e in kb.entities.values()
            if e.kind == "person" and len(e.works) == 1
        }
        works = [e.id for e in kb.entities.values() if e.kind == "work"]
        self.lexicon = Lexicon(aliases, vocabulary, people, films_of, works)
        self._members = _members(kb)
        self._roles = {e.id: frozenset(e.plays) for e in kb.entities.values() if e.plays}
        self._character = self.lexicon.read_entry_text("character").concepts[0]
        # words for the kind of person a "who" / "which" question asks for ("who won best
        # actress?")
        self._person_kinds = frozenset(
            c for w in PERSON_KIND_WORDS for c in self.lexicon.read_entry_text(w).concepts
        )
        # Russian typed in Latin letters ("travmu") should land on the stem its Cyrillic
        # spelling has ("травму" -> travm), so that "travmy" and "травмы" meet it
        self.lexicon.set_concept_vocabulary(stems(w)[0] for w in vocabulary if has_cyrillic(w))
        entries = kb.entries.values()
        phrased = _terms_of_each(self.lexicon, (p for e in entries for p in e.phrasings), split)
        self.lexicon.set_concept_vocabulary(c for t in phrased.values() for c in t.concepts)
        # the keywords after: a reading depends on the vocabulary just set
        keyed = _terms_of_each(self.lexicon, (k for e in entries for k in e.keywords), split)
        del split  # before the index is built, when memory peaks
        built = []
        for entry in entries:
            said = [phrased[p] for p in entry.phrasings]
            phrasings = tuple(
                (text, frozenset(terms.concepts) | {_entity_token(e) for e in terms.entities})
                for text, terms in zip(entry.phrasings, said, strict=True)
            )
            everything = [*said, *(keyed[k] for k in entry.keywords)]
            entities = {e for terms in everything for e in terms.entities} | set(entry.about)
            if entry.work:
                entities.add(entry.work)
            # a year the answer gives is one the entry is about ("what did nasa say in 2020")
            years = _YEAR.findall(entry.answer)
            concepts = frozenset(chain.from_iterable(t.concepts for t in everything)) | set(years)
            keys = concepts | {_entity_token(e) for e in entities}
            central = _central(entry, entities, [terms.entities for terms in said], kb)
            # "who is the director?" is answered with a name: so is "what is the director's name?"
            naming = [t for t in everything if t.asks_name or t.qtype in _NAMING_ASKS]
            names = frozenset(c for t in naming for c in (*t.concepts, *t.entities)) | {
                _ANY_NAME for t in naming if t.asks_name
            }
            built.append((entry, concepts, frozenset(entities), phrasings, keys, central, names))
        df: Counter[str] = Counter(key for *_, keys, _, _ in built for key in keys)
        total = max(len(built), 1)
        self._idf = {key: 1.0 + math.log(total / count) for key, count in df.items()}
        self._unknown_weight = UNKNOWN_WORD_SHARE * (1.0 + math.log(total))
        unordered = [
            _Indexed(
                entry=entry,
                vocabulary=concepts,
                entities=entities,
                phrasings=phrasings,
                person_kinds=frozenset(
                    kb.entities[e].kind for e in entry.about if e in kb.entities
                ),
                # fsum is exact, so a set's keys add up alike in any order: a plain sum followed
                # the order the hash seed gives a set, and equal phrasings tied or not by run
                # (each key of a phrasing is one of its entry's, and so has an idf)
                phrasing_weights=tuple(
                    math.fsum(map(self._idf.__getitem__, k)) for _, k in phrasings
                ),
                keys=keys,
                phrasings_with=_phrasings_by_key(phrasings),
                central=central,
                names=names,
                premise_keys=self._premise_keys(entry),
            )
            for entry, concepts, entities, phrasings, keys, central, names in built
        ]
        # positions go lightest phrasing first (then in knowledge-base order), so that every
        # posting list is in that order too and the lightest entries of a pool are its lowest
        # positions: see _rank
        order = sorted(range(len(unordered)), key=lambda i: (unordered[i].shortest, i))
        self._indexed = [unordered[i] for i in order]
        self._kb_position = order  # a position's place in the knowledge base breaks ties
        self._shortest = [item.shortest for item in self._indexed]
        postings: dict[str, list[int]] = defaultdict(list)
        for position, item in enumerate(self._indexed):
            for key in item.keys:
                postings[key].append(position)
        self._common_df = max(CANDIDATE_LIMIT, int(COMMON_KEY_SHARE * total))
        self._postings = {key: frozenset(positions) for key, positions in postings.items()}
        self._lightest = {
            key: positions[: 4 * CANDIDATE_LIMIT]
            for key, positions in postings.items()
            if len(positions) > self._common_df
        }

    # --- public -------------------------------------------------------------------------
    def decide(self, question: str, context: Context | None = None) -> Decision:
        """Read the question, score the entries, and decide: answer, ask which work, or abstain.

        `context` is what this asker was last answered: a follow-up question ("and when did it
        come out?") takes the film and people it leaves out from there.
        """
        reading = self.lexicon.read(question)
        readings = resolve(question, reading, context, self.kb)
        if reading.lead_concepts or reading.lead_entities:
            # "There's an astronaut stuck up there because of the film crew. What happened?":
            # the sentences before a question say what it is about; tried first when the
            # question itself says little, else last, when it could not be answered alone
            first = readings[0]
            concepts = (*first.reading.concepts, *reading.lead_concepts)
            names = tuple(dict.fromkeys((*first.reading.entities, *reading.lead_entities)))
            led = replace(first, reading=replace(first.reading, concepts=concepts, entities=names))
            thin = len(reading.concepts) <= THIN_QUESTION
            readings = (led, *readings) if thin else (*readings, led)
            typed = (reading, led.reading) if first.reading is reading else (reading,)
        else:
            typed = (reading,)
        # "it was Soyuz MS-19, right?" checks the last answer: in a tie, that answer again
        again = context.entry if context is not None and reading.premised else None
        # the first reading that is answered wins: the ones after it are never scored
        decisions = (
            self._decide(r.reading, ask_which=r.needs_work, typed=r.reading in typed, again=again)
            for r in readings
        )
        opening = next(decisions)
        if opening.status == "answered":
            return opening
        return next((d for d in decisions if d.status == "answered"), opening)

    def _decide(
        self,
        reading: Reading,
        *,
        ask_which: bool = False,
        typed: bool = True,
        again: str | None = None,
    ) -> Decision:
        """`typed`: the reading is the question as asked (with the sentences before it), not
        one a follow-up was given from the last answer, whose topic words make it long.
        `again`: the entry last answered, which a question checking it keeps in a tie."""
        if not reading.concepts and not reading.entities:
            return Decision("empty", reading, None, (), ())
        works, ambiguous_name = self._works(reading)
        ambiguous_name = ambiguous_name or ask_which  # a "her" or "and ..." with nothing before
        ranked = self._rank(reading, works)
        alike = sorted(ranked, key=lambda c: -(c.likeness + c.score))
        suggestions = tuple(
            c.entry for c in alike[:MAX_SUGGESTIONS] if c.likeness + c.score >= SUGGESTION_FLOOR
        )
        if not ranked:
            return Decision("abstained", reading, None, tuple(ranked), suggestions)
        best = ranked[0]
        # the best other answer: an entry drawing on a common fact says the same, no rival
        rival = next((c for c in ranked[1:] if not says_the_same(best.entry, c.entry)), None)
        runner_up = rival.score if rival is not None else 0.0
        stands_out = typed and _stands_out(reading, best, runner_up)
        if best.score < self._threshold(best.entry, reading) and not stands_out:
            return Decision("abstained", reading, None, tuple(ranked), suggestions)
        if best.entry.work and not works:
            other = next((c for c in ranked if c.entry.work not in (best.entry.work, None)), None)
            close = other is not None and best.score - other.score < AMBIGUITY_GAP
            # "the space movie" may mean either film, even if only one has an answer: ask
            if close or ambiguous_name:
                fair = other is not None and other.score >= OTHER_WORK_FLOOR
                pair = (best.entry, other.entry) if other is not None and fair else (best.entry,)
                return Decision("ambiguous", reading, None, tuple(ranked), pair)
            if len(reading.concepts) + len(reading.entities) < MIN_CONCEPTS_UNNAMED:
                # nothing names a work and one word is all we have ("budget?"): too thin to answer
                return Decision("abstained", reading, None, tuple(ranked), suggestions)
        # "Cruise already flew with Axiom, didn't he?": a belief stated, and the entry that
        # corrects it just ahead of a plain fact that corrects nothing
        corrects_a_fact = (
            reading.premised
            and best.entry.weighs_beliefs
            and rival is not None
            and not rival.entry.weighs_beliefs
        )
        margin = BELIEF_MARGIN if corrects_a_fact else CLEAR_MARGIN
        if best.score - runner_up < margin:
            tied = (c for c in ranked if best.score - c.score < CLEAR_MARGIN)
            kept = next((c for c in tied if c.entry.id == again), None) if again else None
            if kept is not None and kept.score >= self._threshold(kept.entry, reading):
                return Decision("answered", reading, kept, tuple(ranked), ())
            return Decision("abstained", reading, None, tuple(ranked), suggestions)
        return Decision("answered", reading, best, tuple(ranked), ())

    @staticmethod
    def _threshold(entry: Entry, reading: Reading) -> float:
        """The confidence below which `entry` is not given as an answer."""
        # a misconception always names its premise; a fact may name one it refutes. A question
        # naming nothing of ours and stating no belief ("who won eurovision 2021?") has none, nor
        # one asking what the entry never answers ("when did Ax-1 launch?" of who flew on it);
        # "why did Cruise film in space first?" takes its premise for granted
        if not entry.premise:
            return ANSWER_THRESHOLD
        kinds = COMPATIBLE_ASKS.get(reading.qtype or "")
        fits = not kinds or not kinds.isdisjoint(entry.asks) or reading.qtype == "why"
        stated = reading.premised or (reading.entities and fits)
        return CORRECTION_THRESHOLD if stated else ANSWER_THRESHOLD

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
        weights = {key: self._weight(key) for key in keys}
        postings = self._postings
        # candidates come from the question's rarer words: a work's name is in half the entries;
        # a family's name ("the soyuz") draws the entries of its members (Soyuz MS-19) too
        members = [
            _entity_token(m) for e in reading.entities for m in sorted(self._members.get(e, ()))
        ]
        known = [key for key in dict.fromkeys((*keys, *members)) if key in postings]
        rare = [key for key in known if len(postings[key]) <= self._common_df]
        if rare:
            pool = set().union(*(postings[key] for key in rare))
        else:  # only common words: the entries whose phrasings are nearest in size
            pool = set().union(*(self._lightest[key] for key in known))
        asked = sum(weights.values())
        best_first = self._lightest_sharing(pool, known, asked)
        question = _Question(
            reading,
            weights,
            total=sum(weights[c] for c in reading.concepts),
            weight=sum(weights.values()),
            kinds=COMPATIBLE_ASKS.get(reading.qtype or ""),
            goes_up=_UP in weights and _DOWN not in weights,
            to_name=self._named_by(reading) if reading.asks_name else None,
            states_nothing=_states_nothing(reading),
            wanted_kinds=self._person_kinds.intersection(reading.concepts)
            if reading.qtype in _NAMING_KINDS
            else frozenset(),
            concept_weights=tuple((c, weights[c]) for c in reading.concepts),
            named=tuple(
                _Named(
                    e,
                    self.kb.entities[e],
                    self._roles.get(e, frozenset()),
                    self._members.get(e, frozenset()),
                )
                for e in reading.entities
            ),
            playing=self._character in reading.concepts,
        )
        only_work = next(iter(works)) if len(works) == 1 else None
        candidates = []
        for position in best_first:
            item = self._indexed[position]
            if only_work is not None and item.entry.work not in (only_work, None):
                continue
            score, phrasing, likeness = self._score(question, item)
            candidates.append(Candidate(item.entry, score, phrasing, likeness))
        candidates.sort(key=lambda c: (-c.score, c.entry.id))
        return candidates

    def _lightest_sharing(self, pool: set[int], known: list[str], asked: float) -> list[int]:
        """The CANDIDATE_LIMIT entries of the pool that share the most weight with the question
        for the weight of their lightest phrasing (raw overlap ties whenever the question only
        names a work, and the limit would cut at random), best first.

        Entries sharing the same keys share the same weight, so the pool is split by the keys
        its entries have, with set operations, and only the lightest of each part (its lowest
        positions) are weighed one by one: a pool runs to thousands of entries at scale.
        """
        parts: list[tuple[float, set[int]]] = [(0.0, pool)]
        for key in known:  # weights added in the question's order: sums alike on every run
            weight, having = self._idf[key], self._postings[key]
            split: list[tuple[float, set[int]]] = []
            for shared, part in parts:
                hit = part & having
                if len(hit) == len(part):
                    split.append((shared + weight, part))
                elif hit:
                    part -= hit
                    split += [(shared + weight, hit), (shared, part)]
                else:
                    split.append((shared, part))
            parts = split
        shortest, kb_position = self._shortest, self._kb_position
        ranked: list[tuple[float, int, int]] = []
        for shared, part in parts:
            # within a part the value only falls as positions rise: past the first
            # CANDIDATE_LIMIT, only entries tying the last one can still make the cut
            last = math.inf
            for count, position in enumerate(sorted(part)):
                value = shared / (asked + shortest[position])
                if count >= CANDIDATE_LIMIT and value < last:
                    break
                ranked.append((value, -kb_position[position], position))
                last = value
        # what heapq.nlargest returns, but sorted in C: its own loop is Python, over as many
        # as a few hundred entries
        best = sorted(ranked, reverse=True)[:CANDIDATE_LIMIT]
        return [position for *_, position in best]

    def _weight(self, key: str) -> float:
        if key.startswith("@"):
            return self._idf.get(key, ENTITY_WEIGHT)
        return self._idf.get(key, self._unknown_weight)

    def _score(self, question: _Question, item: _Indexed) -> tuple[float, str, float]:
        # this runs for some 20 candidates a question: what it looks up more than once is bound
        # to a local name, and the sums below are a plain dict's (a defaultdict costs more)
        reading, total, vocabulary = question.reading, question.total, item.vocabulary
        covered = sum([weight for c, weight in question.concept_weights if c in vocabulary])
        coverage = covered / total if total else None

        question_weight = question.weight
        shared: dict[int, float] = {}  # only phrasings sharing a word can score
        shared_so_far = shared.get
        phrasings_with = item.phrasings_with
        for key, weight in question.weights.items():
            if key in phrasings_with:
                for index in phrasings_with[key]:
                    shared[index] = shared_so_far(index, 0.0) + weight
        dice, closest = 0.0, 0
        phrasing_weights = item.phrasing_weights
        for index in sorted(shared):  # in phrasing order, so ties keep the earlier phrasing
            value = 2 * shared[index] / (question_weight + phrasing_weights[index] or 1.0)
            if value > dice:
                dice, closest = value, index
        phrasing, phrasing_keys = item.phrasings[closest]

        score = coverage * (1 - DICE_SHARE + DICE_SHARE * dice) if coverage is not None else dice
        if question.goes_up and _DOWN in phrasing_keys and _UP not in phrasing_keys:
            # "ride up" met by "what spacecraft did peresild come back on"
            score *= OPPOSITE_WAY
        if question.named:  # a question naming nothing fits every entry alike (1.0)
            score *= _entity_fit(question, item)
        entry = item.entry
        if (
            reading.premised
            and entry.weighs_beliefs
            and (item.premise_keys is None or not item.premise_keys.isdisjoint(question.weights))
        ):
            # a question stating a belief fits an entry that corrects or weighs beliefs, but a
            # true belief ("it was Soyuz MS-19, right?") still has its plain fact: a nudge only
            score = min(1.0, score * BELIEF_CHECKED)
        if reading.owned and not vocabulary.issuperset(reading.owned):
            score *= OWNED_MISSING
        if question.to_name is not None and item.names.isdisjoint(question.to_name):
            score *= NAME_MISSING
        elif question.wanted_kinds and not question.wanted_kinds <= vocabulary:
            # "who won best actress?" of an entry that never mentions an actress: it cannot
            # name one
            score *= NAME_MISSING
        if question.states_nothing and entry.kind == "misconception":
            # "who is Doug Liman?" holds no belief for a correction to answer
            score *= NOTHING_TO_CORRECT
        if question.kinds and question.kinds.isdisjoint(entry.asks):
            # "why did Liman direct vyzov?" takes for granted what a misconception corrects
            premised = reading.qtype == "why"
            if not (premised and entry.kind == "misconception"):
                score *= QTYPE_MISMATCH
        return score, phrasing, dice

    def _premise_keys(self, entry: Entry) -> frozenset[str] | None:
        if entry.kind != "fact" or not entry.premise:
            return None  # a misconception or a conflict is about beliefs through and through
        terms = self.lexicon.entry_terms(entry.premise)
        return frozenset(terms.concepts) | {_entity_token(e) for e in terms.entities}

    def _named_by(self, reading: Reading) -> tuple[str, ...]:
        """What a question asking for a name wants named: its topic ("her daughters"), else
        what it names ("the heroine"; "the space movie" may be either film), else any name."""
        if reading.concepts:
            return reading.concepts
        named = [w for e in reading.entities for w in (e, *self.kb.entities[e].refers_to)]
        return (*named, _ANY_NAME)


def says_the_same(one: Entry, other: Entry) -> bool:
    """Entries drawing on a common fact say the same thing: neither is the other's rival (the
    engine answers with either rather than abstain between them)."""
    return not set(one.fact_refs).isdisjoint(other.fact_refs)


def _stands_out(reading: Reading, best: Candidate, runner_up: float) -> bool:
    """Whether `best` answers a long question its low score would leave unanswered: a fan's
    rambling story ("my dad keeps insisting ... can someone settle this") names far more than
    any one entry holds, but one entry can still fit it far better than every other."""
    long = len(reading.concepts) + len(reading.entities) >= LONG_QUESTION
    return long and best.score >= LONG_FLOOR and best.score >= LONG_LEAD * runner_up


def _terms_of_each(
    lexicon: Lexicon, texts: Iterable[str], split: dict[str, list[str]]
) -> dict[str, EntryTerms]:
    """What every distinct knowledge-base text says, each read once: keywords repeat across
    entries ("budget", «съёмки»), and a reading depends only on the text and the lexicon."""
    return {text: lexicon.entry_terms(text, split.get(text)) for text in dict.fromkeys(texts)}


def _states_nothing(reading: Reading) -> bool:
    """ "who is Doug Liman?": one name, no topic word, no belief stated ("..., right?") or
    asked about ("is it a Mission: Impossible film?")."""
    return (
        not reading.concepts
        and len(reading.entities) <= 1
        and not reading.premised
        and reading.qtype != "yes-no"
    )


# going up and coming back: a fact about the way back does not answer the way up. Not the
# reverse: the launch words include "flight", which goes both ways ("the post-flight press
# conference" is asked as "the press conference after landing")
_UP, _DOWN = "launch", "land"


def _entity_fit(question: _Question, item: _Indexed) -> float:
    """How well the entities `question` names (one at least) fit `item`'s, from 0 to 1."""
    fit = 0.0
    playing = question.playing
    for entity_id, entity, roles, family in question.named:
        if entity.kind == "out-of-scope" and entity_id not in item.entry.about:
            # only an entry that is about Salyut-7 answers about it, not one naming it
            return OUT_OF_SCOPE
        if entity.kind == "ambiguous" or entity_id in item.central:
            fit += 1.0
        elif entity_id in item.entities:
            # named in passing ("Novitsky's mission, which brought Peresild back"): a
            # question about Peresild fits an entry about her better
            fit += MENTIONED_ONLY
        elif roles & item.central and playing:
            # "Peresild's heroine": an entry about the character she plays
            fit += MENTIONED_ONLY
        elif members := family & item.entities:
            # "the Soyuz" asked of an entry about Soyuz MS-19: a family fits its members
            fit += 1.0 if members & item.central else MENTIONED_ONLY
        elif (
            item.entry.work
            and entity.works
            and item.entry.work not in entity.works
            and not item.entry.weighs_beliefs  # a misconception corrects just that mix-up
        ):
            # "how many days were they on the Dragon capsule?": a thing of the other film
            # that this entry never names says the question is not about what it answers
            return OTHER_FILMS_THING
        elif entity.kind == "work":
            fit += 1.0 if item.entry.work is None else 0.0
        elif (
            entity.kind == "person"
            and (item.entry.work is None or item.entry.work in entity.works)
            and entity.kind not in item.person_kinds
        ):
            fit += PARTIAL_ENTITY
    return fit / len(question.named)


def _central(
    entry: Entry, entities: set[str], named_in: list[tuple[str, ...]], kb: KnowledgeBase
) -> frozenset[str]:
    """What an entry is about: its `about`, a name in enough of its phrasings, and any film it
    names; an entry with no `about` is about everything it names."""
    if not entry.about:
        return frozenset(entities)
    named = Counter(e for names in named_in for e in set(names))
    often = {e for e, n in named.items() if n >= CENTRAL_SHARE * len(entry.phrasings)}
    works = {e for e in entities if e in kb.entities and kb.entities[e].kind == "work"}
    return frozenset(entry.about) | often | works


def _members(kb: KnowledgeBase) -> dict[str, frozenset[str]]:
    """Entities whose name extends another's of the same kind: Soyuz -> Soyuz MS-19, MS-18."""
    names = {
        e.id: {normalize(n) for n in (e.name, *e.aliases)} - {""} for e in kb.entities.values()
    }
    # the entities of each kind by the words a name of theirs begins with ("soyuz" of "soyuz
    # ms 19"): one look-up per family name, where comparing every pair of entities' names
    # cost ~10 ms a build
    extending: dict[tuple[str, str], set[str]] = defaultdict(set)
    for entity in kb.entities.values():
        for name in names[entity.id]:
            parts = name.split(" ")
            for length in range(1, len(parts)):
                extending[entity.kind, " ".join(parts[:length])].add(entity.id)
    found: dict[str, frozenset[str]] = {}
    for family in kb.entities.values():
        members = {m for f in names[family.id] for m in extending.get((family.kind, f), ())}
        members.discard(family.id)
        if members:
            found[family.id] = frozenset(members)
    return found


def _phrasings_by_key(
    phrasings: tuple[tuple[str, frozenset[str]], ...],
) -> dict[str, tuple[int, ...]]:
    found: dict[str, list[int]] = defaultdict(list)
    for index, (_, keys) in enumerate(phrasings):
        for key in keys:
            found[key].append(index)
    return {key: tuple(indexes) for key, indexes in found.items()}


def _entity_token(entity_id: str) -> str:
    return "@" + entity_id
