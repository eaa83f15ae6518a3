"""Before connecting: read the settings and check the token and knowledge base, with messages
a person can act on. Never imports discord, so the Docker health check stays quick."""

from __future__ import annotations

import sys
from typing import TextIO

from pydantic import ValidationError

from bot.core.loader import KnowledgeBaseError
from bot.discordbot.live import Snapshot, validated
from bot.settings import Settings, env_name

NO_TOKEN = """\
error: DISCORD_TOKEN is not set, so the bot cannot log in to Discord.
  - Copy .env.example to .env and put your bot's token after DISCORD_TOKEN=
    (README.md, "Run the Discord bot", shows where to get one), or export DISCORD_TOKEN.
  - To try the answers without Discord: python -m bot ask "who directed The Challenge?\""""


def load_settings(err: TextIO | None = None) -> Settings | None:
    """Settings from the environment and .env; None after printing what is wrong, by variable."""
    err = err or sys.stderr
    try:
        return Settings()
    except ValidationError as exc:
        for error in exc.errors():
            # never print the input: it could be the token
            where = str(error["loc"][0]) if error["loc"] else "settings"
            if where in Settings.model_fields:
                where = env_name(where)
            print(f"error: {where}: {error['msg']}", file=err)
        print("Fix the variable(s) above in .env or the environment (see .env.example).", file=err)
        return None


def require_token(settings: Settings, err: TextIO | None = None) -> str | None:
    err = err or sys.stderr
    token = settings.token
    if not token:
        print(NO_TOKEN, file=err)
        return None
    return token


def load_knowledge(settings: Settings, err: TextIO | None = None) -> Snapshot | None:
    """The validated knowledge base, or None after listing every problem."""
    err = err or sys.stderr
    try:
        return validated(settings.knowledge_dir)
    except KnowledgeBaseError as exc:
        for problem in exc.problems:
            print(f"error: {problem}", file=err)
        print(
            f"{len(exc.problems)} problem(s) in {settings.knowledge_dir}; "
            "the bot will not start on a broken knowledge base.",
            file=err,
        )
        return None


def check(out: TextIO | None = None, err: TextIO | None = None) -> int:
    """`python -m bot run --check`: settings, token and knowledge base, without connecting."""
    err = err or sys.stderr
    out = out or sys.stdout
    settings = load_settings(err)
    if settings is None or require_token(settings, err) is None:
        return 2
    snapshot = load_knowledge(settings, err)
    if snapshot is None:
        return 2
    kb = snapshot.kb
    out.write(f"ok: settings valid; knowledge base {kb.version} ({len(kb.entries)} entries)\n")
    return 0
