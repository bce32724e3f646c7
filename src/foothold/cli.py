"""The ``foothold`` command: a thin layer over the library.

Exit codes (contract of ``spec/evidence-jsonl.md``): 0 when at least one
document was read, 1 when none was, 2 for a usage error.  Logs and progress go
to standard error; data goes to standard output.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterable

import click

from foothold.case import Case, CaseError, load_case
from foothold.model import Document, ReadError, error_line

log = logging.getLogger("foothold")


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


def _setup_logging(verbose: int) -> None:
    from rich.logging import RichHandler

    level = logging.WARNING - 10 * min(verbose, 2)
    handler = RichHandler(console=_stderr_console(), show_path=False, show_time=False)
    logging.basicConfig(level=level, handlers=[handler], format="%(message)s", force=True)


def _load_case(path: str | None) -> Case:
    try:
        return load_case(path)
    except CaseError as exc:
        raise click.UsageError(str(exc)) from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", count=True, help="More log output on stderr (-v info, -vv debug).")
@click.version_option(package_name="foothold")
@click.pass_context
def cli(ctx: click.Context, verbose: int) -> None:
    """foothold: weigh the evidence on North Korea's push for an industrial foothold in Russia.

    It only watches: North Korean labour abroad is banned by UN Security
    Council resolutions 2375 and 2397.
    """
    _setup_logging(verbose)
    ctx.ensure_object(dict)


# ---------------------------------------------------------------------------
# case


@cli.group()
def case() -> None:
    """The analytic frame: hypotheses, indicators, sectors, actors."""


@case.command("show")
@click.option("--case", "case_path", type=click.Path(dir_okay=False), help="A case YAML file (default: the bundled case).")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "yaml"]), default="text", show_default=True)
def case_show(case_path: str | None, fmt: str) -> None:
    """Print the case."""
    the_case = _load_case(case_path)
    if fmt == "json":
        click.echo(json.dumps(the_case.model_dump(), ensure_ascii=False, indent=2))
        return
    if fmt == "yaml":
        import yaml

        click.echo(yaml.safe_dump(the_case.model_dump(), allow_unicode=True, sort_keys=False))
        return
    from rich.console import Console
    from rich.table import Table

    console = Console()
    console.print(f"[bold]{the_case.title}[/bold]  ({the_case.id}, horizon {the_case.horizon})")
    console.print(the_case.question)
    t = Table(title="Hypotheses")
    t.add_column("id")
    t.add_column("prior", justify="right")
    t.add_column("statement")
    for h in the_case.hypotheses:
        t.add_row(h.id, f"{h.prior:.2f}", h.statement)
    console.print(t)
    t = Table(title="Indicators: P(evidence | hypothesis)")
    t.add_column("id")
    t.add_column("polarity")
    for h in the_case.hypotheses:
        t.add_column(h.id, justify="right")
    for ind in the_case.indicators:
        for pol in ("positive", "negative"):
            lk = the_case.likelihoods(ind.id, pol)
            t.add_row(ind.id if pol == "positive" else "", pol, *[f"{lk[h]:.2f}" for h in the_case.hypothesis_ids])
    console.print(t)
    console.print("Sectors: " + ", ".join(s.id for s in the_case.sectors))
    console.print("Units: " + ", ".join(the_case.units))
    t = Table(title=f"Actors ({len(the_case.actors)})")
    t.add_column("name")
    t.add_column("type")
    t.add_column("grade")
    t.add_column("aliases")
    for a in the_case.actors:
        t.add_row(a.name, a.type, a.reliability or "", ", ".join(a.aliases))
    console.print(t)


# ---------------------------------------------------------------------------
# extract


def _read(paths: Iterable[str]) -> list[Document | ReadError]:
    from foothold.ingest import iter_documents

    return list(iter_documents(paths))


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True, help="Output format (the evidence JSONL contract).")
@click.option("--case", "case_path", type=click.Path(dir_okay=False), help="A case YAML file.")
@click.option("-j", "--jobs", type=int, default=1, show_default=True, help="Worker processes.")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-", help="Write here instead of stdout.")
def extract(paths: tuple[str, ...], fmt: str, case_path: str | None, jobs: int, output) -> None:
    """Extract evidence from reports (files or folders) as JSON Lines on stdout."""
    from foothold.extract import extract_documents

    the_case = _load_case(case_path)
    items = _read(paths)
    n_ok = 0
    for item in extract_documents(items, the_case, jobs=jobs):
        if isinstance(item, ReadError):
            click.echo(f"error: {item}", err=True)
            output.write(error_line(item) + "\n")
        else:
            n_ok += 1
            output.write(item.to_jsonl() + "\n")
    output.flush()
    if n_ok == 0:
        sys.exit(1)


def main() -> None:
    """Entry point of the ``foothold`` console script."""
    try:
        cli.main(prog_name="foothold", standalone_mode=True)
    except KeyboardInterrupt:  # pragma: no cover
        sys.exit(130)
