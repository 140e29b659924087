"""The `jamlint` command: a thin click layer over `jamlint.api` and the reporters.

Exit status: 0 nothing found at or above the threshold, 1 findings, 2 usage/configuration error
or a file that could not be read, 3 an internal error. Heavy modules (spaCy, pdfplumber) are
imported only by the commands that lint, so `--version`, `rules` and `explain` stay fast.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from jamlint import __version__
from jamlint.config import Config, ConfigError, load_config
from jamlint.model import FileStatus, RunResult, Severity

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERNAL = 0, 1, 2, 3
SEVERITIES = [s.value for s in Severity]


def _csv(values: tuple[str, ...]) -> tuple[str, ...] | None:
    """`--select JAM1,JAM201 --select JAM9` → ("JAM1", "JAM201", "JAM9"); None if not given."""
    if not values:
        return None
    return tuple(v.strip().upper() for item in values for v in item.split(",") if v.strip())


def _load_config(config_path: str | None) -> Config:
    try:
        return load_config(Path(config_path) if config_path else None)
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None


class JamlintGroup(click.Group):
    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort, SystemExit):
            raise
        except Exception as exc:  # an internal error is not a finding: say so, exit 3
            click.echo(f"jamlint: internt fel: {type(exc).__name__}: {exc}", err=True)
            sys.exit(EXIT_INTERNAL)


@click.group(cls=JamlintGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="jamlint", message="%(prog)s %(version)s")
def cli() -> None:
    """jamlint granskar tjänsteskrivelser: beskrivs konsekvenserna för kvinnor och män,
    flickor och pojkar, och är statistiken om personer uppdelad på kön?"""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", default=None, help="Utdataformat: text, concise, json, …")
@click.option("--select", multiple=True, help="Kör bara dessa regler (koder eller prefix).")
@click.option("--extend-select", multiple=True, help="Lägg till regler utöver urvalet.")
@click.option("--ignore", multiple=True, help="Hoppa över dessa regler.")
@click.option("--min-severity", type=click.Choice(SEVERITIES), default=None,
              help="Visa bara anmärkningar med minst denna allvarlighetsgrad.")
@click.option("--include", multiple=True, help="Filmönster att granska i kataloger.")
@click.option("--exclude", multiple=True, help="Filmönster att hoppa över.")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False),
              help="Katalog med egna regler (YAML).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help="Konfigurationsfil (jamlint.toml eller pyproject.toml).")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Skriv resultatet till en fil i stället för standard ut.")
@click.option("--statistics", is_flag=True, help="Skriv antal anmärkningar per regel.")
@click.option("--quiet", "-q", is_flag=True, help="Bara anmärkningarna, ingen sammanfattning.")
@click.option("--exit-zero", is_flag=True, help="Avsluta med status 0 även när något hittas.")
def check(paths, fmt, select, extend_select, ignore, min_severity, include, exclude,
          rule_dirs, config_path, output, statistics, quiet, exit_zero) -> None:
    """Granska filer och kataloger (PATHS; '-' läser text från standard in)."""
    from jamlint.reporters import REPORTERS

    base = _load_config(config_path)
    try:
        config = base.merged(
            format=fmt,
            select=_csv(select),
            extend_select=_csv(extend_select) or None,
            ignore=(tuple(base.ignore) + _csv(ignore)) if ignore else None,
            min_severity=min_severity,
            include=tuple(include) or None,
            exclude=(tuple(base.exclude) + tuple(exclude)) if exclude else None,
            rules=(tuple(base.rules) + tuple(str(Path(d).resolve()) for d in rule_dirs))
            if rule_dirs else None,
        )
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None
    if config.format not in REPORTERS:
        raise click.BadParameter(
            f"okänt format '{config.format}'; välj bland {', '.join(REPORTERS)}",
            param_hint="--format",
        )
    result = _run(paths, config)
    _report(result, config.format, output, quiet=quiet, statistics=statistics,
            rule_dirs=tuple(config.rules))
    sys.exit(exit_status(result, exit_zero))


def _run(paths, config: Config) -> RunResult:
    from jamlint.api import lint_paths
    from jamlint.engine.rule import RuleError

    try:
        return lint_paths(list(paths), config)
    except RuleError as exc:
        raise click.UsageError(f"regeluppsättningen kan inte laddas: {exc}") from None


def _report(result: RunResult, fmt: str, output: str | None, quiet: bool, statistics: bool,
            rule_dirs: tuple[str, ...] = ()) -> None:
    from jamlint.reporters import ReportOptions, get_reporter

    reporter = get_reporter(fmt)
    # rule metadata only for the formats that describe rules (SARIF)
    rules = _rule_infos(rule_dirs) if getattr(reporter, "needs_rules", False) else ()
    if output:
        with open(output, "w", encoding="utf-8", newline="") as fh:
            reporter(result, fh, ReportOptions(color=False, quiet=quiet, statistics=statistics,
                                             rules=rules))
        return
    stream = click.get_text_stream("stdout")
    color = stream.isatty()
    reporter(result, stream, ReportOptions(color=color, quiet=quiet, statistics=statistics,
                                         rules=rules))


def _rule_infos(rule_dirs: tuple[str, ...]) -> tuple:
    from jamlint.engine.loader import load_rules
    from jamlint.model.finding import RuleInfo

    fields = set(RuleInfo.model_fields)
    rules = load_rules(rule_dirs).rules
    return tuple(RuleInfo(**r.descriptor.model_dump(include=fields)) for r in rules)


def exit_status(result: RunResult, exit_zero: bool) -> int:
    if any(fr.status is FileStatus.ERROR for fr in result.files):
        return EXIT_ERROR
    if exit_zero:
        return EXIT_OK
    return EXIT_FINDINGS if any(fr.findings for fr in result.files) else EXIT_OK


@cli.command("rules")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None)
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False))
def rules_cmd(config_path, rule_dirs) -> None:
    """Lista alla regler: kod, namn, kategori, allvarlighetsgrad och om den är påslagen."""
    from jamlint.engine.loader import load_rules
    from jamlint.engine.rule import RuleError
    from jamlint.selection import is_enabled

    config = _load_config(config_path)
    try:
        ruleset = load_rules(tuple(config.rules) + tuple(rule_dirs))
    except RuleError as exc:
        raise click.UsageError(f"regeluppsättningen kan inte laddas: {exc}") from None
    rows = [("KOD", "NAMN", "KATEGORI", "GRAD", "PÅ")]
    for rule in ruleset.rules:
        d = rule.descriptor
        on = is_enabled(d.code, d.enabled, config.select, config.extend_select, config.ignore)
        sev = config.severity.get(d.code, d.severity).value
        rows.append((d.code, d.name, d.category.value, sev, "ja" if on else "nej"))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        click.echo("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())


@cli.command()
@click.argument("code")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False))
def explain(code: str, rule_dirs) -> None:
    """Förklara en regel, med ett dåligt och ett bra exempel."""
    from jamlint.engine.loader import load_rules

    rule = load_rules(rule_dirs).get(code.strip().upper())
    if rule is None:
        raise click.UsageError(f"det finns ingen regel med koden {code}")
    d = rule.descriptor
    click.echo(f"{d.code} {d.name} ({d.category.value}, {d.severity.value})\n")
    click.echo(f"{d.message}\n")
    click.echo(d.explanation.strip() + "\n")
    if d.hint:
        click.echo(f"Skriv i stället: {d.hint}\n")
    click.echo("Underkänns:\n" + _indent(d.examples.fail) + "\n")
    click.echo("Godkänns:\n" + _indent(d.examples.pass_) + "\n")
    click.echo("Källor:")
    for ref in d.references:
        click.echo(f"  - {ref}")


def _indent(text: str) -> str:
    return "\n".join("    " + line for line in text.strip().splitlines())


def main() -> None:
    cli(prog_name="jamlint")
