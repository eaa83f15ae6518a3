"""Running until a signal, then stopping gracefully: no new events, replies in flight finished
(for a bounded time), then `bot.close()`: the HTTP session, and the store after its queued
writes (`VyzovBot.close`).

SIGTERM (`docker stop`, Kubernetes, systemd) and SIGINT (Ctrl-C) both take this path.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from typing import Any

import discord

log = logging.getLogger(__name__)

# Docker's `stop` sends SIGKILL 10 s after SIGTERM, and the store may take up to 5 s more to
# write what is queued (bot.storage.service.CLOSE_TIMEOUT): replies take milliseconds, and
# a reply still waiting on a long 429 after this is cancelled
GRACE_SECONDS = 4.0
SIGNALS = (signal.SIGTERM, signal.SIGINT)
# the names discord.py gives the tasks it runs handlers in (client.py, app_commands/tree.py,
# ui/view.py): every reply in flight runs in one of these
HANDLER_TASKS = (
    "discord.py: ",
    "CommandTree-invoker",
    "discord-ui-view-dispatch",
    "discord-ui-dynamic-item",
)


def in_flight() -> set[asyncio.Task[object]]:
    """The event-handler tasks still running (messages, commands, buttons being answered)."""
    current = asyncio.current_task()
    return {
        task
        for task in asyncio.all_tasks()
        if task is not current and not task.done() and task.get_name().startswith(HANDLER_TASKS)
    }


async def serve(bot: discord.Client, token: str, *, grace: float = GRACE_SECONDS) -> None:
    """`bot.start(token)` until it ends by itself (errors propagate) or a signal arrives."""
    loop = asyncio.get_running_loop()
    received: asyncio.Future[str] = loop.create_future()
    installed = []
    for sig in SIGNALS:
        with contextlib.suppress(NotImplementedError, RuntimeError):  # Windows; not main thread
            loop.add_signal_handler(sig, _first_signal, received, sig.name)
            installed.append(sig)
    connection = asyncio.create_task(bot.start(token), name="vyzov: gateway connection")
    try:
        either: set[asyncio.Future[Any]] = {connection, received}
        await asyncio.wait(either, return_when=asyncio.FIRST_COMPLETED)
        if connection.done():
            connection.result()  # login refused, privileged intents missing ...: raise it
            return
        await shutdown(bot, connection, grace=grace, reason=received.result())
        with contextlib.suppress(asyncio.CancelledError, Exception):  # ends with the close
            await asyncio.wait_for(connection, 1.0)
    finally:
        received.cancel()
        for sig in installed:
            loop.remove_signal_handler(sig)


def _first_signal(received: asyncio.Future[str], name: str) -> None:
    if not received.done():
        received.set_result(name)


async def shutdown(
    bot: discord.Client,
    connection: asyncio.Task[None] | None = None,
    *,
    grace: float = GRACE_SECONDS,
    reason: str = "shutdown",
) -> int:
    """Stop reading the gateway, wait up to `grace` seconds for the replies in flight, then
    close the bot (HTTP session and store). Returns how many handlers had to be cancelled
    (0: every accepted question was answered)."""
    log.info("Shutting down (%s): no new events; finishing %d in flight", reason, len(in_flight()))
    await stop_gateway(bot, connection)
    unfinished = await drain(grace)
    if unfinished:
        log.warning(
            "%d handler(s) did not finish within %.1f s and were cancelled", unfinished, grace
        )
    await bot.close()
    log.info("Stopped")
    return unfinished


async def stop_gateway(bot: discord.Client, connection: asyncio.Task[None] | None) -> None:
    """Close every gateway connection for good, keeping the HTTP session for the replies."""
    if isinstance(bot, discord.AutoShardedClient):
        for shard in bot.shards.values():
            await shard.disconnect()  # also stops that shard's reader and reconnects
        return
    if connection is not None and not connection.done():
        # the connect loop would reconnect after a close: end it first
        connection.cancel()
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await connection
    if bot.ws is not None:
        await bot.ws.close(code=1000)


async def drain(grace: float) -> int:
    """Wait for the handler tasks (and any they start) until none is left or `grace` is up;
    cancel what is left and return how many that was."""
    deadline = asyncio.get_running_loop().time() + grace
    while pending := in_flight():
        left = deadline - asyncio.get_running_loop().time()
        if left <= 0:
            for task in pending:
                task.cancel()
            await asyncio.wait(pending, timeout=1.0)
            return len(pending)
        await asyncio.wait(pending, timeout=left)
    return 0
