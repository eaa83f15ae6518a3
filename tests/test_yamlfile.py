"""Two ways of reading a knowledge file, one result: the event walk, taken by every well-formed
knowledge file, builds what composing nodes builds, and leaves everything else (mistakes above
all) to the composing path, whose messages name the problem and its line."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.yamlfile import MAX_YAML_DEPTH, FileProblem, composed, parse, plain_mapping

REPO = Path(__file__).resolve().parent.parent
GOOD = """\
entries:
  - id: extra-entry
    asks: [who]
    phrasings: [who wrote the music, "who composed the score?"]
    answer: Two composers wrote the score.
    spoiler: no
    citations: [{source: wiki, where: infobox}]
"""
GOOD_DATA = {
    "entries": [
        {
            "id": "extra-entry",
            "asks": ["who"],
            "phrasings": ["who wrote the music", "who composed the score?"],
            "answer": "Two composers wrote the score.",
            "spoiler": False,
            "citations": [{"source": "wiki", "where": "infobox"}],
        }
    ]
}


def _whole(message: str) -> tuple[None, list[FileProblem]]:
    return None, [FileProblem(None, None, message)]


# each breaks GOOD, which the walk reads, in one way; the messages are the composing path's
BROKEN = {
    "duplicate-key": (
        GOOD.replace("    spoiler: no\n", "    spoiler: no\n    asks: [what]\n"),
        (
            {"entries": [GOOD_DATA["entries"][0] | {"asks": ["what"]}]},
            [FileProblem("extra-entry", "asks", "is given twice (lines 3 and 7); keep one")],
        ),
    ),
    "tab-indentation": (
        GOOD.replace("    answer:", "\tanswer:"),
        _whole(
            "malformed YAML at line 5, column 1: found character that cannot start any token"
            " (while scanning for the next token from line 5); indent with spaces, not tabs"
        ),
    ),
    "bad-indentation": (
        GOOD.replace("    answer:", "      answer:"),
        _whole(
            "malformed YAML at line 5, column 7: did not find expected key"
            " (while parsing a block mapping from line 2)"
        ),
    ),
    "unclosed-quote": (
        GOOD.replace('"who composed the score?"', '"who composed the score?'),
        _whole(
            "malformed YAML at line 8, column 1: found unexpected end of stream"
            " (while scanning a quoted scalar from line 4)"
        ),
    ),
    "colon-in-unquoted-text": (
        GOOD.replace("Two composers", "Note: two composers"),
        _whole(
            "malformed YAML at line 5, column 17: mapping values are not allowed in this context;"
            " put text that contains ': ' in quotes"
        ),
    ),
    "tag": (
        GOOD.replace("spoiler: no", "spoiler: !!bool no"),
        _whole("has a YAML tag '!!bool' (line 6): write plain values, quote text"),
    ),
    "two-documents": (
        GOOD + "---\nentries: []\n",
        _whole(
            "malformed YAML at line 8, column 1: but found another document"
            " (expected a single document in the stream from line 1)"
        ),
    ),
    "control-character": (
        GOOD.replace("Two", "Two\x07"),
        _whole("malformed YAML at line 5: the character U+0007 is not allowed"),
    ),
    "too-deep": (
        GOOD.replace("asks: [who]", "asks: " + "[" * 25 + "who" + "]" * 25),
        _whole("nests lists and mappings over 20 deep (line 3)"),
    ),
}


def test_the_walk_reads_a_plain_knowledge_file():
    assert plain_mapping(GOOD) == GOOD_DATA
    assert parse(GOOD.encode()) == (GOOD_DATA, [])


@pytest.mark.parametrize("path", sorted((REPO / "knowledge").rglob("*.yaml")), ids=str)
def test_every_shipped_file_takes_the_walk_and_reads_as_composed(path):
    text = path.read_text(encoding="utf-8")
    data = plain_mapping(text)
    assert data is not None
    assert repr(composed(text)) == repr((data, []))


@pytest.mark.parametrize("name", BROKEN)
def test_a_mistake_is_left_to_the_composing_path_and_its_message(name):
    text, expected = BROKEN[name]
    assert plain_mapping(text) is None
    assert parse(text.encode()) == expected


def _nested(depth: int) -> str:
    """GOOD with its `asks` list nested to make the file `depth` deep (its root is 1 deep)."""
    brackets = depth - 3  # the root, the list of entries, the entry
    return GOOD.replace("asks: [who]", "asks: " + "[" * brackets + "who" + "]" * brackets)


def test_the_walk_reads_as_deep_as_allowed_and_no_deeper():
    assert plain_mapping(_nested(MAX_YAML_DEPTH)) is not None
    deeper = _nested(MAX_YAML_DEPTH + 1)
    assert plain_mapping(deeper) is None
    assert parse(deeper.encode()) == composed(deeper)


@pytest.mark.parametrize(
    "text",
    [
        "entries: &same [a, b]\nagain: *same\n",  # anchors and aliases
        "entries:\n  1: one\n  yes: two\n  ~: three\n",  # keys that are not text
        "base: &b {x: 1}\nentries:\n  <<: *b\n  y: 2\n",  # a merge key
        "'1': text\n1: number\n",  # one key written two ways
    ],
)
def test_other_yaml_is_left_to_the_composing_path(text):
    assert plain_mapping(text) is None
    assert parse(text.encode()) == composed(text)


# --- any document of scalars YAML reads in many ways, in block and flow collections ----------
SCALARS = (
    "who", "yes", "no", "On", "~", "", "null", "1", "-7", "0x1F", "0o17", "1_000", "1:20", ".5",
    "-.inf", "2023-01-01", "'quoted'", '"double \\x41"', "<<", "=", "a: b", "!!str x", "&a x",
    "*a", "[x", "x]", "{x", "#note", "- x", "? x", "|", ">-", "%x", "@x", "`x", "it's",
)  # fmt: skip
KEYS = ("id", "asks", "id", "yes", "1", "'id'", '"asks"', "<<", "~", "? x", "&k id", "!!str id")
Tree = str | tuple[str, bool, list]


def _flow(node: Tree) -> str:
    if isinstance(node, str):
        return node
    kind, _, items = node
    if kind == "seq":
        return "[" + ", ".join(_flow(item) for item in items) + "]"
    return "{" + ", ".join(f"{key}: {_flow(value)}" for key, value in items) + "}"


def _block(node: tuple[str, bool, list], indent: int) -> list[str]:
    kind, _, items = node
    lines = []
    for item in items:
        head, value = (f"{item[0]}:", item[1]) if kind == "map" else ("-", item)
        if isinstance(value, str) or value[1] or not value[2]:  # a scalar, flow, or empty
            lines.append(f"{' ' * indent}{head} {_flow(value)}")
        else:
            lines.append(f"{' ' * indent}{head}")
            lines.extend(_block(value, indent + 2))
    return lines


def _collections(children: st.SearchStrategy[Tree]) -> st.SearchStrategy[Tree]:
    return st.one_of(
        st.tuples(st.just("seq"), st.booleans(), st.lists(children, max_size=4)),
        st.tuples(
            st.just("map"),
            st.booleans(),
            st.lists(st.tuples(st.sampled_from(KEYS), children), max_size=4),
        ),
    )


DOCUMENTS = st.lists(
    st.tuples(st.sampled_from(KEYS), st.recursive(st.sampled_from(SCALARS), _collections)),
    min_size=1,
    max_size=4,
).map(lambda items: "\n".join(_block(("map", False, items), 0)) + "\n")


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENTS)
def test_any_document_reads_as_the_composing_path_reads_it(text):
    # repr: a `.nan` is not equal to itself
    assert repr(parse(text.encode())) == repr(composed(text))
