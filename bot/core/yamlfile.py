"""Read one knowledge file, whatever an editor saved: any bytes in, a mapping or problems out.

Everything that can go wrong before validation is named here with a line number: size,
encoding, YAML syntax, duplicate keys, tags, and shapes that would stall or crash a parser.
Knowledge files are small hand-written text, so the limits below are far above real use.
A plain, well-formed file is built straight from the parser's events (`plain_mapping`); any
other, and every mistake, goes the slower way (`composed`), which says what is wrong and where.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import Any, NamedTuple

import yaml

MAX_FILE_BYTES = 1_000_000  # ~9x our biggest file; PyYAML reads dense YAML at ~2.5 s per MB
MAX_TOTAL_BYTES = 10_000_000  # ~18x the whole knowledge base today; bounds a reload to seconds
MAX_YAML_DEPTH = 20  # ours is 7 deep; ~50,000 `[` overflow libyaml's C stack: a segfault
MAX_YAML_ALIASES = 100  # `*name` reuses a value; thousands multiply validation ("billion laughs")
_FOREIGN_BOMS = (  # UTF-32 first: its little-endian mark begins with UTF-16's
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)
_COLLECTION_START = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_COLLECTION_END = (yaml.SequenceEndEvent, yaml.MappingEndEvent)
# Cheap signs that a file may hold what the event walk looks for (a tag, an anchor or alias,
# deep indentation); a file without any of them, and without deeply nested brackets, skips
# the walk, which costs as much as parsing itself.
_TAG_OR_ALIAS = re.compile(r"(?:^|[\s:\[{,-])(?:!\S|[&*][^\s,\]}])", re.MULTILINE)
_DEEP_INDENT = "\n" + " " * (2 * MAX_YAML_DEPTH)
_BRACKETS = re.compile(r"[\[\]{}]")


class FileProblem(NamedTuple):
    """A problem in one file; the loader adds the file's name."""

    entry: str | None
    field: str | None
    message: str


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Safe YAML that keeps dates as text and notes every key given twice in a mapping."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.duplicates: list[FileProblem] = []

    def construct_document(self, node: yaml.Node) -> Any:
        try:
            return self._construct_plain(node)
        except Exception:  # _NotPlainError, or an error the stock constructor reports its own way
            self.duplicates = []
            self.constructed_objects.clear()
            self.recursive_objects.clear()  # a node that failed here would look recursive to it
            return super().construct_document(node)

    def _construct_plain(self, root: yaml.Node) -> Any:
        """What the stock constructor builds from mappings, lists and scalars, without its
        generator per collection (as costly as parsing): breadth first, as it goes, so that
        duplicate keys are noted in the same order. Shared nodes (anchors), merge keys and
        other collection tags raise _NotPlainError and are left to it."""
        seen: set[int] = set()
        pending: list[tuple[yaml.Node, Any]] = []

        def construct(node: yaml.Node) -> Any:
            if isinstance(node, yaml.ScalarNode):
                return node.value if node.tag == _STR_TAG else self.construct_object(node)
            if id(node) in seen:
                raise _NotPlainError
            seen.add(id(node))
            made: dict[Any, Any] | list[Any]
            if isinstance(node, yaml.MappingNode) and node.tag == _MAP_TAG:
                made = {}
            elif isinstance(node, yaml.SequenceNode) and node.tag == _SEQ_TAG:
                made = []
            else:
                raise _NotPlainError
            pending.append((node, made))
            return made

        data = construct(root)
        for node, made in pending:  # grows as it goes: one level after another
            if isinstance(made, list):
                made.extend([construct(child) for child in node.value])
            elif isinstance(node, yaml.MappingNode):
                self._note_duplicates(node)
                for key_node, value_node in node.value:
                    if not isinstance(key_node, yaml.ScalarNode) or key_node.tag in _SPECIAL_KEYS:
                        raise _NotPlainError
                    key = construct(key_node)
                    made[key] = construct(value_node)
        self.constructed_objects.clear()
        return data

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: Any) -> str:
        """The stock resolver's tag, a plain scalar's by `_plain_tag`."""
        if kind is not yaml.ScalarNode or not implicit[0] or self.yaml_path_resolvers:
            return super().resolve(kind, value, implicit)  # type: ignore[no-any-return]
        return _plain_tag(value)

    def plain_data(self) -> dict[str, Any] | None:
        """The document's top-level mapping, built straight from the parser's events, if all it
        holds is mappings with text keys, given once, lists and untagged scalars, nested at most
        MAX_YAML_DEPTH deep; else None, for the composing path to build or to say what is wrong,
        and where. Every knowledge file is such a document, and the walk costs ~12 ms a load
        less than composing nodes, constructing from them and checking their shape."""
        try:
            return self._plain_events()
        except Exception:  # _NotPlainError, a syntax error, a constructor's: the other path's
            return None
        finally:
            self.constructed_objects.clear()

    def _plain_events(self) -> dict[str, Any]:
        get = self.get_event
        opening = (get(), get(), get())
        kinds = [type(event) for event in opening]
        if kinds != [yaml.StreamStartEvent, yaml.DocumentStartEvent, yaml.MappingStartEvent]:
            raise _NotPlainError
        _plain_collection(opening[2], depth=1)
        root: dict[str, Any] = {}
        into: dict[str, Any] | list[Any] = root  # the collection the next value goes in
        key: str | None = None  # in a mapping: the key whose value comes next, once read
        outer: list[dict[str, Any] | list[Any]] = []  # the collections around `into`
        while True:
            event = get()
            kind = type(event)
            value: Any
            if kind is yaml.ScalarEvent:
                # as the composing path constructs it: text unless a plain scalar is resolved
                # otherwise. Most begin with a character no resolver looks for (~18,000 of
                # ~22,000 at a load): text, without a call
                if event.anchor is not None or event.tag is not None:
                    raise _NotPlainError
                value = event.value
                if event.implicit[0] and (value[:1] in _PLAIN_RESOLVERS or _ANY_FIRST_RESOLVERS):
                    value = self._resolved(value)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                _plain_collection(event, depth=len(outer) + 2)  # the root is 1 deep
                value = {} if kind is yaml.MappingStartEvent else []
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                if not outer:
                    break
                into, key = outer.pop(), None
                continue
            else:  # an alias
                raise _NotPlainError
            if isinstance(into, list):
                into.append(value)
            elif key is None:
                # a text key, each once: the stock constructor reads them alike, and the
                # duplicates the composing path notes are its to report
                if kind is not yaml.ScalarEvent or type(value) is not str or value in into:
                    raise _NotPlainError
                key = value
                continue
            else:
                into[key] = value
                key = None
            if kind is not yaml.ScalarEvent:
                outer.append(into)
                into = value
        if [type(get()) for _ in range(2)] != [yaml.DocumentEndEvent, yaml.StreamEndEvent]:
            raise _NotPlainError  # another document follows
        return root

    def _resolved(self, value: str) -> Any:
        """A plain scalar as the stock resolver and constructor read it: null, a boolean, a
        number, or text."""
        tag = _plain_tag(value)
        return value if tag == _STR_TAG else self.construct_object(yaml.ScalarNode(tag, value))

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        self._note_duplicates(node)
        return super().construct_mapping(node, deep)  # type: ignore[no-any-return]

    def _note_duplicates(self, node: yaml.MappingNode) -> None:
        first_line: dict[str, int] = {}
        entry_id: str | None = None
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag.endswith(":merge"):
                continue
            if key_node.value == "id" and isinstance(value_node, yaml.ScalarNode):
                entry_id = value_node.value
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag.endswith(":merge"):
                continue
            line = key_node.start_mark.line + 1
            key = key_node.value
            if key in first_line:
                message = f"is given twice (lines {first_line[key]} and {line}); keep one"
                self.duplicates.append(FileProblem(entry_id, key, message))
            else:
                first_line[key] = line


class _NotPlainError(Exception):
    """A document the plain construction leaves to the stock constructor, or the event walk
    to the composing path."""


def _plain_collection(event: yaml.CollectionStartEvent, depth: int) -> None:
    """A mapping or list the event walk builds: no anchor, no tag, not too deep."""
    if event.anchor is not None or event.tag is not None or depth > MAX_YAML_DEPTH:
        raise _NotPlainError


_STR_TAG = "tag:yaml.org,2002:str"
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_SPECIAL_KEYS = ("tag:yaml.org,2002:merge", "tag:yaml.org,2002:value")  # flatten_mapping's


_Loader.yaml_implicit_resolvers = {
    first: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
# what `resolve` tries on a plain scalar, by its first character ("" for an empty one): the
# resolvers for that character, then those for any (the stock order)
_ANY_FIRST_RESOLVERS = _Loader.yaml_implicit_resolvers.get(None, [])
_PLAIN_RESOLVERS = {
    first: resolvers + _ANY_FIRST_RESOLVERS
    for first, resolvers in _Loader.yaml_implicit_resolvers.items()
    if first is not None
}


def _plain_tag(value: str) -> str:
    """The tag the stock resolver gives an untagged plain scalar, without the lists it joins
    for every one (most are text no implicit resolver claims): ~2 ms of a load."""
    for tag, regexp in _PLAIN_RESOLVERS.get(value[:1], _ANY_FIRST_RESOLVERS):
        if regexp.match(value):
            return tag  # type: ignore[no-any-return]
    return _STR_TAG


def read_file(path: Path) -> tuple[bytes | None, list[FileProblem]]:
    """The file's bytes (None if they cannot be used), and what is wrong with them."""
    try:
        if not path.is_file():
            return None, [_whole("is not a regular file (a broken or looping symlink?)")]
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, [_whole(_too_big(size))]
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)  # it may have grown since stat()
    except OSError as exc:
        return None, [_whole(f"cannot be read: {exc.strerror or exc}")]
    if len(raw) > MAX_FILE_BYTES:
        return None, [_whole(_too_big(len(raw)))]
    return raw, []


def parse(raw: bytes) -> tuple[dict[Any, Any] | None, list[FileProblem]]:
    """Decode and parse a knowledge file: its top-level mapping, or the problems found."""
    text, problem = _decode(raw)
    if text is None:
        return None, [_whole(problem)]
    data = plain_mapping(text)
    return (data, []) if data is not None else composed(text)


def plain_mapping(text: str) -> dict[str, Any] | None:
    """`text`'s top-level mapping by the event walk (see _Loader.plain_data), or None."""
    loader = _Loader(text)
    try:
        return loader.plain_data()
    finally:
        loader.dispose()


def composed(text: str) -> tuple[dict[Any, Any] | None, list[FileProblem]]:
    """`text` parsed by composing nodes and constructing from them: any YAML, every problem."""
    shape = _shape_problem(text)
    if shape:
        return None, [_whole(shape)]
    loader = _Loader(text)
    try:
        data = loader.get_single_data()
    except yaml.YAMLError as exc:
        return None, [_whole(_syntax_message(exc, text))]
    except Exception as exc:  # last guard: PyYAML constructors raise bare ValueError & co.
        return None, [_whole(f"has a value YAML cannot read: {exc}")]
    finally:
        loader.dispose()
    if data is None:
        return None, [_whole("is empty: give it a section (entries: ...) or delete it")]
    if not isinstance(data, dict):
        kind = {"list": "list", "str": "single text"}.get(type(data).__name__, "single value")
        return None, [_whole(f"must be a mapping of sections (entries: ...), not a {kind}")]
    return data, loader.duplicates


def _whole(message: str) -> FileProblem:
    return FileProblem(None, None, message)


def _too_big(size: int) -> str:
    return (
        f"is {size:,} bytes, over the {MAX_FILE_BYTES:,}-byte limit for a knowledge file; "
        "split it, or remove what does not belong"
    )


def _decode(raw: bytes) -> tuple[str | None, str]:
    for bom, encoding in _FOREIGN_BOMS:
        if raw.startswith(bom):
            return None, f"is saved as {encoding}; save it as UTF-8"
    if b"\0" in raw:
        return None, "contains NUL bytes: it is binary or UTF-16, not UTF-8 text"
    try:
        return raw.decode("utf-8-sig"), ""  # a UTF-8 byte-order mark (Windows editors) is fine
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        byte = raw[exc.start]
        return None, f"is not UTF-8 text (line {line}, byte 0x{byte:02x}); save it as UTF-8"


def _shape_problem(text: str) -> str | None:
    """Walk the parser's events (flat, no recursion) for shapes no knowledge file needs."""
    if not _tagged(text) and _DEEP_INDENT not in text and _bracket_depth(text) <= MAX_YAML_DEPTH:
        return None
    depth = aliases = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            line = event.start_mark.line + 1 if event.start_mark else 0
            if isinstance(event, _COLLECTION_START):
                depth += 1
                if depth > MAX_YAML_DEPTH:
                    return f"nests lists and mappings over {MAX_YAML_DEPTH} deep (line {line})"
            elif isinstance(event, _COLLECTION_END):
                depth -= 1
            elif isinstance(event, yaml.AliasEvent):
                aliases += 1
                if aliases > MAX_YAML_ALIASES:
                    return f"uses over {MAX_YAML_ALIASES} aliases (*name) (line {line})"
            tag = getattr(event, "tag", None)
            if tag and tag != "!":
                short = tag.replace("tag:yaml.org,2002:", "!!")
                return f"has a YAML tag {short!r} (line {line}): write plain values, quote text"
    except yaml.YAMLError as exc:
        return _syntax_message(exc, text)
    return None


def _tagged(text: str) -> bool:
    """Does `text` look as if it holds a tag, an anchor or an alias? The pattern is tried only
    around each "!", "&" and "*": searched for across a whole file it costs ~10 ms a load."""
    for mark in "!&*":
        at = text.find(mark)
        while at != -1:
            # a match holds the mark and a character on each side at most; `^` still means
            # the text's or a line's start, whatever position the search starts from
            if _TAG_OR_ALIAS.search(text, max(at - 1, 0), at + 2):
                return True
            at = text.find(mark, at + 1)
    return False


def _bracket_depth(text: str) -> int:
    """Deepest [ { nesting, counting brackets inside quotes too: an upper bound is enough."""
    depth = deepest = 0
    for match in _BRACKETS.finditer(text):
        depth = depth + 1 if match.group() in "[{" else max(depth - 1, 0)
        deepest = max(deepest, depth)
    return deepest


def _syntax_message(exc: yaml.YAMLError, text: str) -> str:
    if isinstance(exc, yaml.reader.ReaderError):
        line = text[: exc.position].count("\n") + 1
        char = exc.character if isinstance(exc.character, int) else ord(exc.character)
        return f"malformed YAML at line {line}: the character U+{char:04X} is not allowed"
    mark = getattr(exc, "problem_mark", None)
    where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
    message = f"malformed YAML{where}: {getattr(exc, 'problem', None) or exc}"
    context, context_mark = getattr(exc, "context", None), getattr(exc, "context_mark", None)
    if context and context_mark:
        message += f" ({context} from line {context_mark.line + 1})"
    if mark and 0 <= mark.index < len(text) and text[mark.index] == "\t":
        message += "; indent with spaces, not tabs"
    elif "mapping values are not allowed" in message:
        message += "; put text that contains ': ' in quotes"
    return message
