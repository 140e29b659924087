"""Configuration: `[tool.jamlint]` in pyproject.toml or a jamlint.toml, validated strictly.

Keys are written in kebab-case (`extend-select`, `per-file-ignores`). An unknown key or a bad
value is a `ConfigError` whose message names the key and the file; the CLI exits with 2.
Command-line options override the file (`Config.merged`).
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from jamlint.model import SectionKind, Severity

CONFIG_FILES = ("jamlint.toml", "pyproject.toml")
_CODE_PREFIX = re.compile(r"^[A-Z]{2,8}\d{0,3}$")


class ConfigError(Exception):
    """A configuration file or option that cannot be used (message in Swedish)."""


def _kebab(name: str) -> str:
    return name.replace("_", "-")


class Config(BaseModel):
    model_config = ConfigDict(
        frozen=True, extra="forbid", alias_generator=_kebab, populate_by_name=True
    )

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = Field(default_factory=dict)
    per_file_ignores: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    include: tuple[str, ...] = ("*.docx", "*.pdf", "*.txt", "*.md", "*.markdown")
    exclude: tuple[str, ...] = ()
    min_severity: Severity = Severity.INFO
    format: str = "text"
    rules: tuple[str, ...] = ()
    extra_headings: dict[SectionKind, tuple[str, ...]] = Field(default_factory=dict)
    extra_lexicon_words: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    max_pages: int = Field(default=300, gt=0)
    max_file_mb: int = Field(default=200, gt=0)
    jobs: int | None = Field(default=None, gt=0)
    cache: bool = True
    # where the configuration came from (not a key users write)
    source: str | None = Field(default=None, exclude=True)

    @field_validator("select", "extend_select", "ignore")
    @classmethod
    def _codes(cls, v: tuple[str, ...] | None) -> tuple[str, ...] | None:
        for code in v or ():
            if not _CODE_PREFIX.match(code):
                raise ValueError(f"'{code}' är ingen regelkod (t.ex. JAM201 eller JAM2)")
        return v

    @field_validator("severity")
    @classmethod
    def _severity_codes(cls, v: dict[str, Severity]) -> dict[str, Severity]:
        for code in v:
            if not _CODE_PREFIX.match(code):
                raise ValueError(f"'{code}' är ingen regelkod (t.ex. JAM201)")
        return v

    @field_validator("per_file_ignores")
    @classmethod
    def _pfi(cls, v: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        for codes in v.values():
            cls._codes(codes)
        return v

    def merged(self, **overrides: Any) -> Config:
        """A copy with command-line values (None means "not given") applied and re-validated."""
        data = self.model_dump(by_alias=False)
        data.update({k: v for k, v in overrides.items() if v is not None})
        try:
            return Config.model_validate(data)
        except ValidationError as exc:
            raise ConfigError(describe_error(exc, "kommandoraden")) from None


def describe_error(exc: ValidationError, where: str) -> str:
    lines = []
    for err in exc.errors():
        key = ".".join(_kebab(str(p)) for p in err["loc"]) or "(roten)"
        if err["type"] == "extra_forbidden":
            lines.append(f"{where}: okänd inställning '{key}'")
        else:
            lines.append(f"{where}: felaktigt värde för '{key}': {err['msg']}")
    return "\n".join(lines)


def find_config_file(start: Path) -> tuple[Path, bool] | None:
    """Nearest jamlint.toml, or pyproject.toml with a [tool.jamlint] table, from `start` up."""
    start = start.resolve()
    for folder in (start, *start.parents):
        candidate = folder / "jamlint.toml"
        if candidate.is_file():
            return candidate, False
        candidate = folder / "pyproject.toml"
        if candidate.is_file() and "jamlint" in _read_toml(candidate).get("tool", {}):
            return candidate, True
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: ogiltig TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: kan inte läsas: {exc}") from None


def load_config(path: Path | None = None, start: Path | None = None) -> Config:
    """Read the configuration file given, or the nearest one; defaults when there is none."""
    if path is not None:
        is_pyproject = path.name == "pyproject.toml"
        found: tuple[Path, bool] | None = (path, is_pyproject)
        if not path.is_file():
            raise ConfigError(f"{path}: konfigurationsfilen finns inte")
    else:
        found = find_config_file(start or Path.cwd())
    if found is None:
        return Config()
    file, is_pyproject = found
    data = _read_toml(file)
    where = f"{file} [tool.jamlint]" if is_pyproject else str(file)
    if is_pyproject:
        data = data.get("tool", {}).get("jamlint", {})
    data = _resolve_rule_dirs(data, file.parent)
    try:
        return Config.model_validate({**data, "source": str(file)})
    except ValidationError as exc:
        raise ConfigError(describe_error(exc, where)) from None


def _resolve_rule_dirs(data: dict[str, Any], base: Path) -> dict[str, Any]:
    """Rule directories in a config file are relative to that file."""
    rules = data.get("rules")
    if isinstance(rules, list):
        data = {**data, "rules": [str((base / r).resolve()) for r in rules if isinstance(r, str)]}
    return data
