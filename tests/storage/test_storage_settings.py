"""The storage settings: defaults, clear errors by variable, and a database password that never
shows."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pydantic import ValidationError

from bot.settings import Settings

PASSWORD = "s3cret-pg-password"


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name in ("DISCORD_TOKEN", "DATABASE_URL") or name.startswith("VYZOV_"):
            monkeypatch.delenv(name)


def test_storage_defaults_need_no_set_up() -> None:
    settings = Settings(_env_file=None)
    assert settings.data_dir == Path("data")
    assert settings.database_url is None
    assert settings.user_id_salt is None
    assert settings.retention_days == 90
    assert settings.watch_knowledge_seconds == 0  # the watcher is off
    assert settings.admin_channel_id is None


def test_storage_variables_are_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VYZOV_DATA_DIR", "/var/lib/vyzov")
    monkeypatch.setenv("DATABASE_URL", f"postgresql://bot:{PASSWORD}@db:5432/vyzov")
    monkeypatch.setenv("VYZOV_USER_ID_SALT", "x" * 32)
    monkeypatch.setenv("VYZOV_RETENTION_DAYS", "30")
    monkeypatch.setenv("VYZOV_LOW_CONFIDENCE", "0.8")
    monkeypatch.setenv("VYZOV_WATCH_KNOWLEDGE_SECONDS", "5")
    monkeypatch.setenv("VYZOV_ADMIN_CHANNEL_ID", "123456789")
    settings = Settings(_env_file=None)
    assert settings.data_dir == Path("/var/lib/vyzov")
    assert settings.database_url is not None
    assert settings.database_url.get_secret_value().endswith("@db:5432/vyzov")
    assert (settings.retention_days, settings.low_confidence) == (30, 0.8)
    assert (settings.watch_knowledge_seconds, settings.admin_channel_id) == (5, 123456789)
    for text in (repr(settings), str(settings.model_dump()), settings.model_dump_json()):
        assert PASSWORD not in text
        assert "x" * 32 not in text


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("VYZOV_RETENTION_DAYS", "0"),
        ("VYZOV_RETENTION_DAYS", "forever"),
        ("VYZOV_LOW_CONFIDENCE", "1.5"),
        ("VYZOV_USER_ID_SALT", "short"),
        ("VYZOV_WATCH_KNOWLEDGE_SECONDS", "-1"),
        ("VYZOV_ADMIN_CHANNEL_ID", "general"),
    ],
)
def test_a_bad_storage_value_is_an_error_naming_the_variable(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str
) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(ValidationError) as caught:
        Settings(_env_file=None)
    assert variable in str(caught.value)
