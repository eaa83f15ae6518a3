"""Deployment settings for the Discord bot, read from the environment and `.env`.

Built once by `python -m bot run` / `sync` and passed down; never at import time, so tests and
the command line need no token. Every field is documented in `.env.example` (a test keeps
the two in step). Never imports discord.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    AliasChoices,
    BeforeValidator,
    Field,
    SecretStr,
    field_validator,
    model_validator,
)
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]
LogFormat = Literal["text", "json"]


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


def _shard_ids(value: Any) -> Any:
    """`"0, 2"` or any iterable -> sorted tuple of distinct shard numbers."""
    if value is None:
        return ()
    items: Iterable[Any] = value.split(",") if isinstance(value, str) else value
    texts = [str(item).strip() for item in items]
    bad = [text for text in texts if text and not text.isdigit()]
    if bad:
        raise ValueError(f"{bad[0]!r} is not a shard number (0, 1, 2 ...)")
    return tuple(sorted({int(text) for text in texts if text}))


ShardIds = Annotated[tuple[int, ...], NoDecode, BeforeValidator(_shard_ids)]


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

    log_format: LogFormat = Field(
        default="text", validation_alias=_env("VYZOV_LOG_FORMAT", "log_format")
    )
    # None: one connection, no sharding; "auto": as many shards as Discord recommends
    shard_count: int | Literal["auto"] | None = Field(
        default=None, validation_alias=_env("VYZOV_SHARD_COUNT", "shard_count")
    )
    shard_ids: ShardIds = Field(default=(), validation_alias=_env("VYZOV_SHARD_IDS", "shard_ids"))

    # misses and feedback (bot.storage)
    data_dir: Path = Field(
        default=Path("data"), validation_alias=_env("VYZOV_DATA_DIR", "data_dir")
    )
    database_url: SecretStr | None = Field(  # holds a password
        default=None, validation_alias=_env("DATABASE_URL", "database_url")
    )
    user_id_salt: SecretStr | None = Field(
        default=None,
        min_length=16,
        validation_alias=_env("VYZOV_USER_ID_SALT", "user_id_salt"),
    )
    retention_days: int = Field(
        default=90, ge=1, le=3650, validation_alias=_env("VYZOV_RETENTION_DAYS", "retention_days")
    )
    low_confidence: float = Field(  # the default is bot.core.feedback.LOW_CONFIDENCE
        default=0.7,
        ge=0,
        le=1,
        validation_alias=_env("VYZOV_LOW_CONFIDENCE", "low_confidence"),
    )
    watch_knowledge_seconds: float = Field(
        default=0.0,
        ge=0,
        validation_alias=_env("VYZOV_WATCH_KNOWLEDGE_SECONDS", "watch_knowledge_seconds"),
    )
    admin_channel_id: int | None = Field(
        default=None, gt=0, validation_alias=_env("VYZOV_ADMIN_CHANNEL_ID", "admin_channel_id")
    )

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper_case_level(cls, value: Any) -> Any:
        return value.strip().upper() if isinstance(value, str) else value

    @field_validator("log_format", mode="before")
    @classmethod
    def _lower_case_word(cls, value: Any) -> Any:
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("shard_count", mode="before")
    @classmethod
    def _shard_count(cls, value: Any) -> Any:
        text = str(value).strip().lower()
        if value is None or text == "auto":
            return None if value is None else "auto"
        if not text.isdigit() or int(text) < 1:
            raise ValueError(f"{text!r} is not a number of shards (1, 2 ...) or auto")
        return int(text)

    @model_validator(mode="after")
    def _shards_fit(self) -> Settings:
        if self.shard_ids and not isinstance(self.shard_count, int):
            raise ValueError("VYZOV_SHARD_IDS needs VYZOV_SHARD_COUNT set to a number")
        count = self.shard_count
        if isinstance(count, int) and self.shard_ids and max(self.shard_ids) >= count:
            raise ValueError(
                f"VYZOV_SHARD_IDS: shard ids run from 0 to {count - 1} (VYZOV_SHARD_COUNT={count})"
            )
        return self

    @property
    def sharded(self) -> bool:
        """Whether the bot runs as discord.py's AutoShardedBot (VYZOV_SHARD_COUNT is set)."""
        return self.shard_count is not None

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
