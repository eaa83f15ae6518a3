"""Settings: environment and .env parsing, clear errors, a hidden token, and .env.example."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import SecretStr, ValidationError

from bot.discordbot.startup import load_settings
from bot.settings import Settings, env_name

ROOT = Path(__file__).parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "knowledge"
TOKEN = "MTIzNDU2Nzg5.secret-token-value"


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch):
    for name in list(os.environ):
        if name in ("DISCORD_TOKEN", "DATABASE_URL") or name.startswith("VYZOV_"):
            monkeypatch.delenv(name)


def documented_variables() -> set[str]:
    text = (ROOT / ".env.example").read_text(encoding="utf-8")
    return set(re.findall(r"^([A-Z][A-Z0-9_]*)=", text, flags=re.MULTILINE))


def test_env_example_lists_exactly_the_settings():
    assert documented_variables() == {env_name(field) for field in Settings.model_fields}


def test_every_variable_in_env_example_has_a_comment_above_it():
    lines = (ROOT / ".env.example").read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines):
        if re.match(r"^[A-Z][A-Z0-9_]*=", line):
            above = lines[number - 1]
            assert above.startswith("#") or re.match(r"^[A-Z][A-Z0-9_]*=", above), line


def test_the_env_example_as_copied_is_valid_and_has_no_token(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    settings = Settings(_env_file=ROOT / ".env.example")
    assert settings.discord_token is None
    assert settings.answer_channel_ids == frozenset()
    assert settings.dev_guild_id is None


def test_settings_can_be_built_directly_in_tests():
    settings = Settings(
        _env_file=None,
        discord_token="x",
        answer_channel_ids=[1, 2],
        admin_role_ids=[3],
        dev_guild_id=4,
        knowledge_dir=FIXTURES,
        answer_cooldown_seconds=0,
    )
    assert settings.token == "x"
    assert settings.answer_channel_ids == frozenset({1, 2})
    assert settings.admin_role_ids == frozenset({3})
    assert settings.dev_guild_id == 4
    assert settings.knowledge_dir == FIXTURES
    assert settings.answer_cooldown_seconds == 0


def test_defaults_need_no_environment():
    settings = Settings(_env_file=None)
    assert settings.discord_token is None
    assert settings.log_level == "INFO"
    assert (settings.knowledge_dir / "sources.yaml").is_file()


def test_environment_variables_are_read(monkeypatch):
    monkeypatch.setenv("DISCORD_TOKEN", TOKEN)
    monkeypatch.setenv("VYZOV_ANSWER_CHANNELS", "1, 2,3")
    monkeypatch.setenv("VYZOV_ADMIN_ROLES", "42")
    monkeypatch.setenv("VYZOV_DEV_GUILD_ID", "7")
    monkeypatch.setenv("VYZOV_LOG_LEVEL", "debug")
    monkeypatch.setenv("VYZOV_ANSWER_COOLDOWN_RATE", "2")
    monkeypatch.setenv("VYZOV_ANSWER_COOLDOWN_SECONDS", "10.5")
    settings = Settings(_env_file=None)
    assert settings.token == TOKEN
    assert settings.answer_channel_ids == frozenset({1, 2, 3})
    assert settings.admin_role_ids == frozenset({42})
    assert settings.dev_guild_id == 7
    assert settings.log_level == "DEBUG"
    assert (settings.answer_cooldown_rate, settings.answer_cooldown_seconds) == (2, 10.5)


def test_dotenv_file_is_read_and_blank_values_mean_default(tmp_path):
    env_file = tmp_path / ".env"
    env_file.write_text(
        f"DISCORD_TOKEN={TOKEN}\nVYZOV_ANSWER_CHANNELS=\nVYZOV_DEV_GUILD_ID=\n", encoding="utf-8"
    )
    settings = Settings(_env_file=env_file)
    assert settings.token == TOKEN
    assert settings.answer_channel_ids == frozenset()
    assert settings.dev_guild_id is None


def test_env_file_none_ignores_a_local_dotenv(monkeypatch, tmp_path):
    (tmp_path / ".env").write_text(f"DISCORD_TOKEN={TOKEN}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert Settings(_env_file=None).discord_token is None
    assert Settings().token == TOKEN  # the default does read ./.env


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("VYZOV_ANSWER_CHANNELS", "abc"),
        ("VYZOV_ANSWER_CHANNELS", "1,two"),
        ("VYZOV_ADMIN_ROLES", "-5"),
        ("VYZOV_DEV_GUILD_ID", "guild"),
        ("VYZOV_LOG_LEVEL", "LOUD"),
        ("VYZOV_ANSWER_COOLDOWN_RATE", "0"),
        ("VYZOV_ANSWER_COOLDOWN_SECONDS", "-1"),
    ],
)
def test_a_bad_value_is_an_error_naming_the_variable(monkeypatch, variable, value):
    monkeypatch.setenv(variable, value)
    with pytest.raises(ValidationError) as caught:
        Settings(_env_file=None)
    assert variable in str(caught.value)


def test_a_bad_channel_id_says_what_is_wrong(monkeypatch):
    monkeypatch.setenv("VYZOV_ANSWER_CHANNELS", "123,abc")
    with pytest.raises(ValidationError, match=r"'abc' is not a Discord id"):
        Settings(_env_file=None)


def test_the_token_never_shows_in_repr_str_or_dumps():
    settings = Settings(_env_file=None, discord_token=TOKEN)
    assert isinstance(settings.discord_token, SecretStr)
    for text in (
        repr(settings),
        str(settings),
        settings.model_dump_json(),
        str(settings.model_dump()),
    ):
        assert TOKEN not in text
    assert settings.token == TOKEN


def test_settings_errors_are_printed_by_variable_without_the_token(monkeypatch, capsys):
    monkeypatch.setenv("DISCORD_TOKEN", TOKEN)
    monkeypatch.setenv("VYZOV_ANSWER_CHANNELS", "abc")
    monkeypatch.chdir(FIXTURES)  # no .env here
    assert load_settings() is None
    err = capsys.readouterr().err
    assert "error: VYZOV_ANSWER_CHANNELS:" in err
    assert TOKEN not in err


def _run_cli(*args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k != "DISCORD_TOKEN" and "VYZOV_" not in k}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**clean, "PYTHONPATH": str(ROOT), **env},
        timeout=60,
        check=False,
    )


def test_run_without_a_token_exits_with_a_helpful_message(tmp_path):
    result = _run_cli("run", env={}, cwd=tmp_path)
    assert result.returncode == 2
    assert "DISCORD_TOKEN" in result.stderr
    assert ".env.example" in result.stderr
    assert "python -m bot ask" in result.stderr


def test_run_check_validates_settings_and_knowledge_without_connecting(tmp_path):
    env = {"DISCORD_TOKEN": TOKEN, "VYZOV_KNOWLEDGE_DIR": str(FIXTURES)}
    result = _run_cli("run", "--check", env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok:")
    assert TOKEN not in result.stdout + result.stderr


def test_run_check_fails_on_a_broken_knowledge_base(tmp_path):
    (tmp_path / "broken.yaml").write_text("entries: [{id: Bad}]\n", encoding="utf-8")
    env = {"DISCORD_TOKEN": TOKEN, "VYZOV_KNOWLEDGE_DIR": str(tmp_path)}
    result = _run_cli("run", "--check", env=env, cwd=tmp_path)
    assert result.returncode == 1  # Docker reads 1 as "unhealthy" (2 is reserved)
    assert "broken.yaml" in result.stderr
