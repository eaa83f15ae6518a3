"""Which store and which salt a deployment uses, from its settings."""

from __future__ import annotations

import logging
import secrets

from bot.settings import Settings
from bot.storage.base import Store, StoreError
from bot.storage.identity import stored_salt
from bot.storage.sqlite import SqliteStore

log = logging.getLogger(__name__)

SQLITE_FILE = "vyzov.sqlite3"
NO_DRIVER = (
    "DATABASE_URL is set, but the PostgreSQL driver (psycopg) is not installed: "
    "pip install 'psycopg[binary]>=3.2,<4', or unset DATABASE_URL to use SQLite in {data_dir}"
)


def open_store(settings: Settings) -> Store:
    """PostgreSQL when DATABASE_URL is set, else SQLite in the data directory. Connects later
    (`Store.open`); raises StoreError only when the PostgreSQL driver is missing."""
    if settings.database_url is None:
        return SqliteStore(settings.data_dir / SQLITE_FILE)
    try:
        from bot.storage.postgres import PostgresStore
    except ImportError as exc:
        raise StoreError(NO_DRIVER.format(data_dir=settings.data_dir)) from exc
    return PostgresStore(settings.database_url.get_secret_value())


def user_id_salt(settings: Settings) -> bytes:
    """VYZOV_USER_ID_SALT, else the one kept in the data directory (made on first use).

    If neither can be had (a read-only data directory), a random salt for this run only: votes
    still count once per user until the next restart, and the error is logged.
    """
    if settings.user_id_salt is not None:
        return settings.user_id_salt.get_secret_value().encode()
    if settings.database_url is not None:
        log.warning(
            "VYZOV_USER_ID_SALT is not set: bot processes sharing DATABASE_URL must share one "
            "salt, or one person's votes count once per process"
        )
    try:
        return stored_salt(settings.data_dir)
    except OSError:
        log.exception(
            "Cannot keep a salt in %s; using one for this run only (set VYZOV_USER_ID_SALT)",
            settings.data_dir,
        )
        return secrets.token_hex(32).encode()
