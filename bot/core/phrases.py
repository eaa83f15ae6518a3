"""The bot's own words in English and Russian: everything a reply says besides the answers.

Answers come from the knowledge base (`answer`, `answer_ru`); these are the fixed texts
around them (don't know, which film, dates, statuses), so a Russian reply is Russian
throughout. Never imports discord.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from bot.core.language import Lang


def plural_ru(number: int, one: str, few: str, many: str) -> str:
    """Russian noun form for a count: 1 месяц, 2 месяца, 5 месяцев, 11 месяцев, 21 месяц."""
    if number % 10 == 1 and number % 100 != 11:
        return one
    if 2 <= number % 10 <= 4 and not 12 <= number % 100 <= 14:
        return few
    return many


@dataclass(frozen=True, slots=True)
class Phrases:
    no_question: str
    dont_know: str
    maybe_these: str
    which_work: str
    more_questions: str
    better_supported: str
    no_date: str  # "{label}{region}: no date announced ({status})"
    planned_for: str
    was_planned_for: str
    as_of: str
    stale: str  # takes {date} and {age}
    sources: str
    spoiler: str
    months: Callable[[int], str]  # "10 months", "10 месяцев"
    statuses: dict[str, str] = field(default_factory=dict)

    def status(self, status: str) -> str:
        return self.statuses.get(status, status)


ENGLISH = Phrases(
    no_question="Ask me anything about «The Challenge» (Вызов, 2023) or Tom Cruise's space film.",
    dont_know="Sorry, I don't know that one, and I'd rather say so than guess.",
    maybe_these=" Maybe one of these?",
    which_work=(
        "Which film do you mean: «The Challenge» (Вызов, 2023), the Russian film shot on the "
        "ISS, or Tom Cruise's planned space film?"
    ),
    more_questions=(
        "You asked more than one thing: I answered the first. Ask the others separately."
    ),
    better_supported=" (better supported)",
    no_date="no date announced",
    planned_for="planned for",
    was_planned_for="was planned for",
    as_of="(As of {date}.)",
    stale="(Our latest information is from {date}, {age} ago; it may have changed.)",
    sources="Sources",
    spoiler="Spoiler warning: this answer reveals the plot.",
    months=lambda count: f"{count} months",
)

RUSSIAN = Phrases(
    no_question="Спросите меня о фильме «Вызов» (2023) или о космическом фильме Тома Круза.",
    dont_know="Извините, этого я не знаю — и лучше честно скажу об этом, чем буду гадать.",
    maybe_these=" Может быть, вас интересует один из этих вопросов?",
    which_work=(
        "Какой фильм вы имеете в виду: «Вызов» (2023), российский фильм, снятый на МКС, "
        "или задуманный космический фильм Тома Круза?"
    ),
    more_questions=(
        "Вы спросили сразу о нескольких вещах: я ответил на первый вопрос. "
        "Остальные задайте, пожалуйста, отдельно."
    ),
    better_supported=" (подтверждено лучше)",
    no_date="дата не объявлена",
    planned_for="запланировано на",
    was_planned_for="планировалось на",
    as_of="(По состоянию на {date})",
    stale="(Наши последние данные — на {date}, {age} назад; с тех пор всё могло измениться.)",
    sources="Источники",
    spoiler="Осторожно, спойлер: в ответе раскрывается сюжет.",
    months=lambda count: f"{count} {plural_ru(count, 'месяц', 'месяца', 'месяцев')}",
    statuses={
        "confirmed": "подтверждено",
        "planned": "запланировано",
        "reported": "по сообщениям",
        "rumoured": "слухи",
        "cancelled": "отменено",
    },
)

PHRASES: dict[Lang, Phrases] = {"en": ENGLISH, "ru": RUSSIAN}
