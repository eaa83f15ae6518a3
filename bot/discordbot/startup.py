"""Before connecting: read the settings and check the token, knowledge base and store, with
messages a person can act on. Never imports discord, so the Docker health check stays quick."""

from __future__ import annotations

import asyncio
import sys
from typing import TextIO

from pydantic import ValidationError

from bot.core.loader import KnowledgeBaseError
from bot.discordbot.live import Snapshot, validated
from bot.settings import Settings, env_name
from bot.storage.base import Store
from bot.storage.factory import open_store

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
    """`python -m bot check` (and `run --check`): settings, token, knowledge base and store,
    without connecting to Discord. Exit 0 when all pass, else 1 (Docker: "unhealthy")."""
    err = err or sys.stderr
    out = out or sys.stdout
    settings = load_settings(err)
    if settings is None:
        print("check failed: settings", file=err)
        return 1
    failed = []
    if require_token(settings, err) is None:
        failed.append("token")
    else:
        out.write(f"ok: settings ({_describe(settings)})\n")
    snapshot = load_knowledge(settings, err)
    if snapshot is None:
        failed.append("knowledge base")
    else:
        kb = snapshot.kb
        out.write(
            f"ok: knowledge base {kb.version} ({len(kb.entries)} entries, "
            f"{len(kb.sources)} sources) in {settings.knowledge_dir}\n"
        )
    if not check_store(settings, out, err):
        failed.append("store")
    if failed:
        print(f"check failed: {', '.join(failed)}", file=err)
        return 1
    out.write("all checks passed\n")
    return 0


def _describe(settings: Settings) -> str:
    shards = "not sharded"
    if settings.shard_count is not None:
        ids = ",".join(map(str, settings.shard_ids)) or "all"
        shards = f"shards {ids} of {settings.shard_count}"
    return f"token set; {shards}; log format {settings.log_format}"


def check_store(settings: Settings, out: TextIO, err: TextIO) -> bool:
    """Open the store the bot would use (connect, schema up to date) and close it again."""
    try:
        store = open_store(settings)
        asyncio.run(_open_and_close(store))
    except Exception as exc:  # unreachable, refused, driver missing ...: all mean unusable
        print(f"error: store: {exc}", file=err)
        return False
    out.write(f"ok: store {store.describe()} reachable, schema up to date\n")
    return True


async def _open_and_close(store: Store) -> None:
    try:
        await store.open()
    finally:
        await store.close()
