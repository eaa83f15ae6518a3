"""Read `knowledge/`, validate every file and every cross-reference, and list every problem.

The loader never stops at the first mistake: an editor gets the whole list at once, each
problem naming the file, the entry id, the field and what is wrong.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import ValidationError

from bot.core.models import Entity, Entry, KnowledgeFile, ReleaseEvent, Source
from bot.core.normalize import normalize

MAX_FILE_BYTES = 2_000_000  # a knowledge file is hand-written text; anything bigger is a mistake
SECTIONS = ("sources", "entities", "entries", "releases")
T = TypeVar("T", Source, Entity, Entry, ReleaseEvent)
_ITEM_MODELS: dict[str, type[Source | Entity | Entry | ReleaseEvent]] = {
    "sources": Source,
    "entities": Entity,
    "entries": Entry,
    "releases": ReleaseEvent,
}


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the knowledge base, for an editor to fix."""

    file: str
    entry: str | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.entry:
            where += f" [{self.entry}]"
        if self.field:
            where += f" {self.field}"
        return f"{where}: {self.message}"


class KnowledgeBaseError(Exception):
    """The knowledge base has problems; `problems` lists every one of them."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems[:50])
        more = f"\n  ... and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(f"{len(problems)} problem(s) in the knowledge base:\n{lines}{more}")


@dataclass(frozen=True)
class KnowledgeBase:
    """The validated knowledge base: plain data, indexed by id."""

    sources: dict[str, Source]
    entities: dict[str, Entity]
    entries: dict[str, Entry]
    releases: dict[str, ReleaseEvent]
    version: str
    files: tuple[str, ...] = field(default=())
    entry_files: dict[str, str] = field(default_factory=dict)


def load(directory: Path | str) -> KnowledgeBase:
    """Load and validate `directory`; raise KnowledgeBaseError listing every problem."""
    root = Path(directory)
    problems: list[Problem] = []
    if not root.is_dir():
        raise KnowledgeBaseError([Problem(str(root), None, None, "is not a directory")])
    paths = sorted(p for p in root.rglob("*.yaml") if p.is_file())
    paths += sorted(p for p in root.rglob("*.yml") if p.is_file())
    if not paths:
        problems.append(Problem(str(root), None, None, "holds no *.yaml knowledge files"))
    digest = hashlib.sha256()
    parsed: list[tuple[str, KnowledgeFile]] = []
    for path in paths:
        name = path.relative_to(root).as_posix()
        raw = _read(path, name, problems)
        if raw is None:
            continue
        digest.update(name.encode() + b"\0" + raw + b"\0")
        data = _parse_yaml(raw, name, problems)
        if data is None:
            continue
        parsed.append((name, _validate_file(name, data, problems)))
    kb = _assemble(parsed, problems, version=digest.hexdigest()[:12])
    if problems:
        raise KnowledgeBaseError(problems)
    return kb


def _read(path: Path, name: str, problems: list[Problem]) -> bytes | None:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            problems.append(
                Problem(name, None, None, f"is {size} bytes; the limit is {MAX_FILE_BYTES}")
            )
            return None
        raw = path.read_bytes()
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.append(Problem(name, None, None, f"is not UTF-8 text (byte {exc.start})"))
        return None
    except OSError as exc:
        problems.append(Problem(name, None, None, f"cannot be read: {exc.strerror}"))
        return None
    return raw


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Safe YAML that keeps dates as text, so a bad date is reported with its entry and field."""


_Loader.yaml_implicit_resolvers = {
    first: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _parse_yaml(raw: bytes, name: str, problems: list[Problem]) -> dict[str, Any] | None:
    try:
        data = yaml.load(raw.decode("utf-8"), Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        problems.append(Problem(name, None, None, f"malformed YAML at {line}{problem}"))
        return None
    if data is None:
        return {}
    if not isinstance(data, dict):
        kind = type(data).__name__
        problems.append(
            Problem(name, None, None, f"must be a mapping of {', '.join(SECTIONS)}; got a {kind}")
        )
        return None
    return data


def _validate_file(name: str, data: dict[str, Any], problems: list[Problem]) -> KnowledgeFile:
    """Validate item by item, so one bad entry neither hides the others nor their problems."""
    unknown = sorted(set(data) - set(SECTIONS))
    for key in unknown:
        problems.append(
            Problem(name, None, str(key), f"unknown section; use {', '.join(SECTIONS)}")
        )
    kept: dict[str, list[Any]] = {}
    for section in SECTIONS:
        items = data.get(section) or []
        if not isinstance(items, list):
            problems.append(Problem(name, None, section, "must be a list of items"))
            continue
        item_model = _ITEM_MODELS[section]
        kept[section] = []
        for index, item in enumerate(items):
            try:
                kept[section].append(item_model.model_validate(item))
            except ValidationError as exc:
                wrapped = {section: [None] * index + [item]}
                problems.extend(_validation_problems(name, wrapped, exc, prefix=(section, index)))
    return KnowledgeFile.model_validate(kept)


def _validation_problems(
    name: str, data: dict[str, Any], exc: ValidationError, *, prefix: tuple[str | int, ...] = ()
) -> Iterator[Problem]:
    for error in exc.errors():
        loc = (*prefix, *error["loc"])
        entry_id: str | None = None
        rest = loc
        if len(loc) >= 2 and loc[0] in SECTIONS and isinstance(loc[1], int):
            items = data.get(str(loc[0]))
            item = items[loc[1]] if isinstance(items, list) and loc[1] < len(items) else None
            entry_id = str(item.get("id")) if isinstance(item, dict) and item.get("id") else None
            entry_id = entry_id or f"{loc[0]} #{loc[1] + 1}"
            rest = loc[2:]
        field_name = ".".join(str(part) for part in rest) or None
        message = str(error["msg"])
        if error["type"] == "extra_forbidden":
            message = "unknown field (check the spelling; see knowledge/README.md)"
        elif error["type"] == "missing":
            message = "required field is missing"
        elif error["type"] == "value_error" and "error" in error.get("ctx", {}):
            message = str(error["ctx"]["error"])
        yield Problem(name, entry_id, field_name, message)


def _assemble(
    parsed: list[tuple[str, KnowledgeFile]], problems: list[Problem], *, version: str
) -> KnowledgeBase:
    sources = _unique(((n, s) for n, f in parsed for s in f.sources), "source", problems)
    entities = _unique(((n, e) for n, f in parsed for e in f.entities), "entity", problems)
    entries = _unique(((n, e) for n, f in parsed for e in f.entries), "entry", problems)
    releases = _unique(((n, r) for n, f in parsed for r in f.releases), "release", problems)
    origin = {k: n for table in (entities, entries, releases) for k, (n, _) in table.items()}
    work_ids = {e.id for _, e in entities.values() if e.kind == "work"}

    aliases: dict[str, str] = {}
    for eid, (name, entity) in entities.items():
        for alias in (entity.name, *entity.aliases):
            key = normalize(alias)
            if not key:
                problems.append(
                    Problem(name, eid, "aliases", f"{alias!r} is empty once normalised")
                )
            elif aliases.setdefault(key, eid) != eid:
                other = aliases[key]
                if alias != entity.name:
                    problems.append(
                        Problem(name, eid, "aliases", f"{alias!r} is also an alias of {other!r}")
                    )
        for ref in (*entity.works, *entity.refers_to):
            if ref not in work_ids:
                problems.append(Problem(name, eid, "works", f"{ref!r} is not a work entity"))

    def check_citations(owner: str, field_name: str, cited: Iterable[str]) -> None:
        for source_id in cited:
            if source_id not in sources:
                problems.append(
                    Problem(origin[owner], owner, field_name, f"cites unknown source {source_id!r}")
                )

    for rid, (_, release) in releases.items():
        if release.work not in work_ids:
            problems.append(Problem(origin[rid], rid, "work", f"{release.work!r} is not a work"))
        check_citations(rid, "citations", (c.source for c in release.citations))
    for eid, (_, entry) in entries.items():
        if entry.work is not None and entry.work not in work_ids:
            problems.append(Problem(origin[eid], eid, "work", f"{entry.work!r} is not a work"))
        for ref in entry.about:
            if ref not in entities:
                problems.append(Problem(origin[eid], eid, "about", f"unknown entity {ref!r}"))
        for ref in entry.events:
            if ref not in releases:
                problems.append(Problem(origin[eid], eid, "events", f"unknown release {ref!r}"))
        check_citations(eid, "citations", (c.source for c in entry.citations))
        for number, side in enumerate(entry.versions, start=1):
            cited = (c.source for c in side.citations)
            check_citations(eid, f"versions.{number}.citations", cited)

    return KnowledgeBase(
        sources={k: v for k, (_, v) in sources.items()},
        entities={k: v for k, (_, v) in entities.items()},
        entries={k: v for k, (_, v) in entries.items()},
        releases={k: v for k, (_, v) in releases.items()},
        version=version,
        files=tuple(n for n, _ in parsed),
        entry_files={k: n for k, (n, _) in entries.items()},
    )


def _unique(
    items: Iterable[tuple[str, T]], what: str, problems: list[Problem]
) -> dict[str, tuple[str, T]]:
    seen: dict[str, tuple[str, T]] = {}
    for name, item in items:
        if item.id in seen:
            first = seen[item.id][0]
            problems.append(Problem(name, item.id, "id", f"duplicate {what} id (first in {first})"))
        else:
            seen[item.id] = (name, item)
    return seen
