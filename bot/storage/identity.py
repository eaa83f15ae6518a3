"""User ids are never stored: only an HMAC-SHA256 of them, keyed with the deployment's salt.

The salt comes from VYZOV_USER_ID_SALT, or is generated once and kept in the data directory
(readable by its owner only). Without the salt a hash cannot be turned back into an id by
trying every possible id; with the same salt the same user always has the same hash, which is
what "one vote per user per answer" needs.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import secrets
from pathlib import Path

log = logging.getLogger(__name__)

SALT_FILE = "user-id-salt"


def user_hash(user_id: int, salt: bytes) -> str:
    return hmac.new(salt, f"discord-user:{user_id}".encode(), hashlib.sha256).hexdigest()


def stored_salt(data_dir: Path) -> bytes:
    """The salt kept in `data_dir`, created there (mode 600) the first time."""
    path = data_dir / SALT_FILE
    try:
        text = path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        text = ""
    if text:
        return text.encode()
    data_dir.mkdir(parents=True, exist_ok=True)
    salt = secrets.token_hex(32)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process made it first: use theirs
        return path.read_text(encoding="ascii").strip().encode()
    with os.fdopen(descriptor, "w", encoding="ascii") as file:
        file.write(salt + "\n")
    log.info("Generated the salt for hashing user ids in %s", path)
    return salt.encode()
