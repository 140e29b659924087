"""The `jamlint` command: a thin click layer over `jamlint.api` and the reporters.

Exit status: 0 nothing found at or above the threshold, 1 findings, 2 usage/configuration error
or a file that could not be read, 3 an internal error. `audit` differs: 0 once its report is
written (see its help). Heavy modules (spaCy, pdfplumber) are
imported only by the commands that lint, so `--version`, `rules` and `explain` stay fast.
"""

from __future__ import annotations

import os
import sys
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import click

from jamlint import __version__
from jamlint.config import Config, ConfigError, load_config
from jamlint.model import FileStatus, RunResult, Severity

if TYPE_CHECKING:
    from jamlint.audit import Audit

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERNAL = 0, 1, 2, 3
EXIT_BROKEN_PIPE = 141
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
        except BrokenPipeError:
            # `jamlint check … | head`: the reader has gone. Not an internal error; exit as a
            # program killed by SIGPIPE would (128 + 13), quietly
            sys.stderr.close()
            sys.exit(EXIT_BROKEN_PIPE)
        except Exception as exc:  # an internal error is not a finding: say so, exit 3
            click.echo(f"jamlint: internt fel: {type(exc).__name__}: {exc}", err=True)
            sys.exit(EXIT_INTERNAL)


def rule_options(f):
    """--select/--extend-select/--ignore/--rules/--config, shared by check, audit and annotate."""
    for option in reversed((
        click.option("--select", multiple=True, help="Kör bara dessa regler (koder eller prefix)."),
        click.option("--extend-select", multiple=True, help="Lägg till regler utöver urvalet."),
        click.option("--ignore", multiple=True, help="Hoppa över dessa regler."),
        click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False),
                     help="Katalog med egna regler (YAML)."),
        click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
                     help="Konfigurationsfil (jamlint.toml eller pyproject.toml)."),
    )):
        f = option(f)
    return f


def path_options(f):
    """--include/--exclude for commands that walk directories."""
    f = click.option("--exclude", multiple=True, help="Filmönster att hoppa över.")(f)
    return click.option("--include", multiple=True, help="Filmönster att granska i kataloger.")(f)


@click.group(cls=JamlintGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="jamlint", message="%(prog)s %(version)s")
def cli() -> None:
    """jamlint granskar tjänsteskrivelser: beskrivs konsekvenserna för kvinnor och män,
    flickor och pojkar, och är statistiken om personer uppdelad på kön?"""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", default=None, help="Utdataformat: text, concise, json, …")
@rule_options
@click.option("--min-severity", type=click.Choice(SEVERITIES), default=None,
              help="Visa bara anmärkningar med minst denna allvarlighetsgrad.")
@path_options
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Skriv resultatet till en fil i stället för standard ut.")
@click.option("--statistics", is_flag=True, help="Skriv antal anmärkningar per regel.")
@click.option("--quiet", "-q", is_flag=True, help="Bara anmärkningarna, ingen sammanfattning.")
@click.option("--exit-zero", is_flag=True, help="Avsluta med status 0 även när något hittas.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, metavar="N",
              help="Antal parallella processer. Standard: alla kärnor (några få filer granskas "
                   "alltid i en process).")
@click.option("--cache/--no-cache", "use_cache", default=False,
              help="Återanvänd sparade resultat för oförändrade filer (i användarens "
                   "cachekatalog; JAMLINT_CACHE_DIR väljer en annan). Standard: av.")
def check(paths, fmt, select, extend_select, ignore, min_severity, include, exclude,
          rule_dirs, config_path, output, statistics, quiet, exit_zero, jobs, use_cache) -> None:
    """Granska filer och kataloger (PATHS; '-' läser text från standard in)."""
    from jamlint.reporters import REPORTERS

    config = _cli_config(config_path, select, extend_select, ignore, include, exclude,
                         rule_dirs, format=fmt, min_severity=min_severity)
    if config.format not in REPORTERS:
        raise click.BadParameter(
            f"okänt format '{config.format}'; välj bland {', '.join(REPORTERS)}",
            param_hint="--format",
        )
    result = _run(paths, config, jobs=jobs, use_cache=use_cache)
    _report(result, config.format, output, quiet=quiet, statistics=statistics,
            rule_dirs=tuple(config.rules))
    sys.exit(exit_status(result, exit_zero))


def _run(paths, config: Config, jobs: int | None = 1, use_cache: bool = False) -> RunResult:
    """Lint `paths`; `jobs` None means one process per core, but never more than files."""
    from jamlint.api import collect_targets, lint_paths
    from jamlint.engine.rule import RuleError

    if jobs is None:
        jobs = min(os.cpu_count() or 1, max(1, len(collect_targets(list(paths), config))))
    try:
        return lint_paths(list(paths), config, jobs=jobs, use_cache=use_cache)
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
    stream = sys.stdout
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

@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--report", "report_path", default="jamlint-rapport.html", show_default=True,
              metavar="FIL",
              help="HTML-rapporten (en fil som fungerar utan nätverk).")
@click.option("--csv", "csv_path", default=None, metavar="FIL",
              help="CSV med en rad per ärende. Standard: rapportens namn med .csv. Alla "
                   "anmärkningar skrivs bredvid, i NAMN-anmarkningar.csv.")
@click.option("--json", "json_path", default=None, metavar="FIL",
              help="JSON med sammanfattning och ärenden. Standard: rapportens namn med .json.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, metavar="N",
              help="Antal parallella processer. Standard: alla kärnor.")
@click.option("--no-cache", is_flag=True,
              help="Läs och granska varje fil på nytt, utan att använda sparade resultat.")
@click.option("--fail-under", type=click.IntRange(0, 100), default=None, metavar="PROCENT",
              help="Avsluta med status 1 om andelen läsbara ärenden som uppfyller punkt 6 "
                   "eller 7 är under PROCENT.")
@rule_options
@path_options
def audit(paths, report_path, csv_path, json_path, jobs, no_cache, fail_under, select,
          extend_select, ignore, include, exclude, rule_dirs, config_path) -> None:
    """Granska en mapp med ärenden och skriv en rapport till analysgruppen.

    Skriver en HTML-rapport (sammanfattning, diagram per regel och per nämnd, en
    sorterbar tabell över ärendena och varje ärendes anmärkningar, och ett förslag till
    självskattning för SKR:s checklista punkt 6 och 7) och samma uppgifter som CSV för
    Excel (en rad per ärende, och en fil med alla anmärkningar) och som JSON.

    En fil som inte kan läsas stoppar inte granskningen: den räknas för sig i rapporten.
    Resultaten sparas i användarens cachekatalog (aldrig bredvid dokumenten), så en ny
    körning över oförändrade filer går fort; JAMLINT_CACHE_DIR väljer en annan katalog.

    Slutstatus: 0 när rapporten är skriven, även om ärenden har anmärkningar eller inte
    kunde läsas; 1 med --fail-under när en andel är under gränsen; 2 vid felaktig
    användning (okänd sökväg, tom mapp, felaktig konfiguration, rapporten kan inte skrivas).
    """
    from jamlint.audit import build_audit

    # an audit counts every finding; --min-severity is a display filter for `check`
    config = _cli_config(config_path, select, extend_select, ignore, include, exclude,
                         rule_dirs, min_severity=Severity.INFO.value)
    outputs = AuditOutputs.of(report_path, csv_path, json_path)
    n_files = _count_audit_targets(paths, config)
    workers = min(jobs or _usable_cpus(), n_files)
    result = _run_audit(paths, config, workers, use_cache=not no_cache)
    infos, enabled = _rules_and_enabled(config)
    report = build_audit(result, rules=infos, enabled=enabled)
    outputs.write(report, result)
    for line in audit_summary_lines(report, outputs):
        click.echo(line)
    sys.exit(EXIT_FINDINGS if fail_under is not None and _below(report, fail_under) else EXIT_OK)


def _usable_cpus() -> int:
    """The cores this process may run on (a container or taskset may allow fewer than exist)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _cli_config(config_path, select, extend_select, ignore, include, exclude, rule_dirs,
                **overrides) -> Config:
    """The configuration file with the command line's options applied on top: `--select`
    replaces, `--ignore`/`--exclude`/`--rules` add to what the file says."""
    base = _load_config(config_path)
    try:
        return base.merged(
            select=_csv(select),
            extend_select=_csv(extend_select) or None,
            ignore=(tuple(base.ignore) + _csv(ignore)) if ignore else None,
            include=tuple(include) or None,
            exclude=(tuple(base.exclude) + tuple(exclude)) if exclude else None,
            rules=(tuple(base.rules) + tuple(str(Path(d).resolve()) for d in rule_dirs))
            if rule_dirs else None,
            **overrides,
        )
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None


@dataclass(frozen=True)
class AuditOutputs:
    """Where `audit` writes: the HTML report, the CSVs (cases, findings) and the JSON."""

    html: Path
    cases_csv: Path
    findings_csv: Path
    json: Path

    @classmethod
    def of(cls, report: str, csv_path: str | None, json_path: str | None) -> AuditOutputs:
        html = Path(report)
        cases = Path(csv_path) if csv_path else html.with_suffix(".csv")
        out = cls(
            html=html,
            cases_csv=cases,
            findings_csv=cases.with_name(f"{cases.stem}-anmarkningar.csv"),
            json=Path(json_path) if json_path else html.with_suffix(".json"),
        )
        # fail before hours of work, not after
        for p in (out.html, out.cases_csv, out.json):
            if p.is_dir():
                raise click.UsageError(f"{p} är en katalog; ange ett filnamn.")
            if not p.resolve().parent.is_dir():
                raise click.UsageError(f"katalogen för {p} finns inte.")
        return out

    def write(self, report: Audit, result: RunResult) -> None:
        from jamlint.audit import write_cases_csv
        from jamlint.reporters import ReportOptions
        from jamlint.reporters.csv import render as render_findings_csv
        from jamlint.reporters.html import render_audit

        _write(self.html, lambda fh: render_audit(report, fh))
        _write(self.cases_csv, lambda fh: write_cases_csv(report, fh))
        _write(self.findings_csv, lambda fh: render_findings_csv(result, fh, ReportOptions()))
        _write(self.json, lambda fh: _dump_json(report.to_json_dict(), fh))


def _write(path: Path, fill) -> None:
    try:
        with open(path, "w", encoding="utf-8", newline="") as fh:
            fill(fh)
    except OSError as exc:
        raise click.UsageError(f"kan inte skriva {path}: {exc.strerror or exc}") from None


def _dump_json(data, fh) -> None:
    import json

    json.dump(data, fh, ensure_ascii=False, indent=2)
    fh.write("\n")


def _count_audit_targets(paths, config: Config) -> int:
    """How many files the audit will read; a path that is missing or empty is a usage error."""
    from jamlint.api import collect_targets

    targets = collect_targets(list(paths), config)
    for t in targets:
        if t.problem is not None:
            raise click.UsageError(t.message)
    if not targets:
        raise click.UsageError("det finns inga dokument att granska.")
    return len(targets)


def _run_audit(paths, config: Config, jobs: int, use_cache: bool) -> RunResult:
    from jamlint.api import lint_paths
    from jamlint.engine.rule import RuleError

    try:
        with ExitStack() as stack:
            on_start, on_file = progress_callbacks(sys.stderr, stack)
            return lint_paths(list(paths), config, jobs=jobs, use_cache=use_cache,
                              on_start=on_start, on_file=on_file)
    except RuleError as exc:
        raise click.UsageError(f"regeluppsättningen kan inte laddas: {exc}") from None


def progress_callbacks(stream, stack: ExitStack):
    """`on_start`/`on_file` that draw a progress bar on `stream` — only on a terminal.

    Piped or redirected output gets no bar (and no control characters in a log).
    """
    if not stream.isatty():
        return None, None
    bars: list = []

    def on_start(total: int) -> None:
        bar = click.progressbar(length=total, label="Granskar", file=stream, show_pos=True,
                                item_show_func=_progress_item)
        bars.append(stack.enter_context(bar))

    def on_file(result) -> None:
        if bars:
            bars[0].update(1, result.path)

    return on_start, on_file


def _progress_item(path: str | None) -> str | None:
    if path is None:
        return None
    name = Path(path).name
    return name if len(name) <= 40 else name[:39] + "…"


def _rules_and_enabled(config: Config):
    """Rule descriptions for the report, and the codes switched on by the selection."""
    from jamlint.engine.loader import load_rules
    from jamlint.model.finding import RuleInfo
    from jamlint.selection import is_enabled

    fields = set(RuleInfo.model_fields)
    rules = load_rules(tuple(config.rules)).rules
    infos = tuple(RuleInfo(**r.descriptor.model_dump(include=fields)) for r in rules)
    enabled = frozenset(
        r.code for r in rules
        if is_enabled(r.code, r.descriptor.enabled, config.select, config.extend_select,
                      config.ignore)
    )
    return infos, enabled


def _below(report: Audit, fail_under: int) -> bool:
    """True when a measured item's share is under `fail_under` % (or nothing was readable)."""
    for a in report.assessments:
        if a.score is None and not a.rules_off:
            return True  # no readable case: no evidence of compliance
        if a.score is not None and a.compliant * 100 < fail_under * a.base:
            return True
    return False


def audit_summary_lines(report: Audit, outputs: AuditOutputs) -> list[str]:
    from jamlint.audit import percent

    s = report.summary
    cases = f"{s.cases} ärende" if s.cases == 1 else f"{s.cases} ärenden"
    head = f"Granskade {cases}: {s.readable} kunde läsas, {s.unreadable} kunde inte läsas."
    lines = [head]
    labels = {6: "Statistik om personer uppdelad på kön",
              7: "Beskrivning av konsekvenser för kvinnor och män"}
    for a in sorted(report.assessments, key=lambda a: a.item):
        score = "kan inte bedömas" if a.score is None else f"{a.score} ({a.score_label})"
        lines.append(f"{labels.get(a.item, a.criterion)}: {a.compliant} av {a.base} "
                     f"({percent(a.share)}). Förslag punkt {a.item}: {score}.")
    lines += [
        f"Rapport: {outputs.html}",
        f"CSV: {outputs.cases_csv} (ärenden), {outputs.findings_csv} (anmärkningar)",
        f"JSON: {outputs.json}",
    ]
    return lines


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False), default=None, metavar="FIL",
              help="Var kopian skrivs (bara med en fil). Standard: NAMN.jamlint.docx bredvid "
                   "originalet.")
@rule_options
def annotate(paths, output, select, extend_select, ignore, rule_dirs, config_path) -> None:
    """Skriv en kopia av dokumentet med en Word-kommentar på varje anmärkning.

    Kommentaren sitter på just den text som anmärkningen gäller (siffran, meningen,
    rubriken) och säger vad som saknas och vad du kan skriva i stället. Anmärkningar om
    hela dokumentet sitter på rubriken. Originalet ändras aldrig; kopian heter
    NAMN.jamlint.docx. Kör kommandot igen på ett kommenterat dokument (med ett nytt namn
    för kopian, -o) så ersätts jamlints tidigare kommentarer, medan andras kommentarer står
    kvar. En PDF får i stället anteckningar (gula lappar) vid texten.

    Vill du att jamlint ska låta bli en anmärkning, skriv en egen Word-kommentar på
    stycket: "jamlint: ignorera JAM201" följt av varför.

    Slutstatus: 0 när kopiorna är skrivna, 2 när en fil inte kunde läsas eller skrivas.
    """
    from jamlint.annotate import AnnotateError, annotate_file
    from jamlint.api import Linter
    from jamlint.engine.rule import RuleError

    if output and len(paths) > 1:
        raise click.UsageError("-o kan bara användas när en fil kommenteras.")
    config = _cli_config(config_path, select, extend_select, ignore, (), (), rule_dirs)
    try:
        linter = Linter(config)
    except RuleError as exc:
        raise click.UsageError(f"regeluppsättningen kan inte laddas: {exc}") from None
    failed = False
    for path in paths:
        try:
            result = annotate_file(path, output, linter)
        except AnnotateError as exc:
            click.echo(f"jamlint: {exc.message}", err=True)
            failed = True
            continue
        for line in annotate_summary_lines(result):
            click.echo(line)
    sys.exit(EXIT_ERROR if failed else EXIT_OK)


def annotate_summary_lines(result) -> list[str]:
    from jamlint.annotate import messages

    if not result.notes and not result.removed:
        return [messages.SUMMARY_NOTHING.format(path=result.path, output=result.output)]
    notes = messages.count_notes(result.notes, result.format.value)
    lines = [messages.SUMMARY.format(path=result.path, output=result.output, notes=notes)]
    if result.removed:
        lines.append(messages.SUMMARY_REMOVED.format(removed=result.removed))
    for anchor in result.approximate:
        lines.append(messages.SUMMARY_APPROXIMATE.format(code=anchor.finding.code,
                                                         excerpt=anchor.finding.excerpt))
    return lines


def main() -> None:
    cli(prog_name="jamlint")
