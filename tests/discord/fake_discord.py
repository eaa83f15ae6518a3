"""A small fake Discord (REST v10 + gateway v10 on 127.0.0.1) that the unmodified bot logs into.

Tests push real gateway payloads (MESSAGE_CREATE, INTERACTION_CREATE) and assert on the JSON
bodies the bot sends back. The Discord rules our tests rely on are modelled, so a test can
fail for the reason Discord would refuse or misbehave:

- the message-content intent: without it, guild messages arrive with empty content unless
  the bot is mentioned (messages intents missing: they do not arrive at all);
- mentions are decided here, from the content, `allowed_mentions` (absent means Discord's
  default: parse everything) and the author's permissions, and written into the created
  message as `mention_everyone`, `mentions` and `mention_roles`, as Discord does;
- an interaction is answered once (a second callback is 400, code 40060), within 3 seconds
  (later is 404, code 10062), with a response type that fits it; follow-ups need an answer;
- message bodies, autocomplete choices and command definitions are checked against
  Discord's limits (400, code 50035 or 50006);
- responses carry `Content-Type: application/json` exactly, and interaction callbacks sent
  with `?with_response=1` get the callback body discord.py parses;
- unknown routes answer 404 and are kept in `unhandled`, so surprises are loud.

Faults can be injected, as Discord produces them: any status on a route (`fail`: 403, 500,
502 ...), 429s with Discord's headers and body, per route or global (`rate_limit`), requests
held until a test releases them (`hold`), and a dropped gateway connection (`drop`), after
which the bot may RESUME its session (the events it missed are replayed, as Discord does) or,
when the session was invalidated, IDENTIFY again. The gateway is shard-aware: each IDENTIFY
with `shard: [id, count]` is a session of its own, and guild events go to the shard
`(guild_id >> 22) % count`, as Discord routes them.

Everything listens on 127.0.0.1 only; nothing here reaches the network.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import math
import re
import time
from collections import deque
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import aiohttp
import discord
import yarl
from aiohttp import web
from discord.gateway import DiscordWebSocket
from discord.http import Route

from tests.discord.discord_rules import (
    RefusedError,
    check_choices,
    check_command,
    check_message,
)

Json = dict[str, Any]

DISCORD_EPOCH_MS = 1_420_070_400_000
INTERACTION_WINDOW = 3.0  # seconds Discord waits for the first callback
REPLAY_LIMIT = 10_000  # events kept per session for a RESUME; an older sequence is invalid

# permission bits
ADMINISTRATOR = 1 << 3
MANAGE_GUILD = 1 << 5
ADD_REACTIONS = 1 << 6
VIEW_CHANNEL = 1 << 10
SEND_MESSAGES = 1 << 11
EMBED_LINKS = 1 << 14
ATTACH_FILES = 1 << 15
READ_MESSAGE_HISTORY = 1 << 16
MENTION_EVERYONE = 1 << 17
USE_APPLICATION_COMMANDS = 1 << 31
MEMBER_DEFAULT = (
    VIEW_CHANNEL
    | SEND_MESSAGES
    | EMBED_LINKS
    | ATTACH_FILES
    | READ_MESSAGE_HISTORY
    | ADD_REACTIONS
    | USE_APPLICATION_COMMANDS
)

# gateway intents
INTENT_GUILD_MESSAGES = 1 << 9
INTENT_DIRECT_MESSAGES = 1 << 12
INTENT_MESSAGE_CONTENT = 1 << 15

# interaction and callback types
APPLICATION_COMMAND, MESSAGE_COMPONENT, AUTOCOMPLETE = 2, 3, 4
CALLBACK_MESSAGE, CALLBACK_DEFERRED, CALLBACK_DEFERRED_UPDATE = 4, 5, 6
CALLBACK_UPDATE, CALLBACK_AUTOCOMPLETE, CALLBACK_MODAL = 7, 8, 9
ALLOWED_CALLBACKS = {
    APPLICATION_COMMAND: {CALLBACK_MESSAGE, CALLBACK_DEFERRED, CALLBACK_MODAL},
    MESSAGE_COMPONENT: {
        CALLBACK_MESSAGE,
        CALLBACK_DEFERRED,
        CALLBACK_DEFERRED_UPDATE,
        CALLBACK_UPDATE,
        CALLBACK_MODAL,
    },
    AUTOCOMPLETE: {CALLBACK_AUTOCOMPLETE},
}
EPHEMERAL = 1 << 6
LOADING = 1 << 7

_GUILD_NULLS = (
    "icon splash discovery_splash banner description afk_channel_id system_channel_id "
    "rules_channel_id public_updates_channel_id vanity_url_code application_id"
).split()
_GUILD_LISTS = (
    "features emojis stickers threads presences voice_states stage_instances "
    "guild_scheduled_events soundboard_sounds"
).split()
_GUILD_ZEROS = (
    "verification_level default_message_notifications explicit_content_filter mfa_level "
    "nsfw_level premium_tier system_channel_flags"
).split()
_counter = itertools.count(1)


def snowflake(*, shard: int = 0, shard_count: int = 1) -> str:
    """A fresh id whose timestamp is now, as Discord's are (discord.py reads created_at from it).

    With `shard_count`, a guild id that Discord would route to `shard` (the timestamp decides).
    """
    millis = int(time.time() * 1000) - DISCORD_EPOCH_MS
    millis += (shard - millis) % shard_count
    return str((millis << 22) | (next(_counter) & 0x3FFFFF))


def shard_of(guild_id: str | int, shard_count: int) -> int:
    """The shard Discord sends a guild's events to."""
    return (int(guild_id) >> 22) % shard_count


def iso_now() -> str:
    now = time.time()
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(now)) + f".{int(now % 1 * 1e6):06d}+00:00"


def user_payload(uid: str, name: str, *, bot: bool = False) -> Json:
    return {
        "id": uid,
        "username": name,
        "discriminator": "0",
        "global_name": name,
        "avatar": None,
        "bot": bot,
        "public_flags": 0,
        "flags": 0,
    }


@dataclass
class Call:
    """One REST request the bot made, as the fake received it."""

    method: str
    path: str  # without the /api/v10 prefix, e.g. /channels/1/messages
    query: dict[str, str]
    json: Any
    content_type: str
    auth: str | None
    status: int = 0
    reason: str = ""  # why the fake refused it, when it did
    at: float = 0.0  # time.monotonic() when the request reached the fake

    def __repr__(self) -> str:
        body = json.dumps(self.json, ensure_ascii=False)[:300] if self.json is not None else ""
        return f"<{self.method} {self.path} -> {self.status} {body}>"


@dataclass
class Role:
    id: str
    name: str
    permissions: int = 0
    mentionable: bool = False
    position: int = 1
    managed: bool = False
    bot_id: str | None = None  # the integration role Discord gives a bot when it joins
    guild_id: str = ""  # set by FakeDiscord: the guild the role belongs to

    def payload(self) -> Json:
        tags = {"tags": {"bot_id": self.bot_id}} if self.bot_id else {}
        return {
            **tags,
            "id": self.id,
            "name": self.name,
            "color": 0,
            "colors": {"primary_color": 0, "secondary_color": None, "tertiary_color": None},
            "hoist": False,
            "position": self.position,
            "permissions": str(self.permissions),
            "managed": self.managed,
            "mentionable": self.mentionable,
            "flags": 0,
            "icon": None,
            "unicode_emoji": None,
        }


@dataclass
class Interaction:
    payload: Json
    created: float
    callback: Json | None = None
    original: Json | None = None  # the response message, once there is one
    followups: list[Json] = field(default_factory=list)

    @property
    def id(self) -> str:
        return str(self.payload["id"])

    @property
    def type(self) -> int:
        return int(self.payload["type"])


@dataclass
class _Failure:
    method: str
    path: re.Pattern[str]
    status: int
    body: Json
    headers: dict[str, str]
    times: int | None


@dataclass
class _Hold:
    method: str
    path: re.Pattern[str]
    release: asyncio.Event


@dataclass
class GatewaySession:
    """One gateway session (one per shard): what Discord keeps so that the bot can RESUME."""

    shard: tuple[int, int]  # (shard id, shard count)
    session_id: str
    identify: Json
    ws: web.WebSocketResponse | None = None
    request: web.Request | None = None
    seq: int = 0
    sent: deque[Json] = field(default_factory=lambda: deque(maxlen=REPLAY_LIMIT))  # frames

    @property
    def open(self) -> bool:
        return self.ws is not None and not self.ws.closed


class FakeDiscord:
    """REST + gateway on 127.0.0.1 with one guild, a few channels, roles and members."""

    def __init__(self, *, token: str = "fake-token", bot_can_mention_everyone: bool = True) -> None:
        self.token = token
        self.app_id = snowflake()
        self.bot_user = user_payload(self.app_id, "Vyzov Bot", bot=True)
        self.guild_id = snowflake()
        self.owner = user_payload(snowflake(), "owner")
        self.roles: dict[str, Role] = {}
        self.everyone_role = self._role(
            "@everyone", MEMBER_DEFAULT, role_id=self.guild_id, position=0
        )
        bot_perms = MEMBER_DEFAULT | (MENTION_EVERYONE if bot_can_mention_everyone else 0)
        self.bot_role = self._role("Vyzov Bot", bot_perms, managed=True)
        self.bot_role.bot_id = self.app_id
        self.channels: dict[str, Json] = {}
        self.members: dict[str, list[str]] = {}  # user id -> role ids
        self.users: dict[str, Json] = {self.bot_user["id"]: self.bot_user}
        self.members[self.bot_user["id"]] = [self.bot_role.id]
        self.add_user(self.owner)
        self.dm_channels: dict[str, str] = {}  # channel id -> user id

        self.calls: list[Call] = []
        self.unhandled: list[Call] = []  # routes the fake does not know
        self.rejections: list[Call] = []  # requests Discord would refuse (bad body, late, twice)
        self.messages: dict[str, Json] = {}  # every message, by id
        self.created: list[Json] = []  # messages the bot created, in order
        self.commands: dict[str, list[Json]] = {}  # "global" or guild id -> registered commands
        self.interactions: dict[str, Interaction] = {}
        self._by_token: dict[str, Interaction] = {}
        self._failures: list[_Failure] = []

        self.guilds: dict[str, str] = {self.guild_id: "Test Guild"}  # id -> name
        self.identify: Json | None = None  # the latest IDENTIFY payload
        self.identifies: list[Json] = []
        self.gateway_query: dict[str, str] = {}
        self.resumes = 0
        self.sessions: dict[int, GatewaySession] = {}  # by shard id
        self.undelivered: list[tuple[str, Json]] = []  # events for a shard with no session
        self.recommended_shards = 1  # what GET /gateway/bot advises
        self._session_ids = itertools.count(1)
        self._holds: list[_Hold] = []
        self._changed = asyncio.Condition()
        self._watched: list[asyncio.Task[Any]] = []
        self._runner: web.AppRunner | None = None
        self._background: set[asyncio.Task[Any]] = set()
        self.port = 0

    # --- world ----------------------------------------------------------------------------
    def _role(
        self,
        name: str,
        permissions: int = 0,
        *,
        role_id: str | None = None,
        mentionable: bool = False,
        position: int = 1,
        managed: bool = False,
        guild_id: str | None = None,
    ) -> Role:
        role = Role(role_id or snowflake(), name, permissions, mentionable, position, managed)
        role.guild_id = guild_id or self.guild_id
        self.roles[role.id] = role
        return role

    def add_guild(self, name: str, *, shard: int = 0, shard_count: int = 1) -> str:
        """Another guild with the bot in it, on `shard` of `shard_count` (its id decides).

        Every member of the first guild is a member here too, with no roles; permissions
        are the first guild's. Add before the bot connects so READY lists it.
        """
        guild_id = snowflake(shard=shard, shard_count=shard_count)
        self.guilds[guild_id] = name
        self._role("@everyone", MEMBER_DEFAULT, role_id=guild_id, position=0, guild_id=guild_id)
        bot_role = self._role("Vyzov Bot", MEMBER_DEFAULT, managed=True, guild_id=guild_id)
        bot_role.bot_id = self.app_id
        self.members[self.bot_user["id"]].append(bot_role.id)
        return guild_id

    def add_role(self, name: str, permissions: int = 0, *, mentionable: bool = False) -> Role:
        """A guild role; add before the bot connects so GUILD_CREATE carries it."""
        return self._role(name, permissions, mentionable=mentionable, position=len(self.roles))

    def add_channel(self, name: str, *, guild: str | None = None) -> str:
        cid = snowflake()
        self.channels[cid] = {
            "id": cid,
            "type": 0,
            "guild_id": guild or self.guild_id,
            "name": name,
            "position": len(self.channels),
            "permission_overwrites": [],
            "nsfw": False,
            "topic": None,
            "last_message_id": None,
            "rate_limit_per_user": 0,
            "parent_id": None,
            "flags": 0,
        }
        return cid

    def add_user(
        self, user: Json | str, *, roles: tuple[Role, ...] = (), bot: bool = False
    ) -> Json:
        """A guild member (a user payload, or a name for a new user) with these roles."""
        if isinstance(user, str):
            user = user_payload(snowflake(), user, bot=bot)
        self.users[user["id"]] = user
        self.members[user["id"]] = [r.id for r in roles]
        return user

    def permissions(self, user_id: str) -> int:
        if user_id == self.owner["id"]:
            return (1 << 53) - 1
        perms = self.everyone_role.permissions
        for role_id in self.members.get(user_id, []):
            perms |= self.roles[role_id].permissions
        return (1 << 53) - 1 if perms & ADMINISTRATOR else perms

    def member_payload(
        self, user: Json, *, with_user: bool = True, guild_id: str | None = None
    ) -> Json:
        guild_id = guild_id or self.guild_id
        roles = [r for r in self.members.get(user["id"], []) if self.roles[r].guild_id == guild_id]
        member: Json = {
            "roles": roles,
            "nick": None,
            "avatar": None,
            "banner": None,
            "joined_at": iso_now(),
            "premium_since": None,
            "deaf": False,
            "mute": False,
            "flags": 0,
            "pending": False,
            "communication_disabled_until": None,
        }
        if with_user:
            member["user"] = user
        return member

    def guild_payload(self, guild_id: str | None = None) -> Json:
        guild_id = guild_id or self.guild_id
        members = [
            self.member_payload(u, guild_id=guild_id)
            for u in self.users.values()
            if u["id"] in self.members
        ]
        return {
            **dict.fromkeys(_GUILD_NULLS),
            **{key: [] for key in _GUILD_LISTS},
            **dict.fromkeys(_GUILD_ZEROS, 0),
            "id": guild_id,
            "name": self.guilds[guild_id],
            "owner_id": self.owner["id"],
            "afk_timeout": 300,
            "preferred_locale": "en-US",
            "premium_progress_bar_enabled": False,
            "roles": [r.payload() for r in self.roles.values() if r.guild_id == guild_id],
            "joined_at": iso_now(),
            "large": False,
            "unavailable": False,
            "member_count": len(members),  # == len(members): discord.py sees the guild chunked
            "members": members,
            "channels": [c for c in self.channels.values() if c["guild_id"] == guild_id],
        }

    def dm_channel(self, user: Json) -> str:
        for cid, uid in self.dm_channels.items():
            if uid == user["id"]:
                return cid
        cid = snowflake()
        self.dm_channels[cid] = user["id"]
        return cid

    # --- server ---------------------------------------------------------------------------
    @property
    def api_base(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v10"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/"

    async def start(self) -> FakeDiscord:
        app = web.Application()
        app.router.add_get("/", self._gateway)
        app.router.add_route("*", "/api/v10/{tail:.*}", self._rest)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None
        self.port = server.sockets[0].getsockname()[1]  # type: ignore[attr-defined]
        return self

    async def close(self) -> None:
        for task in list(self._background):
            task.cancel()
        for hold in self._holds:
            hold.release.set()
        for session in self.sessions.values():
            if session.ws is not None and not session.ws.closed:
                await session.ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    def watch(self, task: asyncio.Task[Any]) -> None:
        """Fail every wait as soon as this task (a bot's `connect()`) ends."""
        self._watched.append(task)

    def unwatch(self, task: asyncio.Task[Any]) -> None:
        """The bot is being closed on purpose: its task may end now."""
        if task in self._watched:
            self._watched.remove(task)

    def check_alive(self) -> None:
        """Fail if a watched connect task has died (a gateway handler raised, pitfall 4)."""
        for task in self._watched:
            if task.done():
                error = None if task.cancelled() else task.exception()
                raise AssertionError(f"the bot's gateway connection task has ended: {error!r}")

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    async def until(self, predicate: Callable[[], Any], within: float, what: str) -> Any:
        """Wait until `predicate()` is truthy, re-checking on every request and every 20 ms."""
        deadline = asyncio.get_running_loop().time() + within
        while True:
            self.check_alive()
            result = predicate()
            if result:
                return result
            left = deadline - asyncio.get_running_loop().time()
            if left <= 0:
                raise AssertionError(f"timed out after {within}s waiting for {what}; {self.calls}")
            async with self._changed:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._changed.wait(), min(left, 0.02))

    # --- gateway --------------------------------------------------------------------------
    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self.gateway_query = dict(request.query)
        if request.query.get("v") != "10" or request.query.get("encoding") != "json":
            await ws.close(code=4012, message=b"Invalid API version")
            return ws
        await self._send(ws, {"op": 10, "d": {"heartbeat_interval": 41250}, "s": None, "t": None})
        session: GatewaySession | None = None
        async for frame in ws:
            if frame.type != aiohttp.WSMsgType.TEXT:
                continue
            message = json.loads(frame.data)
            op, data = message.get("op"), message.get("d")
            if op == 1:
                await self._send(ws, {"op": 11, "d": None, "s": None, "t": None})
            elif op == 2:
                if data.get("token") != self.token:
                    await ws.close(code=4004, message=b"Authentication failed")
                    break
                shard_id, count = data.get("shard") or (0, 1)
                if not 0 <= shard_id < count:
                    await ws.close(code=4010, message=b"Invalid shard")
                    break
                session = self._new_session(ws, request, data, (shard_id, count))
                await self._ready(session)
            elif op == 6:
                session = await self._resume(ws, request, data)
                if session is None:  # unknown or invalidated session: start a new one
                    await self._send(ws, {"op": 9, "d": False, "s": None, "t": None})
            elif op == 8 and session is not None:
                await self._deliver(session, "GUILD_MEMBERS_CHUNK", self._chunk(data))
        await self._notify()
        return ws

    def _new_session(
        self, ws: web.WebSocketResponse, request: web.Request, data: Json, shard: tuple[int, int]
    ) -> GatewaySession:
        self.identify = data
        self.identifies.append(data)
        session = GatewaySession(shard, f"fake-session-{next(self._session_ids)}", data)
        session.ws, session.request = ws, request
        self.sessions[shard[0]] = session
        return session

    async def _resume(
        self, ws: web.WebSocketResponse, request: web.Request, data: Json
    ) -> GatewaySession | None:
        """Replay what the session missed after the bot's last sequence, then RESUMED."""
        found = [s for s in self.sessions.values() if s.session_id == data.get("session_id")]
        if data.get("token") != self.token or not found:
            return None
        session, last = found[0], int(data.get("seq") or 0)
        if session.sent and session.sent[0]["s"] > last + 1:
            return None  # older than what is kept: Discord cannot resume it either
        while missed := [frame for frame in session.sent if frame["s"] > last]:
            for frame in missed:
                await self._send(ws, frame)
                last = frame["s"]
        # no await since the last check: nothing dispatched meanwhile can be skipped
        session.ws, session.request = ws, request
        self.resumes += 1
        await self._deliver(session, "RESUMED", {})
        return session

    async def _ready(self, session: GatewaySession) -> None:
        shard_id, count = session.shard
        guilds = [g for g in self.guilds if shard_of(g, count) == shard_id]
        ready = {
            "v": 10,
            "user": {**self.bot_user, "verified": True, "mfa_enabled": False},
            "guilds": [{"id": g, "unavailable": True} for g in guilds],
            "session_id": session.session_id,
            "resume_gateway_url": self.gateway_url,
            "shard": [shard_id, count],
            "application": {"id": self.app_id, "flags": 0},
            "private_channels": [],
            "relationships": [],
        }
        await self._deliver(session, "READY", ready)
        for guild_id in guilds:
            await self._deliver(session, "GUILD_CREATE", self.guild_payload(guild_id))
        await self._notify()

    def _chunk(self, data: Json) -> Json:
        guild_id = str(data.get("guild_id") or self.guild_id)
        return {
            "guild_id": guild_id,
            "members": self.guild_payload(guild_id)["members"],
            "chunk_index": 0,
            "chunk_count": 1,
            "nonce": data.get("nonce"),
        }

    @staticmethod
    async def _send(ws: web.WebSocketResponse, frame: Json) -> None:
        await ws.send_str(json.dumps(frame))

    @property
    def connected(self) -> bool:
        return any(session.open for session in self.sessions.values())

    @property
    def seq(self) -> int:
        """The last sequence number sent on shard 0 (the only shard of an unsharded bot)."""
        session = self.sessions.get(0)
        return session.seq if session is not None else 0

    def session_for(self, data: Json) -> GatewaySession | None:
        """The session Discord would send this event on: its guild's shard (DMs: shard 0)."""
        if not self.sessions:
            return None
        count = next(iter(self.sessions.values())).shard[1]
        guild_id = data.get("guild_id")
        return self.sessions.get(shard_of(guild_id, count) if guild_id else 0)

    async def dispatch(self, event: str, data: Json) -> int:
        """Send a gateway event as Discord would for this bot's intents; returns its sequence.

        While a session's connection is down, its events are kept for the RESUME (as Discord
        does); an event for a shard with no session (another process's, or an invalidated
        one) is not delivered and goes to `undelivered`.
        """
        assert self.identifies, "the bot has not connected"
        session = self.session_for(data)
        if session is None:
            self.undelivered.append((event, data))
            return 0
        if event == "MESSAGE_CREATE":
            delivered = self._as_delivered(data, session)
            if delivered is None:
                return session.seq
            data = delivered
        return await self._deliver(session, event, data)

    async def _deliver(self, session: GatewaySession, event: str, data: Json) -> int:
        session.seq += 1
        frame = {"op": 0, "t": event, "s": session.seq, "d": data}
        session.sent.append(frame)
        if session.ws is not None and not session.ws.closed:
            with contextlib.suppress(ConnectionError):  # closing: the RESUME replays it
                await self._send(session.ws, frame)
        return session.seq

    def _as_delivered(self, message: Json, session: GatewaySession) -> Json | None:
        intents = int(session.identify.get("intents", 0))
        in_guild = "guild_id" in message
        if not intents & (INTENT_GUILD_MESSAGES if in_guild else INTENT_DIRECT_MESSAGES):
            return None
        mentioned = any(u["id"] == self.bot_user["id"] for u in message.get("mentions", []))
        own = message["author"]["id"] == self.bot_user["id"]
        if intents & INTENT_MESSAGE_CONTENT or not in_guild or mentioned or own:
            return message
        blank = {"content": "", "embeds": [], "attachments": [], "components": []}
        return {**message, **blank}

    async def request_reconnect(self, *, shard: int = 0) -> None:
        """Ask the bot to reconnect and resume (gateway op 7)."""
        ws = self.sessions[shard].ws
        assert ws is not None
        await self._send(ws, {"op": 7, "d": None, "s": None, "t": None})

    async def drop(
        self, *, shard: int = 0, code: int | None = 4000, resumable: bool = True
    ) -> None:
        """Drop the gateway connection of `shard`, as a network fault or Discord would.

        `code=None` cuts the TCP connection with no close frame (the bot sees 1006);
        otherwise the connection is closed with `code` (4000: "unknown error, reconnect").
        With `resumable=False` the session is invalidated too (as after close code 4009,
        "session timed out"): a RESUME is refused (op 9) and the bot must IDENTIFY again, and
        events until then are lost, as on Discord.
        """
        session = self.sessions[shard]
        ws, request = session.ws, session.request
        session.ws = None  # from now on events wait for the RESUME
        if not resumable:
            del self.sessions[shard]
        if code is None:
            assert request is not None
            assert request.transport is not None
            request.transport.abort()
        elif ws is not None:
            await ws.close(code=code, message=b"dropped by the test")
        await self._notify()

    # --- payloads the tests push --------------------------------------------------------
    def message(
        self,
        author: Json,
        content: str,
        *,
        channel: str | None = None,
        dm: bool = False,
        reply_to: Json | None = None,
        ping_reply: bool = False,
    ) -> Json:
        """A MESSAGE_CREATE payload from a person, with mentions parsed as Discord does."""
        message = self._message(author, {"content": content}, channel=channel, dm=dm)
        if reply_to is not None:
            message["type"] = 19
            message["message_reference"] = {
                "type": 0,
                "message_id": reply_to["id"],
                "channel_id": reply_to["channel_id"],
                **({"guild_id": reply_to["guild_id"]} if "guild_id" in reply_to else {}),
            }
            message["referenced_message"] = reply_to
            if ping_reply and reply_to["author"]["id"] not in {
                u["id"] for u in message["mentions"]
            }:
                message["mentions"].append(self._mentioned(reply_to["author"], dm=dm))
        return message

    def _message(self, author: Json, body: Json, *, channel: str | None, dm: bool) -> Json:
        if dm:
            channel = channel or self.dm_channel(author)
        elif channel is None:
            channel = next(iter(self.channels))
        in_guild = channel in self.channels
        content = str(body.get("content") or "")
        pinged = self._pings(author["id"], content, body, in_guild=in_guild)
        message: Json = {
            "id": snowflake(),
            "type": 0,
            "channel_id": channel,
            "author": author,
            "content": content,
            "timestamp": iso_now(),
            "edited_timestamp": None,
            "tts": bool(body.get("tts")),
            "mention_everyone": pinged["everyone"],
            "mentions": [self._mentioned(self.users[u], dm=not in_guild) for u in pinged["users"]],
            "mention_roles": pinged["roles"],
            "attachments": [],
            "embeds": body.get("embeds") or [],
            "components": body.get("components") or [],
            "pinned": False,
            "flags": int(body.get("flags") or 0),
        }
        if in_guild:
            guild_id = self.channels[channel]["guild_id"]
            message["guild_id"] = guild_id
            message["member"] = self.member_payload(author, with_user=False, guild_id=guild_id)
        else:
            message["channel_type"] = 1
        if body.get("message_reference"):
            message["type"] = 19
            message["message_reference"] = body["message_reference"]
        self.messages[message["id"]] = message
        return message

    def _mentioned(self, user: Json, *, dm: bool) -> Json:
        if dm or user["id"] not in self.members:
            return user
        return {**user, "member": self.member_payload(user, with_user=False)}

    def _pings(self, author_id: str, content: str, body: Json, *, in_guild: bool) -> Json:
        """Who Discord notifies for this message (the server-side verdict)."""
        allowed = body.get("allowed_mentions")
        parse = ["everyone", "users", "roles"] if allowed is None else allowed.get("parse") or []
        explicit_users = [] if allowed is None else [str(u) for u in allowed.get("users") or []]
        explicit_roles = [] if allowed is None else [str(r) for r in allowed.get("roles") or []]
        perms = self.permissions(author_id) if in_guild else 0
        webhook = body.get("_webhook", False)  # interaction responses are sent as the app
        can_everyone = webhook or bool(perms & MENTION_EVERYONE)
        everyone = (
            in_guild
            and ("@everyone" in content or "@here" in content)
            and "everyone" in parse
            and can_everyone
        )
        users = [
            uid
            for uid in dict.fromkeys(re.findall(r"<@!?(\d+)>", content))
            if uid in self.users and ("users" in parse or uid in explicit_users)
        ]
        reference = body.get("message_reference")
        if reference and (allowed is None or allowed.get("replied_user")):
            replied = self.messages.get(str(reference.get("message_id")))
            if replied and replied["author"]["id"] not in users:
                users.append(replied["author"]["id"])
        roles = [
            rid
            for rid in dict.fromkeys(re.findall(r"<@&(\d+)>", content))
            if in_guild
            and rid in self.roles
            and ("roles" in parse or rid in explicit_roles)
            and (self.roles[rid].mentionable or can_everyone)
        ]
        return {"everyone": everyone, "users": users, "roles": roles}

    def _registered(self, name: str) -> tuple[Json, str | None]:
        for guild_id in (self.guild_id, "global"):
            for command in self.commands.get(guild_id, []):
                if command["name"] == name:
                    return command, None if guild_id == "global" else guild_id
        known = sorted(c["name"] for cmds in self.commands.values() for c in cmds)
        raise AssertionError(f"/{name} is not registered with Discord (registered: {known})")

    def command(
        self,
        user: Json,
        path: str,
        options: dict[str, Any] | None = None,
        *,
        focused: str | None = None,
        channel: str | None = None,
        dm: bool = False,
    ) -> Json:
        """INTERACTION_CREATE for `/path` ("kb reload" for a subcommand); `focused` makes it
        an autocomplete request for that option. Options are checked against the registered
        command, as Discord's client only sends options that exist."""
        name, *subpath = path.split()
        registered, guild_id = self._registered(name)
        nested = list(self._walk(registered, subpath, options or {}, focused))
        for depth in reversed(range(len(subpath))):
            kind = 1 if depth == len(subpath) - 1 else 2  # subcommand, or its group
            nested = [{"name": subpath[depth], "type": kind, "options": nested}]
        data: Json = {"id": registered["id"], "name": name, "type": 1, "options": nested}
        if guild_id:
            data["guild_id"] = guild_id
        kind = AUTOCOMPLETE if focused else APPLICATION_COMMAND
        return self.interaction(user, kind, data, channel=channel, dm=dm)

    @staticmethod
    def _walk(
        schema: Json, subpath: list[str], options: dict[str, Any], focused: str | None
    ) -> Iterator[Json]:
        for sub in subpath:
            found = [
                o for o in schema.get("options", []) if o["name"] == sub and o["type"] in (1, 2)
            ]
            assert found, f"no subcommand {sub!r} in /{schema['name']}"
            schema = found[0]
        declared = {o["name"]: o for o in schema.get("options", [])}
        for name, value in options.items():
            assert name in declared, f"/{schema['name']} has no option {name!r}: {list(declared)}"
            option: Json = {"name": name, "type": declared[name]["type"], "value": value}
            if name == focused:
                option["focused"] = True
            yield option
        missing = [
            n for n, o in declared.items() if o.get("required") and n not in options and not focused
        ]
        assert not missing, f"required options missing: {missing}"

    def click(self, user: Json, message: Json, custom_id: str) -> Json:
        """INTERACTION_CREATE for a button press on `message` (one the bot sent)."""
        ids = [
            c.get("custom_id") for row in message.get("components", []) for c in row["components"]
        ]
        assert custom_id in ids, f"no button {custom_id!r} on the message; buttons: {ids}"
        dm = message["channel_id"] in self.dm_channels
        data = {"custom_id": custom_id, "component_type": 2}
        return self.interaction(
            user, MESSAGE_COMPONENT, data, channel=message["channel_id"], dm=dm, message=message
        )

    def interaction(
        self,
        user: Json,
        kind: int,
        data: Json,
        *,
        channel: str | None = None,
        dm: bool = False,
        message: Json | None = None,
    ) -> Json:
        iid = snowflake()
        channel = channel or (self.dm_channel(user) if dm else next(iter(self.channels)))
        payload: Json = {
            "id": iid,
            "application_id": self.app_id,
            "type": kind,
            "data": data,
            "channel_id": channel,
            "token": f"itoken-{iid}",
            "version": 1,
            "locale": "en-US",
            "entitlements": [],
            "app_permissions": str(self.permissions(self.bot_user["id"])),
            "attachment_size_limit": 10 * 1024 * 1024,
        }
        if dm:
            payload["user"] = user
            payload["channel"] = {"id": channel, "type": 1, "recipients": [user], "flags": 0}
            payload["context"] = 1
            payload["authorizing_integration_owners"] = {"0": self.guild_id}
        else:
            guild_id = self.channels[channel]["guild_id"]
            member = self.member_payload(user, guild_id=guild_id)
            member["permissions"] = str(self.permissions(user["id"]))
            payload["member"] = member
            payload["guild_id"] = guild_id
            payload["guild"] = {"id": guild_id, "locale": "en-US", "features": []}
            payload["guild_locale"] = "en-US"
            payload["channel"] = {**self.channels[channel], "permissions": member["permissions"]}
            payload["context"] = 0
            payload["authorizing_integration_owners"] = {"0": self.guild_id}
        if message is not None:
            payload["message"] = message
        return payload

    async def interact(self, payload: Json) -> Interaction:
        """Dispatch INTERACTION_CREATE and start its 3-second window."""
        record = Interaction(payload, asyncio.get_running_loop().time())
        self.interactions[record.id] = record
        self._by_token[payload["token"]] = record
        await self.dispatch("INTERACTION_CREATE", payload)
        return record

    # --- what the bot sent ------------------------------------------------------------------
    def mark(self) -> int:
        """The index of the next call: pass as `after=` to look only at what happens next."""
        return len(self.calls)

    def find(self, method: str, path: str, *, after: int = 0) -> list[Call]:
        pattern = re.compile(path)
        verbs = re.compile(method)
        return [
            c for c in self.calls[after:] if verbs.fullmatch(c.method) and pattern.fullmatch(c.path)
        ]

    async def wait_for(
        self, method: str, path: str, *, after: int = 0, count: int = 1, within: float = 5.0
    ) -> Call:
        """The `count`-th answered call matching the `method` and `path` regexes."""

        def found() -> Call | None:
            calls = [c for c in self.find(method, path, after=after) if c.status]
            return calls[count - 1] if len(calls) >= count else None

        result: Call = await self.until(found, within, f"{method} {path} (#{count})")
        return result

    async def wait_response(self, interaction: Interaction, within: float = 5.0) -> Call:
        """The bot's callback for this interaction."""
        return await self.wait_for(
            "POST", rf"/interactions/{interaction.id}/[^/]+/callback", within=within
        )

    async def wait_webhook(
        self, interaction: Interaction, *, count: int = 1, within: float = 5.0
    ) -> Call:
        """The `count`-th follow-up or edit of the original response for this interaction."""
        token = re.escape(interaction.payload["token"])
        return await self.wait_for(
            "POST|PATCH",
            rf"/webhooks/{self.app_id}/{token}(/messages/@original)?",
            count=count,
            within=within,
        )

    async def wait_message(
        self, *, after: int = 0, channel: str | None = None, within: float = 5.0
    ) -> Call:
        """The next message the bot posted to a channel (optionally a given one)."""
        where = channel or r"\d+"
        return await self.wait_for(
            "POST", rf"/channels/{where}/messages", after=after, within=within
        )

    def fail(
        self,
        method: str,
        path: str,
        *,
        status: int = 403,
        code: int = 50013,
        message: str = "Missing Permissions",
        times: int | None = None,
    ) -> None:
        """Make matching requests fail as Discord would (default: missing permissions).

        discord.py retries 500, 502, 504 and 524 (after 1, 3, 5 ... seconds, five tries in
        all); other statuses raise at once (403: `discord.Forbidden`).
        """
        body = {"message": message, "code": code}
        self._failures.append(_Failure(method, re.compile(path), status, body, {}, times))

    def rate_limit(
        self,
        method: str,
        path: str,
        *,
        retry_after: float = 0.2,
        scope: str = "user",
        times: int | None = 1,
    ) -> None:
        """Answer matching requests with 429 as Discord does: body `retry_after` (seconds) and
        `global`, headers Retry-After and X-RateLimit-* (scope "user" or "shared": that
        route's bucket; "global": every request of the bot), and Via (without it discord.py
        takes a 429 for a Cloudflare ban and gives up)."""
        is_global = scope == "global"
        headers = {
            "Retry-After": str(math.ceil(retry_after)),
            "X-RateLimit-Scope": scope,
            "Via": "1.1 google",
        }
        if is_global:
            headers["X-RateLimit-Global"] = "true"
        else:
            headers |= {
                "X-RateLimit-Limit": "5",
                "X-RateLimit-Remaining": "0",
                "X-RateLimit-Reset": f"{time.time() + retry_after:.3f}",
                "X-RateLimit-Reset-After": f"{retry_after:.3f}",
                "X-RateLimit-Bucket": "fake" + re.sub(r"\W", "", path)[:24],
            }
        body = {"message": "You are being rate limited.", "retry_after": retry_after}
        body |= {"global": is_global, **({"code": 0} if is_global else {})}
        self._failures.append(_Failure(method, re.compile(path), 429, body, headers, times))

    def hold(self, method: str, path: str) -> asyncio.Event:
        """Keep matching requests waiting (recorded, unanswered) until the event is set."""
        release = asyncio.Event()
        self._holds.append(_Hold(method, re.compile(path), release))
        return release

    # --- REST -----------------------------------------------------------------------------
    async def _rest(self, request: web.Request) -> web.StreamResponse:
        ctype = request.headers.get("Content-Type", "")
        body: Any = None
        if ctype == "application/json":
            body = await request.json()
        elif ctype.startswith("multipart/form-data"):
            form = await request.post()
            payload = form.get("payload_json")
            body = json.loads(str(payload)) if payload is not None else {}
            body["_files"] = [k for k in form if k != "payload_json"]
        elif request.can_read_body:
            body = (await request.read()).decode("utf-8", "replace")
        path = "/" + request.match_info["tail"]
        call = Call(
            request.method,
            path,
            dict(request.query),
            body,
            ctype,
            request.headers.get("Authorization"),
            at=time.monotonic(),
        )
        self.calls.append(call)
        for hold in self._holds:
            if hold.method == call.method and hold.path.fullmatch(call.path):
                await self._notify()
                await hold.release.wait()
        try:
            response = self._injected(call) or await self._route(call)
        except RefusedError as refusal:
            call.reason = refusal.message
            self.rejections.append(call)
            response = _json({"message": refusal.message, "code": refusal.code}, refusal.status)
        call.status = response.status
        await self._notify()
        return response

    def _injected(self, call: Call) -> web.Response | None:
        for failure in self._failures:
            if failure.method == call.method and failure.path.fullmatch(call.path):
                if failure.times is not None:
                    if failure.times <= 0:
                        continue
                    failure.times -= 1
                call.reason = f"injected {failure.status}"
                response = _json(failure.body, failure.status)
                response.headers.update(failure.headers)
                return response
        return None

    async def _route(self, call: Call) -> web.Response:
        m, p = call.method, call.path
        public = p.startswith(("/interactions/", "/webhooks/"))
        if not public and call.auth != f"Bot {self.token}":
            return _json({"message": "401: Unauthorized", "code": 0}, 401)
        if m == "GET" and p == "/users/@me":
            return _json(self.bot_user)
        if m == "GET" and p == "/oauth2/applications/@me":
            return _json(self._application())
        if m == "GET" and p in ("/gateway", "/gateway/bot"):
            limit = {"total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1}
            shards = self.recommended_shards
            return _json({"url": self.gateway_url, "shards": shards, "session_start_limit": limit})
        if match := re.fullmatch(r"/applications/(\d+)(?:/guilds/(\d+))?/commands", p):
            return self._commands(call, match.group(2) or "global")
        if m == "POST" and (match := re.fullmatch(r"/channels/(\d+)/messages", p)):
            return self._channel_message(call, match.group(1))
        if match := re.fullmatch(r"/channels/(\d+)/messages/(\d+)", p):
            return self._existing_message(call, match.group(2))
        if m == "POST" and re.fullmatch(r"/channels/(\d+)/typing", p):
            return web.Response(status=204)
        if m == "POST" and (match := re.fullmatch(r"/interactions/(\d+)/([^/]+)/callback", p)):
            return self._callback(call, match.group(1), match.group(2))
        if match := re.fullmatch(
            rf"/webhooks/{self.app_id}/([^/]+)(?:/messages/(@original|\d+))?", p
        ):
            return self._webhook(call, match.group(1), match.group(2))
        self.unhandled.append(call)
        return _json({"message": f"fake Discord: no route {m} {p}", "code": 0}, 404)

    def _application(self) -> Json:
        return {
            "id": self.app_id,
            "name": "Vyzov Bot",
            "description": "",
            "icon": None,
            "bot_public": False,
            "bot_require_code_grant": False,
            "verify_key": "0" * 64,
            "owner": self.owner,
            "flags": 0,
            "bot": self.bot_user,
            "interactions_endpoint_url": None,
            "redirect_uris": [],
            "tags": [],
        }

    def _commands(self, call: Call, key: str) -> web.Response:
        if call.method == "GET":
            return _json(self.commands.get(key, []))
        if call.method != "PUT":
            self.unhandled.append(call)
            return _json({"message": "fake Discord: commands route", "code": 0}, 404)
        if not isinstance(call.json, list) or len(call.json) > 100:
            raise RefusedError("a list of at most 100 commands is expected")
        for command in call.json:
            check_command(command)
        registered = [
            {
                **c,
                "id": snowflake(),
                "application_id": self.app_id,
                "version": snowflake(),
                **({"guild_id": key} if key != "global" else {}),
            }
            for c in call.json
        ]
        self.commands[key] = registered
        return _json(registered)

    def _channel_message(self, call: Call, channel: str) -> web.Response:
        if channel not in self.channels and channel not in self.dm_channels:
            return _json({"message": "Unknown Channel", "code": 10003}, 404)
        body = call.json or {}
        check_message(body)
        reference = body.get("message_reference") or {}
        unknown = reference and str(reference.get("message_id")) not in self.messages
        if unknown and reference.get("fail_if_not_exists", True):
            raise RefusedError("Unknown message reference", code=50035)
        message = self._message(
            self.bot_user, body, channel=channel, dm=channel in self.dm_channels
        )
        self.created.append(message)
        self._echo(message)
        return _json(message)

    def _echo(self, message: Json) -> None:
        """Discord sends the bot its own messages over the gateway too."""
        if self.connected:
            task = asyncio.get_running_loop().create_task(self.dispatch("MESSAGE_CREATE", message))
            self._background.add(task)
            task.add_done_callback(self._background.discard)

    def _existing_message(self, call: Call, message_id: str) -> web.Response:
        message = self.messages.get(message_id)
        if message is None:
            return _json({"message": "Unknown Message", "code": 10008}, 404)
        if call.method == "GET":
            return _json(message)
        if call.method == "DELETE":
            self.messages.pop(message_id)
            return web.Response(status=204)
        if call.method == "PATCH":
            if message["author"]["id"] != self.bot_user["id"]:
                return _json(
                    {"message": "Cannot edit a message authored by another user", "code": 50005},
                    403,
                )
            return _json(self._edit(message, call.json or {}))
        self.unhandled.append(call)
        return _json({"message": "fake Discord: message route", "code": 0}, 404)

    def _edit(self, message: Json, body: Json, *, webhook: bool = False) -> Json:
        empty: Json = {"content": "", "embeds": [], "components": []}
        merged = {k: message[k] for k in empty}
        merged.update({k: body[k] if body[k] is not None else empty[k] for k in empty if k in body})
        check_message(merged)
        pinged = self._pings(
            self.bot_user["id"],
            str(merged["content"]),
            {**body, "_webhook": webhook},
            in_guild="guild_id" in message,
        )
        message.update(merged)
        message["mention_everyone"] = pinged["everyone"]
        message["mention_roles"] = pinged["roles"]
        message["edited_timestamp"] = iso_now()
        message["flags"] = int(message.get("flags") or 0) & ~LOADING
        return message

    def _callback(self, call: Call, iid: str, token: str) -> web.Response:
        record = self.interactions.get(iid)
        if record is None or record.payload["token"] != token:
            raise RefusedError("Unknown interaction", code=10062, status=404)
        if record.callback is not None:
            raise RefusedError("Interaction has already been acknowledged.", code=40060)
        if asyncio.get_running_loop().time() - record.created > INTERACTION_WINDOW:
            raise RefusedError(
                "Unknown interaction (answered after 3 seconds)", code=10062, status=404
            )
        body = call.json or {}
        kind = body.get("type")
        if kind not in ALLOWED_CALLBACKS.get(record.type, set()):
            raise RefusedError(
                f"callback type {kind} is not valid for interaction type {record.type}"
            )
        data = body.get("data") or {}
        if kind == CALLBACK_AUTOCOMPLETE:
            check_choices(data)
        elif kind in (CALLBACK_MESSAGE, CALLBACK_UPDATE):
            check_message(data)
        record.callback = body
        message: Json | None = None
        if kind == CALLBACK_MESSAGE:
            message = self._response_message(record, data)
        elif kind == CALLBACK_DEFERRED:
            message = self._response_message(record, {"flags": (data.get("flags") or 0) | LOADING})
        elif kind == CALLBACK_UPDATE:
            message = self._edit(self.messages[record.payload["message"]["id"]], data, webhook=True)
        if call.query.get("with_response") not in ("1", "true", "True"):
            return web.Response(status=204)
        flags = int((message or {}).get("flags") or 0)
        answer: Json = {
            "interaction": {
                "id": iid,
                "type": record.type,
                "activity_instance_id": None,
                "response_message_id": message["id"] if message else None,
                "response_message_loading": bool(flags & LOADING),
                "response_message_ephemeral": bool(flags & EPHEMERAL),
            },
            "resource": {"type": kind},
        }
        if message is not None:
            answer["resource"]["message"] = message
        return _json(answer)

    def _response_message(self, record: Interaction, data: Json) -> Json:
        payload = record.payload
        dm = "guild_id" not in payload
        message = self._message(
            self.bot_user, {**data, "_webhook": True}, channel=payload["channel_id"], dm=dm
        )
        user = payload.get("member", {}).get("user") or payload.get("user")
        message.update(
            type=20 if record.type == APPLICATION_COMMAND else 0,
            webhook_id=self.app_id,
            application_id=self.app_id,
            interaction_metadata={"id": record.id, "type": record.type, "user": user},
        )
        record.original = message
        self.created.append(message)
        if not message["flags"] & (EPHEMERAL | LOADING):
            self._echo(message)
        return message

    def _webhook(self, call: Call, token: str, which: str | None) -> web.Response:
        record = self._by_token.get(token)
        if record is None or record.callback is None:
            return _json({"message": "Unknown Webhook", "code": 10015}, 404)
        body = call.json or {}
        if which is None and call.method == "POST":
            check_message(body)
            original = record.original
            if original is not None and original["flags"] & LOADING:
                # the first follow-up after a deferral fills the "thinking..." message
                return _json(self._edit(original, body, webhook=True))
            flags = int(body.get("flags") or 0)
            message = self._message(
                self.bot_user,
                {**body, "_webhook": True, "flags": flags},
                channel=record.payload["channel_id"],
                dm="guild_id" not in record.payload,
            )
            message["webhook_id"] = self.app_id
            record.followups.append(message)
            self.created.append(message)
            return _json(message)
        target = record.original if which == "@original" else self.messages.get(str(which))
        if target is None:
            return _json({"message": "Unknown Message", "code": 10008}, 404)
        if call.method == "GET":
            return _json(target)
        if call.method == "PATCH":
            return _json(self._edit(target, body, webhook=True))
        if call.method == "DELETE":
            self.messages.pop(target["id"], None)
            return web.Response(status=204)
        self.unhandled.append(call)
        return _json({"message": "fake Discord: webhook route", "code": 0}, 404)


def _json(data: Any, status: int = 200) -> web.Response:
    # discord.py decodes a body only when Content-Type is exactly "application/json";
    # aiohttp's json_response would add "; charset=utf-8".
    return web.Response(
        body=json.dumps(data).encode(), status=status, headers={"Content-Type": "application/json"}
    )


# --- the client side: point real discord.py at the fake ---------------------------------------
_BUSY_TASKS = (
    "discord.py: ",  # event handlers (on_message, on_interaction, ...)
    "CommandTree-invoker",  # app commands and autocomplete
    "discord-ui-view-dispatch",  # button callbacks
    "discord-ui-dynamic-item",
)


@contextlib.asynccontextmanager
async def running(
    client: discord.Client, fake: FakeDiscord, *, reconnect: bool = False
) -> AsyncIterator[asyncio.Task[None]]:
    """Log `client` in to the fake, connect it to the fake gateway and wait until it is ready.

    discord.py keeps the REST base and the gateway address in class attributes (process-wide),
    so they are pointed at the fake only for the duration, and one fake serves one test.
    Without `reconnect`, a dropped gateway connection ends the client (and fails the test).
    """
    old_base, old_gateway = Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY
    Route.BASE = fake.api_base
    DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(fake.gateway_url)
    task: asyncio.Task[None] | None = None
    try:
        await client.login(fake.token)
        connect = client.connect(reconnect=reconnect)
        task = asyncio.create_task(connect, name="test: bot connect")
        fake.watch(task)
        await fake.until(client.is_ready, 5.0, "the bot to become ready")
        yield task
        await settle(client, fake)  # nothing still in flight when the test's checks run
        fake.check_alive()
    finally:
        if task is not None:
            fake.unwatch(task)
        await client.close()
        if task is not None:
            with contextlib.suppress(Exception, asyncio.CancelledError):
                await asyncio.wait_for(task, 2.0)
        Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = old_base, old_gateway


async def settle(client: discord.Client, fake: FakeDiscord, within: float = 5.0) -> None:
    """Wait until the bot has read every event sent so far and finished handling it.

    Used to show that the bot did *not* answer something, without sleeping for a guess.
    """

    def behind(session: GatewaySession) -> bool:
        try:  # one websocket per shard (a plain Client has one, whatever the shard id)
            ws = client._get_websocket(shard_id=session.shard[0])
        except KeyError:
            return False  # a shard this client does not run (another "process")
        return ws is None or (ws.sequence or 0) < session.seq

    def busy() -> bool:
        late = any(behind(s) for s in fake.sessions.values()) or not fake.sessions
        names = (t.get_name() for t in asyncio.all_tasks() if not t.done())
        return late or bool(fake._background) or any(n.startswith(_BUSY_TASKS) for n in names)

    quiet = 0
    while quiet < 3:  # a handler may start another: quiet three polls in a row
        await fake.until(lambda: not busy(), within, "the bot to finish handling events")
        await asyncio.sleep(0.01)
        quiet = 0 if busy() else quiet + 1
