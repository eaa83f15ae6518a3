"""The command line: ask, chat, kb validate / dump, eval, and run / sync for the Discord bot.

Never imports discord at start-up (fast, and `ask` works without it): `run` and `sync` import
the Discord layer only when they are the command given.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TextIO

from bot.core.cache import load_engine
from bot.core.conversation import FOLLOWUP_SECONDS, ContextStore
from bot.core.engine import Engine
from bot.core.loader import KnowledgeBase, KnowledgeBaseError, load
from bot.core.phrases import PHRASES
from bot.core.reply import Reply, answer
from bot.core.validation import problems as kb_problems

PROMPT = "you> "
CHAT = "chat"  # the one conversation of a `chat` session


def default_knowledge_dir() -> Path:
    """`./knowledge` when run from a checkout or the Docker image, else the repository's."""
    here = Path("knowledge")
    return here if here.is_dir() else Path(__file__).resolve().parent.parent / "knowledge"


def render_text(reply: Reply) -> str:
    """The reply as a person reads it in a terminal: answer, then numbered sources."""
    words = PHRASES[reply.lang]
    lines = []
    if reply.spoiler:
        lines.append(f"[{words.spoiler}]")
    lines.append(reply.text)
    if not reply.answered and reply.suggestions:
        lines.extend(f"  • {s}" for s in reply.suggestions)
    if reply.citations:
        lines.append("")
        lines.append(f"{words.sources}:")
        for cited in reply.citations:
            source = cited.source
            date = source.published or "undated"
            url = f" {source.url}" if source.url else ""
            lines.append(f"  [{cited.number}] {source.title} ({source.publisher}, {date}){url}")
    return "\n".join(lines)


def reply_json(reply: Reply) -> dict[str, Any]:
    text = reply.text
    if not reply.answered and reply.suggestions:
        text += "\n" + "\n".join(f"• {s}" for s in reply.suggestions)
    return {
        "question": reply.question,
        "lang": reply.lang,
        "answered": reply.answered,
        "status": reply.status,
        "text": text,
        "confidence": reply.confidence,
        "entry": reply.entry.id if reply.entry else None,
        "spoiler": reply.spoiler,
        "citations": [
            {
                "number": c.number,
                "id": c.source.id,
                "title": c.source.title,
                "publisher": c.source.publisher,
                "url": str(c.source.url) if c.source.url else None,
                "published": c.source.published,
                "where": c.where,
            }
            for c in reply.citations
        ],
        "suggestions": list(reply.suggestions),
    }


def _engine(directory: Path) -> Engine:
    try:
        return load_engine(directory)
    except KnowledgeBaseError as exc:
        print(f"error: cannot load the knowledge base from {directory}\n{exc}", file=sys.stderr)
        raise SystemExit(2) from exc


def cmd_ask(args: argparse.Namespace, out: TextIO) -> int:
    engine = _engine(args.knowledge)
    if args.jsonl:
        for line in sys.stdin:
            question = line.rstrip("\r\n")
            reply = answer(engine, question, lang=args.lang)
            out.write(json.dumps(reply_json(reply), ensure_ascii=False) + "\n")
        return 0
    question = " ".join(args.question).strip()
    if not question:
        print(
            'error: give a question, e.g. python -m bot ask "who directed The Challenge?"',
            file=sys.stderr,
        )
        return 2
    reply = answer(engine, question, lang=args.lang)
    if args.json:
        out.write(json.dumps(reply_json(reply), ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(render_text(reply) + "\n")
    return 0


def cmd_chat(args: argparse.Namespace, out: TextIO) -> int:
    engine = _engine(args.knowledge)
    # the same bounded store as on Discord, with one key: follow-ups lean on the last answer
    conversation: ContextStore[str] = ContextStore(seconds=args.followup_seconds, max_keys=1)
    out.write(
        "Ask about «The Challenge» (Вызов) or Tom Cruise's space film; follow-up questions\n"
        '("and when did it come out?") refer to the last answer. '
        "An empty line or Ctrl-D quits.\n"
    )
    while True:
        out.write(PROMPT)
        out.flush()
        line = sys.stdin.readline()
        if not line or not line.strip():
            return 0
        reply = answer(engine, line.strip(), lang=args.lang, context=conversation.get(CHAT))
        if reply.context is not None:
            conversation.put(CHAT, reply.context)
        out.write(render_text(reply) + "\n\n")


def cmd_kb_validate(args: argparse.Namespace, out: TextIO) -> int:
    try:
        kb = load(args.directory)
    except KnowledgeBaseError as exc:
        for problem in exc.problems:
            print(f"error: {problem}", file=sys.stderr)
        print(f"{len(exc.problems)} problem(s); the knowledge base is NOT valid.", file=sys.stderr)
        return 1
    problems = kb_problems(Engine(kb))
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s); the knowledge base is NOT valid.", file=sys.stderr)
        return 1
    out.write(_summary(kb) + " OK\n")
    return 0


def _summary(kb: KnowledgeBase) -> str:
    return (
        f"knowledge base {kb.version}: {len(kb.entries)} entries, {len(kb.entities)} entities, "
        f"{len(kb.sources)} sources, {len(kb.releases)} release events in {len(kb.files)} files."
    )


def cmd_kb_dump(args: argparse.Namespace, out: TextIO) -> int:
    try:
        kb = load(args.directory)
    except KnowledgeBaseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1

    def dump(items: Iterable[Any]) -> list[Any]:
        return [item.model_dump(mode="json", exclude_defaults=False) for item in items]

    document = {
        "version": kb.version,
        "sources": dump(kb.sources.values()),
        "entities": dump(kb.entities.values()),
        "entries": dump(kb.entries.values()),
        "releases": dump(kb.releases.values()),
    }
    out.write(json.dumps(document, ensure_ascii=False, indent=1) + "\n")
    return 0


def cmd_eval(args: argparse.Namespace, out: TextIO) -> int:
    from bot.core import dialogues, evaluation  # only this command needs them

    engine = _engine(args.knowledge)
    if args.dialogues:
        turns = dialogues.evaluate_dialogues(engine, dialogues.load_dialogues(args.dialogues))
        out.write(dialogues.dialogue_report(turns, show_failures=args.failures) + "\n")
        return 0
    results = evaluation.evaluate(engine, evaluation.load_questions(args.questions))
    out.write(evaluation.report(results, engine, show_failures=args.failures) + "\n")
    return 0


def cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    from bot.discordbot.startup import check  # no discord import: a quick health check

    return check(out)


def cmd_run(args: argparse.Namespace, out: TextIO) -> int:
    if args.check:
        return cmd_check(args, out)  # the older spelling of `check`
    from bot.discordbot.runner import run

    return run()


def cmd_misses(args: argparse.Namespace, out: TextIO) -> int:
    from bot.storage.report import print_misses  # the bot's store and settings; no discord

    return print_misses(args.days, args.knowledge, out)


def cmd_sync(args: argparse.Namespace, out: TextIO) -> int:
    from bot.discordbot.runner import sync

    return sync(out)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bot",
        description="Cited answers about «The Challenge» (Вызов) and Tom Cruise's space film.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    def with_kb(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument(
            "--knowledge", type=Path, default=default_knowledge_dir(), help="knowledge directory"
        )
        return p

    def with_lang(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument(
            "--lang",
            choices=("auto", "ru", "en"),
            default="auto",
            help="reply language; auto: the question's own (default)",
        )
        return p

    ask = with_kb(sub.add_parser("ask", help="answer one question (or --jsonl: many from stdin)"))
    ask.add_argument("question", nargs="*", help="the question, in any words")
    mode = ask.add_mutually_exclusive_group()
    mode.add_argument("--json", action="store_true", help="print one JSON object")
    mode.add_argument(
        "--jsonl", action="store_true", help="read questions from stdin, one per line"
    )
    with_lang(ask)
    ask.set_defaults(func=cmd_ask)

    chat = with_lang(with_kb(sub.add_parser("chat", help="interactive prompt, with follow-ups")))
    chat.add_argument(
        "--followup-seconds",
        type=float,
        default=FOLLOWUP_SECONDS,
        help="how long a follow-up may refer to the last answer (default %(default)s)",
    )
    chat.set_defaults(func=cmd_chat)

    kb = sub.add_parser("kb", help="knowledge base tools")
    kb_sub = kb.add_subparsers(dest="kb_command", required=True)
    for name, func, text in (
        ("validate", cmd_kb_validate, "check every file; list every problem"),
        ("dump", cmd_kb_dump, "print the validated knowledge base as JSON"),
    ):
        p = kb_sub.add_parser(name, help=text)
        p.add_argument("directory", nargs="?", type=Path, default=default_knowledge_dir())
        p.set_defaults(func=func)

    ev = with_kb(sub.add_parser("eval", help="accuracy on the labelled question set"))
    ev.add_argument("--questions", type=Path, default=Path("tests/data/questions.yaml"))
    ev.add_argument(
        "--dialogues", type=Path, help="score a dialogue file turn by turn instead of --questions"
    )
    ev.add_argument("--failures", action="store_true", help="list every wrong or missed question")
    ev.set_defaults(func=cmd_eval)

    run = sub.add_parser(
        "run", help="run the Discord bot (token in DISCORD_TOKEN or .env; see .env.example)"
    )
    run.add_argument("--check", action="store_true", help="the same as `python -m bot check`")
    run.set_defaults(func=cmd_run)
    sub.add_parser(
        "check",
        help="check settings, token, knowledge base and store, then exit 0/1 (health check)",
    ).set_defaults(func=cmd_check)
    sub.add_parser(
        "sync", help="register the slash commands with Discord globally (once per release)"
    ).set_defaults(func=cmd_sync)
    misses = sub.add_parser(
        "misses", help="unanswered questions grouped, with YAML to paste; downvoted answers"
    )
    misses.add_argument(
        "--days", type=int, default=7, help="how many days back to look (default %(default)s)"
    )
    misses.add_argument(
        "--knowledge", type=Path, help="knowledge directory (default: as the bot, from settings)"
    )
    misses.set_defaults(func=cmd_misses)
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    args = build_parser().parse_args(argv)
    result: int = args.func(args, out or sys.stdout)
    return result
