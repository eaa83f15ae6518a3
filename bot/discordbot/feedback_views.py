"""👍 / 👎 / "why this answer?" under every answer, and the reasons a 👎 asks for.

Stateless `DynamicItem`s like the other buttons (see views.py); custom_id formats, each at
most 100 characters with an 80-character entry id:
- `vyzov:up:<answer-id>:<entry-id>`, `vyzov:down:<answer-id>:<entry-id>`  vote
- `vyzov:why:<answer-id>:<entry-id>`  explain the answer, privately, to its asker
- `vyzov:r:<w|f|o|x>:<answer-id>:<entry-id>`  the reason for a 👎 (wrong film, wrong fact,
  out of date, other)
`<answer-id>` is 8 URL-safe characters naming one answer (bot.discordbot.answering).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, cast

import discord

from bot.core.feedback import Reason
from bot.core.language import Lang
from bot.discordbot.answering import Answer
from bot.discordbot.feedback_embeds import why_embed
from bot.discordbot.tree import UserFacingError, report_error

if TYPE_CHECKING:
    from bot.discordbot.client import VyzovBot

ANSWER = r"(?P<answer>[A-Za-z0-9_-]{8})"
ENTRY = r"(?P<entry>[a-z0-9]+(?:-[a-z0-9]+)*)"
VOTE_TEMPLATE = rf"vyzov:(?P<vote>up|down):{ANSWER}:{ENTRY}"
WHY_TEMPLATE = rf"vyzov:why:{ANSWER}:{ENTRY}"
REASON_TEMPLATE = rf"vyzov:r:(?P<reason>[wfox]):{ANSWER}:{ENTRY}"
REASON_CODES: dict[Reason, str] = {
    "wrong-work": "w",
    "wrong-fact": "f",
    "outdated": "o",
    "other": "x",
}
CODE_REASONS: dict[str, Reason] = {code: reason for reason, code in REASON_CODES.items()}

WORDS: dict[Lang, dict[str, str]] = {
    "en": {
        "why": "Why this answer?",
        "thanks-up": "Thanks! Glad it helped. (One vote per person per answer: a new vote "
        "replaces your last one.)",
        "ask-reason": "Sorry about that. What was wrong with the answer?",
        "thanks-reason": "Thanks: noted as “{reason}”. The knowledge base editors will see it.",
        "forgotten": "I no longer remember how I chose that answer (it is over a day old, or I "
        "have restarted since). Ask again and press the button under the new answer.",
        "not-asker": "Only the person who asked can see why I chose this answer.",
        "wrong-work": "Wrong film",
        "wrong-fact": "Wrong fact",
        "outdated": "Out of date",
        "other": "Something else",
    },
    "ru": {
        "why": "Почему такой ответ?",
        "thanks-up": "Спасибо! Рад, что помог. (Один голос на человека за ответ: новый голос "
        "заменяет прежний.)",
        "ask-reason": "Жаль. Что не так с ответом?",
        "thanks-reason": "Спасибо: отмечено как «{reason}». Редакторы базы знаний это увидят.",
        "forgotten": "Я уже не помню, как выбрал этот ответ (прошло больше суток или я "
        "перезапускался). Спросите ещё раз и нажмите кнопку под новым ответом.",
        "not-asker": "Почему выбран этот ответ, может посмотреть только тот, кто спрашивал.",
        "wrong-work": "Не тот фильм",
        "wrong-fact": "Неверный факт",
        "outdated": "Устарело",
        "other": "Другое",
    },
}

Button = discord.ui.Button[discord.ui.View]


def _bot(interaction: discord.Interaction) -> VyzovBot:
    return cast("VyzovBot", interaction.client)


def clicker_lang(interaction: discord.Interaction) -> Lang:
    return "ru" if interaction.locale is discord.Locale.russian else "en"


class VoteButton(discord.ui.DynamicItem[Button], template=VOTE_TEMPLATE):
    """👍 or 👎 on one answer; a 👎 then asks why, privately."""

    def __init__(self, up: bool, answer_id: str, entry_id: str, *, row: int | None = None) -> None:
        super().__init__(
            discord.ui.Button(
                emoji="👍" if up else "👎",
                style=discord.ButtonStyle.secondary,
                custom_id=f"vyzov:{'up' if up else 'down'}:{answer_id}:{entry_id}",
            ),
            row=row,
        )
        self.up, self.answer_id, self.entry_id = up, answer_id, entry_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> VoteButton:
        return cls(match["vote"] == "up", match["answer"], match["entry"])

    async def callback(self, interaction: discord.Interaction) -> None:
        try:
            _bot(interaction).feedback.vote(
                answer_id=self.answer_id,
                entry_id=self.entry_id,
                user_id=interaction.user.id,
                up=self.up,
            )
            words = WORDS[clicker_lang(interaction)]
            if self.up:
                await interaction.response.send_message(words["thanks-up"], ephemeral=True)
                return
            await interaction.response.send_message(
                words["ask-reason"],
                view=reasons_view(self.answer_id, self.entry_id, clicker_lang(interaction)),
                ephemeral=True,
            )
        except Exception as exc:
            await report_error(interaction, exc)


class ReasonButton(discord.ui.DynamicItem[Button], template=REASON_TEMPLATE):
    """What was wrong with an answer voted 👎: stored with the vote, replacing no reason."""

    def __init__(self, reason: Reason, answer_id: str, entry_id: str, *, lang: Lang = "en") -> None:
        super().__init__(
            discord.ui.Button(
                label=WORDS[lang][reason],
                style=discord.ButtonStyle.secondary,
                custom_id=f"vyzov:r:{REASON_CODES[reason]}:{answer_id}:{entry_id}",
            )
        )
        self.reason, self.answer_id, self.entry_id = reason, answer_id, entry_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> ReasonButton:
        return cls(CODE_REASONS[match["reason"]], match["answer"], match["entry"])

    async def callback(self, interaction: discord.Interaction) -> None:
        try:
            _bot(interaction).feedback.vote(
                answer_id=self.answer_id,
                entry_id=self.entry_id,
                user_id=interaction.user.id,
                up=False,
                reason=self.reason,
            )
            words = WORDS[clicker_lang(interaction)]
            await interaction.response.edit_message(
                content=words["thanks-reason"].format(reason=words[self.reason]), view=None
            )
        except Exception as exc:
            await report_error(interaction, exc)


class WhyButton(discord.ui.DynamicItem[Button], template=WHY_TEMPLATE):
    """Shows the asker, and only them, what the answer matched and how well."""

    def __init__(
        self, answer_id: str, entry_id: str, *, lang: Lang = "en", row: int | None = None
    ) -> None:
        super().__init__(
            discord.ui.Button(
                label=WORDS[lang]["why"],
                emoji="❔",
                style=discord.ButtonStyle.secondary,
                custom_id=f"vyzov:why:{answer_id}:{entry_id}",
            ),
            row=row,
        )
        self.answer_id, self.entry_id = answer_id, entry_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> WhyButton:
        return cls(match["answer"], match["entry"])

    async def callback(self, interaction: discord.Interaction) -> None:
        try:
            bot = _bot(interaction)
            words = WORDS[clicker_lang(interaction)]
            explanation = bot.feedback.explanation(self.answer_id, self.entry_id)
            if explanation is None:
                raise UserFacingError(words["forgotten"])
            if not bot.feedback.is_asker(explanation, interaction.user.id):
                raise UserFacingError(words["not-asker"])
            embed = why_embed(explanation, bot.knowledge.kb, clicker_lang(interaction))
            await interaction.response.send_message(embed=embed, ephemeral=True)
        except Exception as exc:
            await report_error(interaction, exc)


FEEDBACK_ITEMS = (VoteButton, ReasonButton, WhyButton)


def feedback_items(answer: Answer, row: int = 0) -> list[VoteButton | WhyButton]:
    """The row under an answer: 👍, 👎 and "why this answer?"; none without an answer."""
    entry = answer.reply.entry
    if not answer.reply.answered or entry is None:
        return []
    return [
        VoteButton(True, answer.answer_id, entry.id, row=row),
        VoteButton(False, answer.answer_id, entry.id, row=row),
        WhyButton(answer.answer_id, entry.id, lang=answer.reply.lang, row=row),
    ]


def reasons_view(answer_id: str, entry_id: str, lang: Lang) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    for reason in REASON_CODES:
        view.add_item(ReasonButton(reason, answer_id, entry_id, lang=lang))
    return view
