"""Checks of the Russian texts: every answer has one, and it says the same numbers and dates.

Numbers are compared as digit strings, so "2,4" and "2.4", "1 000" and "1,000", "12 апреля"
and "12 April", "9:14 p.m." and "21:14", "$310,000" and "310 тысяч" agree, while "905" and
"950" do not. Numbers written out in words ("twenty", "двадцать", "XXII") are not read: a
number is written the same way, in digits or in words, in both texts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.core.loader import KnowledgeBase, Problem

# groups of three digits joined by spaces (1 000 000), or digits joined by a decimal mark or a
# thousands separator (2.4, 2,4, 1,000): a space never joins two separate numbers ("2023 12")
_NUMBER = re.compile(r"(?<!\d)(?:\d{1,3}(?:[ \u00a0\u202f]\d{3}(?!\d))+|\d+(?:[.,]\d+)*)")
_ZERO_MINUTES = re.compile(r"(?<=\d):00\b")  # "15:00" is "3 p.m.": the hour alone
_SEPARATORS = re.compile(r"[.,\s]")
_THOUSANDS = re.compile(r"\s*(?:тыс|thousand)", re.IGNORECASE)  # "310 тысяч" is 310,000
_TWELVE_HOUR = re.compile(r"\b(\d{1,2})(?::(\d{2}))?\s*([ap])\.?\s?m\b\.?", re.IGNORECASE)


def numbers(text: str) -> frozenset[str]:
    """The numbers in `text` as bare digit strings: `1,155 млрд` -> {"1155"}."""
    text = _ZERO_MINUTES.sub("", _TWELVE_HOUR.sub(_as_24_hour, text))
    found = set()
    for match in _NUMBER.finditer(text):
        digits = _SEPARATORS.sub("", match.group(0))
        if _THOUSANDS.match(text, match.end()):
            digits = _times_thousand(match.group(0))
        found.add(digits.lstrip("0") or "0")
    return frozenset(found)


def _as_24_hour(match: re.Match[str]) -> str:
    hour = int(match.group(1)) % 12 + (12 if match.group(3).lower() == "p" else 0)
    return f"{hour}:{match.group(2) or '00'}"


def _times_thousand(number: str) -> str:
    compact = _SEPARATORS.sub(lambda m: m.group(0) if m.group(0) in ".," else "", number)
    cut = max(compact.rfind("."), compact.rfind(","))
    if cut >= 0 and len(compact) - cut - 1 != 3:  # a decimal: "1,5 тысячи" is 1500
        return _SEPARATORS.sub("", compact[:cut]) + compact[cut + 1 :].ljust(3, "0")
    return _SEPARATORS.sub("", compact) + "000"


def disagreement(english: str, russian: str) -> str | None:
    """What one text has and the other lacks, or None when their numbers agree."""
    en, ru = numbers(english), numbers(russian)
    if en == ru:
        return None
    parts = []
    if only_en := sorted(en - ru, key=_numeric):
        parts.append(f"only the English text has {', '.join(only_en)}")
    if only_ru := sorted(ru - en, key=_numeric):
        parts.append(f"only the Russian text has {', '.join(only_ru)}")
    return "; ".join(parts) + ": the two texts must give the same numbers and dates"


def translation_problems(kb: KnowledgeBase) -> list[Problem]:
    """Every answer, version and labelled release event needs Russian text that agrees."""
    return list(_problems(kb))


def _problems(kb: KnowledgeBase) -> Iterator[Problem]:
    for entry in kb.entries.values():
        where = kb.entry_files.get(entry.id, "?")
        if entry.answer_ru is None:
            yield Problem(where, entry.id, "answer_ru", "missing: every answer needs Russian text")
        elif found := disagreement(entry.answer, entry.answer_ru):
            yield Problem(where, entry.id, "answer_ru", found)
        for number, version in enumerate(entry.versions, start=1):
            field = f"versions.{number}.claim_ru"
            if version.claim_ru is None:
                yield Problem(where, entry.id, field, "missing: every version needs Russian text")
            elif found := disagreement(version.claim, version.claim_ru):
                yield Problem(where, entry.id, field, found)
    for event in kb.releases.values():
        if event.label_ru is not None and (found := disagreement(event.label, event.label_ru)):
            yield Problem("releases", event.id, "label_ru", found)


def _numeric(digits: str) -> int:
    return int(digits)
