"""A corpus of broken knowledge bases: the fixture knowledge base with one editor's mistake.

Each case says how to break a copy of `tests/fixtures/knowledge` and what the loader must
then report: the file, the entry id and field where there is one, and words of the message.
"""

from __future__ import annotations

import os
import random
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bot.core.loader import MAX_FILE_BYTES, MAX_TOTAL_BYTES

ROOT = "<the knowledge directory>"  # `file` of a problem about the directory as a whole
Break = Callable[[Path], None]


@dataclass(frozen=True)
class Case:
    name: str
    apply: Break
    file: str  # the file the problem names (ROOT: the directory)
    says: str  # words the message contains, compared case-insensitively
    entry: str | None = None
    field: str | None = None


ENTRY = """\
entries:
  - id: extra-entry
    work: the-challenge
    about: [klim-shipenko]
    asks: [who]
    phrasings: [who wrote the music, who composed the score]
    answer: Two composers wrote the score for the film.
    citations: [{source: wiki, where: infobox}]
"""
CONFLICT = """\
entries:
  - id: extra-conflict
    work: the-challenge
    asks: [how-long]
    kind: conflict
    phrasings: [how long is the challenge, what is the running time of vyzov]
    answer: Sources give two running times, 164 and 154 minutes.
    versions:
      - claim: The long cut runs 164 minutes.
        citations: [{source: wiki, where: infobox}]
      - claim: The cinema cut runs 154 minutes.
        citations: [{source: tass, where: second paragraph}]
    citations: [{source: wiki, where: infobox}]
"""
RELEASE = """\
releases:
  - id: extra-release
    work: the-challenge
    kind: streaming
    label: Streaming release
    date: 2023-09-01
    status: confirmed
    citations: [{source: wiki, where: release}]
"""
ENTITY = """\
entities:
  - id: extra-person
    kind: person
    name: Alexei Dudin
    aliases: [Dudin]
    works: [the-challenge]
"""
SOURCE = """\
sources:
  - id: extra-source
    title: An interview
    publisher: Example Weekly
    published: 2023-05-02
    reliability: medium
"""


def changed(template: str, *edits: tuple[str, str]) -> str:
    """`template` with each (old, new) edit applied; an edit that misses is a broken test."""
    for old, new in edits:
        assert old in template, f"{old!r} is not in the template"
        template = template.replace(old, new, 1)
    return template


def add(content: str | bytes, name: str = "extra.yaml") -> Break:
    """Save one more file next to the fixture files."""

    def apply(directory: Path) -> None:
        data = content.encode("utf-8") if isinstance(content, str) else content
        (directory / name).write_bytes(data)

    return apply


def edit(name: str, old: str, new: str) -> Break:
    """Change text in one of the fixture files."""

    def apply(directory: Path) -> None:
        path = directory / name
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {name}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return apply


def _remove_directory(directory: Path) -> None:
    shutil.rmtree(directory)


def _replace_directory_by_a_file(directory: Path) -> None:
    shutil.rmtree(directory)
    directory.write_text("entries: []\n", encoding="utf-8")


def _only_notes(directory: Path) -> None:
    for path in directory.glob("*.yaml"):
        path.unlink()
    (directory / "README.md").write_text("# notes\n", encoding="utf-8")


def _symlink_loop(directory: Path) -> None:
    os.symlink("loop-b.yaml", directory / "loop-a.yaml")
    os.symlink("loop-a.yaml", directory / "loop-b.yaml")


def _dangling_symlink(directory: Path) -> None:
    os.symlink("moved-away.yaml", directory / "people.yaml")


def _too_much_in_total(directory: Path) -> None:
    filler = b"entries: []\n" + (b"# " + b"x" * 97 + b"\n") * ((MAX_FILE_BYTES - 100) // 100)
    for number in range(MAX_TOTAL_BYTES // len(filler) + 1):
        (directory / f"bulk-{number:02d}.yaml").write_bytes(filler)  # each file within its limit


def _huge_file(directory: Path) -> None:
    line = b"# " + b"x" * 1_000 + b"\n"
    (directory / "huge.yaml").write_bytes(b"entries:\n" + line * 20_000)  # about 20 MB


def _binary_garbage(directory: Path) -> None:
    noise = random.Random(4).randbytes(4096)
    (directory / "image.yaml").write_bytes(b"\x89PNG\r\n\x1a\n" + noise)


def _many_broken_entries(directory: Path) -> None:
    item = "  - {id: e%d, asks: [who]}\n"
    (directory / "bulk.yaml").write_text(
        "entries:\n" + "".join(item % n for n in range(500)), encoding="utf-8"
    )


def _alias_bomb() -> str:
    lines = ["bomb:", "  - &a0 [who, who, who, who, who, who, who, who, who, who]"]
    lines += [f"  - &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]" for n in range(1, 12)]
    return "\n".join(lines) + "\n" + changed(ENTRY, ("phrasings: [", "phrasings: [*a11, "))


CASES: tuple[Case, ...] = (
    # --- YAML syntax -----------------------------------------------------------------------
    Case("tab-indentation", add("entries:\n\t- id: extra-entry\n"), "extra.yaml", "tabs"),
    Case(
        "bad-indentation",
        add(changed(ENTRY, ("    asks: [who]", "      asks: [who]"))),
        "extra.yaml",
        "malformed YAML at line 5",
    ),
    Case(
        "unclosed-quote",
        add(changed(ENTRY, ("answer: Two", 'answer: "Two'))),
        "extra.yaml",
        "quoted scalar from line 7",
    ),
    Case(
        "unclosed-bracket",
        add(changed(ENTRY, ("asks: [who]", "asks: [who"))),
        "extra.yaml",
        "malformed YAML at line",
    ),
    Case(
        "colon-in-unquoted-text",
        add(changed(ENTRY, ("answer: Two", "answer: Note: two"))),
        "extra.yaml",
        "in quotes",
    ),
    Case(
        "duplicate-key-in-entry",
        add(changed(ENTRY, ("    citations:", "    answer: Someone else.\n    citations:"))),
        "extra.yaml",
        "given twice (lines 7 and 8)",
        entry="extra-entry",
        field="answer",
    ),
    Case(
        "duplicate-section-in-file",
        add(ENTRY + changed(ENTRY, ("extra-entry", "more-entry"))),
        "extra.yaml",
        "given twice",
        field="entries",
    ),
    Case("two-documents", add(ENTRY + "---\n" + RELEASE), "extra.yaml", "another document"),
    Case(
        "python-object-tag",
        add("entries: !!python/object/apply:os.system [echo hi]\n"),
        "extra.yaml",
        "YAML tag '!!python/object/apply:os.system'",
    ),
    Case("control-character", add(ENTRY + "# \x07\n"), "extra.yaml", "U+0007 is not allowed"),
    Case("deep-nesting", add("entries: " + "[" * 100_000 + "]" * 100_000), "extra.yaml", "deep"),
    Case("alias-bomb", add(_alias_bomb()), "extra.yaml", "aliases (*name)"),
    # --- the file's shape ------------------------------------------------------------------
    Case("file-is-a-list", add("- id: extra-entry\n"), "extra.yaml", "not a list"),
    Case("file-is-plain-text", add("just my notes\n"), "extra.yaml", "not a single text"),
    Case("empty-file", add(""), "extra.yaml", "is empty"),
    Case("only-comments", add("# to do: the music\n"), "extra.yaml", "is empty"),
    Case(
        "misspelt-section",
        add(changed(ENTRY, ("entries:", "entires:"))),
        "extra.yaml",
        "did you mean 'entries'",
        field="entires",
    ),
    Case(
        "section-is-a-mapping",
        add("entries:\n  id: extra-entry\n"),
        "extra.yaml",
        "must be a list",
        field="entries",
    ),
    # --- wrong types -----------------------------------------------------------------------
    Case(
        "text-where-a-list-goes",
        add(
            changed(
                ENTRY,
                (
                    "phrasings: [who wrote the music, who composed the score]",
                    "phrasings: who wrote it",
                ),
            )
        ),
        "extra.yaml",
        "valid tuple",
        entry="extra-entry",
        field="phrasings",
    ),
    Case(
        "list-where-text-goes",
        add(
            changed(
                ENTRY,
                ("answer: Two composers wrote the score for the film.", "answer: [Two, composers]"),
            )
        ),
        "extra.yaml",
        "valid string",
        entry="extra-entry",
        field="answer",
    ),
    Case(
        "number-as-id",
        add(changed(ENTRY, ("id: extra-entry", "id: 123"))),
        "extra.yaml",
        "valid string",
        entry="entries #1",
        field="id",
    ),
    Case(
        "unknown-question-kind",
        add(changed(ENTRY, ("asks: [who]", "asks: [sometimes]"))),
        "extra.yaml",
        "'who'",
        entry="extra-entry",
        field="asks.1",
    ),
    Case(
        "item-is-text",
        add("entries:\n  - who composed the score\n"),
        "extra.yaml",
        "valid dictionary",
        entry="entries #1",
    ),
    Case(
        "citation-is-text",
        add(changed(ENTRY, ("citations: [{source: wiki, where: infobox}]", "citations: [wiki]"))),
        "extra.yaml",
        "valid dictionary",
        entry="extra-entry",
        field="citations.1",
    ),
    Case(
        "yes-no-is-not-boolean",
        add(changed(ENTRY, ("asks: [who]", "asks: [who]\n    spoiler: perhaps"))),
        "extra.yaml",
        "boolean",
        entry="extra-entry",
        field="spoiler",
    ),
    Case(
        "id-not-a-slug",
        add(changed(ENTRY, ("id: extra-entry", "id: Extra Entry"))),
        "extra.yaml",
        "pattern",
        entry="Extra Entry",
        field="id",
    ),
    # --- unknown keys, missing fields ------------------------------------------------------
    Case(
        "misspelt-field",
        add(changed(ENTRY, ("answer:", "anwser:"))),
        "extra.yaml",
        "did you mean 'answer'",
        entry="extra-entry",
        field="anwser",
    ),
    Case(
        "missing-answer",
        add(changed(ENTRY, ("    answer: Two composers wrote the score for the film.\n", ""))),
        "extra.yaml",
        "required field is missing",
        entry="extra-entry",
        field="answer",
    ),
    Case(
        "missing-citations",
        add(changed(ENTRY, ("    citations: [{source: wiki, where: infobox}]\n", ""))),
        "extra.yaml",
        "required field is missing",
        entry="extra-entry",
        field="citations",
    ),
    Case(
        "source-without-reliability",
        add(changed(SOURCE, ("    reliability: medium\n", ""))),
        "extra.yaml",
        "required field is missing",
        entry="extra-source",
        field="reliability",
    ),
    Case(
        "undated-source-without-estimate",
        add(changed(SOURCE, ("    published: 2023-05-02\n", ""))),
        "extra.yaml",
        "undated source",
        entry="extra-source",
        field="estimate",
    ),
    # --- references to nothing -------------------------------------------------------------
    Case(
        "entry-cites-unknown-source",
        add(changed(ENTRY, ("source: wiki", "source: wikipedia"))),
        "extra.yaml",
        "cites unknown source 'wikipedia'",
        entry="extra-entry",
        field="citations",
    ),
    Case(
        "version-cites-unknown-source",
        add(changed(CONFLICT, ("source: tass", "source: tass-news"))),
        "extra.yaml",
        "cites unknown source 'tass-news'",
        entry="extra-conflict",
        field="versions.2.citations",
    ),
    Case(
        "release-cites-unknown-source",
        add(changed(RELEASE, ("source: wiki", "source: kinopoisk"))),
        "extra.yaml",
        "cites unknown source 'kinopoisk'",
        entry="extra-release",
        field="citations",
    ),
    Case(
        "sources-file-emptied",
        edit("sources.yaml", "sources:", "# sources moved elsewhere\nsourcez:"),
        "challenge.yaml",
        "cites unknown source 'wiki'",
        entry="challenge-director",
        field="citations",
    ),
    Case(
        "entry-about-a-work-that-is-not-one",
        add(changed(ENTRY, ("work: the-challenge", "work: klim-shipenko"))),
        "extra.yaml",
        "'klim-shipenko' is not a work",
        entry="extra-entry",
        field="work",
    ),
    Case(
        "entry-about-unknown-entity",
        add(changed(ENTRY, ("about: [klim-shipenko]", "about: [klim-shepenko]"))),
        "extra.yaml",
        "unknown entity 'klim-shepenko'",
        entry="extra-entry",
        field="about",
    ),
    Case(
        "entry-lists-unknown-release",
        add(changed(ENTRY, ("asks: [who]", "asks: [who]\n    events: [challenge-dvd]"))),
        "extra.yaml",
        "unknown release 'challenge-dvd'",
        entry="extra-entry",
        field="events",
    ),
    Case(
        "release-of-unknown-work",
        add(changed(RELEASE, ("work: the-challenge", "work: the-challenge-2"))),
        "extra.yaml",
        "'the-challenge-2' is not a work",
        entry="extra-release",
        field="work",
    ),
    Case(
        "entity-of-unknown-work",
        add(changed(ENTITY, ("works: [the-challenge]", "works: [challenge]"))),
        "extra.yaml",
        "'challenge' is not a work entity",
        entry="extra-person",
        field="works",
    ),
    # --- duplicates ------------------------------------------------------------------------
    Case(
        "entry-id-in-two-files",
        add(changed(ENTRY, ("id: extra-entry", "id: challenge-director"))),
        "extra.yaml",
        "duplicate entry id (first in challenge.yaml)",
        entry="challenge-director",
        field="id",
    ),
    Case(
        "source-id-twice",
        add(changed(SOURCE, ("id: extra-source", "id: wiki"))),
        "sources.yaml",  # files load in name order: extra.yaml holds the first `wiki`
        "duplicate source id (first in extra.yaml)",
        entry="wiki",
        field="id",
    ),
    Case(
        "entity-id-twice",
        add(changed(ENTITY, ("id: extra-person", "id: klim-shipenko"))),
        "extra.yaml",
        "duplicate entity id",
        entry="klim-shipenko",
        field="id",
    ),
    Case(
        "alias-on-two-entities",
        add(changed(ENTITY, ("aliases: [Dudin]", "aliases: [Dudin, SHIPENKO]"))),
        "extra.yaml",
        "'SHIPENKO' is also an alias of 'klim-shipenko'",
        entry="extra-person",
        field="aliases",
    ),
    Case(
        "name-of-another-entity",
        add(changed(ENTITY, ("name: Alexei Dudin", "name: Klim Shipenko"))),
        "extra.yaml",
        "'Klim Shipenko' is also the name of 'klim-shipenko'",
        entry="extra-person",
        field="name",
    ),
    # --- dates -----------------------------------------------------------------------------
    Case(
        "date-month-13",
        add(changed(RELEASE, ("date: 2023-09-01", "date: 2023-13-40"))),
        "extra.yaml",
        "no month 13",
        entry="extra-release",
        field="date",
    ),
    Case(
        "date-in-words",
        add(changed(RELEASE, ("date: 2023-09-01", "date: April 12"))),
        "extra.yaml",
        "'April 12' is not a date",
        entry="extra-release",
        field="date",
    ),
    Case(
        "date-that-never-was",
        add(changed(ENTRY, ("asks: [who]", "asks: [who]\n    as_of: 2023-02-30"))),
        "extra.yaml",
        "'2023-02-30' is not a real day",
        entry="extra-entry",
        field="as_of",
    ),
    # --- answers and editorial rules -------------------------------------------------------
    Case(
        "empty-answer",
        add(changed(ENTRY, ("answer: Two composers wrote the score for the film.", 'answer: ""'))),
        "extra.yaml",
        "at least 10 characters",
        entry="extra-entry",
        field="answer",
    ),
    Case(
        "too-short-answer",
        add(
            changed(ENTRY, ("answer: Two composers wrote the score for the film.", "answer: Two."))
        ),
        "extra.yaml",
        "at least 10 characters",
        entry="extra-entry",
        field="answer",
    ),
    Case(
        "answer-too-long",
        add(changed(ENTRY, ("answer: Two", "answer: " + "Two composers. " * 120 + "Two"))),
        "extra.yaml",
        "at most 1500 characters",
        entry="extra-entry",
        field="answer",
    ),
    Case(
        "no-phrasings",
        add(
            changed(
                ENTRY, ("phrasings: [who wrote the music, who composed the score]", "phrasings: []")
            )
        ),
        "extra.yaml",
        "at least 2 items",
        entry="extra-entry",
        field="phrasings",
    ),
    Case(
        "blank-phrasing",
        add(changed(ENTRY, ("phrasings: [who wrote the music, ", "phrasings: ['   ', "))),
        "extra.yaml",
        "at least 1 character",
        entry="extra-entry",
        field="phrasings.1",
    ),
    Case(
        "punctuation-phrasing",
        add(changed(ENTRY, ("phrasings: [who wrote the music, ", "phrasings: ['???', "))),
        "extra.yaml",
        "no words once normalised",
        entry="extra-entry",
        field="phrasings.1",
    ),
    Case(
        "weak-claim-without-hedge",
        add(changed(ENTRY, ("asks: [who]", "asks: [who]\n    strength: weak"))),
        "extra.yaml",
        "must say so",
        entry="extra-entry",
        field="answer",
    ),
    Case(
        "conflict-without-versions",
        add(changed(ENTRY, ("asks: [who]", "asks: [who]\n    kind: conflict"))),
        "extra.yaml",
        "at least two `versions`",
        entry="extra-entry",
        field="versions",
    ),
    Case(
        "versions-on-a-plain-fact",
        add(changed(CONFLICT, ("    kind: conflict\n", ""))),
        "extra.yaml",
        "only a `conflict` entry has `versions`",
        entry="extra-conflict",
        field="versions",
    ),
    Case(
        "misconception-without-premise",
        add(changed(ENTRY, ("asks: [who]", "asks: [who]\n    kind: misconception"))),
        "extra.yaml",
        "`premise`",
        entry="extra-entry",
        field="premise",
    ),
    Case(
        "ambiguous-name-with-one-work",
        add(
            "entities:\n  - {id: that-film, kind: ambiguous, name: that film,"
            " refers_to: [the-challenge]}\n"
        ),
        "extra.yaml",
        "at least two works",
        entry="that-film",
        field="refers_to",
    ),
    Case(
        "hundreds-of-broken-entries",
        _many_broken_entries,
        "bulk.yaml",
        "100 or more problems",
    ),
    # --- bytes, sizes and the directory itself ---------------------------------------------
    Case("huge-file", _huge_file, "huge.yaml", f"over the {MAX_FILE_BYTES:,}-byte limit"),
    Case("too-much-in-total", _too_much_in_total, ROOT, f"over {MAX_TOTAL_BYTES:,} bytes"),
    Case(
        "latin-1-file",
        add(changed(ENTRY, ("for the film", "for the café")).encode("latin-1")),
        "extra.yaml",
        "not UTF-8 text (line 7, byte 0xe9)",
    ),
    Case("utf-16-file", add(ENTRY.encode("utf-16")), "extra.yaml", "saved as UTF-16"),
    Case("utf-16-without-bom", add(ENTRY.encode("utf-16-le")), "extra.yaml", "NUL bytes"),
    Case("binary-garbage", _binary_garbage, "image.yaml", "not UTF-8 text"),
    Case("symlink-loop", _symlink_loop, "loop-a.yaml", "symlink"),
    Case("dangling-symlink", _dangling_symlink, "people.yaml", "symlink"),
    Case("missing-directory", _remove_directory, ROOT, "does not exist"),
    Case("directory-is-a-file", _replace_directory_by_a_file, ROOT, "is not a directory"),
    Case("no-yaml-files", _only_notes, ROOT, "no *.yaml knowledge files"),
)
