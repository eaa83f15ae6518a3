"""/release: a work's dated events from the knowledge base, each line cited.

Exact days use Discord's timestamp markup (`<t:UNIX:D>`) so each reader sees the date in
their own locale; months and years stay plain text, because a timestamp would claim a day.
Where sources disagree about a date (a `conflict` entry that lists these events, such as
the seed articles' "April 12" against the 20 April wide release), both versions are shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import discord

from bot.core.dates import PartialDate
from bot.core.loader import KnowledgeBase
from bot.core.models import Citation, Entry, ReleaseEvent
from bot.core.reply import as_question
from bot.discordbot import limits
from bot.discordbot.embeds import link, plain

NOON = dt.time(12, tzinfo=dt.UTC)  # midday UTC shows as the same calendar day from UTC-11 to +11
RELEASE_KINDS = ("premiere", "theatrical", "streaming", "tv")
PRODUCTION_KINDS = ("launch", "landing")  # filming, not release: /release leaves them out
SECTION_ORDER = (
    "Premiere and release in Russia",
    "International releases",
    "Streaming and TV",
    "Trailers",
    "Timeline",
)


def timestamp(date: PartialDate) -> str:
    """`<t:…:D>` for a known day; `April 2023` or `2023` when only that much is known."""
    if date.precision != "day":
        return date.human()
    moment = dt.datetime.combine(date.earliest(), NOON)
    return f"<t:{int(moment.timestamp())}:D>"


def section(event: ReleaseEvent) -> str:
    if event.kind == "trailer":
        return "Trailers"
    if event.kind in ("premiere", "theatrical"):
        in_russia = "russia" in event.region.casefold()
        return SECTION_ORDER[0] if in_russia else "International releases"
    if event.kind in ("streaming", "tv"):
        return "Streaming and TV"
    return "Timeline"


def _sort_key(event: ReleaseEvent) -> tuple[int, PartialDate, str]:
    when = event.when
    return (when is None, when or PartialDate(9999), event.id)


class _Citations:
    """Numbers sources in order of first use within one embed."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.numbers: dict[str, int] = {}

    def mark(self, citations: Iterable[Citation]) -> str:
        marks = []
        for citation in citations:
            number = self.numbers.setdefault(citation.source, len(self.numbers) + 1)
            marks.append(f"[{number}]")
        return "".join(dict.fromkeys(marks))

    def lines(self) -> list[str]:
        lines = []
        for source_id, number in self.numbers.items():
            source = self.kb.sources[source_id]
            url = str(source.url) if source.url else None
            seed = " · seed article" if source.seed else ""
            name = link(limits.truncate(source.publisher, 60), url)
            lines.append(f"[{number}] {name}, {source.published or 'undated'}{seed}")
        return lines


def event_line(event: ReleaseEvent, cite: _Citations) -> str:
    when = timestamp(event.when) if event.when else "No date announced"
    region = f" ({plain(event.region)})" if event.region not in ("", "worldwide") else ""
    status = "" if event.status == "confirmed" else f" *{event.status}*"
    line = f"{when}: {plain(event.label)}{region}{status} {cite.mark(event.citations)}"
    if event.kind == "announcement" and event.note:
        # an announced date that later moved is how conflicting dates arise: say what happened
        line += f"\n↳ {plain(limits.truncate(event.note, 300))}"
    return line


def conflict_lines(entry: Entry, kb: KnowledgeBase, cite: _Citations) -> list[str]:
    lines = []
    for version in entry.versions:
        preferred = " **(better supported)**" if version.preferred else ""
        seeds = any(kb.sources[c.source].seed for c in version.citations)
        said_by = " (as a seed article says)" if seeds else ""
        lines.append(f"• {plain(version.claim)}{said_by}{preferred} {cite.mark(version.citations)}")
    return lines


def conflicts(kb: KnowledgeBase, events: Iterable[ReleaseEvent]) -> list[Entry]:
    """Conflict entries about these events; those about a release date first."""
    by_id = {e.id: e for e in events}
    found = [
        e for e in kb.entries.values() if e.kind == "conflict" and by_id.keys() & set(e.events)
    ]

    def about_release(entry: Entry) -> bool:
        return any(by_id[i].kind in RELEASE_KINDS for i in entry.events if i in by_id)

    return sorted(found, key=lambda entry: not about_release(entry))


def release_embed(kb: KnowledgeBase, work: str, *, budget: int = limits.TOTAL) -> discord.Embed:
    """All dated events of `work`, grouped and cited, with the disagreements between sources."""
    entity = kb.entities.get(work)
    name = entity.name if entity else work
    events = sorted(
        (r for r in kb.releases.values() if r.work == work and r.kind not in PRODUCTION_KINDS),
        key=_sort_key,
    )
    cite = _Citations(kb)
    embed = discord.Embed(
        title=limits.truncate(f"Release dates: {name}", limits.TITLE),
        description="Dates appear in your own locale. Unconfirmed items are marked *reported*, "
        "*planned* or *rumoured*.",
        colour=discord.Colour.blurple(),
    )
    if not events:
        embed.description = "No dated events in the knowledge base for this work."
    grouped: dict[str, list[str]] = {}
    for event in events:
        grouped.setdefault(section(event), []).append(event_line(event, cite))
    only_timeline = list(grouped) == ["Timeline"]
    for heading in SECTION_ORDER:
        if heading in grouped:
            label = "Status timeline" if only_timeline else heading
            limits.add_lines(embed, label, grouped[heading])
    for entry in conflicts(kb, events):
        title = f"Sources disagree: {as_question(entry.phrasings[0])}"
        limits.add_lines(embed, title, conflict_lines(entry, kb, cite))
    sources = cite.lines()
    if sources:
        _add_sources_within(embed, sources, budget)
    embed.set_footer(text=f"knowledge base {kb.version}")
    return limits.fit(embed, budget)


def _add_sources_within(embed: discord.Embed, lines: list[str], budget: int) -> None:
    """Sources come last but must survive trimming: drop other sections before them."""
    needed = sum(len(chunk) + len("Sources (continued)") for chunk in limits.pack_lines(lines))
    footer_room = 40
    while embed.fields and len(embed) + needed + footer_room > budget:
        embed.remove_field(len(embed.fields) - 1)
    limits.add_lines(embed, "Sources", lines)
