"""Russian descriptions of the slash commands, for Discord clients set to Russian.

Installed with `tree.set_translator` in `setup_hook`, so every sync sends them as
`description_localizations`. Command and option names stay ASCII (`/ask`, `question`) in
every language: the README, help texts and fans' habits all use them. Keyed by the English
text; tests/discord/test_localisation.py fails when a description has no translation here.
"""

from __future__ import annotations

import discord
from discord import app_commands

NAME_LOCATIONS = frozenset(
    {
        app_commands.TranslationContextLocation.command_name,
        app_commands.TranslationContextLocation.group_name,
        app_commands.TranslationContextLocation.parameter_name,
    }
)

RUSSIAN: dict[str, str] = {
    # /ask
    "Ask about «The Challenge» (Вызов) or Tom Cruise's space film; answered with sources.": (
        "Вопрос о фильме «Вызов» или о космическом фильме Тома Круза; ответ с источниками."
    ),
    "Your question in English or Russian, e.g. “who directed The Challenge?”": (
        "Ваш вопрос по-русски или по-английски, например: «Кто режиссёр фильма „Вызов“?»"
    ),
    # /release
    "Release dates and status, each line cited; dates shown in your own locale.": (
        "Даты выхода и статус со ссылкой на источник; даты — в формате вашего языка."
    ),
    "Which film (leave empty for both)": "Какой фильм (оставьте пустым, чтобы увидеть оба)",
    "The Challenge (Вызов, 2023)": "«Вызов» (2023)",
    "Tom Cruise's space film": "Космический фильм Тома Круза",
    # /sources, /about
    "The sources my answers rely on, with links, dates and how reliable each is.": (
        "Источники моих ответов: ссылки, даты и насколько каждому можно доверять."
    ),
    "What I know about, the knowledge base version and how to ask me.": (
        "О чём я знаю, версия базы знаний и как задать мне вопрос."
    ),
    # /kb
    "Knowledge base tools for server admins": "Управление базой знаний для администраторов",
    "Reload knowledge/ from disk: validated first; on errors the old version stays live.": (
        "Перезагрузить knowledge/ с диска: сначала проверка; при ошибках остаётся старая версия."
    ),
    "The live knowledge base: version, load time, counts and the last reload error.": (
        "Текущая база знаний: версия, время загрузки, объём и последняя ошибка перезагрузки."
    ),
    "Unanswered questions grouped, with YAML to paste, and the most-downvoted answers.": (
        "Вопросы без ответа по группам, с YAML для вставки, и ответы с худшими оценками."
    ),
    "How many days back to look (default 7)": "За сколько последних дней (по умолчанию 7)",
}


class VyzovTranslator(app_commands.Translator):
    """Russian for descriptions and choice names; None (Discord shows English) otherwise."""

    async def translate(
        self,
        string: app_commands.locale_str,
        locale: discord.Locale,
        context: app_commands.TranslationContextTypes,
    ) -> str | None:
        if locale is not discord.Locale.russian or context.location in NAME_LOCATIONS:
            return None
        return RUSSIAN.get(string.message)
