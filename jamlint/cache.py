"""Result cache for batch runs: a re-run over an unchanged folder does no parsing.

A file's result is stored under a key made of everything that can change it: the file's bytes,
its suppression sidecar, jamlint's version, the rule set (descriptors and lexicons), the
configuration, and the rules enabled for that path. The cache lives in the user's cache
directory (platformdirs), never beside the documents, and holds results only (codes, excerpts,
locations) — no document text beyond the excerpts a report shows anyway.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from jamlint import __version__
from jamlint.model import FileResult

CACHE_FORMAT = "1"


def default_cache_dir() -> Path:
    import platformdirs

    return Path(os.environ.get("JAMLINT_CACHE_DIR") or platformdirs.user_cache_dir("jamlint"))


def _hash_tree(h, root: Traversable | Path) -> None:
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if entry.name == "__pycache__":
            continue
        if entry.is_dir():
            _hash_tree(h, entry)
        elif entry.name.endswith((".yaml", ".txt", ".tsv")):
            h.update(entry.name.encode())
            h.update(entry.read_bytes())


def ruleset_fingerprint(extra_dirs: tuple[str, ...] = ()) -> str:
    """A hash of jamlint's own code, the built-in rules and lexicons, and any rule directories
    in use: results from an edited checkout (same version number) are never served."""
    h = hashlib.sha256(f"jamlint {__version__} cache {CACHE_FORMAT}".encode())
    for source in sorted(Path(__file__).parent.rglob("*.py")):
        h.update(source.read_bytes())
    _hash_tree(h, files("jamlint._rules"))
    for d in extra_dirs:
        if Path(d).is_dir():
            _hash_tree(h, Path(d))
    return h.hexdigest()


@dataclass(frozen=True)
class ResultCache:
    root: Path
    salt: str  # ruleset fingerprint + configuration

    def key(self, data: bytes, sidecar: bytes, enabled: tuple[str, ...]) -> str:
        h = hashlib.sha256(self.salt.encode())
        h.update(hashlib.sha256(data).digest())
        h.update(hashlib.sha256(sidecar).digest())
        h.update(",".join(enabled).encode())
        return h.hexdigest()

    def _path(self, key: str) -> Path:
        return self.root / "results" / key[:2] / f"{key}.json"

    def get(self, key: str, path: str) -> FileResult | None:
        try:
            raw = self._path(key).read_text(encoding="utf-8")
            data = json.loads(raw)
            return FileResult.model_validate({**data, "path": path})
        except (OSError, ValueError):
            return None

    def put(self, key: str, result: FileResult) -> None:
        target = self._path(key)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(result.model_dump_json())
            os.replace(tmp, target)
        except OSError:
            pass  # a cache that cannot be written only costs speed
