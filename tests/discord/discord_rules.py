"""What Discord refuses: message, embed, autocomplete and command-definition limits.

The fake answers a request that breaks one of these with Discord's own error (400, code 50035
"Invalid Form Body", or 50006 for an empty message), so a bot that overflows a limit fails
its test instead of passing against a lenient fake.
"""

from __future__ import annotations

import re
from typing import Any

Json = dict[str, Any]

# Discord's message limits
EMBED_LIMITS = {"title": 256, "description": 4096, "footer": 2048, "author": 256}
FIELD_NAME, FIELD_VALUE, MAX_FIELDS, EMBED_TOTAL = 256, 1024, 25, 6000


class RefusedError(Exception):
    def __init__(self, message: str, *, code: int = 50035, status: int = 400) -> None:
        super().__init__(message)
        self.message, self.code, self.status = message, code, status


def check_message(body: Json) -> None:
    content = body.get("content") or ""
    embeds = body.get("embeds") or []
    components = body.get("components") or []
    if len(content) > 2000:
        raise RefusedError(f"content is {len(content)} characters; the limit is 2000")
    if not content and not embeds and not components and not body.get("_files"):
        raise RefusedError("Cannot send an empty message", code=50006)
    if len(embeds) > 10:
        raise RefusedError("at most 10 embeds")
    total = 0
    for embed in embeds:
        total += check_embed(embed)
    if total > EMBED_TOTAL:
        raise RefusedError(f"embeds hold {total} characters; the limit is {EMBED_TOTAL}")
    if len(components) > 5:
        raise RefusedError("at most 5 action rows")
    for row in components:
        buttons = row.get("components") or []
        if row.get("type") != 1 or not 1 <= len(buttons) <= 5:
            raise RefusedError("an action row holds 1 to 5 components")
        for button in buttons:
            label = button.get("label") or ""
            if len(label) > 80 or len(button.get("custom_id") or "") > 100:
                raise RefusedError("button label over 80 or custom_id over 100 characters")
            if button.get("style") == 5 and not button.get("url"):
                raise RefusedError("a link button needs a url")


def check_embed(embed: Json) -> int:
    sizes = {
        "title": len(embed.get("title") or ""),
        "description": len(embed.get("description") or ""),
        "footer": len((embed.get("footer") or {}).get("text") or ""),
        "author": len((embed.get("author") or {}).get("name") or ""),
    }
    for part, size in sizes.items():
        if size > EMBED_LIMITS[part]:
            raise RefusedError(
                f"embed {part} is {size} characters; the limit is {EMBED_LIMITS[part]}"
            )
    fields = embed.get("fields") or []
    if len(fields) > MAX_FIELDS:
        raise RefusedError(f"{len(fields)} embed fields; the limit is {MAX_FIELDS}")
    total = sum(sizes.values())
    for item in fields:
        name, value = item.get("name") or "", item.get("value") or ""
        if not name or not value or len(name) > FIELD_NAME or len(value) > FIELD_VALUE:
            raise RefusedError("an embed field needs a name (<= 256) and a value (<= 1024)")
        total += len(name) + len(value)
    return total


def check_choices(data: Json) -> None:
    choices = data.get("choices")
    if not isinstance(choices, list) or len(choices) > 25:
        raise RefusedError("autocomplete needs a list of at most 25 choices")
    for choice in choices:
        name, value = choice.get("name") or "", choice.get("value")
        if not 1 <= len(name) <= 100 or (isinstance(value, str) and len(value) > 100):
            raise RefusedError(f"choice name 1-100 and value <= 100 characters: {choice!r}")


_NAME = re.compile(r"^[-_\w]{1,32}$")
# the locales Discord accepts in name_localizations / description_localizations
LOCALES = frozenset(
    "id da de en-GB en-US es-ES es-419 fr hr it lt hu nl no pl pt-BR ro fi sv-SE vi tr cs el "
    "bg ru uk hi th zh-CN ja zh-TW ko".split()
)


def check_localizations(item: Json, *, named: bool = True) -> None:
    """Localised names follow the name rules, descriptions 1-100 characters, locales known."""
    for key, limit in (("name_localizations", 32), ("description_localizations", 100)):
        table = item.get(key)
        if table is None:
            continue
        if not isinstance(table, dict):
            raise RefusedError(f"{key} must be an object of locale -> text")
        for locale, text in table.items():
            if locale not in LOCALES:
                raise RefusedError(f"{key}: {locale!r} is not a locale Discord knows")
            if not isinstance(text, str) or not 1 <= len(text) <= limit:
                raise RefusedError(f"{key}[{locale}] must be 1 to {limit} characters")
            bad_name = not _NAME.fullmatch(text) or text != text.lower()
            if key == "name_localizations" and named and bad_name:
                raise RefusedError(f"invalid localised name {text!r} ({locale})")


def check_command(command: Json, depth: int = 0) -> None:
    name = command.get("name") or ""
    if not _NAME.fullmatch(name) or name != name.lower():
        raise RefusedError(f"invalid command or option name {name!r}")
    if command.get("type", 1) == 1 and not 1 <= len(command.get("description") or "") <= 100:
        raise RefusedError(f"{name!r} needs a description of 1 to 100 characters")
    check_localizations(command)
    for choice in command.get("choices") or []:
        # a choice's name is free text (up to 100 characters), not a command-style name
        table = choice.get("name_localizations") or {}
        for locale, text in table.items():
            if locale not in LOCALES or not 1 <= len(text) <= 100:
                raise RefusedError(f"choice {choice.get('name')!r}: bad localisation {locale!r}")
    options = command.get("options") or []
    if len(options) > 25:
        raise RefusedError(f"{name!r} has more than 25 options")
    seen_optional = False
    for option in options:
        if option.get("type") in (1, 2):
            if depth >= 2:
                raise RefusedError("subcommands nest at most two levels")
            check_command(option, depth + 1)
            continue
        check_command({**option, "type": 1, "options": []}, depth + 1)
        if option.get("required"):
            if seen_optional:
                raise RefusedError(f"required option {option['name']!r} after an optional one")
        else:
            seen_optional = True
        if len(option.get("choices") or []) > 25:
            raise RefusedError(f"option {option['name']!r} has more than 25 choices")
