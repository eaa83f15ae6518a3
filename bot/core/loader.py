"""Read `knowledge/`, validate every file and every cross-reference, and list every problem.

The loader never stops at the first mistake: an editor gets the whole list at once, each
problem naming the file, the entry id, the field and what is wrong. Reading and parsing one
file safely (size, encoding, YAML) is `bot.core.yamlfile`'s job.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from bot.core.gcpause import collector_paused
from bot.core.models import Entity, Entry, KnowledgeFile, ReleaseEvent, Source
from bot.core.normalize import has_words, normalize
from bot.core.yamlfile import MAX_FILE_BYTES, MAX_TOTAL_BYTES, parse, read_file

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_TOTAL_BYTES",
    "KnowledgeBase",
    "KnowledgeBaseError",
    "Problem",
    "load",
]

SECTIONS = ("sources", "entities", "entries", "releases")
MAX_PROBLEMS_PER_FILE = 100  # past this a file is broken wholesale; more lines would bury it
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


@collector_paused()
def load(directory: Path | str) -> KnowledgeBase:
    """Load and validate `directory`; raise KnowledgeBaseError listing every problem."""
    root = Path(directory)
    if not root.is_dir():
        why = "it is a file" if root.exists() else "it does not exist"
        raise KnowledgeBaseError([Problem(str(root), None, None, f"is not a directory ({why})")])
    try:
        paths = _knowledge_files(root)
    except OSError as exc:
        message = f"cannot be listed: {exc.strerror or exc}"
        raise KnowledgeBaseError([Problem(str(root), None, None, message)]) from exc
    problems: list[Problem] = []
    if not paths:
        problems.append(Problem(str(root), None, None, "holds no *.yaml knowledge files"))
    digest = hashlib.sha256()
    parsed: list[tuple[str, KnowledgeFile]] = []
    total = 0
    for path in paths:
        name = path.relative_to(root).as_posix()
        raw, found = read_file(path)
        data = None
        total += len(raw or b"")
        if total > MAX_TOTAL_BYTES:
            message = f"holds over {MAX_TOTAL_BYTES:,} bytes of knowledge files; stopped at {name}"
            problems.append(Problem(str(root), None, None, message))
            break
        if raw is not None:
            digest.update(name.encode() + b"\0" + raw + b"\0")
            data, found = parse(raw)
        problems.extend(Problem(name, *problem) for problem in found)
        if data is not None:
            parsed.append((name, _validate_file(name, data, problems)))
    kb = _assemble(parsed, problems, version=digest.hexdigest()[:12])
    if problems:
        raise KnowledgeBaseError(problems)
    return kb


def _knowledge_files(root: Path) -> list[Path]:
    """Every *.yaml / *.yml under `root`, except hidden ones (.git, editors' lock files)."""
    found = [*root.rglob("*.yaml"), *root.rglob("*.yml")]
    shown = [p for p in found if not any(s.startswith(".") for s in p.relative_to(root).parts)]
    return sorted(p for p in shown if not p.is_dir())


def _validate_file(name: str, data: dict[Any, Any], problems: list[Problem]) -> KnowledgeFile:
    """Validate item by item, so one bad entry neither hides the others nor their problems."""
    found: list[Problem] = []
    for key in sorted(set(data) - set(SECTIONS), key=str):
        found.append(
            Problem(name, None, str(key), f"unknown section{_did_you_mean(key, SECTIONS)}")
        )
    kept: dict[str, list[Any]] = {}
    for section in SECTIONS:
        items = data.get(section)
        if items is None:  # `entries:` with nothing under it yet
            continue
        if not isinstance(items, list):
            found.append(Problem(name, None, section, "must be a list of items (each `- ...`)"))
            continue
        model = _ITEM_MODELS[section]
        kept[section] = []
        for index, item in enumerate(items):
            if len(found) >= MAX_PROBLEMS_PER_FILE:
                break
            try:
                kept[section].append(model.model_validate(item))
            except ValidationError as exc:
                found.extend(_validation_problems(name, section, index, item, model, exc))
    if len(found) >= MAX_PROBLEMS_PER_FILE:
        found = found[:MAX_PROBLEMS_PER_FILE]
        message = f"has {MAX_PROBLEMS_PER_FILE} or more problems; fix these, then validate again"
        found.append(Problem(name, None, None, message))
    problems.extend(found)
    return KnowledgeFile.model_validate(kept)


def _validation_problems(
    name: str,
    section: str,
    index: int,
    item: Any,
    model: type[BaseModel],
    exc: ValidationError,
) -> Iterator[Problem]:
    item_id = item.get("id") if isinstance(item, dict) else None
    entry_id = item_id if isinstance(item_id, str) and item_id else f"{section} #{index + 1}"
    for error in exc.errors():
        # counted from 1, as editors count and as every other problem does: `phrasings.1`
        loc = (p + 1 if isinstance(p, int) else p for p in error["loc"])
        field_name = ".".join(str(part) for part in loc) or None
        message = str(error["msg"])
        if error["type"] == "extra_forbidden":
            message = "unknown field (check the spelling; see knowledge/README.md)"
            message += _did_you_mean(error["loc"][-1], model.model_fields, listing=False)
        elif error["type"] == "missing":
            message = "required field is missing"
        elif error["type"] == "value_error" and "error" in error.get("ctx", {}):
            message = str(error["ctx"]["error"])
        if field_name is None and error["type"] == "value_error":
            field_name = _field_named_in(message, model)  # a rule across fields: name its field
        yield Problem(name, entry_id, field_name, message)


def _did_you_mean(key: object, choices: Iterable[str], *, listing: bool = True) -> str:
    choices = list(choices)
    close = difflib.get_close_matches(str(key), choices, n=1)
    if close:
        return f"; did you mean {close[0]!r}?"
    return f"; use {', '.join(choices)}" if listing else ""


def _field_named_in(message: str, model: type[BaseModel]) -> str | None:
    """The field a model-wide rule is about: the last `quoted` field, else the first named."""
    quoted: list[str] = [w for w in re.findall(r"`([a-z_]+)`", message) if w in model.model_fields]
    if quoted:
        return quoted[-1]
    named: list[str] = [w for w in re.findall(r"[a-z_]+", message) if w in model.model_fields]
    return named[0] if named else None


def _assemble(
    parsed: list[tuple[str, KnowledgeFile]], problems: list[Problem], *, version: str
) -> KnowledgeBase:
    sources = _unique(((n, s) for n, f in parsed for s in f.sources), "source", problems)
    entities = _unique(((n, e) for n, f in parsed for e in f.entities), "entity", problems)
    entries = _unique(((n, e) for n, f in parsed for e in f.entries), "entry", problems)
    releases = _unique(((n, r) for n, f in parsed for r in f.releases), "release", problems)
    origin = {k: n for table in (entities, entries, releases) for k, (n, _) in table.items()}
    work_ids = {e.id for _, e in entities.values() if e.kind == "work"}

    names: dict[str, tuple[str, str]] = {}  # normalised name or alias -> (entity id, "the name")
    for eid, (name, entity) in entities.items():
        for alias in (entity.name, *entity.aliases):
            field_name, what = (
                ("name", "the name") if alias == entity.name else ("aliases", "an alias")
            )
            key = normalize(alias)
            if not key:
                problems.append(
                    Problem(name, eid, field_name, f"{alias!r} is empty once normalised")
                )
                continue
            other, other_what = names.setdefault(key, (eid, what))
            if other != eid:
                message = f"{alias!r} is also {other_what} of {other!r}"
                problems.append(Problem(name, eid, field_name, message))
        for field_name, refs in (("works", entity.works), ("refers_to", entity.refers_to)):
            for ref in refs:
                if ref not in work_ids:
                    message = f"{ref!r} is not a work entity"
                    problems.append(Problem(name, eid, field_name, message))
        for ref in entity.plays:
            if ref not in entities or entities[ref][1].kind != "person":
                message = f"{ref!r} is not a person entity (a character)"
                problems.append(Problem(name, eid, "plays", message))

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
        for field_name, texts in (("phrasings", entry.phrasings), ("keywords", entry.keywords)):
            for number, text in enumerate(texts, start=1):
                if not has_words(text):
                    message = f"{text!r} has no words once normalised"
                    problems.append(Problem(origin[eid], eid, f"{field_name}.{number}", message))
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
