"""Where the bot's logs go and how they look: readable text, or one JSON object per line for a
log collector (`VYZOV_LOG_FORMAT=json`). Secrets given to `setup_logging` (the token) are
replaced in every line, exception text included. Never imports discord.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from collections.abc import Iterable
from typing import TextIO

from bot.settings import LogFormat

# the layout of discord.utils.setup_logging, so text logs look as they always did
TEXT_FORMAT = "[{asctime}] [{levelname:<8}] {name}: {message}"
TEXT_DATES = "%Y-%m-%d %H:%M:%S"
REDACTED = "[redacted]"


class JsonFormatter(logging.Formatter):
    """`{"time", "level", "logger", "message"}`, plus `"exception"` (the traceback) if any."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, str] = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        elif record.exc_text:
            entry["exception"] = record.exc_text
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False)


class RedactingFormatter(logging.Formatter):
    """Formats with `inner`, then blanks out every secret in the finished line."""

    def __init__(self, inner: logging.Formatter, secrets: Iterable[str]) -> None:
        super().__init__()
        self.inner = inner
        # longest first, so a secret containing another is replaced whole
        self.secrets = sorted({s for s in secrets if s}, key=len, reverse=True)

    def format(self, record: logging.LogRecord) -> str:
        line = self.inner.format(record)
        for secret in self.secrets:
            line = line.replace(secret, REDACTED)
        return line


def make_formatter(fmt: LogFormat, secrets: Iterable[str] = ()) -> logging.Formatter:
    inner = (
        JsonFormatter() if fmt == "json" else logging.Formatter(TEXT_FORMAT, TEXT_DATES, style="{")
    )
    return RedactingFormatter(inner, secrets)


def setup_logging(
    level: str,
    fmt: LogFormat = "text",
    *,
    secrets: Iterable[str] = (),
    stream: TextIO | None = None,
) -> logging.Handler:
    """Send every log record at `level` or above to `stream` (stderr); returns the handler."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(make_formatter(fmt, secrets))
    root = logging.getLogger()
    root.setLevel(logging.getLevelNamesMapping()[level])
    root.addHandler(handler)
    return handler
