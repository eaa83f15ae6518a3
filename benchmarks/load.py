"""Load: the real bot under bursts of questions through the fake Discord, measured.

Two processes, so that the bot's numbers are its own: this one runs the bot (`make_bot`, the real
knowledge base, the production cooldown of 5 answers per 60 s per user), a child runs the fake
Discord of tests/discord/fake_discord.py and plays the bursts: N questions mentioning the bot,
from U users (new ones each burst) in C answer channels, spread evenly over S seconds.

Reported per burst: answered; rate-limited (the per-user cooldown, counted by the bot);
dropped = questions - answered - rate-limited (must be 0: every question the bot accepted is
answered or deliberately refused); p50 / p99 from the MESSAGE_CREATE leaving the fake to the
reply request reaching it; the longest event-loop stall of the bot (a 5 ms ticker); the bot's
CPU time; its resident memory after the burst (a second burst must not grow it materially).
Exit 1 if anything was dropped or answered twice.

    .venv/bin/python benchmarks/load.py                      # 2 bursts of 1000 questions
    .venv/bin/python benchmarks/load.py --messages 5000 --seconds 5
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

TICK = 0.005  # seconds between two ticks of the stall detector
STALL_TARGET_MS = 50.0


# --- the child: fake Discord and the bursts ---------------------------------------------------
def question_pool() -> list[str]:
    texts = []
    for path in sorted((ROOT / "tests" / "data").glob("questions*.yaml")):
        texts += [q["q"] for q in yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]]
    return [t for t in texts if 0 < len(t) <= 500]


async def fake_discord(channels: int, users: int) -> None:
    """The child: commands on stdin, one JSON object per line each way."""
    from tests.discord.fake_discord import FakeDiscord

    fake = FakeDiscord()
    channel_ids = [fake.add_channel(f"ask-{n}") for n in range(channels)]
    people = [fake.add_user(f"user{n}") for n in range(users)]
    await fake.start()
    loop = asyncio.get_running_loop()
    stdin = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(stdin), sys.stdin)
    say({"port": fake.port, "token": fake.token, "channels": channel_ids})
    pool, sent = question_pool(), {}
    while line := await stdin.readline():
        command = json.loads(line)
        if command["do"] == "burst":
            crowd = people[command["first_user"] : command["first_user"] + command["users"]]
            sent = await burst(fake, crowd, channel_ids, pool, command)
            say({"seq": fake.seq})
        elif command["do"] == "collect":
            say(collect(fake, sent))
    await fake.close()


async def burst(
    fake: Any, crowd: list[Any], channels: list[str], pool: list[str], command: dict[str, Any]
) -> dict[str, tuple[float, str]]:
    """Dispatch the questions on schedule; message id -> (time sent, author id)."""
    rng = random.Random(command["seed"])
    count, spacing = command["messages"], command["seconds"] / command["messages"]
    mention = f"<@{fake.app_id}>"
    # what the fake keeps of earlier bursts would only slow its own garbage collection, and
    # a late fake sends the bot its questions in clumps
    for kept in (fake.calls, fake.messages, fake.created):
        kept.clear()
    gc.collect()
    sent = {}
    start = time.monotonic()
    for n in range(count):
        if (delay := start + n * spacing - time.monotonic()) > 0:
            await asyncio.sleep(delay)
        author = rng.choice(crowd)
        message = fake.message(
            author, f"{mention} {rng.choice(pool)}", channel=rng.choice(channels)
        )
        sent[message["id"]] = (time.monotonic(), author["id"])
        await fake.dispatch("MESSAGE_CREATE", message)
    return sent


def collect(fake: Any, sent: dict[str, tuple[float, str]]) -> dict[str, Any]:
    replies: dict[str, list[tuple[int, float]]] = {}
    for call in fake.find("POST", r"/channels/\d+/messages"):
        asked = str(((call.json or {}).get("message_reference") or {}).get("message_id"))
        replies.setdefault(asked, []).append((call.status, call.at))
    latencies, answered, twice = [], 0, 0
    for message_id, (at, _) in sent.items():
        good = [when for status, when in replies.get(message_id, []) if status == 200]
        if good:
            answered += 1
            latencies.append((good[0] - at) * 1000)
        twice += len(good) > 1
    per_user = Counter(author for _, author in sent.values())
    return {
        "sent": len(sent),
        "answered": answered,
        "twice": twice,
        "refused": len(fake.rejections) + len(fake.unhandled),
        "latencies_ms": latencies,
        "span_s": max(at for at, _ in sent.values()) - min(at for at, _ in sent.values()),
        "most_per_user": max(per_user.values()),
        "per_user": list(per_user.values()),
    }


def say(data: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(data) + "\n")
    sys.stdout.flush()


# --- this process: the bot -------------------------------------------------------------------
@dataclass
class Burst:
    sent: int
    answered: int
    limited: int
    twice: int
    refused: int
    latencies_ms: list[float]
    stall_ms: float
    stall_cpu_ms: float
    cpu_s: float
    span_s: float
    rss_mb: float
    expected_limited: int
    contexts: int  # follow-up contexts kept (capped by VYZOV_FOLLOWUP_MAX_CONTEXTS)
    explanations: int  # "why this answer?" explanations kept (capped too)

    @property
    def dropped(self) -> int:
        return self.sent - self.answered - self.limited


@dataclass
class Ticker:
    """The longest delay of a tick due every TICK seconds: in wall time, and the part of it the
    event loop's thread spent on its own work (its CPU time; on a busy machine the wall-time
    delay also counts time the OS gave the CPU to other processes)."""

    worst: float = 0.0
    worst_cpu: float = 0.0
    task: asyncio.Task[None] | None = field(default=None, repr=False)

    def reset(self) -> None:
        self.worst = self.worst_cpu = 0.0

    async def run(self) -> None:
        while True:
            wall, cpu = time.perf_counter(), time.thread_time()
            await asyncio.sleep(TICK)
            late = time.perf_counter() - wall - TICK
            self.worst = max(self.worst, late)
            self.worst_cpu = max(self.worst_cpu, min(late, time.thread_time() - cpu))


def rss_mb() -> float:
    with contextlib.suppress(OSError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # peak, where no /proc


async def run(args: argparse.Namespace) -> list[Burst]:
    import discord
    import yarl
    from discord.gateway import DiscordWebSocket
    from discord.http import Route

    from bot.core.loader import load
    from bot.discordbot.client import make_bot
    from bot.discordbot.live import LiveKnowledge
    from bot.discordbot.runner import warm_up
    from bot.discordbot.shutdown import in_flight
    from bot.settings import Settings

    child = await asyncio.create_subprocess_exec(
        sys.executable,
        __file__,
        "--fake-discord",
        f"--channels={args.channels}",
        f"--users={args.users * args.bursts}",
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        limit=2**26,  # the results line carries every latency
    )
    assert child.stdin is not None
    assert child.stdout is not None
    stdin, stdout = child.stdin, child.stdout

    async def ask_child(command: dict[str, Any]) -> Any:
        stdin.write((json.dumps(command) + "\n").encode())
        await stdin.drain()
        return json.loads(await stdout.readline())

    hello = json.loads(await stdout.readline())
    Route.BASE = f"http://127.0.0.1:{hello['port']}/api/v10"
    DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(f"ws://127.0.0.1:{hello['port']}/")
    data_dir = Path(tempfile.mkdtemp(prefix="vyzov-load-"))
    settings = Settings(
        _env_file=None,
        discord_token=hello["token"],
        knowledge_dir=args.knowledge,
        answer_channel_ids=[int(c) for c in hello["channels"]],
        answer_cooldown_rate=args.cooldown_rate,
        answer_cooldown_seconds=args.cooldown_seconds,
        data_dir=data_dir,
        database_url=None,
    )
    # loaded, not validated: editorial warnings (`kb validate`) do not change the load
    knowledge = LiveKnowledge(args.knowledge, load(args.knowledge))
    bot = make_bot(settings, knowledge=knowledge, guild_ready_timeout=0.01)
    if not args.cold:
        warm_up(bot)  # as `python -m bot run` does before connecting
    limited = 0
    hit = bot.answer_cooldown.hit

    def counting_hit(user_id: int) -> float | None:
        nonlocal limited
        retry_after = hit(user_id)
        limited += retry_after is not None
        return retry_after

    bot.answer_cooldown.hit = counting_hit  # type: ignore[method-assign]
    results = []
    ticker = Ticker()
    async with bot:
        await bot.login(hello["token"])
        connection = asyncio.create_task(bot.connect(reconnect=False))
        await bot.wait_until_ready()
        ticker.task = asyncio.create_task(ticker.run())
        gc.collect()
        results_rss = [rss_mb()]
        for number in range(args.bursts):
            limited = 0
            ticker.reset()
            cpu = time.process_time()
            command = {
                "do": "burst",
                "messages": args.messages,
                "seconds": args.seconds,
                "users": args.users,
                "first_user": number * args.users,
                "seed": number,
            }
            done = await ask_child(command)
            await quiet(bot, done["seq"], in_flight)
            cpu = time.process_time() - cpu
            stall, stall_cpu = ticker.worst, ticker.worst_cpu
            report = await ask_child({"do": "collect"})
            feedback = getattr(bot, "feedback", None)
            if feedback is not None:
                await feedback.storage.flush()  # queued misses written: memory comparable
            gc.collect()
            results_rss.append(rss_mb())
            expected = sum(max(0, n - args.cooldown_rate) for n in report["per_user"])
            results.append(
                Burst(
                    sent=report["sent"],
                    answered=report["answered"],
                    limited=limited,
                    twice=report["twice"],
                    refused=report["refused"],
                    latencies_ms=report["latencies_ms"],
                    stall_ms=stall * 1000,
                    stall_cpu_ms=stall_cpu * 1000,
                    cpu_s=cpu,
                    span_s=report["span_s"],
                    rss_mb=results_rss[-1],
                    expected_limited=expected,
                    contexts=len(bot.conversations),
                    explanations=len(feedback.explanations) if feedback is not None else 0,
                )
            )
        ticker.task.cancel()
        await bot.close()
        with contextlib.suppress(discord.DiscordException, asyncio.CancelledError):
            await connection
    stdin.close()
    await child.wait()
    print_table(args, results, results_rss[0])
    return results


async def quiet(bot: Any, seq: int, in_flight: Any) -> None:
    """Until the bot has read every event and no handler runs, three polls in a row."""
    calm = 0
    while calm < 3:
        await asyncio.sleep(0.02)
        busy = (bot.ws.sequence or 0) < seq or in_flight()
        calm = 0 if busy else calm + 1


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def print_table(args: argparse.Namespace, results: list[Burst], rss_before: float) -> None:
    print(
        f"{args.messages} questions per burst from {args.users} users in {args.channels} "
        f"channels over {args.seconds:g} s; cooldown {args.cooldown_rate} per "
        f"{args.cooldown_seconds:g} s per user; RSS before: {rss_before:.1f} MB; "
        f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs"
    )
    rows: list[tuple[str, ...]] = [("", *(f"burst {n + 1}" for n in range(len(results))))]

    def row(label: str, values: list[str]) -> None:
        rows.append((label, *values))

    row("questions", [str(b.sent) for b in results])
    row("answered", [str(b.answered) for b in results])
    row("rate-limited (cooldown)", [str(b.limited) for b in results])
    row("rate-limited, expected", [str(b.expected_limited) for b in results])
    row("dropped", [str(b.dropped) for b in results])
    row("answered twice", [str(b.twice) for b in results])
    row("refused by Discord", [str(b.refused) for b in results])
    row("dispatch span s", [f"{b.span_s:.2f}" for b in results])
    row("p50 ms to reply request", [f"{statistics.median(b.latencies_ms):.1f}" for b in results])
    row("p99 ms to reply request", [f"{percentile(b.latencies_ms, 0.99):.1f}" for b in results])
    row("max ms to reply request", [f"{max(b.latencies_ms):.1f}" for b in results])
    row("longest loop stall ms", [f"{b.stall_ms:.1f}" for b in results])
    row("  of the bot's own work ms", [f"{b.stall_cpu_ms:.1f}" for b in results])
    row("bot CPU s", [f"{b.cpu_s:.2f}" for b in results])
    row("RSS after MB", [f"{b.rss_mb:.1f}" for b in results])
    row("follow-up contexts kept", [str(b.contexts) for b in results])
    row("explanations kept", [str(b.explanations) for b in results])
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        print("  ".join(cell.ljust(widths[0]) if i == 0 else cell.rjust(widths[i])
                        for i, cell in enumerate(r)))  # fmt: skip
    stall = max(b.stall_cpu_ms for b in results)
    print(
        f"stall target (own work) < {STALL_TARGET_MS:g} ms: "
        f"{'met' if stall < STALL_TARGET_MS else 'MISSED'}"
    )
    if len(results) > 1:
        first, last = results[0], results[-1]
        print(
            f"memory from burst 1 to {len(results)}: {last.rss_mb - first.rss_mb:+.1f} MB, "
            f"while the new askers' state grew by {last.contexts - first.contexts} follow-up "
            f"contexts and {last.explanations - first.explanations} explanations (each capped "
            "at 10,000 by default)"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, default=1000, help="questions per burst")
    parser.add_argument("--users", type=int, default=200, help="askers per burst (new each)")
    parser.add_argument("--channels", type=int, default=20, help="answer channels")
    parser.add_argument("--seconds", type=float, default=2.0, help="span of a burst")
    parser.add_argument("--bursts", type=int, default=2)
    parser.add_argument("--cooldown-rate", type=int, default=5, help="answers per user ...")
    parser.add_argument("--cooldown-seconds", type=float, default=60.0, help="... per seconds")
    parser.add_argument("--knowledge", type=Path, default=ROOT / "knowledge")
    parser.add_argument(
        "--cold", action="store_true", help="skip the runner's warm-up and gc.freeze() (compare)"
    )
    parser.add_argument("--fake-discord", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.fake_discord:
        asyncio.run(fake_discord(args.channels, args.users))
        return 0
    results = asyncio.run(run(args))
    bad = [b for b in results if b.dropped or b.twice]
    if bad:
        print("FAILED: questions were dropped or answered twice", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
