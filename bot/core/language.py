"""Which language to answer in: Russian (Cyrillic or typed in Latin letters) or English.

Cyrillic is Russian. Latin text is weighed word by word: a word counts as English when it is
an English stop word or a word of the knowledge base's English answers (or shares their
stem), and as Russian when it is a Russian stop word or a word of the Russian answers typed
in Latin letters (or its back-transliteration shares a Russian stem with them). A word that
is both ("film", "tom", "no") or a name ("peresild") says nothing; the side with more words
wins, and a tie means the text does not tell (the caller's fallback decides: the Discord
locale, the language of the conversation, or English).
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from stop_words import get_stop_words

from bot.core import lexicon
from bot.core.analysis import MAX_QUESTION_CHARS, remember
from bot.core.loader import KnowledgeBase
from bot.core.normalize import has_cyrillic, normalize, stems, surface, words

Lang = Literal["ru", "en"]
LangChoice = Literal["auto", "ru", "en"]
LANGS: tuple[Lang, ...] = ("en", "ru")
CACHED_DETECTORS = 4  # one per knowledge-base version in use: live, reloading, tests
MAX_CACHED_VOTES = 65536  # words whose vote a detector remembers

# How fans type Russian besides the standard romanisation: "4to" (что), "seichas", "novyi",
# "instrukcii". Rewritten to the standard form before the Russian check only.
_FAN_SPELLINGS = (
    (re.compile("4"), "ch"),
    (re.compile(r"c(?!h)"), "ts"),
    (re.compile(r"(?<=[aeiouy])i(?![aeiouy])"), "y"),
)


@dataclass(frozen=True, slots=True)
class Evidence:
    """How many words of a text read as Russian and as English."""

    russian: int
    english: int
    cyrillic: bool

    @property
    def lang(self) -> Lang | None:
        if self.russian > self.english:
            return "ru"
        if self.english > self.russian:
            return "en"
        # a Cyrillic name alone ("Пересильд") is still typed by someone who reads Russian
        return "ru" if self.cyrillic else None


class LanguageDetector:
    """Built once per knowledge base from its English and Russian texts."""

    def __init__(
        self, english_texts: Iterable[str], russian_texts: Iterable[str], names: Iterable[str]
    ) -> None:
        english = {surface(w) for w in get_stop_words("en")}
        english |= {w for t in english_texts for w in words(t) if w.isascii() and w.isalpha()}
        russian = {w for t in russian_texts for w in words(t) if has_cyrillic(w)}
        russian |= set(get_stop_words("ru"))
        self._english = frozenset(english)
        self._english_stems = frozenset(stems(w)[0] for w in english)
        self._russian = frozenset(surface(w) for w in russian)
        self._russian_stems = frozenset(stems(w)[0] for w in russian)
        grammar = {surface(w) for w in (*get_stop_words("en"), *get_stop_words("ru"))}
        self._names = frozenset(t for n in names for t in normalize(n).split()) - grammar
        # by word, worked out once: a word's vote costs a few stem look-ups and three pattern
        # substitutions, and the same words recur in message after message
        self._votes: dict[str, tuple[int, int]] = {}

    def __getstate__(self) -> dict[str, object]:
        # the votes fill again as words are read: pickled into the engine cache they would
        # only make it bigger and slower to load
        return self.__dict__ | {"_votes": {}}

    @classmethod
    def for_kb(cls, kb: KnowledgeBase) -> LanguageDetector:
        entries = list(kb.entries.values())
        versions = [v for e in entries for v in e.versions]
        english = [
            *(e.answer for e in entries),
            *(v.claim for v in versions),
            *(r.label for r in kb.releases.values()),
            *(r.note for r in kb.releases.values()),
        ]
        russian = [
            *(e.answer_ru or "" for e in entries),
            *(v.claim_ru or "" for v in versions),
            *(p for e in entries for p in (*e.phrasings, *e.keywords) if has_cyrillic(p)),
            *lexicon.FILLER,
            *(w for group in lexicon.SYNONYMS for w in group),
            *(p for p, _ in lexicon.QUESTION_WORDS),
            *lexicon.COMMAND_OPENERS,
        ]
        names = [a for e in kb.entities.values() for a in (e.name, *e.aliases)]
        return cls(english, russian, names)

    def evidence(self, text: str) -> Evidence:
        if len(text) > MAX_QUESTION_CHARS:  # the part the engine reads decides the language too
            text = (text[:MAX_QUESTION_CHARS].rsplit(None, 1) or [""])[0]
        russian = english = 0
        votes = self._votes
        for word in words(text):
            vote = votes.get(word)
            if vote is None:
                vote = remember(votes, word, self._vote(word), MAX_CACHED_VOTES)
            russian += vote[0]
            english += vote[1]
        return Evidence(russian, english, has_cyrillic(text))

    def _vote(self, word: str) -> tuple[int, int]:
        """What one word of a text counts for: (Russian, English), each 0 or 1."""
        if word.isdigit():
            return 0, 0
        if has_cyrillic(word):
            return int(surface(word) not in self._names), 0
        token = surface(word)
        if token in self._names:
            return 0, 0
        forms = stems(token)
        is_english = token in self._english or forms[0] in self._english_stems
        is_russian = self._is_russian(token) or self._is_russian(_standard(token))
        if is_english == is_russian:
            return 0, 0
        return int(is_russian), int(is_english)

    def _is_russian(self, token: str) -> bool:
        forms = stems(token)
        return token in self._russian or (len(forms) == 2 and forms[1] in self._russian_stems)

    def detect(self, text: str) -> Lang | None:
        """`ru`, `en`, or None when the words alone do not tell (names only, or a tie)."""
        return self.evidence(text).lang


def _standard(token: str) -> str:
    for pattern, replacement in _FAN_SPELLINGS:
        token = pattern.sub(replacement, token)
    return token


_detectors: OrderedDict[str, LanguageDetector] = OrderedDict()


def detector(kb: KnowledgeBase) -> LanguageDetector:
    """The detector for `kb`, built on first use (a knowledge base never changes in place)."""
    found = _detectors.get(kb.version)
    if found is None:
        found = LanguageDetector.for_kb(kb)
        adopt(kb, found)
    return found


def adopt(kb: KnowledgeBase, found: LanguageDetector) -> None:
    """Use `found` as the detector for `kb`: one built earlier, kept in the engine cache."""
    _detectors[kb.version] = found
    while len(_detectors) > CACHED_DETECTORS:
        _detectors.popitem(last=False)


def choose(kb: KnowledgeBase, text: str, requested: LangChoice, fallback: Lang = "en") -> Lang:
    """The reply language: as requested, else the text's own, else `fallback`."""
    if requested != "auto":
        return requested
    return detector(kb).detect(text) or fallback
