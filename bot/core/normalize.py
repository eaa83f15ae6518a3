"""Text normalisation: case, Unicode, punctuation, Cyrillic <-> Latin transliteration, stems.

Everything the engine compares goes through here, so a question typed in Cyrillic, in
transliterated Russian or in English lands on the same tokens as the knowledge base.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import Stemmer  # PyStemmer: the Snowball stemmers in C, about 30x faster than pure Python

# The common "fan" romanisation (BGN-like, without diacritics): Пересильд -> peresild,
# режиссёр -> rezhisser, Вызов -> vyzov.
_CYR_TO_LAT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "є": "e", "і": "i", "ї": "i", "ґ": "g", "ў": "u",
}  # fmt: skip
_CYR_TABLE = str.maketrans(_CYR_TO_LAT)

# Reverse, longest first, for reading Russian typed in Latin letters ("kto rezhisser").
_LAT_TO_CYR = (
    ("shch", "щ"), ("sch", "щ"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("ch", "ч"),
    ("sh", "ш"), ("yu", "ю"), ("ya", "я"), ("yo", "е"), ("ye", "е"), ("iy", "ий"),
    ("a", "а"), ("b", "б"), ("v", "в"), ("g", "г"), ("d", "д"), ("e", "е"), ("z", "з"),
    ("i", "и"), ("j", "ж"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"),
    ("p", "п"), ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("f", "ф"), ("h", "х"),
    ("c", "ц"), ("w", "в"), ("x", "кс"), ("q", "к"), ("y", "ы"), ("'", "ь"),
)  # fmt: skip
_LAT_MAP = dict(_LAT_TO_CYR)
# Letter groups by pattern, then single letters by table: the same result as one pattern with
# every spelling (groups come first, and a single letter is one character either way), without
# a Python call for every letter
_LAT_GROUPS = re.compile("|".join(re.escape(lat) for lat, _ in _LAT_TO_CYR if len(lat) > 1))
_LAT_LETTERS = str.maketrans({lat: cyr for lat, cyr in _LAT_TO_CYR if len(lat) == 1})
_SHORT_I = re.compile(r"(?<=[aeou])y(?![aeiouy])")

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_ASCII_WORD = re.compile(r"[a-z0-9]+")  # _WORD in lowered ASCII text
# both need one of the quotes _has_quote looks for, and most text has none. Each is a quote
# after a letter, written quote first and the letter looked back at from there: the matches of
# "(?<=\w)['’`]...", searched for by the quote (a pattern that begins by looking back is tried
# at every position: ~4x slower on a long message)
_POSSESSIVE = re.compile(r"['’`](?<=\w['’`])s\b")
_APOSTROPHE = re.compile(r"['’`](?<=\w['’`])(?=\w)")
_CYRILLIC = re.compile(r"[а-яёєіїґў]")

# without PyStemmer's own cache (size 0): stems() keeps every word's stems already, so each
# word reaches a stemmer once, and filling a cache no word is looked up in again doubled the
# cost of stemming the ~7,500 words read at every start
_english = Stemmer.Stemmer("english", 0)
_russian = Stemmer.Stemmer("russian", 0)


def has_cyrillic(text: str) -> bool:
    if text.isascii():  # most text is, and the test costs far less than the search
        return False
    return bool(_CYRILLIC.search(text.casefold()))


def _strip_marks(text: str) -> str:
    if text.isascii():  # nothing to decompose
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def to_latin(word: str) -> str:
    """Transliterate a (casefolded) word from Cyrillic; Latin passes through."""
    if word.isascii():  # the table maps only Cyrillic letters: most words need no pass
        return word
    return word.translate(_CYR_TABLE)


def words(text: str) -> list[str]:
    """Casefolded words of `text`, in their own script, possessives and apostrophes removed."""
    if text.isascii():
        # most text: NFKC changes nothing, casefolding is lowering, and a word is letters and
        # digits, which a plain character class finds faster than the Unicode one
        text = text.lower()
        if _has_quote(text):
            text = _APOSTROPHE.sub("", _POSSESSIVE.sub("", text))
        return _ASCII_WORD.findall(text)
    return _any_words(text)


def _any_words(text: str) -> list[str]:
    """`words` of any text, ASCII or not."""
    text = unicodedata.normalize("NFKC", text).casefold()
    if _has_quote(text):
        text = _APOSTROPHE.sub("", _POSSESSIVE.sub("", text))
    return _WORD.findall(text)


def _has_quote(text: str) -> bool:
    return "'" in text or "’" in text or "`" in text


def possessed(text: str) -> frozenset[int]:
    """Positions, in `words(text)`, of words right after a possessive: "Peresild's *cat*"."""
    if text.isascii() and not _has_quote(text):  # most text: NFKC would change nothing
        return frozenset()
    text = unicodedata.normalize("NFKC", text).casefold()
    if not _has_quote(text):
        return frozenset()
    positions, count = set(), 0
    for piece in _POSSESSIVE.split(text)[:-1]:
        count += len(words(piece))
        positions.add(count)
    return frozenset(positions)


@lru_cache(maxsize=65536)
def surface(word: str) -> str:
    """The comparable Latin form of one casefolded word: `Miloš` -> `milos`, `Вызов` -> `vyzov`."""
    if word.isascii():  # most words: nothing to transliterate or strip, but chat spellings
        return _chat_spelling(word)
    latin = _strip_marks(to_latin(word))
    return latin if latin.isascii() else _chat_spelling(latin)


_CHAT_FOUR = re.compile(r"4(?=[a-z]{2})")  # "4to", "slu4ilos": 4 is "ch" (Ч); not "mp4", "4k"
# "kakoi", "pervyi", "kakoj", "scenarij": й typed as i or j; as j in short words too ("moj",
# and "ej", ей), where an ending "i" would take English words ("koi")
_CHAT_ENDING = re.compile(r"(?<=[a-z]{2})(?:oi|yi|ii)$|(?<=[a-z])(?:oj|yj|ij|ej|aj)$|^ej$")
_CHAT_ENDINGS = ("oi", "yi", "ii", "oj", "yj", "ij", "ej", "aj", "\n")  # ... ($ allows "\n")


def _chat_spelling(word: str) -> str:
    """Russian typed in Latin letters the way chats spell it, in our transliteration."""
    # each pattern is searched for only in a word that could hold it: most words cannot, and
    # the test costs far less than the search
    if "4" in word:
        word = _CHAT_FOUR.sub("ch", word)
    if word.endswith(_CHAT_ENDINGS):
        word = _CHAT_ENDING.sub(lambda m: m.group()[0] + "y", word)
    return word


def normalize(text: str) -> str:
    """Whole text as space-separated surface forms: for alias keys and display-free comparison."""
    return " ".join(map(surface, words(text)))


def has_words(text: str) -> bool:
    """Is `normalize(text)` not empty? Without building it: only a lone word can normalise to
    nothing (a «ъ»), and the loader asks this of every phrasing and keyword."""
    if text.isascii() and not _has_quote(text):
        # most text: no ASCII word normalises to nothing, so one letter or digit is enough
        return _WORD.search(text) is not None
    folded = unicodedata.normalize("NFKC", text).casefold()
    if _has_quote(folded):  # possessives and apostrophes change the words: the long way
        found = words(text)
        return len(found) > 1 or (bool(found) and bool(surface(found[0])))
    # the words are `folded`'s as they stand: a second one, or a first that normalises to
    # something, is enough, without finding the rest (Russian phrasings, ~4,000 at a load)
    first = _WORD.search(folded)
    if first is None:
        return False
    return _WORD.search(folded, first.end()) is not None or bool(surface(first.group()))


@lru_cache(maxsize=65536)
def stems(word: str) -> tuple[str, ...]:
    """Candidate stems of one casefolded word, in Latin letters, most likely first.

    A Cyrillic word is stemmed as Russian. A Latin word may be English or Russian typed in
    Latin letters, so both readings are offered and the caller keeps whichever it knows.
    """
    if not word.isascii() and _CYRILLIC.search(word):  # the test is cheap, the search not
        return (surface(_russian.stemWord(word)),)
    latin = surface(word)
    english = _english.stemWord(latin)
    if not latin.isalpha() or len(latin) < 4:
        return (english,)
    grouped = latin
    # every letter group ("zh", "yu", "ts") holds one of these: most words have none of them,
    # and so no group for the pattern to find
    if "h" in latin or "y" in latin or "ts" in latin:
        grouped = _LAT_GROUPS.sub(lambda m: _LAT_MAP[m.group(0)], latin)
        if "y" in grouped:
            # "propagandoy", "kakoy": a y after a vowel, with none after it, is «й», not «ы»
            grouped = _SHORT_I.sub("й", grouped)
    cyrillic = grouped.translate(_LAT_LETTERS)
    russian = surface(_russian.stemWord(cyrillic))
    return (english,) if russian == english else (english, russian)
