"""Deployment settings for the Discord bot, read from the environment and `.env`.

Built once by `python -m bot run` / `sync` and passed down; never at import time, so tests and
the command line need no token. Every field is documented in `.env.example` (a test keeps
the two in step). Never imports discord.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AliasChoices, BeforeValidator, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]


def _default_knowledge_dir() -> Path:
    from bot.cli import default_knowledge_dir  # one definition, shared with the command line

    return default_knowledge_dir()


def _id_set(value: Any) -> Any:
    """`"1, 2"` (as written in .env) or any iterable -> set of ints; a bad id names itself."""
    if value is None:
        return frozenset()
    items: Iterable[Any] = value.split(",") if isinstance(value, str) else value
    ids = set()
    for item in items:
        text = str(item).strip()
        if not text:
            continue
        if not text.isdigit():
            raise ValueError(f"{text!r} is not a Discord id (ids are numbers, e.g. 1234567890)")
        ids.add(int(text))
    return frozenset(ids)


IdSet = Annotated[frozenset[int], NoDecode, BeforeValidator(_id_set)]


def _env(name: str, field: str) -> AliasChoices:
    # the variable's name first (so errors name it), the field name for Settings(field=...)
    return AliasChoices(name, field)


class Settings(BaseSettings):
    """Everything that differs between deployments. Tuning of answers stays in `bot.core`."""

    model_config = SettingsConfigDict(
        env_file=".env",
        env_file_encoding="utf-8",
        env_ignore_empty=True,  # a line copied blank from .env.example counts as "not set"
        extra="ignore",
        populate_by_name=True,
        frozen=True,
    )

    discord_token: SecretStr | None = Field(
        default=None, validation_alias=_env("DISCORD_TOKEN", "discord_token")
    )
    knowledge_dir: Path = Field(
        default_factory=_default_knowledge_dir,
        validation_alias=_env("VYZOV_KNOWLEDGE_DIR", "knowledge_dir"),
    )
    answer_channel_ids: IdSet = Field(
        default=frozenset(), validation_alias=_env("VYZOV_ANSWER_CHANNELS", "answer_channel_ids")
    )
    admin_role_ids: IdSet = Field(
        default=frozenset(), validation_alias=_env("VYZOV_ADMIN_ROLES", "admin_role_ids")
    )
    dev_guild_id: int | None = Field(
        default=None, gt=0, validation_alias=_env("VYZOV_DEV_GUILD_ID", "dev_guild_id")
    )
    log_level: LogLevel = Field(
        default="INFO", validation_alias=_env("VYZOV_LOG_LEVEL", "log_level")
    )
    answer_cooldown_rate: int = Field(
        default=5,
        ge=1,
        validation_alias=_env("VYZOV_ANSWER_COOLDOWN_RATE", "answer_cooldown_rate"),
    )
    answer_cooldown_seconds: float = Field(
        default=60.0,
        ge=0,
        validation_alias=_env("VYZOV_ANSWER_COOLDOWN_SECONDS", "answer_cooldown_seconds"),
    )

    followup_seconds: float = Field(
        default=600.0,
        ge=0,
        validation_alias=_env("VYZOV_FOLLOWUP_SECONDS", "followup_seconds"),
    )
    followup_max_contexts: int = Field(
        default=10_000,
        ge=1,
        validation_alias=_env("VYZOV_FOLLOWUP_MAX_CONTEXTS", "followup_max_contexts"),
    )

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper_case_level(cls, value: Any) -> Any:
        return value.strip().upper() if isinstance(value, str) else value

    @property
    def token(self) -> str | None:
        """The token in clear, for `login()` only; never log it."""
        return self.discord_token.get_secret_value() if self.discord_token else None


def env_name(field: str) -> str:
    """The environment variable that sets `field` (for messages and the .env.example test)."""
    alias = Settings.model_fields[field].validation_alias
    assert isinstance(alias, AliasChoices)
    first = alias.choices[0]
    assert isinstance(first, str)
    return first
