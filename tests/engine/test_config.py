"""Configuration files: found, validated, and every error names its key."""

from pathlib import Path

import pytest

from jamlint.config import Config, ConfigError, load_config
from jamlint.model import SectionKind, Severity


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_a_file(tmp_path):
    assert load_config(start=tmp_path) == Config()


def test_jamlint_toml_with_kebab_keys(tmp_path):
    write(
        tmp_path / "jamlint.toml",
        """
select = ["JAM1", "JAM201"]
ignore = ["JAM203"]
min-severity = "warning"
per-file-ignores = { "arkiv/*" = ["JAM201"] }
severity = { JAM106 = "error" }
extra-headings = { gender = ["^könsperspektiv och mångfald"] }
max-pages = 50
""",
    )
    c = load_config(start=tmp_path)
    assert c.select == ("JAM1", "JAM201")
    assert c.ignore == ("JAM203",)
    assert c.min_severity is Severity.WARNING
    assert c.per_file_ignores == {"arkiv/*": ("JAM201",)}
    assert c.severity == {"JAM106": Severity.ERROR}
    assert c.extra_headings == {SectionKind.GENDER: ("^könsperspektiv och mångfald",)}
    assert c.max_pages == 50


def test_pyproject_tool_table_found_from_subdirectory(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.jamlint]\nignore = ["JAM107"]\n')
    sub = tmp_path / "ärenden" / "2024"
    sub.mkdir(parents=True)
    assert load_config(start=sub).ignore == ("JAM107",)


def test_pyproject_without_table_is_skipped(tmp_path):
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n')
    assert load_config(start=tmp_path) == Config()


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ('selekt = ["JAM1"]', "okänd inställning 'selekt'"),
        ('min-severity = "kritisk"', "'min-severity'"),
        ('select = ["jam1x"]', "'select"),
        ("max-pages = 0", "'max-pages'"),
        ('severity = { JAM106 = "högsta" }', "'severity.JAM106'"),
        ('extra-headings = { "kön" = ["x"] }', "'extra-headings"),
    ],
)
def test_errors_name_the_key(tmp_path, text, needle):
    write(tmp_path / "jamlint.toml", text + "\n")
    with pytest.raises(ConfigError) as err:
        load_config(start=tmp_path)
    assert needle in str(err.value)
    assert "jamlint.toml" in str(err.value)


def test_invalid_toml(tmp_path):
    write(tmp_path / "jamlint.toml", "select = [\n")
    with pytest.raises(ConfigError, match="ogiltig TOML"):
        load_config(start=tmp_path)


def test_rule_dirs_relative_to_config_file(tmp_path):
    write(tmp_path / "jamlint.toml", 'rules = ["egna-regler"]\n')
    c = load_config(start=tmp_path)
    assert c.rules == (str((tmp_path / "egna-regler").resolve()),)


def test_merged_overrides_and_validates():
    c = Config().merged(select=("JAM2",), format=None)
    assert c.select == ("JAM2",)
    with pytest.raises(ConfigError, match="min-severity"):
        Config().merged(min_severity="fel")
