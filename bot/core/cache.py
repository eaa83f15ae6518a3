"""A disk cache of the built engine, so `python -m bot ask` starts in a fraction of a second.

Building the engine (YAML, validation, reading every phrasing) costs a few hundred
milliseconds; unpickling the result costs about ten. The cache key covers every byte the
result depends on: all files under the knowledge directory, the engine's own source code,
the versions of the libraries that shape the index, and the Python version. A changed file,
a new release or a corrupt cache file only means a rebuild, never a stale answer, and a
cache that cannot be written is skipped silently.
The cache lives in the user's own cache directory, which only that user can write.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from importlib import metadata
from pathlib import Path

from bot.core.engine import Engine
from bot.core.language import LanguageDetector, adopt, detector
from bot.core.loader import load

LIBRARIES = ("PyStemmer", "stop-words", "rapidfuzz", "pydantic", "PyYAML")
KEEP_FILES = 4  # older cache files are removed: a few knowledge versions side by side
_CORE = Path(__file__).resolve().parent


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "vyzov-bot"


def cache_key(directory: Path) -> str:
    """A digest of everything the built engine depends on."""
    digest = hashlib.sha256(sys.version.encode())
    for package in LIBRARIES:  # their word lists and stemmers shape the index too
        try:
            digest.update(f"{package}={metadata.version(package)}\0".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{package}=?\0".encode())
    for root, label in ((_CORE, "core"), (Path(directory), "knowledge")):
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            if root is _CORE and path.suffix != ".py":
                continue
            digest.update(f"{label}/{path.relative_to(root).as_posix()}\0".encode())
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def load_engine(directory: Path, *, use_cache: bool = True) -> Engine:
    """The engine for `directory`, from the cache when its key matches; raises like `load`."""
    if not use_cache or not Path(directory).is_dir():
        return Engine(load(directory))
    try:
        path = cache_dir() / f"engine-{cache_key(directory)}.pickle"
    except OSError:
        return Engine(load(directory))
    try:
        with path.open("rb") as handle:
            cached = pickle.load(handle)
        engine, found = cached
        if isinstance(engine, Engine) and isinstance(found, LanguageDetector):
            # the reply language's word lists cost as much to build as the answer: keep both
            adopt(engine.kb, found)
            return engine
    except Exception:  # missing, truncated or from an older layout: rebuild below
        pass
    engine = Engine(load(directory))
    _store(path, (engine, detector(engine.kb)))
    return engine


def _store(path: Path, built: tuple[Engine, LanguageDetector]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as handle:
            pickle.dump(built, handle, protocol=pickle.HIGHEST_PROTOCOL)
        Path(handle.name).replace(path)  # atomic: a reader never sees half a file
        olds = sorted(path.parent.glob("engine-*.pickle"), key=lambda p: p.stat().st_mtime)
        for old in olds[:-KEEP_FILES]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only home or a full disk costs speed, not answers
