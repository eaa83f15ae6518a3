"""Strict pydantic models of the knowledge base: sources, entities, entries, release events.

Every model forbids unknown keys and is frozen, so a typo such as `soruces:` is a load error
and nothing can change the knowledge base after it is validated.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    HttpUrl,
    model_validator,
)

from bot.core.dates import PartialDate

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Slug = Annotated[str, Field(pattern=SLUG_PATTERN, max_length=80)]
FactRef = Annotated[str, Field(pattern=r"^F-\d{3}$")]
NonEmpty = Annotated[str, Field(min_length=1)]


def _date_as_text(value: object) -> object:
    # YAML reads an unquoted 2023-04-12 as a date and 2024 as an int; both mean the same text
    if isinstance(value, dt.date | int) and not isinstance(value, bool):
        return value.isoformat() if isinstance(value, dt.date) else str(value)
    return value


def _check_date(value: str) -> str:
    PartialDate.parse(value)
    return value


DateText = Annotated[str, BeforeValidator(_date_as_text), AfterValidator(_check_date)]
"""`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, kept as text in the files and parsed by `PartialDate`."""

Reliability = Literal["high", "medium-high", "medium", "medium-low", "low"]
EntityKind = Literal[
    "work", "person", "organisation", "spacecraft", "place", "thing", "ambiguous", "out-of-scope"
]
Ask = Literal[
    "who", "when", "where", "what", "which", "how", "how-long", "how-many", "how-much",
    "why", "role", "yes-no",
]  # fmt: skip
ReleaseKind = Literal[
    "announcement", "launch", "landing", "trailer", "premiere", "theatrical", "streaming", "tv"
]
ReleaseStatus = Literal["confirmed", "planned", "reported", "rumoured", "cancelled"]

# A weak single-source claim must say so; one of these words in the answer is how it says it.
HEDGES = (
    "reportedly", "reported", "according to", "one report", "single", "unconfirmed",
    "not confirmed", "claimed", "claims", "said", "says", "rumour", "unverified", "weak",
)  # fmt: skip


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Source(_Record):
    """A named, public source that answers cite."""

    id: Slug
    title: NonEmpty
    publisher: NonEmpty
    url: HttpUrl | None = None
    published: DateText | None = None
    estimate: str | None = Field(
        default=None, description="For undated sources: when it was probably published."
    )
    reliability: Reliability
    reliability_note: str = ""
    seed: bool = Field(default=False, description="One of the two articles the project began from.")

    @model_validator(mode="after")
    def _dated_or_estimated(self) -> Source:
        if self.published is None and not self.estimate:
            raise ValueError("an undated source needs `estimate` (e.g. 'undated; about Jan 2023')")
        return self


class Entity(_Record):
    """Something a question can name: a work, a person, an organisation, a spacecraft ..."""

    id: Slug
    kind: EntityKind
    name: NonEmpty
    aliases: tuple[NonEmpty, ...] = ()
    works: tuple[Slug, ...] = Field(
        default=(), description="The work(s) this entity belongs to, for deciding what is asked."
    )
    refers_to: tuple[Slug, ...] = Field(
        default=(), description="For kind `ambiguous`: the works the name could mean."
    )
    plays: tuple[Slug, ...] = Field(
        default=(), description="For an actor: the characters (person entities) they play."
    )
    pronoun: Literal["he", "she"] | None = Field(
        default=None, description="For one person: which pronoun a follow-up uses for them."
    )
    description: str = ""

    @model_validator(mode="after")
    def _ambiguous_names_targets(self) -> Entity:
        if self.kind == "ambiguous" and len(self.refers_to) < 2:
            raise ValueError("an `ambiguous` entity must list at least two works in `refers_to`")
        if self.kind != "ambiguous" and self.refers_to:
            raise ValueError("only an `ambiguous` entity has `refers_to`")
        if self.kind != "person" and (self.pronoun or self.plays):
            raise ValueError("only a `person` entity has a `pronoun` or `plays`")
        return self


class Citation(_Record):
    source: Slug
    where: NonEmpty = Field(description="Where in the source: section, paragraph, infobox ...")


class Version(_Record):
    """One side of a conflict between sources."""

    claim: NonEmpty
    claim_ru: str | None = Field(default=None, description="The claim in Russian.")
    citations: tuple[Citation, ...] = Field(min_length=1)
    preferred: bool = False


class Entry(_Record):
    """One answerable question: how fans ask it, our answer, and where the answer comes from."""

    id: Slug
    work: Slug | None = Field(
        default=None, description="The work the entry is about; empty for both / general."
    )
    about: tuple[Slug, ...] = Field(default=(), description="Entities the entry is about.")
    asks: tuple[Ask, ...] = Field(min_length=1, description="The kinds of question it answers.")
    phrasings: tuple[NonEmpty, ...] = Field(min_length=2)
    keywords: tuple[NonEmpty, ...] = ()
    answer: str = Field(min_length=10, max_length=1500)
    answer_ru: str | None = Field(
        default=None, min_length=10, max_length=1500, description="The answer in Russian."
    )
    citations: tuple[Citation, ...] = Field(min_length=1)
    kind: Literal["fact", "conflict", "misconception"] = "fact"
    premise: str | None = Field(
        default=None,
        description="The false belief a misconception (or a fact that refutes it) corrects.",
    )
    versions: tuple[Version, ...] = ()
    strength: Literal["strong", "weak"] = "strong"
    spoiler: bool = False
    events: tuple[Slug, ...] = Field(default=(), description="Release events listed in the answer.")
    as_of: DateText | None = Field(default=None, description="Date the answer's status holds at.")
    fact_refs: tuple[FactRef, ...] = Field(default=(), description="Fact-sheet ids (F-011 ...).")

    @property
    def weighs_beliefs(self) -> bool:
        """Does the answer address a belief: a misconception, a conflict that sets out what each
        source says, or a fact that names the premise it refutes?"""
        return self.kind != "fact" or bool(self.premise)

    @model_validator(mode="after")
    def _kind_rules(self) -> Entry:
        if self.kind == "conflict" and len(self.versions) < 2:
            raise ValueError("a `conflict` entry needs at least two `versions`")
        if self.kind != "conflict" and self.versions:
            raise ValueError("only a `conflict` entry has `versions`")
        if self.kind == "misconception" and not self.premise:
            raise ValueError("a `misconception` entry needs the false `premise` it corrects")
        if self.strength == "weak" and not any(h in self.answer.casefold() for h in HEDGES):
            raise ValueError(
                "a `weak` entry must say so in its answer (e.g. 'reportedly', 'one report')"
            )
        return self


class ReleaseEvent(_Record):
    """A dated step in a work's life: announcement, launch, trailer, premiere, release ..."""

    id: Slug
    work: Slug
    kind: ReleaseKind
    label: NonEmpty = Field(description="What happened, in a few words: 'Moscow premiere'.")
    label_ru: str | None = Field(
        default=None, description="The label in Russian: 'Премьера в Москве'."
    )
    date: DateText | None = None
    region: str = "worldwide"
    region_ru: str | None = Field(default=None, description="The region in Russian.")
    status: ReleaseStatus
    note: str = ""
    citations: tuple[Citation, ...] = Field(min_length=1)

    @property
    def when(self) -> PartialDate | None:
        return PartialDate.parse(self.date) if self.date else None


class KnowledgeFile(_Record):
    """One YAML file of `knowledge/`: any of the four sections."""

    sources: tuple[Source, ...] = ()
    entities: tuple[Entity, ...] = ()
    entries: tuple[Entry, ...] = ()
    releases: tuple[ReleaseEvent, ...] = ()
