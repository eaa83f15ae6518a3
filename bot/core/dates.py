"""Dates with a precision (year, month or day), as sources give them, and how to say them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

Precision = Literal["year", "month", "day"]
DateLang = Literal["en", "ru"]

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
# Russian names a day's month in the genitive ("12 апреля") and a bare month in the nominative
MONTHS_RU_OF = (
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
)  # fmt: skip
MONTHS_RU = (
    "январь", "февраль", "март", "апрель", "май", "июнь",
    "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь",
)  # fmt: skip


@dataclass(frozen=True, slots=True, order=True)
class PartialDate:
    """A calendar date known to a year, a month or a day: `2023`, `2023-04`, `2023-04-12`."""

    year: int
    month: int = 0
    day: int = 0

    @property
    def precision(self) -> Precision:
        if self.day:
            return "day"
        return "month" if self.month else "year"

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; raise ValueError naming what is wrong."""
        parts = str(text).strip().split("-")
        if not 1 <= len(parts) <= 3 or not all(p.isdigit() for p in parts) or len(parts[0]) != 4:
            raise ValueError(f"{text!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")
        numbers = [int(p) for p in parts] + [0, 0]
        year, month, day = numbers[:3]
        if len(parts) >= 2 and not 1 <= month <= 12:
            raise ValueError(f"{text!r} has no month {month}")
        if len(parts) == 3:
            try:
                dt.date(year, month, day)
            except ValueError as exc:
                raise ValueError(f"{text!r} is not a real day: {exc}") from None
        return cls(year, month, day)

    def __str__(self) -> str:
        if self.precision == "day":
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.precision == "month":
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def human(self, lang: DateLang = "en") -> str:
        """`12 April 2023`, `April 2023` or `2023`; in Russian `12 апреля 2023 г.`."""
        if lang == "ru":
            if self.precision == "day":
                return f"{self.day} {MONTHS_RU_OF[self.month - 1]} {self.year} г."
            if self.precision == "month":
                return f"{MONTHS_RU[self.month - 1]} {self.year} г."
            return f"{self.year} г."
        if self.precision == "day":
            return f"{self.day} {MONTHS[self.month - 1]} {self.year}"
        if self.precision == "month":
            return f"{MONTHS[self.month - 1]} {self.year}"
        return str(self.year)

    def earliest(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> dt.date:
        if self.precision == "day":
            return self.earliest()
        if self.precision == "month":
            following = dt.date(self.year + self.month // 12, self.month % 12 + 1, 1)
            return following - dt.timedelta(days=1)
        return dt.date(self.year, 12, 31)

    def is_past(self, today: dt.date) -> bool:
        """True once the whole period (day, month or year) lies before `today`."""
        return self.latest() < today


def months_between(earlier: dt.date, later: dt.date) -> int:
    return (later.year - earlier.year) * 12 + later.month - earlier.month
